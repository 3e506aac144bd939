/**
 * The Cypher of the request limits: Neo4j's count store, read for the cost estimate. Each branch is
 * the shape the planner answers from the count store without touching a node (a label count, or a
 * relationship type counted from one labelled end), so the whole statement is one cheap round trip.
 */

export interface CountedRelationship {
  label: string;
  type: string;
  direction: "OUT" | "IN";
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quoted(name: string): string {
  // Labels and types come from schema/graph.graphql, never from a request; still, only plain names pass.
  if (!identifier.test(name)) throw new Error(`Not a plain label or relationship type: ${name}`);
  return `\`${name}\``;
}

/** Keys the rows by `label` or `label>TYPE` / `label<TYPE`; `n` is the count. */
export function countGraphStatement(labels: readonly string[], relationships: readonly CountedRelationship[]): string {
  const branches = [
    ...labels.map((label) => `MATCH (n:${quoted(label)}) RETURN '${label}' AS key, count(n) AS n`),
    ...relationships.map(({ label, type, direction }) =>
      direction === "OUT"
        ? `MATCH (:${quoted(label)})-[r:${quoted(type)}]->() RETURN '${label}>${type}' AS key, count(r) AS n`
        : `MATCH (:${quoted(label)})<-[r:${quoted(type)}]-() RETURN '${label}<${type}' AS key, count(r) AS n`,
    ),
  ];
  return branches.join("\nUNION ALL\n");
}
