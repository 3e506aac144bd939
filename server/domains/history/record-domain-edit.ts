import type { Tx } from "../../platform/neo4j/database.js";
import type { EditAuthor, EditRecordInput, FieldChange } from "./record-generic-edits.js";
import { CREATE_EDIT_RECORDS } from "./statements.js";

/**
 * An edit made by a domain's own mutation (not the generated API), recorded the same way: an append-only EditRecord per
 * node it changed, in the mutation's transaction, so `history(id)` shows it. Used by the vocabulary (a merge, a
 * rejection, links set): docs/matching.md.
 */
export interface DomainEdit {
  nodeId: string;
  label: string;
  operation: EditRecordInput["operation"];
  changes: FieldChange[];
}

export async function recordDomainEdits(tx: Tx, edits: readonly DomainEdit[], who: EditAuthor): Promise<void> {
  const records = edits
    .filter((e) => e.changes.length > 0)
    .map((e) => ({ nodeId: e.nodeId, label: e.label, operation: e.operation, ...who, changes: JSON.stringify(e.changes) }));
  if (records.length > 0) await tx.run(CREATE_EDIT_RECORDS, { records });
}
