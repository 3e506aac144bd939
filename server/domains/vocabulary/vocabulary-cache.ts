import type { Database } from "../../platform/neo4j/database.js";
import { normaliseWord, trigramSimilarity, trigrams } from "./normalise-word.js";
import { COUNT_TOPICS, READ_SUGGESTION_VOCABULARY } from "./statements.js";
import { TopicStatus, type TopicChoice } from "./topic-types.js";

/**
 * The autocomplete's vocabulary, held in memory (docs/matching.md, "Autocomplete"; docs/performance.md): on the L
 * vocabulary (20,000 topics, ~120,000 labels and synonyms) Neo4j's full-text index answered in 201 ms p50 / 530 ms
 * p95 on this machine, far from the 50 ms goal, mostly Lucene's prefix and fuzzy term expansion and the round trip.
 * Here a keystroke is a binary search in a sorted list of keys and, from five characters on, a trigram count.
 *
 * Kept fresh by three means: every vocabulary write of this process drops it after its commit (change-topics.ts,
 * the starter vocabulary; `vocabularyChanged`: the next request waits for the new one); each request compares the
 * number of Topic nodes (Neo4j's count store: one cheap round trip), which catches proposals and topics written by
 * another process or a restore; and it is rebuilt at least every CACHE_TTL_MS, for label changes made outside this
 * process. In the last two cases the old one answers until the new one is built (suggestionIndex).
 */
export const CACHE_TTL_MS = 60_000;
/** Trigram similarity from which a word counts as a misspelling of a label or synonym (Lucene's fuzzy term allowed two edits). */
export const SUGGEST_MIN_SIMILARITY = 0.4;
const FUZZY_FROM_LENGTH = 5;

interface CachedTopic {
  choice: TopicChoice;
  accepted: boolean;
}

/** A key a topic is found by as a prefix: a whole label or synonym, or its tail from an inner word on. */
interface PrefixEntry {
  key: string;
  topic: number;
  /** 0: the whole label or synonym starts with what was typed; 1: one of its inner words does. */
  tier: 0 | 1;
}

interface NameEntry {
  topic: number;
  grams: Set<string>;
}

