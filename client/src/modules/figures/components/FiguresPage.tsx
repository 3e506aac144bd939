import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useQuery } from "urql";
import { ChartCard } from "../../../ui/ChartCard";
import { chartColors } from "../../../ui/chartColors";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { SortableTable } from "../../../ui/SortableTable";
import { useFormat } from "../../../ui/useFormat";
import { figuresQuery } from "../graphql/figuresQuery";
import { caseQueryContext } from "../../cases/hooks/caseChangeTypenames";

/**
 * The pipeline in figures: funnel, months, time to match, matches per institution, level and
 * period, partners' yield and teachers' response rates — each a chart with its table.
 */
export function FiguresPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [range, setRange] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [result, refetch] = useQuery({ query: figuresQuery, variables: range, context: caseQueryContext });
  const data = result.data;

  function apply(event: FormEvent) {
    event.preventDefault();
    setRange({ from: from || null, to: to || null });
  }

  const status = (s: string) => t(`enums.caseStatus.${s}`);

  return (
    <section>
      <PageHeader title={t("figures.title")}>
        <form className="inline-form window-form" onSubmit={apply} aria-label={t("figures.window")}>
          <label>
            {t("figures.from")} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t("figures.to")} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit">{t("figures.apply")}</button>
        </form>
      </PageHeader>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {data ? (
          <div className="figures-grid">
            <div className="stat-row wide">
              <div className="panel stat" data-testid="stat-matches">
                <span className="stat-value">{f.integer(data.matchFigures.total)}</span>
                <span className="stat-label">{t("figures.totalMatches")}</span>
              </div>
              <div className="panel stat" data-testid="stat-intake-to-match">
                <span className="stat-value">
                  {data.caseDurations.intakeToMatch.medianDays === null ||
                  data.caseDurations.intakeToMatch.medianDays === undefined
                    ? "—"
                    : f.decimal(data.caseDurations.intakeToMatch.medianDays)}
                </span>
                <span className="stat-label">
                  {t("figures.intakeToMatch", { count: data.caseDurations.intakeToMatch.cases })}
                </span>
              </div>
              <div className="panel stat" data-testid="stat-match-to-completed">
                <span className="stat-value">
                  {data.caseDurations.matchToCompleted.medianDays === null ||
                  data.caseDurations.matchToCompleted.medianDays === undefined
                    ? "—"
                    : f.decimal(data.caseDurations.matchToCompleted.medianDays)}
                </span>
                <span className="stat-label">
                  {t("figures.matchToCompleted", { count: data.caseDurations.matchToCompleted.cases })}
                </span>
              </div>
            </div>

            <ChartCard
              testId="chart-funnel"
              title={t("figures.funnel")}
              description={t("figures.funnelHelp")}
              chart={
                <ResponsiveContainer width="100%" height={260}>
                  <BarChart data={data.caseFunnel.map((s) => ({ ...s, label: status(s.status) }))}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="label" fontSize={12} interval={0} />
                    <YAxis allowDecimals={false} fontSize={12} />
                    <Tooltip />
                    <Legend />
                    <Bar dataKey="reached" name={t("figures.reached")} fill={chartColors.primary} isAnimationActive={false} />
                    <Bar dataKey="current" name={t("figures.current")} fill={chartColors.secondary} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              }
              table={
                <SortableTable
                  caption={t("figures.funnel")}
                  rows={data.caseFunnel}
                  rowKey={(r) => r.status}
                  columns={[
                    { key: "status", header: t("figures.status"), render: (r) => status(r.status) },
                    { key: "current", header: t("figures.current"), render: (r) => f.integer(r.current), numeric: true },
                    { key: "reached", header: t("figures.reached"), render: (r) => f.integer(r.reached), numeric: true },
                  ]}
                />
              }
            />

            <ChartCard
              title={t("figures.perMonth")}
              description={t("figures.perMonthHelp")}
              chart={
                <ResponsiveContainer width="100%" height={260}>
                  <BarChart data={data.caseFunnelByPeriod}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="label" fontSize={11} />
                    <YAxis allowDecimals={false} fontSize={12} />
                    <Tooltip />
                    <Legend />
                    <Bar dataKey="created" name={t("figures.created")} fill={chartColors.muted} isAnimationActive={false} />
                    <Bar dataKey="matched" name={t("figures.matched")} fill={chartColors.secondary} isAnimationActive={false} />
                    <Bar dataKey="completed" name={t("figures.completed")} fill={chartColors.primary} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              }
              table={
                <SortableTable
                  caption={t("figures.perMonth")}
                  rows={data.caseFunnelByPeriod}
                  rowKey={(r) => r.key}
                  columns={[
                    { key: "label", header: t("figures.month"), render: (r) => r.label, sortValue: (r) => r.key },
                    {
                      key: "created",
                      header: t("figures.created"),
                      render: (r) => f.integer(r.created),
                      sortValue: (r) => r.created,
                      numeric: true,
                    },
                    { key: "qualified", header: status("QUALIFIED"), render: (r) => f.integer(r.qualified), numeric: true },
                    { key: "proposed", header: status("PROPOSED"), render: (r) => f.integer(r.proposed), numeric: true },
                    {
                      key: "matched",
                      header: t("figures.matched"),
                      render: (r) => f.integer(r.matched),
                      sortValue: (r) => r.matched,
                      numeric: true,
                    },
                    { key: "inSprint", header: status("IN_SPRINT"), render: (r) => f.integer(r.inSprint), numeric: true },
                    { key: "completed", header: t("figures.completed"), render: (r) => f.integer(r.completed), numeric: true },
                    { key: "closed", header: status("CLOSED"), render: (r) => f.integer(r.closed), numeric: true },
                  ]}
                />
              }
            />

            <ChartCard
              testId="chart-institutions"
              title={t("figures.perInstitution")}
              description={t("figures.levelColours")}
              chart={
                <ResponsiveContainer width="100%" height={Math.max(200, data.matchFigures.byInstitution.length * 30)}>
                  <BarChart data={data.matchFigures.byInstitution} layout="vertical" margin={{ left: 20 }}>
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" allowDecimals={false} fontSize={12} />
                    <YAxis type="category" dataKey="institutionName" width={200} fontSize={11} />
                    <Tooltip />
                    <Bar dataKey="matches" name={t("figures.matches")} isAnimationActive={false}>
                      {data.matchFigures.byInstitution.map((r) => (
                        <Cell key={r.institutionId} fill={chartColors.level[r.level] ?? chartColors.primary} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              }
              table={
                <SortableTable
                  caption={t("figures.perInstitution")}
                  rows={data.matchFigures.byInstitution}
                  rowKey={(r) => r.institutionId}
                  columns={[
                    {
                      key: "name",
                      header: t("figures.institution"),
                      render: (r) => r.institutionName,
                      sortValue: (r) => r.institutionName,
                    },
                    { key: "level", header: t("figures.level"), render: (r) => r.level, sortValue: (r) => r.level },
                    {
                      key: "matches",
                      header: t("figures.matches"),
                      render: (r) => f.integer(r.matches),
                      sortValue: (r) => r.matches,
                      numeric: true,
                    },
                  ]}
                />
              }
            />

            <ChartCard
              title={t("figures.perLevel")}
              chart={
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={data.matchFigures.byLevel}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="level" fontSize={12} />
                    <YAxis allowDecimals={false} fontSize={12} />
                    <Tooltip />
                    <Bar dataKey="matches" name={t("figures.matches")} isAnimationActive={false}>
                      {data.matchFigures.byLevel.map((r) => (
                        <Cell key={r.level} fill={chartColors.level[r.level] ?? chartColors.primary} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              }
              table={
                <SortableTable
                  caption={t("figures.perLevel")}
                  rows={data.matchFigures.byLevel}
                  rowKey={(r) => r.level}
                  columns={[
                    { key: "level", header: t("figures.level"), render: (r) => t(`enums.level.${r.level}`) },
                    { key: "matches", header: t("figures.matches"), render: (r) => f.integer(r.matches), numeric: true },
                  ]}
                />
              }
            />

            <ChartCard
              title={t("figures.perPeriod")}
              chart={
                <ResponsiveContainer width="100%" height={240}>
                  <BarChart
                    data={data.matchFigures.byTeachingPeriod.map((p) => ({ ...p, label: `${p.periodName} ${p.academicYear}` }))}
                  >
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="label" fontSize={10} />
                    <YAxis allowDecimals={false} fontSize={12} />
                    <Tooltip />
                    <Bar dataKey="matches" name={t("figures.matches")} fill={chartColors.secondary} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              }
              table={
                <SortableTable
                  caption={t("figures.perPeriod")}
                  rows={data.matchFigures.byTeachingPeriod}
                  rowKey={(r) => r.periodId}
                  columns={[
                    {
                      key: "period",
                      header: t("figures.period"),
                      render: (r) => `${r.periodName} ${r.academicYear}`,
                      sortValue: (r) => r.startDate,
                    },
                    { key: "institution", header: t("figures.institution"), render: (r) => r.institutionName ?? "—" },
                    {
                      key: "start",
                      header: t("figures.start"),
                      render: (r) => f.date(r.startDate),
                      sortValue: (r) => r.startDate,
                    },
                    {
                      key: "matches",
                      header: t("figures.matches"),
                      render: (r) => f.integer(r.matches),
                      sortValue: (r) => r.matches,
                      numeric: true,
                    },
                  ]}
                />
              }
            />

            <ChartCard
              testId="chart-partners"
              title={t("figures.partners")}
              chart={
                <ResponsiveContainer width="100%" height={260}>
                  <BarChart data={data.partnerYield}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="partnerName" fontSize={10} interval={0} angle={-18} textAnchor="end" height={70} />
                    <YAxis allowDecimals={false} fontSize={12} />
                    <Tooltip />
                    <Legend />
                    <Bar dataKey="referredSmes" name={t("figures.referred")} fill={chartColors.muted} isAnimationActive={false} />
                    <Bar dataKey="matched" name={t("figures.matched")} fill={chartColors.secondary} isAnimationActive={false} />
                    <Bar dataKey="completed" name={t("figures.completed")} fill={chartColors.primary} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              }
              table={
                <SortableTable
                  caption={t("figures.partners")}
                  rows={data.partnerYield}
                  rowKey={(r) => r.partnerId}
                  columns={[
                    { key: "name", header: t("figures.partner"), render: (r) => r.partnerName, sortValue: (r) => r.partnerName },
                    {
                      key: "referred",
                      header: t("figures.referred"),
                      render: (r) => f.integer(r.referredSmes),
                      sortValue: (r) => r.referredSmes,
                      numeric: true,
                    },
                    {
                      key: "cases",
                      header: t("figures.cases"),
                      render: (r) => f.integer(r.cases),
                      sortValue: (r) => r.cases,
                      numeric: true,
                    },
                    {
                      key: "matched",
                      header: t("figures.matched"),
                      render: (r) => f.integer(r.matched),
                      sortValue: (r) => r.matched,
                      numeric: true,
                    },
                    {
                      key: "completed",
                      header: t("figures.completed"),
                      render: (r) => f.integer(r.completed),
                      sortValue: (r) => r.completed,
                      numeric: true,
                    },
                    {
                      key: "matchRate",
                      header: t("figures.matchRate"),
                      render: (r) => f.percent(r.matchRate),
                      sortValue: (r) => r.matchRate ?? -1,
                      numeric: true,
                    },
                  ]}
                />
              }
            />

            <section className="panel wide" aria-labelledby="response-rates">
              <h2 id="response-rates">{t("figures.responseRates")}</h2>
              <SortableTable
                caption={t("figures.responseRates")}
                rows={data.teacherResponseRates}
                rowKey={(r) => r.teacherId}
                initialSort={{ key: "sent", descending: true }}
                columns={[
                  { key: "name", header: t("figures.teacher"), render: (r) => r.teacherName, sortValue: (r) => r.teacherName },
                  {
                    key: "sent",
                    header: t("figures.sent"),
                    render: (r) => f.integer(r.sent),
                    sortValue: (r) => r.sent,
                    numeric: true,
                  },
                  {
                    key: "answered",
                    header: t("figures.answered"),
                    render: (r) => f.integer(r.answered),
                    sortValue: (r) => r.answered,
                    numeric: true,
                  },
                  {
                    key: "interested",
                    header: t("figures.interested"),
                    render: (r) => f.integer(r.interested),
                    sortValue: (r) => r.interested,
                    numeric: true,
                  },
                  { key: "open", header: t("figures.open"), render: (r) => f.integer(r.open), numeric: true },
                  { key: "expired", header: t("figures.expired"), render: (r) => f.integer(r.expired), numeric: true },
                  {
                    key: "responseRate",
                    header: t("figures.responseRate"),
                    render: (r) => f.percent(r.responseRate),
                    sortValue: (r) => r.responseRate,
                    numeric: true,
                  },
                  {
                    key: "interestRate",
                    header: t("figures.interestRate"),
                    render: (r) => f.percent(r.interestRate),
                    sortValue: (r) => r.interestRate,
                    numeric: true,
                  },
                ]}
              />
            </section>
          </div>
        ) : null}
      </QueryState>
    </section>
  );
}
