import { countNumberedThreads, countThreads, type ThreadCount } from "./count-threads.js";
import {
  loadNumberedNeighbourhood,
  loadWarmNeighbourhood,
  type WarmNeighbourhood,
  type WarmTieSource,
} from "./load-warm-neighbourhood.js";
import type { WarmTies } from "./WarmTieStore.js";

/**
 * The threads of a warm neighbourhood, remembered with the warm ties they were counted on (issue #19; docs/performance.md
 * "Embedding at L"). At L the JavaScript is most of an embedding once no tie is read from Neo4j: an institution's
 * neighbourhoods (its own and one per programme, tens of thousands of people each around the hub coordinators) and their
 * max-flows take ~1 s, a programme's ~150 ms. Yet the threads depend on nothing but the warm ties (the WarmTies: one per
 * tie version and threshold), W, R, the hop limit and the max-flow method — so the figures are kept on the WarmTies
 * object itself, keyed by the rest: while the ties are unchanged a second request for the same programme or institution
 * (or a programme met before inside an institution) only reads its facts. When the tie version moves, the requests get
 * other WarmTies (a new store, or the held graph's lists at the new version) and so an empty memo: a memo is never used
 * after a tie write, exactly as the ties it was counted on. Facts (roles, agreements, sprints) are read on every request
 * and R is part of the key, so a changed role is counted again at once.
 *
 * Only the figures are kept (the count, and W and R as far as they lie in the neighbourhood), not the neighbourhood:
 * callers that count again on it (nextBestContacts, impactIfGone, escalationPlan) ask for "neighbourhood" and compute.
 */

/** What a caller needs: the whole neighbourhood (to count again on it), or only its figures. */
export type ThreadDetail = "neighbourhood" | "figures";

export interface CountedThreads {
  /** With "figures": only `sources` and `targets` (the people of W and R in it); no ties, no distances. */
  neighbourhood: WarmNeighbourhood;
  count: ThreadCount;
}

/** A question counted: what a follow that cannot carry its count hands on to be counted again (held-warm-ties.ts). */
export interface DroppedCount {
  /** What was asked: W, R (as given) and the hop limit — what carryThreadCounts is asked about. */
  asked: AskedThreads;
  method: "edmonds-karp" | "dinic";
  /** How long the neighbourhood and its count took (ms): whether to count it again ahead of a request. */
  ms: number;
}

interface Remembered extends DroppedCount {
  sources: string[];
  targets: string[];
  count: ThreadCount;
}

/** The question a remembered count answered. */
export interface AskedThreads {
  sources: readonly string[];
  targets: readonly string[];
  maxHops: number;
}

/** Off: every request counts again (the bench's before/after, the tests' comparison). */
export const threadCountMemo = { enabled: true, hits: 0, misses: 0 };

/** Entries per WarmTies: ~1,110 programmes and institutions per threshold and hop limit at L, with room. */
const MAX_ENTRIES = 4_096;
const memos = new WeakMap<WarmTies, Map<string, Remembered>>();

export async function countWarmThreads(
  source: WarmTieSource,
  sources: readonly string[],
  targets: readonly string[],
  maxHops: number,
  method: "edmonds-karp" | "dinic",
  detail: ThreadDetail,
): Promise<CountedThreads> {
  if (detail === "neighbourhood" || !threadCountMemo.enabled) {
    const neighbourhood = await loadWarmNeighbourhood(source, sources, targets, maxHops);
    return { neighbourhood, count: countThreads(neighbourhood, method) };
  }
  let memo = memos.get(source.ties);
  if (!memo) memos.set(source.ties, (memo = new Map()));
  const key = memoKey(sources, targets, maxHops, method);
  let remembered = memo.get(key);
  if (remembered) threadCountMemo.hits += 1;
  else {
    threadCountMemo.misses += 1;
    const started = performance.now();
    // Figures only: counted on the neighbourhood's numbers, no map of ids per person (the same count, load-warm-neighbourhood.ts).
    const numbered = await loadNumberedNeighbourhood(source, sources, targets, maxHops);
    const count = countNumberedThreads(numbered.graph, method);
    remembered = {
      sources: numbered.sources,
      targets: numbered.targets,
      count,
      asked: { sources: [...sources], targets: [...targets], maxHops },
      method,
      ms: performance.now() - started,
    };
    memo.set(key, remembered);
    for (const oldest of memo.keys()) {
      if (memo.size <= MAX_ENTRIES) break;
      memo.delete(oldest);
    }
  }
  // Copies: what a caller does with its answer never changes the next one's.
  return {
    neighbourhood: {
      sources: new Set(remembered.sources),
      targets: new Set(remembered.targets),
      neighbours: new Map(),
      distanceFromSources: new Map(),
      distanceFromTargets: new Map(),
    },
    count: {
      threads: remembered.count.threads,
      paths: remembered.count.paths.map((path) => [...path]),
      singlePointsOfFailure: [...remembered.count.singlePointsOfFailure],
    },
  };
}

/** Sets in the search and the count: neither the order nor repeats of W and R change the answer. */
function memoKey(sources: readonly string[], targets: readonly string[], maxHops: number, method: string): string {
  return [method, maxHops, [...new Set(sources)].sort().join("\u0001"), [...new Set(targets)].sort().join("\u0001")].join(
    "\u0002",
  );
}

/** Whether the count of this question is remembered on `ties` (a request or an earlier count made it). */
export function isRemembered(ties: WarmTies, count: DroppedCount): boolean {
  const { sources, targets, maxHops } = count.asked;
  return memos.get(ties)?.has(memoKey(sources, targets, maxHops, count.method)) ?? false;
}

/** The questions remembered on `from` (carryThreadCounts' caller decides which still hold). */
export function rememberedQuestions(from: WarmTies): AskedThreads[] {
  return [...(memos.get(from)?.values() ?? [])].map((r) => r.asked);
}

/**
 * Copies the counts remembered on `from` whose question `keep` says still has the same neighbourhood H on `to`'s warm
 * ties (held-warm-ties.ts carryForward decides, exactly); returns how many, and the questions it could not carry (in
 * the order they were counted, the most recent last). The count is a function of H, W and R alone.
 */
export function carryThreadCounts(
  from: WarmTies,
  to: WarmTies,
  keep: (asked: AskedThreads) => boolean,
): { carried: number; dropped: DroppedCount[] } {
  const old = memos.get(from);
  if (!old || old.size === 0) return { carried: 0, dropped: [] };
  let memo = memos.get(to);
  if (!memo) memos.set(to, (memo = new Map()));
  let carried = 0;
  const dropped: DroppedCount[] = [];
  for (const [key, remembered] of old) {
    if (memo.has(key)) continue;
    if (!keep(remembered.asked)) {
      dropped.push({ asked: remembered.asked, method: remembered.method, ms: remembered.ms });
      continue;
    }
    memo.set(key, remembered);
    carried += 1;
  }
  return { carried, dropped };
}
