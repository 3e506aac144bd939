import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import type { CaseCloseReason } from "../../../generated/graphql";
import { Dialog } from "../../../ui/Dialog";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { FormField } from "../../../ui/FormField";
import { closeCaseMutation } from "../graphql/caseWorkflowMutations";
import { caseChangeTypenames } from "../hooks/caseChangeTypenames";

const reasons: CaseCloseReason[] = ["WITHDRAWN", "NOT_FEASIBLE", "NO_MATCH"];

/** Closing needs a reason (withdrawn, not feasible, no match) and may carry a note. */
export function CloseCaseDialog({
  caseId,
  title,
  open,
  onClose,
  onDone,
}: {
  caseId: string;
  title: string;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<CaseCloseReason | "">("");
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const [state, close] = useMutation(closeCaseMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) {
      setMissing(true);
      return;
    }
    const answer = await close({ case: caseId, reason, note: note.trim() || null }, { additionalTypenames: caseChangeTypenames });
    if (answer.data) onDone(t("cases.actions.closed", { title }));
  }

  return (
    <Dialog title={t("cases.actions.closeTitle", { title })} open={open} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField label={t("cases.actions.reason")} error={missing ? t("cases.actions.reasonRequired") : undefined} required>
          <select
            value={reason}
            onChange={(e) => {
              setReason(e.target.value as CaseCloseReason | "");
              setMissing(false);
            }}
          >
            <option value="">{t("outreach.choose")}</option>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {t(`enums.closeReason.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t("cases.actions.note")}>
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </FormField>
        {state.error ? <ErrorMessage error={state.error} /> : null}
        <div className="button-row">
          <button type="submit" className="primary danger-fill" disabled={state.fetching}>
            {t("cases.actions.close")}
          </button>
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
