import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { describeError } from "../../../ui/describeError";
import { Dialog } from "../../../ui/Dialog";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { FormField } from "../../../ui/FormField";
import { completeSprintMutation } from "../graphql/caseWorkflowMutations";
import { caseChangeTypenames } from "../hooks/caseChangeTypenames";

/** Completing a sprint needs its outcome; the SME's rating (1–5) and both sides' feedback go with it. */
export function CompleteSprintDialog({
  sprintId,
  title,
  open,
  onClose,
  onDone,
}: {
  sprintId: string;
  title: string;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState("");
  const [rating, setRating] = useState("");
  const [smeFeedback, setSmeFeedback] = useState("");
  const [teacherFeedback, setTeacherFeedback] = useState("");
  const [followUp, setFollowUp] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, complete] = useMutation(completeSprintMutation);
  const serverErrors = state.error ? describeError(state.error) : [];
  const fieldError = (field: string) =>
    errors[field] ?? serverErrors.find((e) => e.field === field || e.field === `input.${field}`)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!outcome.trim()) found.outcome = t("cases.sprint.outcomeRequired");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const answer = await complete(
      {
        sprint: sprintId,
        input: {
          outcome: outcome.trim(),
          smeRating: rating ? Number(rating) : null,
          smeFeedback: smeFeedback.trim() || null,
          teacherFeedback: teacherFeedback.trim() || null,
          followUpWanted: followUp,
        },
      },
      { additionalTypenames: caseChangeTypenames },
    );
    if (answer.data) onDone(t("cases.sprint.completed", { title }));
  }

  return (
    <Dialog title={t("cases.sprint.completeTitle", { title })} open={open} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField label={t("cases.sprint.outcome")} error={fieldError("outcome")} required>
          <textarea rows={3} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
        </FormField>
        <FormField label={t("cases.sprint.rating")} error={fieldError("smeRating")}>
          <select value={rating} onChange={(e) => setRating(e.target.value)}>
            <option value="">{t("common.none")}</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {"★".repeat(n)} ({n})
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t("cases.sprint.smeFeedback")}>
          <textarea rows={2} value={smeFeedback} onChange={(e) => setSmeFeedback(e.target.value)} />
        </FormField>
        <FormField label={t("cases.sprint.teacherFeedback")}>
          <textarea rows={2} value={teacherFeedback} onChange={(e) => setTeacherFeedback(e.target.value)} />
        </FormField>
        <label className="checkbox">
          <input type="checkbox" checked={followUp} onChange={(e) => setFollowUp(e.target.checked)} />{" "}
          {t("cases.sprint.followUp")}
        </label>
        {state.error && !serverErrors.some((e) => e.field) ? <ErrorMessage error={state.error} /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={state.fetching}>
            {t("cases.sprint.complete")}
          </button>
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
