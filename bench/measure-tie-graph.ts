import path from "node:path";
import { pathToFileURL } from "node:url";
import { scales, type ScaleName } from "../seed/synthetic/index.js";
import { findWarmPaths } from "../server/domains/network/find-warm-paths.js";
import { answeredInMemory, findWarmPathsInMemory } from "../server/domains/network/find-warm-paths-in-memory.js";
import { setTieStrength } from "../server/domains/network/set-tie-strength.js";
import { tieCount } from "../server/domains/network/tie-graph.js";
import * as store from "../server/domains/network/TieGraphStore.js";
import { loadConfig } from "../server/platform/config.js";
import type { Database } from "../server/platform/neo4j/database.js";
import { prepareGraph } from "./prepare-graph.js";

/**
 * The analytics worker's tie graph at a bench scale (issue #19 parts 1 and 3; docs/performance.md "Hub warm paths in
 * memory"): the memory it holds and takes while loading, the time of a load of every tie, and the time of a follow of
 * one tie write (TieGraphStore.ts) — in one process, so with `--against <checkout>` the other checkout's TieGraphStore
 * loads the same ties first, side by side. The bench's Neo4j store of the scale is used (bench/.data/<scale>), and one
 * tie strength in it is set (a coordinator's first tie, to 0.5).
 *
 *   node --expose-gc --import tsx bench/measure-tie-graph.ts --scale L [--against /path/to/other/checkout]
 */

const MB = 1024 * 1024;
const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const scale = (argument("--scale") ?? "M").toUpperCase() as ScaleName;
const against = argument("--against");
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("Run with node --expose-gc.");

type Store = Pick<typeof store, "preloadTieGraph" | "forgetTieGraphs">;

/** Held: the JavaScript heap and ArrayBuffers after a full collection, less before; peak: sampled during the load. */
async function measure(label: string, load: () => Promise<void>): Promise<Record<string, string | number>> {
  gc!();
  gc!();
  const before = process.memoryUsage();
  const base = before.heapUsed + before.arrayBuffers;
  let peak = base;
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.heapUsed + now.arrayBuffers);
    peakRss = Math.max(peakRss, now.rss);
  }, 20);
  const started = performance.now();
  await load();
  const ms = Math.round(performance.now() - started);
  clearInterval(sampler);
  gc!();
  gc!();
  const after = process.memoryUsage();
  return {
    label,
    loadMs: ms,
    heldMb: +((after.heapUsed + after.arrayBuffers - base) / MB).toFixed(1),
    peakDuringLoadMb: +((peak - base) / MB).toFixed(1),
    rssBeforeMb: Math.round(before.rss / MB),
    peakRssMb: Math.round(peakRss / MB),
  };
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
  const prepared = await prepareGraph(config, scale, scales[scale], path.resolve("bench/.data"), (line) => console.error(line));
  const db: Database = prepared.db;
  const settings = { maxTies: 50_000_000 };
  try {
    const rows: Array<Record<string, string | number>> = [];
    if (against) {
      const other = (await import(
        pathToFileURL(path.join(path.resolve(against), "server/domains/network/TieGraphStore.ts")).href
      )) as Store;
      rows.push(await measure(`load, ${against}`, () => other.preloadTieGraph(db, settings)));
      other.forgetTieGraphs(db);
    }
    rows.push(await measure("load, this checkout", () => store.preloadTieGraph(db, settings)));
    const graph = store.heldTieGraph(db)!.graph;
    const columns = {
      first: graph.first.byteLength,
      degree: graph.degree.byteLength,
      neighbours: graph.neighbours.byteLength,
      ties: graph.ties.byteLength,
      strengths: graph.strengths.byteLength,
      tieKeys: graph.tieKeys.prefix === null ? 0 : graph.tieKeys.numbers.byteLength,
    };
    const typed = Object.values(columns).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify(
        { people: graph.ids.length, ties: tieCount(graph), typedArraysMb: +(typed / MB).toFixed(1), columns },
        null,
        1,
      ),
    );

    // One tie write (as setTieStrength by a coordinator), then the graph brought to its version: a follow, not a load.
    const tie = (
      await db.read(
        "MATCH (c:Person)-[:COORDINATOR_OF]->(:Workspace) MATCH (c)-[:KNOWS]-(o:Person) RETURN c.id AS a, o.id AS b LIMIT 1",
      )
    )[0]!;
    const loads = store.tieGraphStats.loads;
    for (let i = 0; i < 5; i++) {
      await setTieStrength(db, { a: String(tie.a), b: String(tie.b), strength: 0.5 + i / 100 });
      const version = (await db.tieVersion())!;
      const started = performance.now();
      const followed = await store.tieGraphAt(db, version, settings);
      rows.push({
        label: `follow of one tie write by a coordinator (${i + 1})`,
        loadMs: +(performance.now() - started).toFixed(1),
        heldMb: followed ? "current" : "not followed",
        peakDuringLoadMb: "",
        rssBeforeMb: "",
        peakRssMb: "",
      });
    }
    console.log(JSON.stringify({ loadsOfEveryTieDuringFollows: store.tieGraphStats.loads - loads }));

    // Person to person (k=3, maxHops=4) on this driver, interleaved: the search in memory (one read when current) against
    // findWarmPaths' one statement in Neo4j — the worker's part of the GraphQL request, without the hop and Apollo.
    const ids = graph.ids.filter((_, i) => i % 97 === 0).slice(0, 80);
    const memory: number[] = [];
    const neo4j: number[] = [];
    let differ = 0;
    const oneRead = answeredInMemory.oneRead;
    for (let rep = 0; rep < 3; rep++) {
      for (let i = 0; i + 1 < ids.length; i += 2) {
        const args = { to: ids[i + 1]!, from: [ids[i]!], k: 3, maxHops: 4 };
        let started = performance.now();
        const inMemory = await findWarmPathsInMemory(db, args, settings);
        memory.push(performance.now() - started);
        started = performance.now();
        const searched = await findWarmPaths(db, args);
        neo4j.push(performance.now() - started);
        if (JSON.stringify(inMemory) !== JSON.stringify(searched)) differ++;
      }
    }
    const p = (xs: number[], q: number) => +[...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!.toFixed(2);
    console.log(
      JSON.stringify({
        personToPerson: { samples: memory.length, oneRead: answeredInMemory.oneRead - oneRead, answersDiffer: differ },
        memoryP50: p(memory, 0.5),
        memoryP95: p(memory, 0.95),
        neo4jP50: p(neo4j, 0.5),
        neo4jP95: p(neo4j, 0.95),
      }),
    );
    console.table(rows);
  } finally {
    await db.close();
    await prepared.embedded.stop().catch(() => {});
  }
}

await main();
