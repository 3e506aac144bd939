import type { Tx } from "../../platform/neo4j/database.js";
import type { FieldChange } from "./record-generic-edits.js";
import { READ_PERSON_EDIT_RECORDS, REWRITE_EDIT_RECORDS } from "./statements.js";

/**
 * Erasure reaches history too (GDPR art. 17, server/domains/privacy/erase-person.ts): in the
 * erasure's transaction, every edit record about the person loses its old and new values (the
 * field names stay: that a field was changed is not personal data) and points at the new id; in
 * records of other nodes, links to the person keep only the new id (a tie's note and the like go);
 * records the person made name the new id. Returns how many records were rewritten.
 */
export async function eraseFromHistory(tx: Tx, oldId: string, newId: string): Promise<number> {
  const rows = await tx.run(READ_PERSON_EDIT_RECORDS, { id: oldId, quoted: JSON.stringify(oldId) });
  const records = rows.map((row) => {
    const about = row.nodeId === oldId;
    const changes = (JSON.parse(String(row.changes ?? "[]")) as FieldChange[]).map((change): FieldChange => {
      if (about) return { field: change.field, old: null, new: null, ...(change.edge ? { edge: change.edge } : {}) };
      const relink = (value: unknown): unknown =>
        Array.isArray(value)
          ? value.map((link: { id?: unknown }) => (link && link.id === oldId ? { id: newId } : link))
          : value === oldId
            ? newId
            : value;
      return { ...change, old: relink(change.old), new: relink(change.new) };
    });
    return {
      id: String(row.id),
      nodeId: about ? newId : String(row.nodeId),
      byPerson: row.byPerson === oldId ? newId : ((row.byPerson as string | null) ?? null),
      changes: JSON.stringify(changes),
    };
  });
  if (records.length > 0) await tx.run(REWRITE_EDIT_RECORDS, { records });
  return records.length;
}
