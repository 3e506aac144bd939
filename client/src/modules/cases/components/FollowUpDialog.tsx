import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import type { InteractionChannel } from "../../../generated/graphql";
import { describeError } from "../../../ui/describeError";
import { Dialog } from "../../../ui/Dialog";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { FormField } from "../../../ui/FormField";
import { logProposalFollowUpMutation } from "../graphql/caseWorkflowMutations";
import { caseChangeTypenames } from "../hooks/caseChangeTypenames";

const channels: InteractionChannel[] = ["EMAIL", "PHONE", "MEETING", "LINKEDIN"];

/**
 * A reminder or call on a proposal still waiting for an answer (logProposalFollowUp): it shows on
 * the proposal and the timeline, and is neither a new proposal nor a reason for the cooldown.
 */
export function FollowUpDialog({
  proposal,
  open,
  onClose,
  onDone,
}: {
  proposal: { id: string; teacherName: string };
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<InteractionChannel>("EMAIL");
  const [note, setNote] = useState("");
  const [state, send] = useMutation(logProposalFollowUpMutation);
  const serverErrors = state.error ? describeError(state.error) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send(
      { proposal: proposal.id, channel, note: note.trim() || null },
      { additionalTypenames: caseChangeTypenames },
    );
    if (result.data) {
      setNote("");
      onDone(t("cases.proposals.followUpDone", { teacher: proposal.teacherName }));
    }
  }

  return (
    <Dialog title={t("cases.proposals.followUpTitle", { teacher: proposal.teacherName })} open={open} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField label={t("cases.proposals.followUpChannel")} error={serverErrors.find((e) => e.field === "channel")?.message}>
          <select value={channel} onChange={(e) => setChannel(e.target.value as InteractionChannel)}>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`enums.channel.${c}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t("cases.proposals.followUpNote")} error={serverErrors.find((e) => e.field === "note")?.message}>
          <textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </FormField>
        {state.error && !serverErrors.some((e) => e.field === "channel" || e.field === "note") ? (
          <ErrorMessage error={state.error} />
        ) : null}
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
