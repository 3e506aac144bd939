import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findWarmPaths, settleWarmPathsInput } from "../server/domains/network/find-warm-paths.js";
import { findWarmPathsInMemory } from "../server/domains/network/find-warm-paths-in-memory.js";
import { READ_WARM_PATH_ENDS_DESCRIBED } from "../server/domains/network/statements.js";
import { searchTieGraph, tieKey } from "../server/domains/network/tie-graph.js";
import { heldTieGraph, preloadTieGraph } from "../server/domains/network/TieGraphStore.js";
import type { Database } from "../server/platform/neo4j/database.js";
import { summariseLatencies, type LatencySummary } from "./summarise-latencies.js";

/**
 * Where a person-to-person warmPaths request's time goes (#19 part 3, `npm run bench -- --only paths`): each step of
 * what the API does, timed on its own in the bench process, interleaved pair by pair (the order rotating), so the
 * difference between two steps is what the later one adds:
 *
 * - `RETURN 1` on the driver: a Neo4j round trip;
 * - READ_WARM_PATH_ENDS_DESCRIBED alone (the worker's one read, with the paths the search chose): the statement;
 * - the search in memory alone (searchTieGraph over the tie graph this process holds);
 * - findWarmPathsInMemory in this process: the read, the search and the views — the worker's work without the hop;
 * - GraphQL `{ __typename }`: the request's fixed cost (HTTP, token, limits, Apollo);
 * - GraphQL warmPaths asking only `score`: the fixed cost, the hop to the worker and the worker's work;
 * - GraphQL warmPaths as the bench asks it (names, roles, ties, explanations): plus executing and serialising those;
 * - findWarmPaths on the driver: the raw side (the search in Neo4j, one statement);
 * - `{ __typename }` and warmPaths through `fetch` as well: the client's own share (the bench's GraphQL requests go
 *   through node:http since session 14).
 */

const scoreOnlyQuery = `query($to: ID!, $from: [ID!], $k: Int!, $maxHops: Int!) {
  warmPaths(to: $to, from: $from, k: $k, maxHops: $maxHops) { score }
}`;

export interface ProbeApi {
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  graphqlFetch(query: string, variables?: Record<string, unknown>): Promise<unknown>;
}

export async function probePersonPaths(
  api: ProbeApi,
  db: Database,
  pairs: ReadonlyArray<[string, string]>,
  fullQuery: string,
  rounds: number,
  out: string,
  log: (line: string) => void,
): Promise<Record<string, LatencySummary>> {
  const settings = { maxTies: 50_000_000 };
  const loadStarted = performance.now();
  await preloadTieGraph(db, settings);
  log(`  probe: the tie graph held in the bench process too (${Math.round(performance.now() - loadStarted)} ms)`);
  const held = heldTieGraph(db);
  if (!held) throw new Error("probe: no tie graph held (no TieVersion node?)");
  const args = ([from, to]: [string, string]) => ({ to, from: [from], k: 3, maxHops: 4 });
  const oneReadParams = ([from, to]: [string, string]) => {
    const { k, maxHops, minStrength, avoid } = settleWarmPathsInput(args([from, to]));
    const found = searchTieGraph(held.graph, { sources: [from], targets: [to], avoid, k, maxHops, minStrength });
    const keys = found.map((p) => p.tieIndices.map((t) => tieKey(held.graph, t)!));
    return {
      to,
      from: [from],
      avoid,
      workspace: null,
      paths: found.map((p) => ({ ids: p.personIds })),
      ties: [...new Set(keys.flat())],
    };
  };
  const steps: Record<string, (pair: [string, string]) => Promise<unknown>> = {
    "RETURN 1 on the driver": () => db.read("RETURN 1 AS one"),
    "the one read (READ_WARM_PATH_ENDS_DESCRIBED) on the driver": (pair) =>
      db.read(READ_WARM_PATH_ENDS_DESCRIBED, oneReadParams(pair)),
    "the search in memory alone": ([from, to]) =>
      Promise.resolve(
        searchTieGraph(held.graph, { sources: [from], targets: [to], avoid: [], k: 3, maxHops: 4, minStrength: 0 }),
      ),
    "findWarmPathsInMemory in the bench process (read + search + views)": (pair) =>
      findWarmPathsInMemory(db, args(pair), settings),
    "GraphQL { __typename }": () => api.graphql("query { __typename }"),
    "GraphQL { __typename } through fetch (the bench's client until session 14)": () => api.graphqlFetch("query { __typename }"),
    "GraphQL warmPaths, the bench's selection, through fetch": (pair) => api.graphqlFetch(fullQuery, args(pair)),
    "GraphQL warmPaths { score }": (pair) => api.graphql(scoreOnlyQuery, args(pair)),
    "GraphQL warmPaths, the bench's selection": (pair) => api.graphql(fullQuery, args(pair)),
    "findWarmPaths on the driver (raw)": (pair) => findWarmPaths(db, args(pair)),
  };
  const names = Object.keys(steps);
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  // One warm-up round of every step.
  for (const pair of pairs) for (const name of names) await steps[name]!(pair);
  let turn = 0;
  for (let round = 0; round < rounds; round++) {
    for (const pair of pairs) {
      turn++;
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + turn) % names.length]!;
        const t0 = performance.now();
        await steps[name]!(pair);
        samples.get(name)!.push(performance.now() - t0);
      }
    }
  }
  const summary = Object.fromEntries(names.map((n) => [n, summariseLatencies(samples.get(n)!)]));
  for (const [name, s] of Object.entries(summary))
    log(`  probe: ${name.padEnd(70)} p50 ${s.p50} ms, p95 ${s.p95} ms (${s.samples})`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), summary }, null, 2));
  return summary;
}
