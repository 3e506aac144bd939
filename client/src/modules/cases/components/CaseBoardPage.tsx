import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { useAccess } from "../../../app/access";
import type { CaseBoardFilter, EducationLevel } from "../../../generated/graphql";
import { DownloadCsvButton } from "../../../ui/DownloadCsvButton";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { caseBoardOptionsQuery, caseBoardQuery } from "../graphql/caseBoardQuery";
import { exportCasesCsvQuery } from "../graphql/exportCasesCsvQuery";
import { CaseCard } from "./CaseCard";
import { caseQueryContext } from "../hooks/caseChangeTypenames";

const levels: EducationLevel[] = ["WO", "HBO", "MBO"];
const filterKeys = ["institution", "topic", "level", "partner", "coordinator", "search", "status"] as const;
/** Cards fetched at once; each column says when it holds more than it shows. */
const pageSize = 200;

/**
 * The case board: a column per status with its count, filters (kept in the address, so a filtered
 * board can be shared), search, and on each card the move its status allows.
 */
export function CaseBoardPage() {
  const { t, i18n } = useTranslation();
  const access = useAccess();
  const [params, setParams] = useSearchParams();
  const [message, setMessage] = useState<string | null>(null);
  const [searchText, setSearchText] = useState(params.get("search") ?? "");

  const filter: CaseBoardFilter = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) (filter as Record<string, string>)[key] = value;
  }
  const [result, refetch] = useQuery({
    query: caseBoardQuery,
    variables: { filter, first: pageSize },
    context: caseQueryContext,
  });
  const [options] = useQuery({ query: caseBoardOptionsQuery });
  const board = result.data?.caseBoard;

  function setFilter(key: (typeof filterKeys)[number], value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  }

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setFilter("search", searchText.trim());
  }

  const coordinators = options.data?.workspaces.flatMap((w) => w.coordinators) ?? [];
  // The columns and their order are the server's (caseBoard.columns holds every status, in lifecycle order).
  const shownStatuses = filter.status ? [filter.status] : (board?.columns.map((c) => c.status) ?? []);
  const activeFilters = filterKeys.filter((k) => params.get(k)).length;

  return (
    <section className="board-page">
      <PageHeader title={t("board.title")}>
        {access.dataTransfer ? (
          <DownloadCsvButton
            query={exportCasesCsvQuery}
            variables={{ language: i18n.language === "en" ? "EN" : "NL" }}
            field="exportCasesCsv"
            fileName="cases.csv"
            label={t("cases.board.exportCsv")}
          />
        ) : null}
        {access.caseWork ? (
          <Link className="button-link primary" to="/intake">
            {t("cases.board.newCase")}
          </Link>
        ) : null}
      </PageHeader>
      <form className="filters board-filters" onSubmit={submitSearch} role="search" aria-label={t("cases.board.filters")}>
        <label>
          {t("cases.board.search")}
          <span className="inline-form">
            <input
              type="search"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              placeholder={t("cases.board.searchPlaceholder")}
            />
            <button type="submit">{t("explorer.search")}</button>
          </span>
        </label>
        <label>
          {t("cases.board.institution")}
          <select value={params.get("institution") ?? ""} onChange={(e) => setFilter("institution", e.target.value)}>
            <option value="">{t("outreach.all")}</option>
            {(options.data?.institutions ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("cases.board.topic")}
          <input
            type="text"
            defaultValue={params.get("topic") ?? ""}
            onBlur={(e) => setFilter("topic", e.target.value.trim())}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                setFilter("topic", e.currentTarget.value.trim());
              }
            }}
          />
        </label>
        <label>
          {t("cases.board.level")}
          <select value={params.get("level") ?? ""} onChange={(e) => setFilter("level", e.target.value)}>
            <option value="">{t("outreach.all")}</option>
            {levels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("cases.board.partner")}
          <select value={params.get("partner") ?? ""} onChange={(e) => setFilter("partner", e.target.value)}>
            <option value="">{t("outreach.all")}</option>
            {(options.data?.partners ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("cases.board.coordinator")}
          <select value={params.get("coordinator") ?? ""} onChange={(e) => setFilter("coordinator", e.target.value)}>
            <option value="">{t("outreach.all")}</option>
            {coordinators.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {activeFilters > 0 ? (
          <button
            type="button"
            onClick={() => {
              setSearchText("");
              setParams(new URLSearchParams());
            }}
          >
            {t("cases.board.clearFilters")}
          </button>
        ) : null}
      </form>
      {message ? (
        <p className="success" role="status">
          {message}
        </p>
      ) : null}
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(board)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {board ? (
          <>
            <p className="muted" aria-live="polite">
              {t("cases.board.total", { count: board.totalCount })}
            </p>
            <div className="board" style={{ gridTemplateColumns: `repeat(${shownStatuses.length}, minmax(178px, 1fr))` }}>
              {shownStatuses.map((status) => {
                const cards = board.cards.filter((c) => c.status === status);
                const count = board.columns.find((c) => c.status === status)?.count ?? 0;
                return (
                  <section
                    key={status}
                    className={`board-column column-${status}`}
                    aria-labelledby={`column-${status}`}
                    data-testid={`column-${status}`}
                  >
                    <h2 id={`column-${status}`}>
                      {t(`enums.caseStatus.${status}`)}{" "}
                      <span className="count" data-testid={`count-${status}`}>
                        {count}
                      </span>
                    </h2>
                    {cards.length === 0 ? <p className="muted empty-column">{t("cases.board.empty")}</p> : null}
                    {cards.map((card) => (
                      <CaseCard key={card.id} card={card} onDone={setMessage} />
                    ))}
                    {count > cards.length ? (
                      <button type="button" className="link-button" onClick={() => setFilter("status", status)}>
                        {t("cases.board.showAll", { count })}
                      </button>
                    ) : null}
                  </section>
                );
              })}
            </div>
            {filter.status ? (
              <button type="button" onClick={() => setFilter("status", "")}>
                {t("cases.board.allColumns")}
              </button>
            ) : null}
          </>
        ) : null}
      </QueryState>
    </section>
  );
}
