import { allows, protectedGraphFields } from "../../platform/auth/access-policy.js";
import type { Role } from "../../platform/auth/roles.js";
import type { Database } from "../../platform/neo4j/database.js";
import type { FieldChange } from "./record-generic-edits.js";
import type { HistoryChange, HistoryEntry } from "./history-types.js";
import { READ_CASE_EVENTS, READ_EDIT_RECORDS } from "./statements.js";

/** Whether the roles may read field `field` of type `owner` (access-policy.ts's protected fields). */
function mayRead(owner: string, field: string, roles: readonly Role[] | undefined): boolean {
  const family = protectedGraphFields[owner]?.[field];
  return !family || allows(family, roles);
}

/** A recorded change as the caller may see it: protected values (Person.email, Knows.note, …) left out. */
function visibleChange(label: string, change: FieldChange, roles: readonly Role[] | undefined): HistoryChange {
  if (!mayRead(label, change.field, roles)) return { field: change.field, old: null, new: null, hidden: true };
  let hidden = false;
  const edgeType = change.edge;
  const strip = (value: unknown): unknown => {
    if (!edgeType || !Array.isArray(value)) return value;
    return value.map((link: { id: string; edge?: Record<string, unknown> }) => {
      if (!link.edge) return link;
      const edge = Object.fromEntries(
        Object.entries(link.edge).filter(([key]) => {
          const ok = mayRead(edgeType, key, roles);
          if (!ok) hidden = true;
          return ok;
        }),
      );
      return { ...link, edge };
    });
  };
  const old = strip(change.old);
  const now = strip(change.new);
  return { field: change.field, old: JSON.stringify(old ?? null), new: JSON.stringify(now ?? null), hidden };
}

/**
 * The history of one node, newest first: every generic edit recorded for it and, for a case, its
 * status changes (the timeline), so the one query answers "who changed what, when".
 */
export async function readHistory(db: Database, id: string, roles: readonly Role[] | undefined): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  for (const row of await db.read(READ_EDIT_RECORDS, { id })) {
    const label = String(row.label);
    const changes = JSON.parse(String(row.changes ?? "[]")) as FieldChange[];
    entries.push({
      id: String(row.id),
      at: String(row.at),
      kind: String(row.operation),
      label,
      byUser: (row.byUser as string | null) ?? null,
      byPerson: (row.byPerson as string | null) ?? null,
      changes: changes.map((c) => visibleChange(label, c, roles)),
      reason: null,
      note: null,
    });
  }
  const caseText = mayRead("CaseEvent", "note", roles) && mayRead("CaseEvent", "reason", roles);
  for (const row of await db.read(READ_CASE_EVENTS, { id })) {
    entries.push({
      id: String(row.id),
      at: String(row.at),
      kind: "STATUS",
      label: "Case",
      byUser: null,
      byPerson: (row.by as string | null) ?? null,
      changes: [{ field: "status", old: JSON.stringify(row.from ?? null), new: JSON.stringify(row.to ?? null), hidden: false }],
      reason: caseText ? ((row.reason as string | null) ?? null) : null,
      note: caseText ? ((row.note as string | null) ?? null) : null,
    });
  }
  return entries.sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
}
