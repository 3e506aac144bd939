import type { Database } from "../../server/platform/neo4j/database.js";

/**
 * The who-knows-whom graph held in memory as compressed adjacency lists in typed arrays: the floor
 * that a database round trip is measured against in the benchmark. People are numbered in the
 * order of their ids, so comparing two numbers compares the ids.
 */
export interface InMemoryGraph {
  ids: string[];
  indexOf: Map<string, number>;
  /** offsets[i]..offsets[i+1] index into neighbours/strengths: the ties of person i, both directions. */
  offsets: Uint32Array;
  neighbours: Uint32Array;
  strengths: Float64Array;
}

export function buildInMemoryGraph(ids: string[], ties: Array<[string, string, number]>): InMemoryGraph {
  const sorted = [...ids].sort();
  const indexOf = new Map(sorted.map((id, i) => [id, i] as const));
  const degree = new Uint32Array(sorted.length + 1);
  const pairs: Array<[number, number, number]> = [];
  for (const [a, b, s] of ties) {
    const i = indexOf.get(a);
    const j = indexOf.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    pairs.push([i, j, s]);
    degree[i + 1]! += 1;
    degree[j + 1]! += 1;
  }
  const offsets = new Uint32Array(sorted.length + 1);
  for (let i = 1; i <= sorted.length; i++) offsets[i] = offsets[i - 1]! + degree[i]!;
  const fill = offsets.slice(0, sorted.length);
  const neighbours = new Uint32Array(offsets[sorted.length]!);
  const strengths = new Float64Array(offsets[sorted.length]!);
  for (const [i, j, s] of pairs) {
    neighbours[fill[i]!] = j;
    strengths[fill[i]!++] = s;
    neighbours[fill[j]!] = i;
    strengths[fill[j]!++] = s;
  }
  return { ids: sorted, indexOf, offsets, neighbours, strengths };
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
  const ties: Array<[string, string, number]> = [];
  for (let skip = 0; ; skip += pageSize) {
    const rows = await db.read(
      "MATCH (a:Person)-[k:KNOWS]->(b:Person) RETURN a.id AS a, b.id AS b, k.strength AS s ORDER BY elementId(k) SKIP toInteger($skip) LIMIT toInteger($limit)",
      { skip, limit: pageSize },
    );
    for (const r of rows) ties.push([String(r.a), String(r.b), Number(r.s)]);
    if (rows.length < pageSize) break;
  }
  return buildInMemoryGraph(ids, ties);
}
