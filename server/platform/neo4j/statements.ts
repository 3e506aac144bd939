/**
 * The statements of the database plumbing, each whole. The schema's constraints and indexes are
 * in schema/constraints.cypher. Snapshots: tests/snapshots/cypher/platform/neo4j/.
 */

/** One round trip: whether Neo4j answers, and (from its bookmark) the graph's version. */
export const PING = /* cypher */ `RETURN 1`;

/** Waits for the indexes just created to come online (at most 300 s). */
export const AWAIT_INDEXES = /* cypher */ `CALL db.awaitIndexes(300)`;

/** Labels whose nodes the workflow locks; a fixed list, so no caller text reaches the Cypher. */
export const LOCKABLE_LABELS = ["Case", "Course", "Person", "Proposal", "Sprint", "Milestone"] as const;
export type LockableLabel = (typeof LOCKABLE_LABELS)[number];

/**
 * Takes the write lock of one node (see lockNode): the first property write takes the node's
 * exclusive lock until commit, and the property is gone again in the same statement.
 */
export function lockNodeStatement(label: LockableLabel): string {
  return /* cypher */ `
MATCH (n:${label} {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id`;
}
