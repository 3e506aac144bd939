import { buildTieGraph, type LoadedTie, type TieGraph } from "../../server/domains/network/tie-graph.js";
import type { Database } from "../../server/platform/neo4j/database.js";

/**
 * The who-knows-whom graph held in memory as compressed adjacency lists in typed arrays: the analytics worker's tie
 * graph (server/domains/network/tie-graph.ts), here the floor that a database round trip is measured against.
 */
export type InMemoryGraph = TieGraph;

export function buildInMemoryGraph(ids: string[], ties: Array<[string, string, number]>): InMemoryGraph {
  return buildTieGraph([...ids].sort(), ties);
}

/** Reads every person and tie (one pass each, streamed in pages) into memory. */
export async function loadInMemoryGraph(db: Database, pageSize = 200_000): Promise<InMemoryGraph> {
  const ids: string[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const rows = await db.read("MATCH (p:Person) RETURN p.id AS id ORDER BY id SKIP toInteger($skip) LIMIT toInteger($limit)", {
      skip,
      limit: pageSize,
    });
    for (const r of rows) ids.push(String(r.id));
    if (rows.length < pageSize) break;
  }
  const ties: LoadedTie[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const rows = await db.read(
      "MATCH (a:Person)-[k:KNOWS]->(b:Person) RETURN a.id AS a, b.id AS b, k.strength AS s ORDER BY elementId(k) SKIP toInteger($skip) LIMIT toInteger($limit)",
      { skip, limit: pageSize },
    );
    for (const r of rows) ties.push([String(r.a), String(r.b), typeof r.s === "number" ? r.s : null]);
    if (rows.length < pageSize) break;
  }
  return buildTieGraph(ids, ties);
}
