import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { PersonLink } from "../../people/components/PersonLink";
import { caseHistoryQuery, editorNamesQuery } from "../graphql/caseEditOperations";

const context = { additionalTypenames: ["HistoryEntry", "Case"] };

/** A recorded value as text: lists joined, empty as a dash. */
function show(json: string | null | undefined): string {
  if (json === null || json === undefined) return "—";
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || value === "") return "—";
    if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(String).join(", ");
    return String(value);
  } catch {
    return json;
  }
}

/**
 * The case's edits, newest first, as the server recorded them (history: who, when, each field's old
 * and new value): the timeline's record of what changed in the case itself, beside its status changes.
 */
export function CaseChangesPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [result, refetch] = useQuery({ query: caseHistoryQuery, variables: { id: caseId }, context });
  const edits = (result.data?.history ?? []).filter((e) => e.label === "Case" && e.kind === "UPDATE");
  const editorIds = [...new Set(edits.map((e) => e.byPerson).filter((id): id is string => Boolean(id)))];
  const [names] = useQuery({ query: editorNamesQuery, variables: { ids: editorIds }, pause: editorIds.length === 0 });
  const nameOf = new Map((names.data?.people ?? []).map((p) => [p.id, p.name]));
  return (
    <section className="panel" aria-labelledby="case-changes">
      <h2 id="case-changes">{t("caseEdit.changes")}</h2>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(result.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {edits.length === 0 ? <p className="muted">{t("caseEdit.noChanges")}</p> : null}
        <ol className="timeline" data-testid="case-changes">
          {edits.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{f.dateTime(e.at)}</time>
              <div>
                <span>
                  {t("caseEdit.changed", {
                    fields: e.changes.map((c) => t(`caseEdit.field.${c.field}`, { defaultValue: c.field })).join(", "),
                  })}
                </span>
                {e.byPerson ? (
                  <span className="muted small">
                    {" — "}
                    <PersonLink id={e.byPerson} name={nameOf.get(e.byPerson) ?? null} />
                  </span>
                ) : null}
                <ul className="plain-list small">
                  {e.changes
                    .filter((c) => !c.hidden)
                    .map((c) => (
                      <li key={c.field} data-field={c.field}>
                        {t(`caseEdit.field.${c.field}`, { defaultValue: c.field })}: <del>{show(c.old)}</del> →{" "}
                        <ins>{show(c.new)}</ins>
                      </li>
                    ))}
                </ul>
              </div>
            </li>
          ))}
        </ol>
      </QueryState>
    </section>
  );
}
