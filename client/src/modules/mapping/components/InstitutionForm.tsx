import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import type { EducationLevel } from "../../../generated/graphql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { createInstitutionMutation, updateInstitutionMutation } from "../graphql/mappingMutations";
import { sameName, serverErrors } from "../hooks/serverErrors";
import { FormErrors } from "./FormErrors";

const kinds: EducationLevel[] = ["WO", "HBO", "MBO"];
const fields = ["name", "shortName", "kind", "city", "website"] as const;

interface Institution {
  id: string;
  name: string;
  shortName?: string | null;
  kind: EducationLevel;
  city?: string | null;
  website?: string | null;
}

/**
 * Adds an institution (then opens its page) or edits one, through createInstitutions /
 * updateInstitutions. A name already in the list warns before saving.
 */
export function InstitutionFormButton({
  institution,
  existingNames = [],
  onDone,
}: {
  institution?: Institution;
  existingNames?: string[];
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    name: institution?.name ?? "",
    shortName: institution?.shortName ?? "",
    kind: institution?.kind ?? ("HBO" as EducationLevel),
    city: institution?.city ?? "",
    website: institution?.website ?? "",
  });
  const [tried, setTried] = useState(false);
  const [confirmedDuplicate, setConfirmedDuplicate] = useState(false);
  const [created, create] = useMutation(createInstitutionMutation);
  const [updated, update] = useMutation(updateInstitutionMutation);
  const state = institution ? updated : created;
  const server = serverErrors(state.error, t, fields);
  const errors: Record<string, string | undefined> = {
    name: !v.name.trim() ? t("mapping.errors.nameRequired") : undefined,
    website: v.website.trim() && !/^https?:\/\/\S+$/.test(v.website.trim()) ? t("mapping.errors.website") : undefined,
  };
  const duplicate = !institution && existingNames.some((n) => sameName(n, v.name));
  const orNull = (s: string) => (s.trim() ? s.trim() : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    if (duplicate && !confirmedDuplicate) {
      setConfirmedDuplicate(true);
      return;
    }
    const values = {
      name: v.name.trim(),
      shortName: orNull(v.shortName),
      kind: v.kind,
      city: orNull(v.city),
      website: orNull(v.website),
    };
    if (institution) {
      const answer = await update({
        id: institution.id,
        update: {
          name: { set: values.name },
          shortName: { set: values.shortName },
          kind: { set: values.kind },
          city: { set: values.city },
          website: { set: values.website },
        },
      });
      if (answer.data) {
        setOpen(false);
        onDone?.();
      }
    } else {
      const answer = await create({ input: values });
      const id = answer.data?.createInstitutions.institutions[0]?.id;
      if (id) {
        setOpen(false);
        onDone?.();
        void navigate(`/institutions/${id}`);
      }
    }
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {institution ? t("mapping.institution.edit") : t("mapping.institution.add")}
      </button>
      <Dialog
        title={institution ? t("mapping.institution.edit") : t("mapping.institution.add")}
        open={open}
        onClose={() => setOpen(false)}
      >
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("mapping.fields.name")} required error={show("name")}>
            <input
              value={v.name}
              maxLength={200}
              onChange={(e) => {
                setV({ ...v, name: e.target.value });
                setConfirmedDuplicate(false);
              }}
            />
          </FormField>
          {duplicate ? (
            <p className="notice warning" role="status">
              {t("mapping.duplicate.institution", { name: v.name.trim() })}
            </p>
          ) : null}
          <FormField label={t("mapping.fields.shortName")} error={show("shortName")}>
            <input value={v.shortName} maxLength={50} onChange={(e) => setV({ ...v, shortName: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.kind")} required error={show("kind")}>
            <select value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as EducationLevel })}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`enums.level.${k}`, { defaultValue: k })}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t("mapping.fields.city")} error={show("city")}>
            <input value={v.city} maxLength={100} onChange={(e) => setV({ ...v, city: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.website")} hint={t("mapping.hints.website")} error={show("website")}>
            <input type="url" value={v.website} onChange={(e) => setV({ ...v, website: e.target.value })} />
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={state.fetching}>
              {duplicate && confirmedDuplicate ? t("mapping.saveAnyway") : t("common.save")}
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
