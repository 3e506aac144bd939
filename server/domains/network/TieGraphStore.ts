import { log } from "../../platform/log.js";
import type { Database, StatementPacer } from "../../platform/neo4j/database.js";
import { READ_TIE_CHANGES } from "../../platform/neo4j/statements.js";
import { TIE_PAIR_SEPARATOR } from "../../platform/neo4j/tie-version.js";
import {
  applyPairChanges,
  applyTieChanges,
  buildTieGraph,
  tieCount,
  TieGraphBuilder,
  type PairTies,
  type PersonTies,
  type TieGraph,
} from "./tie-graph.js";
import { COUNT_TIES, READ_TIE_GRAPH_PAGE, READ_TIES_OF_PAIRS, READ_TIES_OF_PEOPLE } from "./statements.js";

/**
 * Every KNOWS tie with its strength (tie-graph.ts), held in the analytics worker for the warm-path search in memory
 * (find-warm-paths-in-memory.ts), tagged with the tie version (Database.tieVersion, tie-version.ts) like WarmTieStore:
 * Neo4j stays the source of truth, and a graph is used only by a request that read the same version. When the version
 * moves (an interaction logged, a strength set, an import, an erasure) the held graph follows it (followTieChanges):
 * the tie version's log (server/platform/neo4j/tie-version.ts) names the pairs or the people whose ties each write may
 * have changed, and only the ties between those pairs (READ_TIES_OF_PAIRS: an interaction's one tie) and the ties of
 * those people (READ_TIES_OF_PEOPLE: all of them, ~4,000 for a coordinator at L) are read again and applied in place
 * (applyPairChanges, applyTieChanges: tie-graph.ts) — milliseconds, awaited by the request that noticed the move,
 * instead of reading every tie (17-25 s at L). Every tie is read again (in the background, the database's search answering meanwhile)
 * only when the log does not reach back to the version held, a change in it says "*" (an unnamed writer: the generated
 * API, a bulk import's big page, a rederivation's), or the changes name more than settings.mostFollowed people; so is
 * every request while no graph is loaded.
 *
 * The load: the version first, then the people and their ties in pages (READ_TIE_GRAPH_PAGE, keyset over Person(id)),
 * then the version again — a graph read while the ties moved is thrown away (its version no longer matches, so it
 * would never be used anyway, but it would have mixed two states). At L (100,000 people, 1,000,000 ties) it holds
 * ~33 MB of typed arrays (tie-graph.ts: ~32 bytes a tie); graphs of more than `maxTies` ties are not loaded at all.
 * A load is the worker's own work, not the request's that started it: it reads under its own time budget and pacer
 * (`loadBudgetMs`, `loadPacer`; Database.detached), so a request's QUERY_TIMEOUT_MS never cuts it short. A follow is
 * the request's: it waits for it, and it is bounded by its budget (a follow cut short: "failed", tried again next time).
 */
export interface TieGraphSettings {
  /** Graphs with more ties than this are not held: the database's search answers. */
  maxTies: number;
  /** People per page while loading. */
  pageSize?: number;
  /**
   * The most people and pairs whose ties are read again to follow tie writes (together); more: every tie is read again.
   * Default 2,000.
   */
  mostFollowed?: number;
  /**
   * Whether a pair the log names is followed by reading the ties between the two (default, TIE_FOLLOW_PAIRS=on) or, as
   * before, by reading all the ties of both people (off: the bench's before).
   */
  followPairs?: boolean;
  /**
   * A read of every tie runs in the background under this budget of its own, all its statements together (default
   * TIE_GRAPH_LOAD_BUDGET_MS; WARM_PATHS_IN_MEMORY_LOAD_BUDGET_MS): not the budget of the request that happened to start
   * it, which it outlives (the request is answered by the database's search meanwhile).
   */
  loadBudgetMs?: number;
  /** A pacer of its own for such a read, given its budget (the worker: giving way to light requests); absent: unpaced. */
  loadPacer?: (budgetMs: number) => StatementPacer;
  /**
   * Whether what was made from the graph at one version is carried to the version a follow brings it to, where the
   * follow shows it unchanged (the watchers below; WARM_TIES_CARRY_OVER, default on). Off: nothing is carried.
   */
  carryOver?: boolean;
}

/**
 * Told of every follow (followTieChanges) just before its changes are applied in place, with the graph, the version it
 * is at and the ids of the people whose ties are read again or who are an end of a pair whose ties are — every changed
 * tie has one of them at an end. What it
 * returns is called right after, in the same synchronous stretch (no search sees the graph in between), with the new
 * version. held-warm-ties.ts carries its warm lists and thread counts forward by it.
 */
export type FollowWatcher = (graph: TieGraph, from: string, people: readonly string[]) => (to: string) => void;

const followWatchers: FollowWatcher[] = [];

