import { buildTieGraph, TieGraphBuilder, type TieGraph } from "../../server/domains/network/tie-graph.js";
import type { Database } from "../../server/platform/neo4j/database.js";

/**
 * The who-knows-whom graph held in memory as compressed adjacency lists in typed arrays: the analytics worker's tie
 * graph (server/domains/network/tie-graph.ts), here the floor that a database round trip is measured against.
 */
export type InMemoryGraph = TieGraph;

export function buildInMemoryGraph(ids: string[], ties: Array<[string, string, number]>): InMemoryGraph {
  return buildTieGraph([...ids].sort(), ties);
}

/**
 * Reads every person and tie into memory, each in one streamed query (the driver pulls batches as they are used):
 * paging with SKIP made Neo4j sort and skip the whole tie list again for every page, quadratic at XL. The order of
 * the ties does not matter — the search breaks ties by ids. `onProgress` gets the ties read so far and their count.
 */
export async function loadInMemoryGraph(
  db: Database,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<InMemoryGraph> {
  const total = Number((await db.read("RETURN COUNT { MATCH (:Person)-[:KNOWS]->(:Person) } AS n"))[0]?.n ?? 0);
  // Straight into the typed columns (what buildTieGraph does with a list of tuples, without the list: ~1.5 GB at XL).
  const builder = new TieGraphBuilder(total);
  for await (const r of db.stream("MATCH (p:Person) RETURN p.id AS id ORDER BY id")) builder.person(String(r.id));
  onProgress(0, total);
  let read = 0;
  for await (const r of db.stream("MATCH (a:Person)-[k:KNOWS]->(b:Person) RETURN a.id AS a, b.id AS b, k.strength AS s")) {
    const [a, b] = [String(r.a), String(r.b)];
    if (builder.has(a) && builder.has(b)) builder.tie(a, b, typeof r.s === "number" ? r.s : null, null);
    if (++read % 100_000 === 0) onProgress(read, total);
  }
  onProgress(read, total);
  return builder.build();
}
