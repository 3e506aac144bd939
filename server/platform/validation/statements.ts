/**
 * The graph reads of the input validation of the generated mutations. The label is a node type of
 * the type definitions (never caller text), quoted. Snapshots: tests/snapshots/cypher/platform/validation/.
 */

/** Which of the ids pinned by a mutation's input exist. */
export function readFoundIdsStatement(label: string): string {
  return /* cypher */ `
MATCH (n:\`${label}\`) WHERE n.id IN $ids
RETURN collect(n.id) AS found`;
}

/** The stored other end ($other: a property name) of a date pair that a mutation updates one end of. */
export function readStoredOtherDateStatement(label: string): string {
  return /* cypher */ `
MATCH (n:\`${label}\`) WHERE n.id IN $ids
RETURN n[$other] AS other`;
}

/** The first node (of those a generic delete would remove) linked to a workflow-owned node ($owned: labels), and to which. */
export function readWorkflowLinkedStatement(label: string): string {
  return /* cypher */ `
MATCH (n:\`${label}\`) WHERE n.id IN $ids
MATCH (n)--(m) WHERE any(l IN labels(m) WHERE l IN $owned)
RETURN n.id AS id, [l IN labels(m) WHERE l IN $owned][0] AS owned
LIMIT 1`;
}
