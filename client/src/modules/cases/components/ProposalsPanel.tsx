import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { caseProposalsQuery } from "../graphql/casePageQueries";
import { AnswerProposalDialog } from "./AnswerProposalDialog";
import { caseQueryContext } from "../hooks/caseChangeTypenames";

/** Where the case was sent, and what came back; open proposals can get their answer here. */
export function ProposalsPanel({ caseId, onDone }: { caseId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [result, refetch] = useQuery({ query: caseProposalsQuery, variables: { case: caseId }, context: caseQueryContext });
  const [answering, setAnswering] = useState<string | null>(null);
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
                <strong>{p.teacherName}</strong>
                {p.courseName ? <span> · {p.courseName}</span> : null}
                <span className={`badge proposal-${p.state}`}>{t(`enums.proposalState.${p.state}`)}</span>
                {p.answer ? <span className="badge status">{t(`enums.answer.${p.answer}`)}</span> : null}
              </div>
              <div className="muted small">
                {t("cases.proposals.sent", { date: f.dateTime(p.sentAt), channel: t(`enums.channel.${p.channel}`) })}
                {p.state === "OPEN" ? ` · ${t("cases.proposals.expires", { date: f.date(p.expiresAt) })}` : ""}
                {p.answeredAt ? ` · ${t("cases.proposals.answeredOn", { date: f.dateTime(p.answeredAt) })}` : ""}
                {p.declineReason ? ` · ${p.declineReason}` : ""}
              </div>
              {p.state === "OPEN" ? (
                <>
                  <button
                    type="button"
                    onClick={() => setAnswering(p.id)}
                    aria-label={t("cases.proposals.answerFor", { teacher: p.teacherName })}
                  >
                    {t("cases.proposals.recordAnswer")}
                  </button>
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
