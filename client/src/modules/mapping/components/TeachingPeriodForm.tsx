import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { createTeachingPeriodMutation } from "../graphql/mappingMutations";
import { connectIds, serverErrors } from "../hooks/serverErrors";
import { FormErrors } from "./FormErrors";

const fields = ["name", "academicYear", "startDate", "endDate"] as const;

/** The academic year a date falls in (September to August): 2026-10-01 → 2026-2027. */
export function academicYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return Number.isFinite(start) ? `${start}-${start + 1}` : "";
}

/** Adds a teaching period (periode, blok, semester) to an institution's calendar (createTeachingPeriods). */
export function TeachingPeriodFormButton({ institutionId, onDone }: { institutionId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ name: "", academicYear: "", startDate: "", endDate: "" });
  const [tried, setTried] = useState(false);
  const [state, create] = useMutation(createTeachingPeriodMutation);
  const server = serverErrors(state.error, t, fields);
  const errors: Record<string, string | undefined> = {
    name: !v.name.trim() ? t("mapping.errors.nameRequired") : undefined,
    academicYear:
      !/^(\d{4})-(\d{4})$/.test(v.academicYear) || Number(v.academicYear.slice(5)) !== Number(v.academicYear.slice(0, 4)) + 1
        ? t("mapping.errors.academicYear")
        : undefined,
    startDate: !v.startDate ? t("mapping.errors.dateRequired") : undefined,
    endDate: !v.endDate
      ? t("mapping.errors.dateRequired")
      : v.startDate && v.endDate < v.startDate
        ? t("mapping.errors.endBeforeStart")
        : undefined,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    const answer = await create({
      input: {
        name: v.name.trim(),
        academicYear: v.academicYear,
        startDate: v.startDate,
        endDate: v.endDate,
        institution: connectIds([institutionId]),
      },
    });
    if (answer.data) {
      setOpen(false);
      setTried(false);
      setV({ name: "", academicYear: "", startDate: "", endDate: "" });
      onDone?.();
    }
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t("mapping.period.add")}
      </button>
      <Dialog title={t("mapping.period.add")} open={open} onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("mapping.fields.periodName")} hint={t("mapping.hints.periodName")} required error={show("name")}>
            <input value={v.name} maxLength={200} onChange={(e) => setV({ ...v, name: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.startDate")} required error={show("startDate")}>
            <input
              type="date"
              value={v.startDate}
              onChange={(e) =>
                setV({ ...v, startDate: e.target.value, academicYear: v.academicYear || academicYearOf(e.target.value) })
              }
            />
          </FormField>
          <FormField label={t("mapping.fields.endDate")} required error={show("endDate")}>
            <input type="date" value={v.endDate} onChange={(e) => setV({ ...v, endDate: e.target.value })} />
          </FormField>
          <FormField
            label={t("mapping.fields.academicYear")}
            hint={t("mapping.hints.academicYear")}
            required
            error={show("academicYear")}
          >
            <input value={v.academicYear} maxLength={9} onChange={(e) => setV({ ...v, academicYear: e.target.value })} />
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