export function watchTieGraphFollows(watcher: FollowWatcher): void {
  if (!followWatchers.includes(watcher)) followWatchers.push(watcher);
}

/** The default budget of one read of every tie (~25 s at L on a quiet machine; graphs up to 3,000,000 ties are held). */
export const TIE_GRAPH_LOAD_BUDGET_MS = 600_000;

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
  /** The held graph following tie writes, under way: requests that need a newer version wait for it. */
  following?: Promise<Follow>;
}

/**
 * How a follow ended: the graph is at the current version; every tie must be read again; or a read failed (the
 * request's time budget, Neo4j gone) — the database's search answers and the next request follows again.
 */
type Follow = "current" | "reload" | "failed";

/** Per driver and database (a request's Database is a copy over the same driver). */
const slots = new WeakMap<object, Map<string, Slot>>();

/**
 * Loads of every tie, follows of tie writes (and the people whose ties they read again), and the reason when a graph
 * is not held, for the logs and the tests.
 */
export const tieGraphStats = {
  loads: 0,
  discarded: 0,
  tooLarge: 0,
  lastLoadMs: 0,
  follows: 0,
  followedPeople: 0,
  followedPairs: 0,
  lastFollowMs: 0,
};

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
  if (slot.held && !slot.loading) {
    // A graph is held at another version: follow the tie writes since (one follow at a time, awaited by all).
    const held = slot.held;
    if (!slot.following) {
      const following = followTieChanges(db, held, settings)
        .catch((): Follow => "failed")
        .finally(() => {
          if (slot.following === following) slot.following = undefined;
        });
      slot.following = following;
    }
    const followed = await slot.following;
    if (slot.held?.version === version) return slot.held.graph;
    // Followed to another version than the request's (a write since its read, or the request's read was older).
    if (followed !== "reload" || slot.loading) return null;
  }
  if (!slot.loading) {
    // Detached from the request: its time budget, time limit (QUERY_TIMEOUT_MS) and pacer are for its own answer, which
    // the database's search gives meanwhile; the load outlives it (at L it can take longer than a request may).
    const budgetMs = settings.loadBudgetMs ?? TIE_GRAPH_LOAD_BUDGET_MS;
    const done = loadTieGraph(db.detached(budgetMs, settings.loadPacer?.(budgetMs)), settings)
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

/** The graph held now and the version it is at (which a follow may move on after the next await), if any. */
export function heldTieGraph(db: Database): { version: string; graph: TieGraph } | null {
  const held = slotOf(db).held;
  return held ? { version: held.version, graph: held.graph } : null;
}

/**
 * Starts reading the tie graph at the current tie version (the analytics worker's start), so that the first warm-path
 * requests from the coordinators need not wait for a tie write or a request to start it. Failures are left for the
 * next request to retry.
 */
export async function preloadTieGraph(db: Database, settings: TieGraphSettings): Promise<void> {
  const version = await db.tieVersion();
  if (version === null) return;
  await tieGraphAt(db, version, settings, true);
  // The follow's statements planned now, not by the first tie write's request (at L ~100 ms each on a busy machine,
  // measured in the first follow after a start: docs/performance.md, session 12); with nothing to read they read nothing.
  await db.read(READ_TIE_CHANGES);
  await db.read(READ_TIES_OF_PAIRS, { pairs: [] });
  await db.read(READ_TIES_OF_PEOPLE, { nodes: [] });
}

/**
 * Brings the held graph to the current tie version from the log of tie changes (TIE_VERSION_BUMP): the pairs the
 * changes since the held version name have the ties between them read again (READ_TIES_OF_PAIRS), the people they name
 * all their ties (READ_TIES_OF_PEOPLE), and both are applied in place; then the graph is tagged with that version. The
 * version is read before and after the ties: when a write came in between, the ties read are not applied and it is
 * tried again (three times, then a full load). "reload" when the log cannot say, or a pair's person is gone (no write
 * that names a pair deletes a person: something else did, unlogged).
 */
async function followTieChanges(db: Database, held: Held, settings: TieGraphSettings): Promise<Follow> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = Date.now();
    const row = (await db.read(READ_TIE_CHANGES))[0];
    if (typeof row?.version !== "string" || !held.version.startsWith("ties:")) return "reload";
    const current = `ties:${row.version}`;
    if (current === held.version) return "current";
    const logMs = Date.now() - started;
    const changed = changedSince(
      row.changes,
      held.version.slice("ties:".length),
      settings.mostFollowed ?? 2000,
      settings.followPairs !== false,
    );
    if (changed === null) {
      log.info('The tie log cannot say whose ties changed ("*", or it does not reach back): every tie is read again');
      return "reload";
    }
    const { people: nodes, pairs: pairNodes } = changed;
    const peopleRows = nodes.length === 0 ? [] : await db.read(READ_TIES_OF_PEOPLE, { nodes });
    const pairRows = pairNodes.length === 0 ? [] : await db.read(READ_TIES_OF_PAIRS, { pairs: pairNodes });
    const tiesMs = Date.now() - started - logMs;
    if ((await db.tieVersion()) !== current) continue;
    if (pairRows.length !== pairNodes.length) {
      log.info("A person of a pair the tie log names is gone: every tie is read again");
      return "reload";
    }
    const people: PersonTies[] = peopleRows.map((r) => ({ id: String(r.id), ties: r.ties as PersonTies["ties"] }));
    const pairs: PairTies[] = pairRows.map((r) => ({ a: String(r.a), b: String(r.b), ties: r.ties as PairTies["ties"] }));
    // The same thread, no await from here: a search never sees the graph half changed.
    const applying = Date.now();
    applyFollowedChanges(held.graph, held.version, current, people, settings, pairs);
    held.version = current;
    tieGraphStats.follows += 1;
    tieGraphStats.followedPeople += people.length;
    tieGraphStats.followedPairs += pairs.length;
    tieGraphStats.lastFollowMs = Date.now() - started;
    log.info("The held tie graph followed the tie writes", {
      people: people.length,
      pairs: pairs.length,
      ms: tieGraphStats.lastFollowMs,
      // Its parts: the tie log read, the ties read, the version read again, the change applied (watchers included).
      logMs,
      tiesMs,
      versionMs: applying - started - logMs - tiesMs,
      applyMs: Date.now() - applying,
    });
    return "current";
  }
  return "reload";
}

