import type { Tx } from "./database.js";
import { lockNodeStatement, type LockableLabel } from "./statements.js";

export type { LockableLabel };

/**
 * Takes the write lock of one node for the rest of the transaction; false when there is no such
 * node. Neo4j takes a node's exclusive lock on the first property write and holds it until commit;
 * the property is removed again in the same statement, so nothing is left on the node. Read what
 * the lock protects only AFTER this call (in a later statement): a concurrent transaction's
 * changes are then committed and visible.
 */
export async function lockNode(tx: Tx, label: LockableLabel, id: string): Promise<boolean> {
  const rows = await tx.run(lockNodeStatement(label), { id });
  return rows.length > 0;
}
