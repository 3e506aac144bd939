import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useMutation, useQuery } from "urql";
import { useAccess } from "../../../app/access";
import type { EmbeddingKind, EmbeddingRankingQuery } from "../../../generated/graphql";
import { chartColors } from "../../../ui/chartColors";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { RagBadge } from "../../../ui/RagBadge";
import { SortableTable } from "../../../ui/SortableTable";
import { useFormat } from "../../../ui/useFormat";
import { embeddingRankingQuery, refreshEmbeddingMutation } from "../graphql/embeddingRankingQuery";

type Entry = EmbeddingRankingQuery["embeddingRanking"]["entries"][number];
const rankingContext = { additionalTypenames: ["EmbeddingRankingEntry", "EmbeddingRanking"] };

/**
 * Where the workspace is embedded, and where it hangs by a thread: programmes or institutions by
 * ladder level and threads, as a chart and a sortable table with red/amber/green; each row opens
 * the drill-down.
 */
export function EmbeddingDashboardPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  // Recomputing the stored figures is network work (NETWORK_WORK).
  const access = useAccess();
  const [kind, setKind] = useState<EmbeddingKind>("PROGRAMME");
  const [institution, setInstitution] = useState("");
  const [result, refetch] = useQuery({
    query: embeddingRankingQuery,
    variables: { kind, institution: institution || null, limit: 500 },
    context: rankingContext,
  });
  const [refresh, runRefresh] = useMutation(refreshEmbeddingMutation);
  const ranking = result.data?.embeddingRanking;
  const entries = ranking?.entries ?? [];
  const levelName = (e: Entry) => (i18n.language === "en" ? e.levelNameEn : e.levelNameNl);
  const reason = (e: Entry) => (i18n.language === "en" ? e.verdictReasonEn : e.verdictReasonNl);
  const detailPath = (e: Entry) => (e.kind === "PROGRAMME" ? `/embedding/programmes/${e.id}` : `/embedding/institutions/${e.id}`);

  return (
    <section>
      <PageHeader title={t("embedding.title")}>
        {access.networkWork ? (
          <button
            type="button"
            disabled={refresh.fetching}
            onClick={() => void runRefresh({}, rankingContext)}
            title={t("embedding.refreshHint")}
          >
            {refresh.fetching ? t("embedding.refreshing") : t("embedding.refresh")}
          </button>
        ) : null}
      </PageHeader>
      {refresh.error ? <ErrorMessage error={refresh.error} /> : null}
      <div className="filters">
        <div className="segmented" role="group" aria-label={t("embedding.kind")}>
          {(["PROGRAMME", "INSTITUTION"] as const).map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {t(`embedding.kinds.${k}`)}
            </button>
          ))}
        </div>
        <label>
          {t("embedding.institution")}
          <select value={institution} onChange={(e) => setInstitution(e.target.value)}>
            <option value="">{t("outreach.all")}</option>
            {(result.data?.institutions ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        {ranking?.refreshedAt ? (
          <span className="muted small">
            {t("embedding.refreshedAt", {
              date: f.dateTime(ranking.refreshedAt),
              threshold: f.score(ranking.warmThreshold ?? 0),
              hops: ranking.maxHops ?? 0,
            })}
          </span>
        ) : null}
      </div>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(ranking)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        <div className="embedding-grid">
          <figure className="panel chart-card">
            <figcaption>
              <h2>{t("embedding.chartTitle")}</h2>
              <p className="muted">{t("embedding.chartHelp")}</p>
            </figcaption>
            <div className="chart" aria-hidden="true">
              <ResponsiveContainer width="100%" height={Math.max(220, entries.length * 26 + 40)}>
                <BarChart
                  data={entries.map((e) => ({ name: e.name, level: e.level, threads: e.threads, rag: e.colour }))}
                  layout="vertical"
                  margin={{ left: 10, right: 20 }}
                >
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} fontSize={12} />
                  <YAxis type="category" dataKey="name" width={170} fontSize={10} interval={0} />
                  <Tooltip />
                  <Bar dataKey="level" name={t("embedding.columns.level")} isAnimationActive={false}>
                    {entries.map((e) => (
                      <Cell key={e.id} fill={chartColors.rag[e.colour] ?? chartColors.muted} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
            <ul className="legend" aria-label={t("embedding.legend")}>
              {(["RED", "AMBER", "GREEN"] as const).map((rag) => (
                <li key={rag}>
                  <RagBadge rag={rag} /> {t(`embedding.verdictLegend.${rag}`)}
                </li>
              ))}
            </ul>
          </figure>
          <section className="panel" aria-labelledby="ranking-title">
            <h2 id="ranking-title">
              {t("embedding.tableTitle")} <span className="muted">({ranking?.total ?? 0})</span>
            </h2>
            <div className="table-scroll">
              <SortableTable
                caption={t("embedding.tableTitle")}
                rows={entries}
                rowKey={(e) => e.id}
                initialSort={{ key: "level", descending: true }}
                columns={[
                  {
                    key: "name",
                    header: t("embedding.columns.name"),
                    render: (e) => <Link to={detailPath(e)}>{e.name}</Link>,
                    sortValue: (e) => e.name,
                  },
                  ...(kind === "PROGRAMME"
                    ? [
                        {
                          key: "institution",
                          header: t("embedding.columns.institution"),
                          render: (e: Entry) => e.institutionName ?? "—",
                          sortValue: (e: Entry) => e.institutionName ?? "",
                        },
                      ]
                    : []),
                  {
                    key: "rag",
                    header: t("embedding.columns.rag"),
                    render: (e) => <RagBadge rag={e.colour} reason={reason(e)} />,
                    sortValue: (e) => ({ RED: 0, AMBER: 1, GREEN: 2 })[e.colour],
                  },
                  {
                    key: "reason",
                    header: t("embedding.columns.reason"),
                    render: (e) => (
                      <span className="small" data-testid="cell-reason">
                        {reason(e)}
                      </span>
                    ),
                    sortValue: (e) => reason(e),
                  },
                  {
                    key: "level",
                    header: t("embedding.columns.level"),
                    render: (e) => (
                      <span data-testid="cell-level">
                        {e.level} · {levelName(e)}
                      </span>
                    ),
                    sortValue: (e) => e.level * 100 + e.threads,
                    numeric: true,
                  },
                  {
                    key: "threads",
                    header: t("embedding.columns.threads"),
                    render: (e) => <span data-testid="cell-threads">{e.threads}</span>,
                    sortValue: (e) => e.threads,
                    numeric: true,
                  },
                  {
                    key: "spof",
                    header: t("embedding.columns.spof"),
                    render: (e) => <span data-testid="cell-spof">{e.singlePointsOfFailure}</span>,
                    sortValue: (e) => e.singlePointsOfFailure,
                    numeric: true,
                  },
                  {
                    key: "reach",
                    header: t("embedding.columns.reach"),
                    render: (e) => `${e.reachedRoleHolders} / ${e.roleHolders}`,
                    sortValue: (e) => (e.roleHolders ? e.reachedRoleHolders / e.roleHolders : 0),
                    numeric: true,
                  },
                  {
                    key: "sprints",
                    header: t("embedding.columns.sprints"),
                    render: (e) => <span data-testid="cell-sprints">{e.activity.sprints}</span>,
                    sortValue: (e) => e.activity.sprints,
                    numeric: true,
                  },
                  {
                    key: "agreements",
                    header: t("embedding.columns.agreements"),
                    render: (e) => e.activity.agreements,
                    sortValue: (e) => e.activity.agreements,
                    numeric: true,
                  },
                  {
                    key: "proposals",
                    header: t("embedding.columns.proposals"),
                    render: (e) => e.activity.openProposals,
                    sortValue: (e) => e.activity.openProposals,
                    numeric: true,
                  },
                  {
                    key: "trend",
                    header: t("embedding.columns.trend"),
                    render: (e) => (
                      <span title={t("embedding.trendTitle", { before: e.activityYearEarlier.sprints, now: e.activity.sprints })}>
                        {e.trendChange > 0 ? "▲" : e.trendChange < 0 ? "▼" : "▬"}{" "}
                        {e.trendChange > 0 ? `+${e.trendChange}` : e.trendChange}
                      </span>
                    ),
                    sortValue: (e) => e.trendChange,
                    numeric: true,
                  },
                ]}
              />
            </div>
          </section>
        </div>
      </QueryState>
    </section>
  );
}