/**
 * A follow's change in place (synchronous): `people`'s ties as read now applied to the graph (applyTieChanges), then the
 * ties now between `pairs` (applyPairChanges; none of them has an end among `people`), the watchers told before and
 * after (unless settings.carryOver is false) with the people read and the pairs' ends.
 */
export function applyFollowedChanges(
  graph: TieGraph,
  from: string,
  to: string,
  people: readonly PersonTies[],
  settings: Pick<TieGraphSettings, "carryOver">,
  pairs: readonly PairTies[] = [],
): void {
  const ids = [...new Set([...people.map((p) => p.id), ...pairs.flatMap((p) => [p.a, p.b])])];
  const told = settings.carryOver === false ? [] : followWatchers.map((watch) => watch(graph, from, ids));
  if (people.length > 0)
    applyTieChanges(
      graph,
      people.map((p) => p.id),
      people,
    );
  if (pairs.length > 0) applyPairChanges(graph, pairs);
  for (const done of told) done(to);
}

/** What the log's changes since a version name: people (Person elementIds) and pairs of them. */
export interface TieChanges {
  people: string[];
  pairs: Array<[string, string]>;
}

/**
 * The people and the pairs (Person elementIds) the log's changes after `version` name, or null when it cannot say: the
 * version is not in the log (it no longer reaches back that far), a change says "*", or they are more than `most`
 * together. A pair with an end among the people is left out (that person's ties are all read again, the pair's with
 * them), and a pair named twice, in either order, comes once. With `pairs` false, a pair names its two people instead
 * (as before pairs were followed: all their ties read again).
 */
export function changedSince(changes: unknown, version: string, most: number, pairs = true): TieChanges | null {
  if (!Array.isArray(changes)) return null;
  const entries = changes.map((c) => String(c).split(" "));
  const from = entries.findIndex((e) => e[0] === version);
  if (from === -1) return null;
  const people = new Set<string>();
  const named = new Map<string, [string, string]>();
  for (const [, ...names] of entries.slice(from + 1)) {
    for (const name of names) {
      if (name === "*") return null;
      if (name === "") continue;
      const ends = name.split(TIE_PAIR_SEPARATOR);
      if (ends.length === 1) people.add(name);
      else if (ends.length !== 2 || ends[0] === "" || ends[1] === "") return null;
      else if (!pairs) for (const end of ends) people.add(end);
      else {
        const [a, b] = (ends[0]! <= ends[1]! ? ends : [ends[1], ends[0]]) as [string, string];
        named.set(`${a}${TIE_PAIR_SEPARATOR}${b}`, [a, b]);
      }
    }
    if (people.size + named.size > most) return null;
  }
  const left = [...named.values()].filter(([a, b]) => !people.has(a) && !people.has(b));
  return { people: [...people], pairs: left };
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
  // 5,000 people (~50,000 ties at L) a page: the rows of one page are the load's transient memory besides the columns.
  const pageSize = settings.pageSize ?? 5_000;
  const builder = new TieGraphBuilder(count);
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
  const fields = { people: graph.ids.length, ties: tieCount(graph), ms: tieGraphStats.lastLoadMs };
  if (after !== before) {
    tieGraphStats.discarded += 1;
    log.info("The ties moved while the warm-path tie graph was read: read again at the next request", fields);
    return { version: `moved:${before}`, graph };
  }
  log.info("Warm-path tie graph read into memory", fields);
  return { version: before, graph };
}
