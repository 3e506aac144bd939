import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useQuery } from "urql";
import { chartColors } from "../../../ui/chartColors";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { RagBadge } from "../../../ui/RagBadge";
import { useFormat } from "../../../ui/useFormat";
import { embeddingDetailQuery } from "../graphql/embeddingDetailQuery";
import { EscalationPlanPanel } from "./EscalationPlanPanel";
import { ThreadsGraph } from "./ThreadsGraph";
import { PersonLink } from "../../people/components/PersonLink";
import { OrganisationLink } from "../../organisations/components/OrganisationLink";

/**
 * Drill-down into one programme or institution: the ladder rung by rung, its threads drawn, its
 * single points of failure, the next best contacts with the path to each, and the trend. For an
 * institution also its programmes.
 */
export function EmbeddingDetailPage({ kind }: { kind: "PROGRAMME" | "INSTITUTION" }) {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === "en";
  const [result, refetch] = useQuery({
    query: embeddingDetailQuery,
    variables: kind === "PROGRAMME" ? { programme: id, institution: null } : { programme: null, institution: id },
  });
  const e = result.data?.embedding;
  // The ladder is a programme's, the roll-up an institution's; both have a verdict with its reason.
  const programme = e?.__typename === "ProgrammeEmbedding" ? e : null;
  const institution = e?.__typename === "InstitutionEmbedding" ? e : null;
  const contacts = result.data?.nextBestContacts ?? [];
  const spofIds = useMemo(() => (e?.singlePointsOfFailure ?? []).map((s) => s.person.id), [e]);

  return (
    <section className="embedding-detail">
      <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
        <Link to="/embedding">{t("embedding.title")}</Link> <span aria-hidden="true">›</span> <span>{e?.name ?? "…"}</span>
      </nav>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(e)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {e ? (
          <>
            <PageHeader title={e.name}>
              <RagBadge rag={e.colour} reason={en ? e.verdictReasonEn : e.verdictReasonNl} />
              <OrganisationLink kind={kind} id={e.id} name={t("organisations.openPage", { name: e.name })} />
            </PageHeader>
            <p className="lead">
              {e.institutionName && kind === "PROGRAMME" ? (
                <>
                  <Link to={`/embedding/institutions/${e.institutionId ?? ""}`}>{e.institutionName}</Link> ·{" "}
                </>
              ) : null}
              <strong data-testid="detail-level">
                {t("embedding.detail.level", { level: e.level, name: en ? e.levelNameEn : e.levelNameNl })}
              </strong>{" "}
              · <span data-testid="detail-threads">{t("embedding.detail.threads", { count: e.threads })}</span> ·{" "}
              {t("embedding.detail.reach", { reached: e.reachedRoleHolders, total: e.roleHolders })}
            </p>
            <p className={`notice rag-note-${e.verdict}`} data-testid="verdict-reason">
              {en ? e.verdictReasonEn : e.verdictReasonNl}
            </p>
            <div className="detail-grid">
              <div className="detail-column">
                {programme ? (
                  <section className="panel" aria-labelledby="ladder-title">
                    <h2 id="ladder-title">{t("embedding.detail.ladder")}</h2>
                    <ol className="ladder" reversed>
                      {[...programme.rungs]
                        .sort((a, b) => b.level - a.level)
                        .map((rung) => (
                          <li
                            key={rung.level}
                            className={`${rung.holds ? "holds" : "fails"}${rung.level === e.level ? " current" : ""}`}
                          >
                            <span className="rung-mark" aria-hidden="true">
                              {rung.holds ? "✔" : "✗"}
                            </span>
                            <span className="visually-hidden">
                              {rung.holds ? t("embedding.detail.holds") : t("embedding.detail.fails")}
                            </span>
                            <div>
                              <strong>
                                {rung.level} · {en ? rung.nameEn : rung.nameNl}
                              </strong>
                              <p className="muted small">{en ? rung.reasonEn : rung.reasonNl}</p>
                            </div>
                          </li>
                        ))}
                    </ol>
                  </section>
                ) : null}
                {institution ? (
                  <section className="panel" aria-labelledby="programmes-title">
                    <h2 id="programmes-title">{t("embedding.detail.programmes")}</h2>
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col">{t("embedding.columns.name")}</th>
                          <th scope="col">{t("embedding.columns.level")}</th>
                          <th scope="col" className="num">
                            {t("embedding.columns.threads")}
                          </th>
                          <th scope="col" className="num">
                            {t("embedding.columns.spof")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {institution.programmes.map((p) => (
                          <tr key={p.id}>
                            <td>
                              <Link to={`/embedding/programmes/${p.id}`}>{p.name}</Link>
                            </td>
                            <td>
                              <RagBadge rag={p.colour} reason={en ? p.verdictReasonEn : p.verdictReasonNl} /> {p.level} ·{" "}
                              {en ? p.levelNameEn : p.levelNameNl}
                            </td>
                            <td className="num">{p.threads}</td>
                            <td className="num">{p.singlePointsOfFailure}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </section>
                ) : null}
              </div>
              <div className="detail-column">
                <section className="panel" aria-labelledby="spof-title" data-testid="spof">
                  <h2 id="spof-title">{t("embedding.detail.spof", { count: e.singlePointsOfFailure.length })}</h2>
                  {e.singlePointsOfFailure.length === 0 ? <p className="muted">{t("embedding.detail.noSpof")}</p> : null}
                  <ul className="plain-list">
                    {e.singlePointsOfFailure.map((s) => (
                      <li key={s.person.id} className="spof">
                        <strong>
                          <PersonLink id={s.person.id} name={s.person.name} />
                        </strong>
                        {s.person.organisation ? <span className="muted"> · {s.person.organisation}</span> : null}
                        <p className="small">{en ? s.whyEn : s.whyNl}</p>
                      </li>
                    ))}
                  </ul>
                </section>
                <section className="panel" aria-labelledby="activity-title">
                  <h2 id="activity-title">{t("embedding.detail.activity")}</h2>
                  <div className="chart" aria-hidden="true">
                    <ResponsiveContainer width="100%" height={200}>
                      <BarChart
                        data={(["sprints", "agreements", "openProposals"] as const).map((k) => ({
                          name: t(`embedding.detail.activityKinds.${k}`),
                          before: e.activityYearEarlier[k],
                          now: e.activity[k],
                        }))}
                      >
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="name" fontSize={12} />
                        <YAxis allowDecimals={false} fontSize={12} />
                        <Tooltip />
                        <Legend />
                        <Bar
                          dataKey="before"
                          name={t("embedding.detail.yearEarlier")}
                          fill={chartColors.muted}
                          isAnimationActive={false}
                        />
                        <Bar
                          dataKey="now"
                          name={t("embedding.detail.now", { date: f.date(e.asOf) })}
                          fill={chartColors.primary}
                          isAnimationActive={false}
                        />
                      </BarChart>
                    </ResponsiveContainer>
                  </div>
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t("embedding.detail.figure")}</th>
                        <th scope="col" className="num">
                          {t("embedding.detail.yearEarlier")}
                        </th>
                        <th scope="col" className="num">
                          {t("embedding.detail.now", { date: f.date(e.asOf) })}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {(["sprints", "agreements", "openProposals"] as const).map((k) => (
                        <tr key={k}>
                          <th scope="row">{t(`embedding.detail.activityKinds.${k}`)}</th>
                          <td className="num">{e.activityYearEarlier[k]}</td>
                          <td className="num">{e.activity[k]}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="small">{t(`embedding.detail.trend.${e.trend.direction}`)}</p>
                </section>
              </div>
              <section className="panel wide" aria-labelledby="threads-title">
                <h2 id="threads-title">{t("embedding.detail.threadsTitle", { count: e.threads })}</h2>
                <ThreadsGraph threads={e.threadPaths} singlePoints={spofIds} />
                <ol className="plain-list thread-list">
                  {e.threadPaths.map((thread, i) => (
                    <li key={i}>
                      <strong>{t("embedding.detail.thread", { n: i + 1 })}:</strong>{" "}
                      {thread.people.map((p, n) => (
                        <span key={`${p.id}-${n}`}>
                          {n > 0 ? " → " : ""}
                          <PersonLink id={p.id} name={p.name} />
                        </span>
                      ))}
                    </li>
                  ))}
                </ol>
              </section>
              <EscalationPlanPanel kind={kind} id={id} />
              <section className="panel wide" aria-labelledby="nbc-title" data-testid="next-best-contacts">
                <h2 id="nbc-title">{t("embedding.detail.nextBest")}</h2>
                {contacts.length === 0 ? <p className="muted">{t("embedding.detail.noNextBest")}</p> : null}
                <ol className="card-list">
                  {contacts.map((c) => (
                    <li key={c.person.id} className="path-card">
                      <div className="path-head">
                        <strong>
                          <PersonLink id={c.person.id} name={c.person.name} />
                          {c.person.roles[0] ? (
                            <span className="muted">
                              {" "}
                              · {en ? c.person.roles[0].labelEn : c.person.roles[0].labelNl}, {c.person.roles[0].organisation}
                            </span>
                          ) : null}
                        </strong>
                        <span className="badge rag-GREEN">
                          {t("embedding.detail.gain", {
                            threadsBefore: c.threadsBefore,
                            threadsAfter: c.threadsAfter,
                            levelBefore: c.levelBefore,
                            levelAfter: c.levelAfter,
                          })}
                        </span>
                      </div>
                      <p className="small">{en ? c.reasonEn : c.reasonNl}</p>
                      {c.bestPath ? (
                        <p className="path-explanation">
                          {en ? c.bestPath.explanationEn : c.bestPath.explanationNl}{" "}
                          <span className="muted">({t("explorer.paths.score", { score: f.score(c.bestPath.score) })})</span>
                        </p>
                      ) : (
                        <p className="muted small">{t("embedding.detail.noPath")}</p>
                      )}
                      <Link to={`/explorer?focus=person:${c.person.id}`}>{t("cases.suggestions.inExplorer")}</Link>
                    </li>
                  ))}
                </ol>
              </section>
            </div>
          </>
        ) : null}
      </QueryState>
    </section>
  );
}
