import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import cliProgress from "cli-progress";
import { refreshSuggestionCounts } from "../server/domains/suggestions/count-case-suggestions.js";
import { nowIso } from "../server/platform/clock/read-clock.js";
import type { Config } from "../server/platform/config.js";
import { connectDatabase, type Database } from "../server/platform/neo4j/database.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedNeo4jOptions } from "../server/platform/neo4j/embedded.js";
import {
  bulkImportSyntheticGraph,
  plantedWordsVersion,
  syntheticCalendar,
  type GenerateResult,
  type ScaleName,
  type SyntheticSize,
} from "../seed/synthetic/index.js";
import { bumpTieVersion } from "../server/platform/neo4j/tie-version.js";

/**
 * The bench's own Neo4j: an embedded server with a private data folder per scale (bench/.data/S,
 * …), never the test or `npm start` database. The graph is generated once per scale, seed and
 * academic year (the calendar follows today's date), with Neo4j's bulk importer (the bench owns
 * the store), and reused while the marker file says it holds that size, year and planted topic words, the counts agree,
 * and no write mix is left in it (a run takes its writes back out at the end: bench/undo-write-mix.ts).
 */

export interface GraphMarker {
  scale: string;
  size: SyntheticSize;
  generatedAt: string;
  /** generation.path says how it was loaded ("bulk" here; older markers: Cypher, no path). */
  generation: GenerateResult;
  /** The generated current academic year ("2026-2027"): a graph is reused only for the same one. */
  academicYear: string;
  /** refreshSuggestionCounts after generating: the board's stored counts. */
  suggestionCountsMs: number;
  /**
   * The version of the free-text topic words the generator plants (seed/synthetic/legacy-topic-words.ts): a graph is
   * reused only with the same, since bench:migration checks the migration's report against the words planted now.
   */
  plantedWords?: string;
}

export interface PreparedGraph {
  embedded: EmbeddedNeo4j;
  db: Database;
  marker: GraphMarker;
  reused: boolean;
}

/**
 * Heap and page cache per scale: enough for the store to stay in memory. L's ~1.3M relationships take about 0.5 GB of
 * store; XL's ~14M about ten times that, so 6 GB of page cache holds it, and 4 GB of heap gives the bulk importer and
 * whole-graph reads (refreshSuggestionCounts, the in-memory baseline's one streamed read) room. The machine has
 * 23 GB, shared with the API child (1 GB heap), the bench process and other work.
 */
const memory: Record<ScaleName, { heap: string; pagecache: string }> = {
  S: { heap: "512m", pagecache: "256m" },
  M: { heap: "1g", pagecache: "512m" },
  L: { heap: "2g", pagecache: "2g" },
  XL: { heap: "4g", pagecache: "6g" },
};

/** A size between the named ones (bench --people/--ties): the memory of the next named scale up by ties. */
export function neo4jMemoryFor(size: SyntheticSize): { heap: string; pagecache: string } {
  if (size.ties <= 100_000) return memory.M;
  if (size.ties <= 1_000_000) return memory.L;
  const gb = Math.max(2, Math.ceil((6 * size.ties) / 10_000_000));
  return { heap: size.ties <= 3_000_000 ? "3g" : "4g", pagecache: `${gb}g` };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Present while the write mix's writes are in the store and not yet taken out (bench/undo-write-mix.ts). */
export function writeMixPendingFile(dataRoot: string, scale: string): string {
  return path.join(dataRoot, scale, "write-mix-pending.json");
}

function readMarker(file: string): GraphMarker | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as GraphMarker;
  } catch {
    return undefined;
  }
}

async function holdsSize(db: Database, size: SyntheticSize): Promise<boolean> {
  const rows = await db.read(
    "RETURN COUNT { MATCH (:Person) } AS people, COUNT { MATCH ()-[:KNOWS]->() } AS ties, COUNT { MATCH (:Case) } AS cases",
  );
  const row = rows[0] ?? {};
  return Number(row.people) === size.people && Number(row.ties) === size.ties && Number(row.cases) === size.cases;
}

