import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import type { ProposalAnswer } from "../../../generated/graphql";
import { describeError } from "../../../ui/describeError";
import { Dialog } from "../../../ui/Dialog";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { FormField } from "../../../ui/FormField";
import { answerProposalMutation } from "../graphql/caseWorkflowMutations";
import { caseChangeTypenames } from "../hooks/caseChangeTypenames";

const answers: ProposalAnswer[] = ["INTERESTED", "NOT_NOW", "DECLINED"];

/** The teacher's answer to a proposal; declining needs a reason. */
export function AnswerProposalDialog({
  proposal,
  open,
  onClose,
  onDone,
}: {
  proposal: { id: string; teacherName: string; courseName?: string | null };
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<ProposalAnswer>("INTERESTED");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const [state, send] = useMutation(answerProposalMutation);
  const serverErrors = state.error ? describeError(state.error) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (answer === "DECLINED" && !reason.trim()) {
      setMissing(true);
      return;
    }
    const result = await send(
      { proposal: proposal.id, answer, reason: reason.trim() || null },
      { additionalTypenames: caseChangeTypenames },
    );
    if (result.data)
      onDone(t("cases.proposals.answered", { teacher: proposal.teacherName, answer: t(`enums.answer.${answer}`) }));
  }

  return (
    <Dialog title={t("cases.proposals.answerTitle", { teacher: proposal.teacherName })} open={open} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t("cases.proposals.answer")}</legend>
          <div className="checkbox-row">
            {answers.map((a) => (
              <label key={a}>
                <input type="radio" name="answer" value={a} checked={answer === a} onChange={() => setAnswer(a)} />{" "}
                {t(`enums.answer.${a}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <FormField
          label={t("cases.proposals.reason")}
          error={missing ? t("cases.proposals.reasonRequired") : serverErrors.find((e) => e.field === "reason")?.message}
          required={answer === "DECLINED"}
        >
          <textarea
            rows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        </FormField>
        {state.error && !serverErrors.some((e) => e.field === "reason") ? <ErrorMessage error={state.error} /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={state.fetching}>
            {t("cases.proposals.record")}
          </button>
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
