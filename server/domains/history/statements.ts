/**
 * The Cypher of the history domain: the record of every edit made through the generated API.
 * Statements that name a label or relationship type are built by functions that take only names
 * read from schema/graph.graphql (checked against /^[A-Za-z_]\w*$/ before use), never input.
 */

function safeName(name: string): string {
  if (!/^[A-Za-z_]\w*$/.test(name)) throw new Error(`Not a schema name: ${name}`);
  return name;
}

/** The stored properties of nodes of one label, by id. */
export function readNodePropertiesStatement(label: string): string {
  return /* cypher */ `MATCH (n:\`${safeName(label)}\`) WHERE n.id IN $ids RETURN n.id AS id, properties(n) AS props`;
}

/** The other ends (and relationship properties) of one relationship field of nodes of one label. */
export function readRelatedStatement(label: string, type: string, direction: "OUT" | "IN" | "BOTH", target: string): string {
  const left = direction === "IN" ? "<-" : "-";
  const right = direction === "OUT" ? "->" : "-";
  return /* cypher */ `MATCH (n:\`${safeName(label)}\`)${left}[r:\`${safeName(type)}\`]${right}(m:\`${safeName(target)}\`) WHERE n.id IN $ids
RETURN n.id AS id, m.id AS other, properties(r) AS edge`;
}

/** Appends edit records; nothing ever updates or deletes one (erasure aside). */
export const CREATE_EDIT_RECORDS = /* cypher */ `UNWIND $records AS rec
CREATE (:EditRecord {id: randomUUID(), nodeId: rec.nodeId, label: rec.label, operation: rec.operation, at: datetime(rec.at),
  byUser: rec.byUser, byPerson: rec.byPerson, changes: rec.changes})`;

/** The edit records of one node, newest first. */
export const READ_EDIT_RECORDS = /* cypher */ `MATCH (r:EditRecord {nodeId: $id})
RETURN r.id AS id, r.label AS label, r.operation AS operation, toString(r.at) AS at, r.byUser AS byUser, r.byPerson AS byPerson,
  r.changes AS changes
ORDER BY r.at DESC, r.id`;

/** The timeline of a case (its status changes), for a case's history. */
export const READ_CASE_EVENTS = /* cypher */ `MATCH (:Case {id: $id})-[:HAD_EVENT]->(e:CaseEvent)
RETURN e.id AS id, e.from AS from, e.to AS to, toString(e.at) AS at, e.by AS by, e.reason AS reason, e.note AS note`;

/** Edit records that hold anything of one person: about them, by them, or naming their id. */
export const READ_PERSON_EDIT_RECORDS = /* cypher */ `MATCH (r:EditRecord)
WHERE r.nodeId = $id OR r.byPerson = $id OR r.changes CONTAINS $quoted
RETURN r.id AS id, r.nodeId AS nodeId, r.byPerson AS byPerson, r.changes AS changes`;

export const REWRITE_EDIT_RECORDS = /* cypher */ `UNWIND $records AS rec
MATCH (r:EditRecord {id: rec.id})
SET r.nodeId = rec.nodeId, r.byPerson = rec.byPerson, r.changes = rec.changes`;