export class SuggestionIndex {
  private readonly prefixes: PrefixEntry[] = [];
  private readonly names: NameEntry[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(
    private readonly topics: readonly CachedTopic[],
    readonly topicCount: number,
    readonly builtAt: number,
  ) {
    topics.forEach((t, topic) => {
      const { labelNl, labelEn, synonyms } = t.choice;
      for (const name of new Set([labelEn, labelNl, ...synonyms])) {
        const words = name
          .split(/[\s\-/&.,]+/)
          .map(normaliseWord)
          .filter((w) => w !== "");
        const key = words.join("");
        if (key === "") continue;
        this.prefixes.push({ key, topic, tier: 0 });
        for (let i = 1; i < words.length; i++) this.prefixes.push({ key: words.slice(i).join(""), topic, tier: 1 });
        const grams = trigrams(key);
        const index = this.names.push({ topic, grams }) - 1;
        for (const g of grams) {
          const list = this.postings.get(g);
          if (list) list.push(index);
          else this.postings.set(g, [index]);
        }
      }
    });
    this.prefixes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.tier - b.tier));
  }

  /**
   * Topics for a typed prefix, best first: a label or synonym starting with it, then one whose inner word does, then
   * (five characters or more) one spelled alike; accepted before proposed; the closest (shortest, most alike) first.
   */
  suggest(prefix: string, limit: number): TopicChoice[] {
    const key = normaliseWord(prefix);
    if (key === "") return [];
    const best = new Map<number, { tier: number; closeness: number }>();
    const offer = (topic: number, tier: number, closeness: number) => {
      const seen = best.get(topic);
      if (!seen || tier < seen.tier || (tier === seen.tier && closeness < seen.closeness)) best.set(topic, { tier, closeness });
    };
    for (let i = this.lowerBound(key); i < this.prefixes.length; i++) {
      const entry = this.prefixes[i]!;
      if (!entry.key.startsWith(key)) break;
      offer(entry.topic, entry.tier, entry.key.length);
    }
    if (key.length >= FUZZY_FROM_LENGTH) {
      const grams = trigrams(key);
      const shared = new Map<number, number>();
      for (const g of grams) for (const name of this.postings.get(g) ?? []) shared.set(name, (shared.get(name) ?? 0) + 1);
      for (const [name, count] of shared) {
        const entry = this.names[name]!;
        // Cheap bound first: the similarity can be at most count / max(|a|, |b|).
        if (count / Math.max(grams.size, entry.grams.size) < SUGGEST_MIN_SIMILARITY) continue;
        const similarity = trigramSimilarity(grams, entry.grams);
        if (similarity >= SUGGEST_MIN_SIMILARITY) offer(entry.topic, 2, 1 - similarity);
      }
    }
    return [...best.entries()]
      .sort(([ta, a], [tb, b]) => {
        const x = this.topics[ta]!;
        const y = this.topics[tb]!;
        return (
          a.tier - b.tier ||
          Number(y.accepted) - Number(x.accepted) ||
          a.closeness - b.closeness ||
          (x.choice.id < y.choice.id ? -1 : 1)
        );
      })
      .slice(0, limit)
      .map(([topic]) => this.topics[topic]!.choice);
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.prefixes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.prefixes[mid]!.key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

let generation = 0;

/**
 * The cached index and the build under way, per driver (one connection to one database): what was read through one
 * driver is not served to another. The product has one; the integration tests share a process between files
 * (vitest.config.ts, `isolate: false`), each file with a driver of its own, and another file's graph is not this one's.
 */
interface Slot {
  cached: { index: SuggestionIndex; generation: number } | null;
  building: { pending: Promise<SuggestionIndex>; generation: number } | null;
}
const slots = new WeakMap<object, Slot>();

function slotOf(db: Database): Slot {
  let slot = slots.get(db.driver);
  if (!slot) {
    slot = { cached: null, building: null };
    slots.set(db.driver, slot);
  }
  return slot;
}

/** Drops the cached vocabulary: called after every committed vocabulary write of this process. */
export function vocabularyChanged(): void {
  // Every index kept or being built is of an earlier generation from now on: neither is served again.
  generation++;
}

async function build(db: Database, topicCount: number, slot: Slot): Promise<SuggestionIndex> {
  const started = generation;
  const rows = await db.read(READ_SUGGESTION_VOCABULARY);
  const topics: CachedTopic[] = rows.map((r) => ({
    choice: {
      id: String(r.id),
      labelNl: String(r.labelNl),
      labelEn: String(r.labelEn),
      synonyms: (r.synonyms as string[] | null) ?? [],
      status: r.status as TopicStatus,
    },
    accepted: r.status === TopicStatus.ACCEPTED,
  }));
  const index = new SuggestionIndex(topics, topicCount, Date.now());
  // A write that committed while this one read may be missing from it: keep it for this answer only.
  if (generation === started) slot.cached = { index, generation: started };
  return index;
}

/**
 * The autocomplete's vocabulary. After a write of this process (a coordinator's change, the starter vocabulary) the
 * next request waits for the rebuild, so the change shows at once. When only the topic count or the TTL says it is
 * old (new proposals from intakes and edits, another process), the current one answers while a rebuild runs: building
 * the L vocabulary takes seconds (3.2 s at load 9 on this machine), which no keystroke should wait for.
 */
export async function suggestionIndex(db: Database): Promise<SuggestionIndex> {
  const slot = slotOf(db);
  const [row] = await db.read(COUNT_TOPICS);
  const topicCount = Number(row?.topics ?? 0);
  const current = slot.cached?.generation === generation ? slot.cached : null;
  const fresh = current && current.index.topicCount === topicCount && Date.now() - current.index.builtAt < CACHE_TTL_MS;
  if (current && fresh) return current.index;
  const pending = slot.building?.generation === generation ? slot.building.pending : startBuild(db, topicCount, slot);
  return current ? current.index : pending;
}

function startBuild(db: Database, topicCount: number, slot: Slot): Promise<SuggestionIndex> {
  const entry = { pending: build(db, topicCount, slot), generation };
  slot.building = entry;
  const done = () => {
    if (slot.building === entry) slot.building = null;
  };
  entry.pending.then(done, done);
  return entry.pending;
}
