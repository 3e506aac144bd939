import { log } from "../../platform/log.js";
import type { Database } from "../../platform/neo4j/database.js";
import { buildTieGraph, TieGraphBuilder, type TieGraph } from "./tie-graph.js";
import { COUNT_TIES, READ_TIE_GRAPH_PAGE } from "./statements.js";

/**
 * Every KNOWS tie with its strength (tie-graph.ts), held in the analytics worker for the warm-path search in memory
 * (find-warm-paths-in-memory.ts), tagged with the tie version (Database.tieVersion, tie-version.ts) like WarmTieStore:
 * Neo4j stays the source of truth, and a graph is used only by a request that read the same version. When the version
 * moves (an interaction logged, a strength set, an import, an erasure) the next request starts reading the ties again
 * in the background and is answered by the database's search meanwhile; so is every request while no graph is loaded.
 *
 * The load: the version first, then the people and their ties in pages (READ_TIE_GRAPH_PAGE, keyset over Person(id)),
 * then the version again — a graph read while the ties moved is thrown away (its version no longer matches, so it
 * would never be used anyway, but it would have mixed two states). At L (100,000 people, 1,000,000 ties) it holds
 * ~40 MB of typed arrays and the ties' elementIds; graphs of more than `maxTies` ties are not loaded at all.
 */
export interface TieGraphSettings {
  /** Graphs with more ties than this are not held: the database's search answers. */
  maxTies: number;
  /** People per page while loading. */
  pageSize?: number;
}

interface Held {
  version: string;
  graph: TieGraph;
}

interface Slot {
  held?: Held;
  /** The load under way and the version it was started for. */
  loading?: { version: string; done: Promise<Held | null> };
  /** A version found too large: not tried again until the version moves. */
  tooLarge?: string;
}

/** Per driver and database (a request's Database is a copy over the same driver). */
const slots = new WeakMap<object, Map<string, Slot>>();

/** Loads, and the reason when a graph is not held, for the logs and the tests. */
export const tieGraphStats = { loads: 0, discarded: 0, tooLarge: 0, lastLoadMs: 0 };

function slotOf(db: Database): Slot {
  let byName = slots.get(db.driver);
  if (!byName) slots.set(db.driver, (byName = new Map()));
  let slot = byName.get(db.name);
  if (!slot) byName.set(db.name, (slot = {}));
  return slot;
}

/**
 * The tie graph at `version` when it is held; otherwise null, after starting its load in the background (one at a
 * time) — or, with `wait`, after waiting for that load (tests, the bench's warm-up). Null too when the graph is too
 * large or could not be read at that version.
 */
export async function tieGraphAt(
  db: Database,
  version: string,
  settings: TieGraphSettings,
  wait = false,
): Promise<TieGraph | null> {
  const slot = slotOf(db);
  if (slot.held?.version === version) return slot.held.graph;
  if (slot.tooLarge === version) return null;
  if (!slot.loading) {
    const done = loadTieGraph(db, settings)
      .then((held) => {
        // The graph read (at the version it was read at, which may be newer than the one asked for) replaces the old.
        if (held && !held.version.startsWith("moved:")) slot.held = held;
        else if (held === null) slot.tooLarge = version;
        return held;
      })
      // A failed load (a timeout, Neo4j gone) is not kept: a later request starts another.
      .catch(() => null)
      .finally(() => {
        if (slot.loading?.done === done) slot.loading = undefined;
      });
    slot.loading = { version, done };
  }
  if (!wait) return null;
  const held = await slot.loading.done;
  return held?.version === version ? held.graph : null;
}

/**
 * Starts reading the tie graph at the current tie version (the analytics worker's start), so that the first warm-path
 * requests from the coordinators need not wait for a tie write or a request to start it. Failures are left for the
 * next request to retry.
 */
export async function preloadTieGraph(db: Database, settings: TieGraphSettings): Promise<void> {
  const version = await db.tieVersion();
  if (version !== null) await tieGraphAt(db, version, settings, true);
}

/** Forgets every held graph of this driver (tests). */
export function forgetTieGraphs(db: Database): void {
  slots.delete(db.driver);
}

/**
 * Reads the whole tie graph at one tie version; null when it has more than settings.maxTies ties. A graph read while
 * the version moved comes back under a version that matches nothing ("moved:…").
 */
async function loadTieGraph(db: Database, settings: TieGraphSettings): Promise<Held | null> {
  const started = Date.now();
  const before = await db.tieVersion();
  const count = Number((await db.read(COUNT_TIES))[0]?.ties ?? 0);
  if (before === null) return { version: "moved:none", graph: buildTieGraph([], []) };
  if (count > settings.maxTies) {
    tieGraphStats.tooLarge += 1;
    return null;
  }
  const pageSize = settings.pageSize ?? 10_000;
  const builder = new TieGraphBuilder();
  for (let after = ""; ;) {
    const rows = await db.read(READ_TIE_GRAPH_PAGE, { after, limit: pageSize });
    for (const row of rows) {
      const id = String(row.id);
      builder.person(id);
      for (const [to, strength, key] of row.ties as Array<[string, number | null, string]>) builder.tie(id, to, strength, key);
      after = id;
    }
    if (rows.length < pageSize) break;
  }
  const graph = builder.build();
  const after = await db.tieVersion();
  tieGraphStats.loads += 1;
  tieGraphStats.lastLoadMs = Date.now() - started;
  const fields = { people: graph.ids.length, ties: graph.tieKeys.count, ms: tieGraphStats.lastLoadMs };
  if (after !== before) {
    tieGraphStats.discarded += 1;
    log.info("The ties moved while the warm-path tie graph was read: read again at the next request", fields);
    return { version: `moved:${before}`, graph };
  }
  log.info("Warm-path tie graph read into memory", fields);
  return { version: before, graph };
}
