import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import type { ProgrammeLevel } from "../../../generated/graphql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { createProgrammeMutation, updateProgrammeMutation } from "../graphql/mappingMutations";
import { connectIds, sameName, serverErrors } from "../hooks/serverErrors";
import { FormErrors } from "./FormErrors";

const levels: ProgrammeLevel[] = ["BACHELOR", "MASTER", "ASSOCIATE_DEGREE", "MBO_2", "MBO_3", "MBO_4"];
const fields = ["name", "level"] as const;

/**
 * Adds a programme to an institution (then opens its page) or edits one (createProgrammes /
 * updateProgrammes). A programme of the same name at the same institution warns before saving.
 * The mapping status is not edited here: setMappingStatus and the outreach move it.
 */
export function ProgrammeFormButton({
  institutionId,
  programme,
  existingNames,
  onDone,
}: {
  institutionId: string;
  programme?: { id: string; name: string; level: ProgrammeLevel };
  existingNames: string[];
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ name: programme?.name ?? "", level: programme?.level ?? ("BACHELOR" as ProgrammeLevel) });
  const [tried, setTried] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [created, create] = useMutation(createProgrammeMutation);
  const [updated, update] = useMutation(updateProgrammeMutation);
  const state = programme ? updated : created;
  const server = serverErrors(state.error, t, fields);
  const errors: Record<string, string | undefined> = { name: !v.name.trim() ? t("mapping.errors.nameRequired") : undefined };
  const duplicate = existingNames.some((n) => sameName(n, v.name) && !(programme && sameName(n, programme.name)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    if (duplicate && !confirmed) {
      setConfirmed(true);
      return;
    }
    if (programme) {
      const answer = await update({ id: programme.id, update: { name: { set: v.name.trim() }, level: { set: v.level } } });
      if (answer.data) {
        setOpen(false);
        onDone?.();
      }
      return;
    }
    const answer = await create({ input: { name: v.name.trim(), level: v.level, institution: connectIds([institutionId]) } });
    const id = answer.data?.createProgrammes.programmes[0]?.id;
    if (id) {
      setOpen(false);
      onDone?.();
      void navigate(`/programmes/${id}`);
    }
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  const title = programme ? t("mapping.programme.edit") : t("mapping.programme.add");
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {title}
      </button>
      <Dialog title={title} open={open} onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("mapping.fields.name")} required error={show("name")}>
            <input
              value={v.name}
              maxLength={200}
              onChange={(e) => {
                setV({ ...v, name: e.target.value });
                setConfirmed(false);
              }}
            />
          </FormField>
          {duplicate ? (
            <p className="notice warning" role="status" data-testid="duplicate-warning">
              {t("mapping.duplicate.programme", { name: v.name.trim() })}
            </p>
          ) : null}
          <FormField label={t("mapping.fields.level")} required error={show("level")}>
            <select value={v.level} onChange={(e) => setV({ ...v, level: e.target.value as ProgrammeLevel })}>
              {levels.map((l) => (
                <option key={l} value={l}>
                  {t(`organisations.programmeLevel.${l}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={state.fetching}>
              {duplicate && confirmed ? t("mapping.saveAnyway") : t("common.save")}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
