import { useState } from "react";
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
const statusOrder = new Map(statuses.map((s, i) => [s, i]));

type MappingRowData = MappingTableQuery["mappingTable"][number];

// A filtered table may be empty, so the cache is told which type it holds.
const mappingContext = { additionalTypenames: ["MappingRow"] };

/** Programmes and courses with their mapping status; a contact is logged from the row. */
export function MappingTableView() {
  const { t } = useTranslation();
  const f = useFormat();
  // Logging a contact is outreach work (OUTREACH_WORK): no button column for other roles.
  const { outreachWork } = useAccess();
  const [institution, setInstitution] = useState("");
  const [status, setStatus] = useState<MappingStatus | "">("");
  const [subject, setSubject] = useState<InteractionSubject | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [result, refetch] = useQuery({
    query: mappingTableQuery,
    variables: { institution: institution || null, status: status || null },
    context: mappingContext,
  });
  const rows = result.data?.mappingTable ?? [];

  return (
    <div>
      <div className="filters" role="group" aria-label={t("outreach.filters")}>
        <label>
          {t("outreach.institution")}
          <select value={institution} onChange={(e) => setInstitution(e.target.value)}>
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
          <select value={status} onChange={(e) => setStatus(e.target.value as MappingStatus | "")}>
            <option value="">{t("outreach.all")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`enums.mappingStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t("outreach.rowCount", { count: rows.length })}</span>
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
        <SortableTable
          caption={t("outreach.tabs.mapping")}
          rows={rows}
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
              sortValue: (r) => `${r.institutionName}|${r.programmeName}|${r.kind === "PROGRAMME" ? "" : r.name}`,
            },
            {
              key: "institution",
              header: t("outreach.columns.institution"),
              render: (r) => <OrganisationLink kind="INSTITUTION" id={r.institutionId} name={r.institutionName} />,
              sortValue: (r) => r.institutionName,
            },
            {
              key: "status",
              header: t("outreach.columns.status"),
              render: (r) => <span className={`badge mapping-${r.status}`}>{t(`enums.mappingStatus.${r.status}`)}</span>,
              sortValue: (r) => statusOrder.get(r.status) ?? 0,
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
              sortValue: (r) => r.lastInteraction?.date ?? "",
            },
            {
              key: "count",
              header: t("outreach.columns.contacts"),
              render: (r) => f.integer(r.interactionCount),
              sortValue: (r) => r.interactionCount,
              numeric: true,
            },
            {
              key: "examples",
              header: t("outreach.columns.examples"),
              render: (r) => f.integer(r.exampleAssignmentCount),
              sortValue: (r) => r.exampleAssignmentCount,
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
