import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { escalationPlanQuery } from "../graphql/escalationPlanQuery";

/**
 * The route up (escalationPlan): for each rung not reached yet — programme management, curriculum,
 * board — through whom, the best path to them, what it would add and what it takes. All of it is the
 * server's; this only lays it out.
 */
export function EscalationPlanPanel({ kind, id }: { kind: "PROGRAMME" | "INSTITUTION"; id: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === "en";
  const [result, refetch] = useQuery({
    query: escalationPlanQuery,
    variables: kind === "PROGRAMME" ? { programme: id, institution: null } : { programme: null, institution: id },
  });
  const plan = result.data?.escalationPlan;
  return (
    <section className="panel wide" aria-labelledby="route-up-title" data-testid="escalation-plan">
      <h2 id="route-up-title">{t("embedding.routeUp.title")}</h2>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(plan)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {plan && plan.steps.length === 0 ? <p className="muted">{t("embedding.routeUp.none")}</p> : null}
        <ol className="card-list route-up">
          {(plan?.steps ?? []).map((s) => (
            <li key={s.rung} className="path-card" data-testid={`route-step-${s.rung}`}>
              <div className="path-head">
                <strong>
                  {t("embedding.routeUp.rung", { rung: s.rung, name: en ? s.rungNameEn : s.rungNameNl })}
                  {s.programmeName ? <span className="muted"> · {s.programmeName}</span> : null}
                </strong>
                {s.gainLevel > 0 || s.gainThreads > 0 ? (
                  <span className="badge rag-GREEN">
                    {t("embedding.detail.gain", {
                      threadsBefore: s.threadsBefore,
                      threadsAfter: s.threadsAfter,
                      levelBefore: s.levelBefore,
                      levelAfter: s.levelAfter,
                    })}
                  </span>
                ) : null}
              </div>
              {s.person ? (
                <p>
                  <Link to={`/explorer?focus=person:${s.person.id}`}>{s.person.name}</Link>
                  {s.person.roles[0] ? (
                    <span className="muted">
                      {" "}
                      · {en ? s.person.roles[0].labelEn : s.person.roles[0].labelNl}, {s.person.roles[0].organisation}
                    </span>
                  ) : null}
                </p>
              ) : null}
              <p className="small">
                <strong>{t("embedding.routeUp.takes")}:</strong> {en ? s.needsEn : s.needsNl}
              </p>
              {s.person ? <p className="small">{en ? s.reasonEn : s.reasonNl}</p> : null}
              {s.path ? (
                <p className="path-explanation">
                  {en ? s.path.explanationEn : s.path.explanationNl}{" "}
                  <span className="muted">
                    ({s.warm ? t("embedding.routeUp.warm") : t("embedding.routeUp.notWarm")} ·{" "}
                    {t("explorer.paths.score", { score: f.score(s.path.score) })})
                  </span>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </QueryState>
    </section>
  );
}