export async function prepareGraph(
  config: Config,
  /** A named scale, or "custom-<people>-<ties>" for a size between them (its own data folder and marker). */
  scale: string,
  size: SyntheticSize,
  dataRoot: string,
  log: (line: string) => void,
): Promise<PreparedGraph> {
  const home = path.join(dataRoot, scale);
  const markerFile = path.join(home, "bench-marker.json");
  const neo4j: EmbeddedNeo4jOptions = {
    home,
    runtimeDir: config.NEO4J_RUNTIME_DIR,
    boltPort: await freePort(),
    ...(scale in memory ? memory[scale as ScaleName] : neo4jMemoryFor(size)),
    startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
    javaHome: config.JAVA_HOME,
    onProgress: (line) => log(`  neo4j: ${line}`),
  };
  const { academicYear } = syntheticCalendar();
  const previous = readMarker(markerFile);
  const plantedWords = plantedWordsVersion();
  if (
    previous &&
    JSON.stringify(previous.size) === JSON.stringify(size) &&
    previous.academicYear === academicYear &&
    previous.plantedWords === plantedWords &&
    // A run that ended before taking its write mix out left the graph changed: not the generated one any more.
    !existsSync(writeMixPendingFile(dataRoot, scale))
  ) {
    log(`Starting the bench's Neo4j (data in ${home})…`);
    const embedded = await startEmbeddedNeo4j(neo4j);
    let db: Database | undefined;
    let reused = false;
    try {
      db = await connectDatabase({ uri: embedded.uri, database: "neo4j", noAuth: true, connectionTimeoutMs: 30_000 });
      if (await holdsSize(db, size)) {
        log(`Reusing the ${scale} graph generated ${previous.generatedAt} (seed ${size.seed}, academic year ${academicYear}).`);
        reused = true;
        // The API's warm-tie store is tagged with the tie version: one that exists from the first request (tie-version.ts).
        await bumpTieVersion(db);
        return { embedded, db, marker: previous, reused };
      }
    } finally {
      // Not reused: the importer needs the store closed.
      if (!reused) {
        await db?.close().catch(() => {});
        await embedded.stop();
      }
    }
  }

  // The marker describes the store about to be replaced: gone first, so a failed load is never reused.
  rmSync(markerFile, { force: true });
  rmSync(writeMixPendingFile(dataRoot, scale), { force: true });
  log(
    `Generating scale ${scale} with the bulk importer: ${size.people} people, ${size.ties} ties, ${size.cases} cases (seed ${size.seed}, academic year ${academicYear})…`,
  );
  const bar = new cliProgress.SingleBar(
    {
      format: "  {phase} |{bar}| {percentage}% {value}/{total} | {eta_formatted} left",
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let shown: number | undefined;
  const loaded = await bulkImportSyntheticGraph(size, {
    neo4j,
    reset: true,
    onLog: (line) => {
      bar.stop();
      shown = undefined;
      log(`  ${line}`);
    },
    onProgress: (done, total, phase) => {
      if (shown !== total) {
        bar.stop();
        bar.start(total, done, { phase: phase.padEnd(18) });
        shown = total;
      }
      bar.update(done, { phase: phase.padEnd(18) });
    },
  }).finally(() => bar.stop());
  const { embedded, db, generation } = loaded;
  try {
    log(
      `  ${generation.relationships} relationships in ${(generation.ms / 1000).toFixed(1)} s (CSV, import, start, indexes) = ${generation.relationshipsPerSecond}/s.`,
    );
    await bumpTieVersion(db);
    const t0 = performance.now();
    await refreshSuggestionCounts(db, nowIso());
    const marker: GraphMarker = {
      scale,
      size,
      generatedAt: new Date().toISOString(),
      generation,
      academicYear,
      suggestionCountsMs: Math.round(performance.now() - t0),
      plantedWords,
    };
    writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
    return { embedded, db, marker, reused: false };
  } catch (error) {
    await db.close().catch(() => {});
    await embedded.stop().catch(() => {});
    throw error;
  }
}
