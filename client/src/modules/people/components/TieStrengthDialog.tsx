import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { setTieStrengthMutation } from "../../mapping/graphql/mappingMutations";
import { serverErrors } from "../../mapping/hooks/serverErrors";
import { FormErrors } from "../../mapping/components/FormErrors";

/**
 * A coordinator's own judgement of a tie: the strength by hand (setTieStrength, marked manual so
 * interactions no longer move it) and, required, the reason why — kept as the tie's note in the same
 * transaction (setTieStrength's `reason`; the history records who wrote it and when).
 */
export function TieStrengthButton({
  a,
  b,
  otherName,
  strength,
  onDone,
}: {
  a: string;
  b: string;
  otherName: string;
  strength: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(String(strength));
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [tie, setTie] = useMutation(setTieStrengthMutation);
  const server = serverErrors(tie.error, t, ["strength", "reason"]);
  const number = Number(value.replace(",", "."));
  const errors: Record<string, string | undefined> = {
    strength: !(number > 0 && number <= 1) ? t("mapping.errors.strength") : undefined,
    reason: !reason.trim() ? t("mapping.errors.reasonRequired") : undefined,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    const set = await setTie({ a, b, strength: number, reason: reason.trim() });
    if (set.data) {
      setOpen(false);
      setTried(false);
      setReason("");
      onDone();
    }
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  return (
    <>
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t("people.tie.override", { name: otherName })}
      </button>
      <Dialog title={t("people.tie.overrideTitle", { name: otherName })} open={open} onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("people.tie.strength")} hint={t("people.tie.strengthHint")} required error={show("strength")}>
            <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
          </FormField>
          <FormField label={t("people.tie.reason")} required error={show("reason")}>
            <textarea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={tie.fetching}>
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
