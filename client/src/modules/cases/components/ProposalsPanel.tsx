import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { caseProposalsQuery } from "../graphql/casePageQueries";
import { AnswerProposalDialog } from "./AnswerProposalDialog";
import { FollowUpDialog } from "./FollowUpDialog";
import { caseQueryContext } from "../hooks/caseChangeTypenames";
import { PersonLink } from "../../people/components/PersonLink";
import { ClaimDecision } from "../../portal/components/ClaimDecision";

/**
 * Where the case was sent, and what came back; open proposals can get their answer or a logged
 * follow-up (reminder, call) here. Withdrawn ones say why (the case was matched or closed).
 */
export function ProposalsPanel({ caseId, onDone }: { caseId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const access = useAccess();
  const [result, refetch] = useQuery({
    query: caseProposalsQuery,
    variables: { case: caseId, caseText: access.caseText },
    context: caseQueryContext,
  });
  const [answering, setAnswering] = useState<string | null>(null);
  const [followingUp, setFollowingUp] = useState<string | null>(null);
  const proposals = result.data?.caseProposals ?? [];
  return (
    <section className="panel" aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t("cases.proposals.title")}</h2>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(result.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {proposals.length === 0 ? <p className="muted">{t("cases.proposals.none")}</p> : null}
        <ul className="plain-list">
          {proposals.map((p) => (
            <li key={p.id} className="proposal" data-testid="proposal">
              <div>
                <strong>
                  <PersonLink id={p.teacherId} name={p.teacherName} />
                </strong>
                {p.courseName ? <span> · {p.courseName}</span> : null}
                <span className={`badge proposal-${p.state}`}>{t(`enums.proposalState.${p.state}`)}</span>
                {p.answer ? <span className="badge status">{t(`enums.answer.${p.answer}`)}</span> : null}
                {p.origin ? (
                  <span className="badge" data-testid="proposal-origin">
                    {t(`portal.caseOrigin.${p.origin}`, { defaultValue: p.origin })}
                    {p.claimState ? ` · ${t(`portal.claimState.${p.claimState}`, { defaultValue: p.claimState })}` : ""}
                  </span>
                ) : null}
              </div>
              <div className="muted small">
                {t("cases.proposals.sent", { date: f.dateTime(p.sentAt), channel: t(`enums.channel.${p.channel}`) })}
                {p.state === "OPEN" ? ` · ${t("cases.proposals.expires", { date: f.date(p.expiresAt) })}` : ""}
                {p.answeredAt ? ` · ${t("cases.proposals.answeredOn", { date: f.dateTime(p.answeredAt) })}` : ""}
                {p.declineReason ? ` · ${p.declineReason}` : ""}
                {p.withdrawnAt
                  ? ` · ${t("cases.proposals.withdrawnOn", {
                      date: f.dateTime(p.withdrawnAt),
                      reason: p.withdrawnReason ? t(`enums.withdrawal.${p.withdrawnReason}`) : "",
                    })}`
                  : ""}
              </div>
              {p.followUps.length > 0 ? (
                <div className="muted small" data-testid="proposal-follow-ups">
                  {t("cases.proposals.followUps")}:{" "}
                  {p.followUps
                    .map(
                      (u) =>
                        t("cases.proposals.followUpItem", { date: f.dateTime(u.at), channel: t(`enums.channel.${u.channel}`) }) +
                        (u.note ? ` (${u.note})` : ""),
                    )
                    .join("; ")}
                </div>
              ) : null}
              {p.origin === "CLAIM" && p.claimState === "PENDING" && access.caseWork ? (
                <div className="button-row" data-testid="claim-decision">
                  <ClaimDecision
                    proposalId={p.id}
                    teacherName={p.teacherName}
                    onDone={(message) => {
                      refetch({ requestPolicy: "network-only" });
                      onDone(message);
                    }}
                  />
                </div>
              ) : null}
              {p.state === "OPEN" && access.caseWork && p.origin !== "CLAIM" ? (
                <>
                  <button
                    type="button"
                    onClick={() => setAnswering(p.id)}
                    aria-label={t("cases.proposals.answerFor", { teacher: p.teacherName })}
                  >
                    {t("cases.proposals.recordAnswer")}
                  </button>{" "}
                  <button
                    type="button"
                    onClick={() => setFollowingUp(p.id)}
                    aria-label={t("cases.proposals.followUpFor", { teacher: p.teacherName })}
                  >
                    {t("cases.proposals.logFollowUp")}
                  </button>
                  <FollowUpDialog
                    proposal={p}
                    open={followingUp === p.id}
                    onClose={() => setFollowingUp(null)}
                    onDone={(message) => {
                      setFollowingUp(null);
                      onDone(message);
                    }}
                  />
                  <AnswerProposalDialog
                    proposal={p}
                    open={answering === p.id}
                    onClose={() => setAnswering(null)}
                    onDone={(message) => {
                      setAnswering(null);
                      onDone(message);
                    }}
                  />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </QueryState>
    </section>
  );
}
