import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import type { InteractionChannel } from "../../../generated/graphql";
import { describeError } from "../../../ui/describeError";
import { Dialog } from "../../../ui/Dialog";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { FormField } from "../../../ui/FormField";
import { proposeCaseMutation } from "../graphql/caseWorkflowMutations";
import { caseChangeTypenames } from "../hooks/caseChangeTypenames";

const channels: InteractionChannel[] = ["EMAIL", "WARM_INTRODUCTION", "PHONE", "MEETING", "LINKEDIN", "EVENT"];

/**
 * Sends the case to a teacher for a course. Within the cooldown the server refuses; the dialog
 * then offers to send anyway (force), which the coordinator must tick on purpose.
 */
export function ProposeDialog({
  caseId,
  teacher,
  course,
  open,
  onClose,
  onDone,
}: {
  caseId: string;
  teacher: { id: string; name: string };
  course: { id: string; name: string };
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<InteractionChannel>("EMAIL");
  const [force, setForce] = useState(false);
  const [state, propose] = useMutation(proposeCaseMutation);
  const cooldown = state.error ? describeError(state.error).some((e) => e.code === "COOLDOWN") : false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await propose(
      { case: caseId, teacher: teacher.id, course: course.id, channel, force },
      { additionalTypenames: caseChangeTypenames },
    );
    if (answer.data) onDone(t("cases.propose.done", { teacher: teacher.name, course: course.name }));
  }

  return (
    <Dialog title={t("cases.propose.title")} open={open} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{t("cases.propose.summary", { teacher: teacher.name, course: course.name })}</p>
        <FormField label={t("cases.propose.channel")} required>
          <select value={channel} onChange={(e) => setChannel(e.target.value as InteractionChannel)}>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`enums.channel.${c}`)}
              </option>
            ))}
          </select>
        </FormField>
        {state.error ? <ErrorMessage error={state.error} /> : null}
        {cooldown ? (
          <label className="checkbox">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> {t("cases.propose.force")}
          </label>
        ) : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={state.fetching || (cooldown && !force)}>
            {t("cases.propose.submit")}
          </button>
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
