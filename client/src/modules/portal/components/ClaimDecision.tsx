import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { serverErrors } from "../../mapping/hooks/serverErrors";
import { FormErrors } from "../../mapping/components/FormErrors";
import { confirmClaimMutation, declineClaimMutation } from "../graphql/portalOperations";

/**
 * A coordinator's answer to a claim from the institution portal ("this one is for us", issue #18): confirm it
 * (confirmClaim) or decline it with a reason (declineClaim). Shown on the case page beside a PENDING claim.
 */
export function ClaimDecision({
  proposalId,
  teacherName,
  onDone,
}: {
  proposalId: string;
  teacherName: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [confirmed, confirm] = useMutation(confirmClaimMutation);
  const [declined, decline] = useMutation(declineClaimMutation);
  const server = serverErrors(confirmed.error ?? declined.error, t, ["reason"]);

  async function submitDecline(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!reason.trim()) return;
    const answer = await decline({ proposalId, reason: reason.trim() });
    if (answer.data) {
      setDeclining(false);
      onDone(t("portal.decide.declined", { name: teacherName }));
    }
  }

  return (
    <>
      <button
        type="button"
        className="primary"
        disabled={confirmed.fetching}
        onClick={() =>
          void confirm({ proposalId }).then((r) =>
            r.data ? onDone(t("portal.decide.confirmed", { name: teacherName })) : undefined,
          )
        }
      >
        {t("portal.decide.confirm")}
      </button>{" "}
      <button type="button" onClick={() => setDeclining(true)}>
        {t("portal.decide.decline")}
      </button>
      <FormErrors messages={declining ? [] : server.general} />
      <Dialog title={t("portal.decide.declineTitle", { name: teacherName })} open={declining} onClose={() => setDeclining(false)}>
        <form onSubmit={(e) => void submitDecline(e)} noValidate>
          <FormField
            label={t("portal.decide.reason")}
            required
            error={(tried && !reason.trim() ? t("portal.decide.reasonRequired") : undefined) ?? server.byField.reason}
          >
            <textarea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={declined.fetching}>
              {t("portal.decide.decline")}
            </button>
            <button type="button" onClick={() => setDeclining(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
