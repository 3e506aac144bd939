import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { loadConfig } from "../server/platform/config.js";
import { connectDatabase, type Database } from "../server/platform/neo4j/database.js";
import { startEmbeddedNeo4j } from "../server/platform/neo4j/embedded.js";
import { embeddingSettings } from "../server/domains/network/compute-embedding.js";
import { countThreads } from "../server/domains/network/count-threads.js";
import { loadWarmNeighbourhood } from "../server/domains/network/load-warm-neighbourhood.js";
import { readProgrammeFacts } from "../server/domains/network/read-embedding-facts.js";
import { WarmTieStore } from "../server/domains/network/WarmTieStore.js";
import { freePort, neo4jMemoryFor } from "./prepare-graph.js";
import { scales, sizeLikeXl, type ScaleName } from "../seed/synthetic/index.js";

/**
 * What one programme of refreshEmbedding costs on a bench store (issue 19): programme after programme on one tie store,
 * as the refresh runs them (one at a time here), the warm neighbourhood (loadWarmNeighbourhood) and the threads on it
 * (countThreads), with the size of H — for telling what grows with the graph.
 *
 *   npx tsx bench/profile-refresh.ts --scale L [--programmes 100]
 *   npx tsx bench/profile-refresh.ts --scale custom-200000-2000000
 */
const projectRoot = fileURLToPath(new URL("../", import.meta.url));
const opts = new Command()
  .option("--scale <name>", "the store's folder under bench/.data", "L")
  .option("--data <dir>", "the bench's data root", path.join(projectRoot, "bench/.data"))
  .option("--programmes <n>", "programmes timed (the first by id)", "100")
  .parse()
  .opts<{ scale: string; data: string; programmes: string }>();

const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
const custom = /^custom-(\d+)-(\d+)$/.exec(opts.scale);
const size = custom ? sizeLikeXl(Number(custom[1]), Number(custom[2])) : scales[opts.scale as ScaleName];
const embedded = await startEmbeddedNeo4j({
  home: path.join(opts.data, opts.scale),
  runtimeDir: config.NEO4J_RUNTIME_DIR,
  boltPort: await freePort(),
  ...neo4jMemoryFor(size),
  startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
  javaHome: config.JAVA_HOME,
});
let db: Database | undefined;
try {
  db = await connectDatabase({ uri: embedded.uri, database: "neo4j", noAuth: true, connectionTimeoutMs: 30_000 });
  const settings = await embeddingSettings(db, {});
  const W = settings.side.coordinatorIds;
  const facts = (
    await readProgrammeFacts(db, { programmes: null, coordinators: W, threshold: settings.threshold, asOf: settings.asOf })
  ).slice(0, Number(opts.programmes));
  // As the refresh runs them: one store for all programmes (the first ones fill it), the search then the threads.
  const store = new WarmTieStore(settings.threshold, null);
  let searchMs = 0;
  let threadsMs = 0;
  let hSize = 0;
  let hTies = 0;
  const t0 = performance.now();
  for (const programme of facts) {
    const started = performance.now();
    const h = await loadWarmNeighbourhood({ db, ties: store }, W, programme.roleHolderIds, settings.maxHops);
    const searched = performance.now();
    countThreads(h, "dinic");
    searchMs += searched - started;
    threadsMs += performance.now() - searched;
    hSize += h.distanceFromSources.size;
    hTies += [...h.neighbours.values()].reduce((sum, list) => sum + list.length, 0) / 2;
  }
  const n = facts.length;
  const per = (x: number) => Math.round((x / n) * 10) / 10;
  process.stdout.write(
    `${opts.scale}: W ${W.length} coordinators, ${n} programmes in ${Math.round(performance.now() - t0)} ms: ` +
      `search ${per(searchMs)} ms, threads ${per(threadsMs)} ms per programme; mean |H| ${Math.round(hSize / n)} people, ` +
      `${Math.round(hTies / n)} ties; mean R ${Math.round(facts.reduce((s, f) => s + f.roleHolderIds.length, 0) / n)}; ` +
      `store ${store.size} people, ${store.queries} queries\n`,
  );
} finally {
  await db?.close();
  await embedded.stop();
}
