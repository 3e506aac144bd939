import { useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useAccess } from "../../../app/access";
import type { MappingStatus, MappingTableQuery } from "../../../generated/graphql";
import { Dialog } from "../../../ui/Dialog";
import { QueryState } from "../../../ui/QueryState";
import { SortableTable } from "../../../ui/SortableTable";
import { useFormat } from "../../../ui/useFormat";
import { mappingTableQuery } from "../graphql/mappingTableQuery";
import { LogInteractionForm, type InteractionSubject } from "./LogInteractionForm";
import { OrganisationLink } from "../../organisations/components/OrganisationLink";
import { PeopleList } from "../../organisations/components/InstitutionPage";

const statuses: MappingStatus[] = ["NOT_APPROACHED", "APPROACHED", "RESPONDED", "EXAMPLES_RECEIVED", "AGREEMENT"];

type MappingRowData = MappingTableQuery["mappingTablePage"]["rows"][number];

// A filtered table may be empty, so the cache is told which type it holds.
const mappingContext = { additionalTypenames: ["MappingRow", "MappingTablePage"] };

/** Programmes per page: whole programmes, so a programme's courses are never split over two pages. */
const pageSizes = [10, 25, 50] as const;

/** The page's rows by institution, in the server's order (institution, programme, its own row first, its courses). */
function groupByInstitution(
  rows: MappingRowData[],
): Array<{ id: string; name: string; rows: MappingRowData[]; programmes: number }> {
  const groups: Array<{ id: string; name: string; rows: MappingRowData[]; programmes: number }> = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (!group || group.id !== row.institutionId) {
      group = { id: row.institutionId, name: row.institutionName, rows: [], programmes: 0 };
      groups.push(group);
    }
    group.rows.push(row);
  }
  for (const group of groups) group.programmes = new Set(group.rows.map((r) => r.programmeId)).size;
  return groups;
}

/**
 * Programmes and courses with their mapping status, grouped by institution and programme and paged by programme
 * on the server (mappingTablePage; the page number is in the address); a contact is logged from the row.
 */
export function MappingTableView() {
  const { t } = useTranslation();
  const f = useFormat();
  // Logging a contact is outreach work (OUTREACH_WORK): no button column for other roles.
  const { outreachWork } = useAccess();
  const [institution, setInstitution] = useState("");
  const [status, setStatus] = useState<MappingStatus | "">("");
  const [subject, setSubject] = useState<InteractionSubject | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const [pageSize, setPageSize] = useState<number>(pageSizes[0]);
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const [result, refetch] = useQuery({
    query: mappingTableQuery,
    variables: { institution: institution || null, status: status || null, first: pageSize, offset: (page - 1) * pageSize },
    context: mappingContext,
  });
  const table = result.data?.mappingTablePage;
  const rows = table?.rows ?? [];
  const pages = Math.max(1, Math.ceil((table?.programmeCount ?? 0) / pageSize));
  function goTo(next: number) {
    const nextParams = new URLSearchParams(params);
    if (next <= 1) nextParams.delete("page");
    else nextParams.set("page", String(next));
    setParams(nextParams);
  }
  /** A new filter or page size starts again at the first page. */
  function restart() {
    goTo(1);
  }
  const pager = (
    <nav className="pager" aria-label={t("mappingPages.pagination")}>
      <button type="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
        {t("mappingPages.previous")}
      </button>
      <span aria-current="page">{t("mappingPages.page", { page, pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => goTo(page + 1)}>
        {t("mappingPages.next")}
      </button>
    </nav>
  );

  return (
    <div>
      <div className="filters" role="group" aria-label={t("outreach.filters")}>
        <label>
          {t("outreach.institution")}
          <select
            value={institution}
            onChange={(e) => {
              setInstitution(e.target.value);
              restart();
            }}
          >
            <option value="">{t("outreach.all")}</option>
            {(result.data?.institutions ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("outreach.status")}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as MappingStatus | "");
              restart();
            }}
          >
            <option value="">{t("outreach.all")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`enums.mappingStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("mappingPages.pageSize")}
          <select
            value={pageSize}
            onChange={(e) => {
              setPageSize(Number(e.target.value));
              restart();
            }}
          >
            {pageSizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="mapping-summary">
          {t("mappingPages.summary", {
            programmes: t("mappingPages.programmes", { count: table?.programmeCount ?? 0 }),
            institutions: t("mappingPages.institutions", { count: table?.institutionCount ?? 0 }),
          })}
        </span>
      </div>
      {message ? (
        <p className="success" role="status">
          {message}
        </p>
      ) : null}
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(result.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {pager}
        {groupByInstitution(rows).map((group) => (
          <section key={group.id} className="mapping-group" aria-labelledby={`mapping-${group.id}`}>
            <h3 id={`mapping-${group.id}`}>
              <OrganisationLink kind="INSTITUTION" id={group.id} name={group.name} />{" "}
              <span className="muted">· {t("mappingPages.programmes", { count: group.programmes })}</span>
            </h3>
            <SortableTable
              caption={`${t("outreach.tabs.mapping")}: ${group.name}`}
              rows={group.rows}
              rowKey={(r) => `${r.kind}:${r.id}`}
              columns={[
                {
                  key: "name",
                  header: t("outreach.columns.name"),
                  render: (r) => (
                    <span className={r.kind === "PROGRAMME" ? "strong" : "indent"}>
                      {r.kind === "PROGRAMME" ? <OrganisationLink kind="PROGRAMME" id={r.id} name={r.name} /> : r.name}
                      <span className="muted">
                        {" "}
                        · {r.kind === "PROGRAMME" ? t("explorer.kind.programme") : t("explorer.kind.course")}
                      </span>
                    </span>
                  ),
                },
                {
                  key: "status",
                  header: t("outreach.columns.status"),
                  render: (r) => <span className={`badge mapping-${r.status}`}>{t(`enums.mappingStatus.${r.status}`)}</span>,
                },
                {
                  key: "teachers",
                  header: t("outreach.columns.teachers"),
                  render: (r) => <PeopleList people={r.teachers} />,
                },
                {
                  key: "last",
                  header: t("outreach.columns.lastContact"),
                  render: (r) =>
                    r.lastInteraction ? (
                      <span>
                        {f.date(r.lastInteraction.date)} · {t(`enums.channel.${r.lastInteraction.channel}`)}
                        {r.lastInteraction.result ? ` · ${t(`enums.result.${r.lastInteraction.result}`)}` : ""}
                      </span>
                    ) : (
                      "—"
                    ),
                },
                {
                  key: "count",
                  header: t("outreach.columns.contacts"),
                  render: (r) => f.integer(r.interactionCount),
                  numeric: true,
                },
                {
                  key: "examples",
                  header: t("outreach.columns.examples"),
                  render: (r) => f.integer(r.exampleAssignmentCount),
                  numeric: true,
                },
                ...(outreachWork
                  ? [
                      {
                        key: "actions",
                        header: t("outreach.columns.actions"),
                        render: (r: MappingRowData) => (
                          <button
                            type="button"
                            onClick={() => {
                              setMessage(null);
                              setSubject({ kind: r.kind, id: r.id, name: r.name, people: r.teachers });
                            }}
                            aria-label={t("outreach.logFor", { name: r.name })}
                          >
                            {t("outreach.log")}
                          </button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </section>
        ))}
        {pages > 1 ? pager : null}
      </QueryState>
      <Dialog title={t("outreach.logTitle")} open={subject !== null} onClose={() => setSubject(null)}>
        {subject ? (
          <LogInteractionForm
            subject={subject}
            onDone={(text) => {
              setSubject(null);
              setMessage(text);
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
