import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { QueryState } from "../../../ui/QueryState";
import { RagBadge } from "../../../ui/RagBadge";
import { impactIfGoneQuery } from "../graphql/impactIfGoneQuery";

/**
 * "What if they leave?" for the selected person (impactIfGone): the programmes and institutions that
 * would lose threads or level, the work that hangs on them, and who could replace them. Asked for on
 * a click, as it recomputes the embedding around the person twice.
 */
export function ImpactIfGonePanel({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [asked, setAsked] = useState<string | null>(null);
  const [result, refetch] = useQuery({ query: impactIfGoneQuery, variables: { person: personId }, pause: asked !== personId });
  const impact = asked === personId ? result.data?.impactIfGone : undefined;
  if (asked !== personId) {
    return (
      <button type="button" onClick={() => setAsked(personId)} data-testid="impact-ask">
        {t("explorer.impact.ask")}
      </button>
    );
  }
  return (
    <div className="impact-if-gone" data-testid="impact-if-gone">
      <h3>{t("explorer.impact.title")}</h3>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(impact)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {impact ? (
          <>
            <p className="small">{en ? impact.summaryEn : impact.summaryNl}</p>
            <ul className="plain-list">
              {impact.drops.map((d) => (
                <li key={`${d.kind}:${d.id}`} data-testid="impact-drop">
                  <Link to={d.kind === "PROGRAMME" ? `/embedding/programmes/${d.id}` : `/embedding/institutions/${d.id}`}>
                    {d.name}
                  </Link>{" "}
                  <RagBadge rag={d.verdictAfter} reason={en ? d.reasonAfterEn : d.reasonAfterNl} />
                  <div className="small muted">
                    {t("explorer.impact.change", {
                      threadsBefore: d.threadsBefore,
                      threadsAfter: d.threadsAfter,
                      levelBefore: d.levelBefore,
                      levelAfter: d.levelAfter,
                    })}
                  </div>
                  {d.replacements.length > 0 ? (
                    <div className="small">
                      {t("explorer.impact.replace")}: {d.replacements.map((p) => p.name).join(", ")}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
            {[...impact.openProposals, ...impact.runningSprints].length > 0 ? (
              <>
                <h4>{t("explorer.impact.work")}</h4>
                <ul className="plain-list small">
                  {impact.openProposals.map((w) => (
                    <li key={w.id}>
                      {t("explorer.impact.proposal")}: {w.title}
                      {w.courseName ? ` · ${w.courseName}` : ""}
                    </li>
                  ))}
                  {impact.runningSprints.map((w) => (
                    <li key={w.id}>
                      {t("explorer.impact.sprint")}: {w.title}
                      {w.courseName ? ` · ${w.courseName}` : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
