import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import type { CourseKind } from "../../../generated/graphql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { todayIso } from "../../../ui/todayIso";
import { createAgreementMutation, workspacesQuery } from "../graphql/mappingMutations";
import { connectIds, serverErrors } from "../hooks/serverErrors";
import { FormErrors } from "./FormErrors";

const kinds: CourseKind[] = ["COURSE", "PROJECT", "MINOR", "INTERNSHIP", "GRADUATION"];
const fields = [
  "assignmentTypes",
  "casesPerPeriod",
  "planning",
  "process",
  "supervision",
  "validFrom",
  "validTo",
  "courses",
] as const;

/**
 * An agreement with a programme or some of its courses, with its five terms: the type of
 * assignments, how many per teaching period (the capacity matchCase counts against), planning,
 * process and supervision (createAgreements, made by the workspace). The capacity per period shows
 * on the page after saving, counted by the server (agreementCapacity).
 */
export function AgreementFormButton({
  programme,
  courses,
  onDone,
}: {
  programme: { id: string; name: string };
  courses: { id: string; name: string }[];
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Built when the form opens: the programme may have gained its first course since the page loaded.
  const empty = () => ({
    scope: (courses.length > 0 ? "COURSE" : "PROGRAMME") as "COURSE" | "PROGRAMME",
    courses: [] as string[],
    types: [] as CourseKind[],
    casesPerPeriod: "",
    planning: "",
    process: "",
    supervision: "",
    structural: false,
    signedOn: "",
    validFrom: todayIso(),
    validTo: "",
  });
  const [v, setV] = useState(empty);
  const [tried, setTried] = useState(false);
  const [workspaces] = useQuery({ query: workspacesQuery, pause: !open });
  const [state, create] = useMutation(createAgreementMutation);
  const server = serverErrors(state.error, t, fields);
  const cap = v.casesPerPeriod.trim() ? Number(v.casesPerPeriod) : null;
  const errors: Record<string, string | undefined> = {
    courses: v.scope === "COURSE" && v.courses.length === 0 ? t("mapping.errors.coursesRequired") : undefined,
    assignmentTypes: v.types.length === 0 ? t("mapping.errors.typesRequired") : undefined,
    casesPerPeriod:
      cap !== null && !(Number.isInteger(cap) && cap >= 0 && cap <= 1000) ? t("mapping.errors.casesPerPeriod") : undefined,
    validFrom: !v.validFrom ? t("mapping.errors.dateRequired") : undefined,
    validTo: v.validTo && v.validFrom && v.validTo < v.validFrom ? t("mapping.errors.endBeforeStart") : undefined,
  };
  const workspace = workspaces.data?.workspaces.length === 1 ? workspaces.data.workspaces[0] : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    const answer = await create({
      input: {
        scope: v.scope,
        assignmentTypes: v.types,
        casesPerPeriod: cap,
        planning: orNull(v.planning),
        process: orNull(v.process),
        supervision: orNull(v.supervision),
        structural: v.structural,
        signedOn: v.signedOn || null,
        validFrom: v.validFrom,
        validTo: v.validTo || null,
        ...(v.scope === "COURSE" ? { courses: connectIds(v.courses) } : { programmes: connectIds([programme.id]) }),
        ...(workspace ? { workspace: connectIds([workspace.id]) } : {}),
      },
    });
    if (answer.data) {
      setOpen(false);
      setTried(false);
      setV(empty());
      onDone?.();
    }
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setV(empty());
          setOpen(true);
        }}
      >
        {t("mapping.agreement.add")}
      </button>
      <Dialog title={t("mapping.agreement.title", { programme: programme.name })} open={open} onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("mapping.fields.scope")} required>
            <select value={v.scope} onChange={(e) => setV({ ...v, scope: e.target.value as "COURSE" | "PROGRAMME" })}>
              {courses.length > 0 ? <option value="COURSE">{t("mapping.agreement.scopeCourses")}</option> : null}
              <option value="PROGRAMME">{t("mapping.agreement.scopeProgramme", { programme: programme.name })}</option>
            </select>
          </FormField>
          {v.scope === "COURSE" ? (
            <fieldset className="field">
              <legend>{t("mapping.fields.courses")}</legend>
              {courses.map((c) => (
                <label key={c.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={v.courses.includes(c.id)}
                    onChange={(e) => setV({ ...v, courses: toggle(v.courses, c.id, e.target.checked) })}
                  />{" "}
                  {c.name}
                </label>
              ))}
              {show("courses") ? <p className="field-error">{show("courses")}</p> : null}
            </fieldset>
          ) : null}
          <fieldset className="field">
            <legend>{t("mapping.fields.assignmentTypes")}</legend>
            {kinds.map((k) => (
              <label key={k} className="checkbox">
                <input
                  type="checkbox"
                  checked={v.types.includes(k)}
                  onChange={(e) => setV({ ...v, types: toggle(v.types, k, e.target.checked) })}
                />{" "}
                {t(`enums.courseKind.${k}`, { defaultValue: k })}
              </label>
            ))}
            {show("assignmentTypes") ? <p className="field-error">{show("assignmentTypes")}</p> : null}
          </fieldset>
          <FormField label={t("outreach.casesPerPeriod")} hint={t("mapping.hints.casesPerPeriod")} error={show("casesPerPeriod")}>
            <input
              inputMode="numeric"
              value={v.casesPerPeriod}
              onChange={(e) => setV({ ...v, casesPerPeriod: e.target.value })}
            />
          </FormField>
          <FormField label={t("outreach.planning")} error={show("planning")}>
            <textarea rows={2} value={v.planning} onChange={(e) => setV({ ...v, planning: e.target.value })} />
          </FormField>
          <FormField label={t("outreach.process")} error={show("process")}>
            <textarea rows={2} value={v.process} onChange={(e) => setV({ ...v, process: e.target.value })} />
          </FormField>
          <FormField label={t("outreach.supervision")} error={show("supervision")}>
            <textarea rows={2} value={v.supervision} onChange={(e) => setV({ ...v, supervision: e.target.value })} />
          </FormField>
          <label className="checkbox">
            <input type="checkbox" checked={v.structural} onChange={(e) => setV({ ...v, structural: e.target.checked })} />{" "}
            {t("mapping.fields.structural")}
          </label>
          <FormField label={t("mapping.fields.validFrom")} required error={show("validFrom")}>
            <input type="date" value={v.validFrom} onChange={(e) => setV({ ...v, validFrom: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.validTo")} error={show("validTo")}>
            <input type="date" value={v.validTo} onChange={(e) => setV({ ...v, validTo: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.signedOn")}>
            <input type="date" value={v.signedOn} onChange={(e) => setV({ ...v, signedOn: e.target.value })} />
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={state.fetching}>
              {t("common.save")}
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
