import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { caseTimelineQuery } from "../graphql/casePageQueries";
import { caseQueryContext } from "../hooks/caseChangeTypenames";
import { personName } from "../../../ui/personName";

/** Every status change and proposal of the case, oldest first, with who and when. */
export function TimelinePanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { caseText } = useAccess();
  const [result, refetch] = useQuery({
    query: caseTimelineQuery,
    variables: { case: caseId, caseText },
    context: caseQueryContext,
  });
  const entries = result.data?.caseTimeline ?? [];
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("cases.timeline.title")}</h2>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(result.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        <ol className="timeline" data-testid="timeline">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`} className={`timeline-${e.kind}`}>
              <time dateTime={e.at}>{f.dateTime(e.at)}</time>
              <div>
                {e.kind === "STATUS_CHANGE" ? (
                  <span>
                    {e.from ? `${t(`enums.caseStatus.${e.from}`)} → ` : ""}
                    <strong>{e.to ? t(`enums.caseStatus.${e.to}`) : ""}</strong>
                  </span>
                ) : e.kind === "PROPOSAL_SENT" ? (
                  <span>
                    {t("cases.timeline.proposalSent", { teacher: personName(e.teacherName), course: e.courseName ?? "" })}
                  </span>
                ) : e.kind === "PROPOSAL_FOLLOW_UP" ? (
                  <span>
                    {t("cases.timeline.proposalFollowUp", {
                      teacher: personName(e.teacherName),
                      channel: e.channel ? t(`enums.channel.${e.channel}`, { defaultValue: e.channel }) : "",
                    })}
                  </span>
                ) : e.kind === "PROPOSAL_WITHDRAWN" ? (
                  <span>{t("cases.timeline.proposalWithdrawn", { teacher: personName(e.teacherName) })}</span>
                ) : (
                  <span>
                    {t("cases.timeline.proposalAnswered", {
                      teacher: personName(e.teacherName),
                      answer: e.answer ? t(`enums.answer.${e.answer}`, { defaultValue: e.answer }) : "",
                    })}
                  </span>
                )}
                {e.reason ? (
                  <span className="muted">
                    {" "}
                    ·{" "}
                    {e.kind === "PROPOSAL_WITHDRAWN"
                      ? t(`enums.withdrawal.${e.reason}`, { defaultValue: e.reason })
                      : t(`enums.closeReason.${e.reason}`, { defaultValue: e.reason })}
                  </span>
                ) : null}
                {/* A status change done despite a sanity check: which, next to the coordinator's reason. */}
                {e.overrode.length > 0 ? (
                  <span className="badge warning" data-testid="timeline-overrode">
                    {t("cases.timeline.overrode", {
                      checks: e.overrode.map((c) => t(`enums.overrideCheck.${c}`, { defaultValue: c })).join(", "),
                    })}
                  </span>
                ) : null}
                {e.note ? <span className="muted"> · {e.note}</span> : null}
                {/* Only a name: an account without a person would show as a bare id. */}
                {e.byName ? <span className="muted small"> — {personName(e.byName)}</span> : null}
              </div>
            </li>
          ))}
        </ol>
      </QueryState>
    </section>
  );
}
