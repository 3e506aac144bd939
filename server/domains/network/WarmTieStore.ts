import type { Database } from "../../platform/neo4j/database.js";
import { READ_WARM_NEIGHBOURS } from "./statements.js";

/**
 * The warm ties (strength ≥ threshold) of the people asked about so far, read from Neo4j in
 * batches and kept as integer lists: every person met gets a small number, and a neighbour list is
 * an Int32Array of those numbers. It holds at most the warm graph (at L: 100,000 people, 600,000
 * warm ties, about 15 MB), usually the part around W and the role holders asked about.
 *
 * A store is shared across requests only while the ties are unchanged: it is tagged with the tie
 * version (Database.tieVersion, server/platform/neo4j/tie-version.ts) read BEFORE any of its ties
 * were read, and a request uses it only when it reads the same version. Every writer of KNOWS (an
 * interaction logged, a strength set by hand, an import, a rederivation, an erasure) moves the version
 * on in its own transaction, so a request that starts after such a write never sees ties read before
 * it; any other write (a case saved, a proposal answered, a match) leaves the store warm. What the
 * store holds depends on nothing else: the ties, their strengths and the people at their ends (a
 * person goes only with their ties), per threshold (the key). Without a version every computation
 * gets a fresh store.
 */
/** What a neighbourhood search reads warm ties through: a store, or a view of one without a person. */
export interface WarmTies {
  readonly threshold: number;
  intern(id: string): number;
  idOf(n: number): string;
  neighboursOf(n: number): Int32Array | undefined;
  load(db: Database, people: Iterable<number>): Promise<void>;
}

export class WarmTieStore implements WarmTies {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly lists: Array<Int32Array | undefined> = [];
  /** Round trips and people read, for the probe and the logs. */
  queries = 0;
  peopleRead = 0;

  constructor(
    readonly threshold: number,
    /** The tie version the ties were read at; null: never shared. */
    readonly version: string | null,
  ) {}

  /** The number of a person id, given on first sight. */
  intern(id: string): number {
    let n = this.index.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.index.set(id, n);
      this.ids.push(id);
      this.lists.push(undefined);
    }
    return n;
  }

  idOf(n: number): string {
    return this.ids[n]!;
  }

  get size(): number {
    return this.ids.length;
  }

  /** The warm neighbours of person `n`, when loaded. */
  neighboursOf(n: number): Int32Array | undefined {
    return this.lists[n];
  }

  /** Reads the warm neighbours of the people whose lists are not loaded yet, in one query. */
  async load(db: Database, people: Iterable<number>): Promise<void> {
    const missing = new Set<number>();
    for (const n of people) if (this.lists[n] === undefined) missing.add(n);
    if (missing.size === 0) return;
    this.queries += 1;
    this.peopleRead += missing.size;
    const rows = await db.read(READ_WARM_NEIGHBOURS, { ids: [...missing].map((n) => this.ids[n]!), threshold: this.threshold });
    for (const row of rows) {
      const ids = (row.ids as string[] | null) ?? [];
      // Two ties between one pair (one each way) count once, as one neighbour.
      const unique = new Set<number>();
      for (const id of ids) unique.add(this.intern(id));
      this.lists[this.intern(String(row.id))] = Int32Array.from(unique);
    }
    for (const n of missing) this.lists[n] ??= new Int32Array(0);
  }
}

/**
 * Stores kept per driver (a request's Database is a copy with its own time limit over the same
 * driver), one per warm threshold; the two most recently used thresholds stay.
 */
const shared = new WeakMap<object, Map<string, WarmTieStore>>();
const KEPT_THRESHOLDS = 2;

/**
 * The store for `threshold` at the current tie version: the shared one when it was filled at this
 * very version, else a new one that replaces it. The version is read first, so everything the
 * store reads afterwards is at least as new as its tag (see the class comment).
 */
export async function openWarmTieStore(
  db: Database,
  threshold: number,
  /** The tie version, when the caller has just read it (openWarmTies, held-warm-ties.ts): not read again. */
  known?: string | null,
): Promise<WarmTieStore> {
  const version = known === undefined ? await db.tieVersion() : known;
  if (version === null) return new WarmTieStore(threshold, null);
  const key = `${db.name}|${threshold}`;
  let stores = shared.get(db.driver);
  if (!stores) {
    stores = new Map();
    shared.set(db.driver, stores);
  }
  const current = stores.get(key);
  stores.delete(key);
  const store = current && current.version === version ? current : new WarmTieStore(threshold, version);
  stores.set(key, store);
  for (const old of stores.keys()) {
    if (stores.size <= KEPT_THRESHOLDS) break;
    stores.delete(old);
  }
  return store;
}

/**
 * The store as if `person` were gone (impactIfGone): they have no warm ties, and appear in no one's
 * list — exactly the warm graph with that person detached. Reads go to the store underneath.
 */
export function withoutPerson(store: WarmTies, person: string): WarmTies {
  const gone = store.intern(person);
  const filtered = new Map<number, Int32Array>();
  return {
    threshold: store.threshold,
    intern: (id) => store.intern(id),
    idOf: (n) => store.idOf(n),
    load: (db, people) => store.load(db, people),
    neighboursOf(n) {
      if (n === gone) return new Int32Array(0);
      const list = store.neighboursOf(n);
      if (!list || !list.includes(gone)) return list;
      let kept = filtered.get(n);
      if (!kept) filtered.set(n, (kept = list.filter((m) => m !== gone)));
      return kept;
    },
  };
}
