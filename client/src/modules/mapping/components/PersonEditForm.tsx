import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { updatePersonMutation } from "../graphql/mappingMutations";
import { serverErrors } from "../hooks/serverErrors";
import { FormErrors } from "./FormErrors";

const fields = ["name", "jobTitle", "email", "phone", "note"] as const;

export interface EditablePerson {
  id: string;
  name: string;
  jobTitle?: string | null;
  email?: string | null;
  phone?: string | null;
  note?: string | null;
}

/**
 * Edits a person's name, job title and — for roles that may read them, who alone see this button —
 * contact details and note (updatePeople; the history records old and new values).
 */
export function PersonEditButton({ person, onDone }: { person: EditablePerson; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const start = () => ({
    name: person.name,
    jobTitle: person.jobTitle ?? "",
    email: person.email ?? "",
    phone: person.phone ?? "",
    note: person.note ?? "",
  });
  const [v, setV] = useState(start);
  const [tried, setTried] = useState(false);
  const [state, update] = useMutation(updatePersonMutation);
  const server = serverErrors(state.error, t, fields);
  const errors: Record<string, string | undefined> = {
    name: !v.name.trim() ? t("mapping.errors.nameRequired") : undefined,
    email: v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()) ? t("intake.errors.email") : undefined,
  };
  const orNull = (s: string) => (s.trim() ? s.trim() : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    const answer = await update({
      id: person.id,
      update: {
        name: { set: v.name.trim() },
        jobTitle: { set: orNull(v.jobTitle) },
        email: { set: orNull(v.email) },
        phone: { set: orNull(v.phone) },
        note: { set: orNull(v.note) },
      },
    });
    if (answer.data) {
      setOpen(false);
      setTried(false);
      onDone();
    }
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setV(start());
          setOpen(true);
        }}
      >
        {t("mapping.person.edit")}
      </button>
      <Dialog title={t("mapping.person.edit")} open={open} onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("mapping.fields.personName")} required error={show("name")}>
            <input value={v.name} maxLength={200} onChange={(e) => setV({ ...v, name: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.jobTitle")} error={show("jobTitle")}>
            <input value={v.jobTitle} maxLength={200} onChange={(e) => setV({ ...v, jobTitle: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.email")} error={show("email")}>
            <input type="email" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.phone")} error={show("phone")}>
            <input type="tel" value={v.phone} onChange={(e) => setV({ ...v, phone: e.target.value })} />
          </FormField>
          <FormField label={t("people.note")} error={show("note")}>
            <textarea rows={2} value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} />
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
