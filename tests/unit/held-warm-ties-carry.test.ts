import { describe, expect, it } from "vitest";
import { countThreads } from "../../server/domains/network/count-threads.js";
import {
  countDroppedAgain,
  HeldGraphWarmTies,
  heldWarmTiesAt,
  warmTiesCarried,
} from "../../server/domains/network/held-warm-ties.js";
import { loadWarmNeighbourhood } from "../../server/domains/network/load-warm-neighbourhood.js";
import { countWarmThreads, threadCountMemo } from "../../server/domains/network/thread-count-memo.js";
import { buildTieGraph, type LoadedTie, type PairTies, type PersonTies } from "../../server/domains/network/tie-graph.js";
import { applyFollowedChanges } from "../../server/domains/network/TieGraphStore.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { seededRandom } from "../../seed/synthetic/Random.js";

/**
 * When the analytics worker's held tie graph follows a tie write in place (TieGraphStore's followTieChanges), the
 * embeddings' warm lists and the thread counts remembered on them go on at the new version as far as the write left
 * them unchanged (held-warm-ties.ts carryForward): the whole WarmTies object (memo and all) when no pair's warmth at its
 * threshold changed, else every list but those of the people on a changed pair, with an empty memo. Checked against
 * lists and counts made afresh from a graph built from the "database" after every follow, over random writes — a
 * strength re-weighed on either side of the threshold or not, a tie added or removed, a second tie between one pair, a
 * person new to the graph, an erasure — each naming one end of every tie it changes or, for a write of one pair's ties,
 * that pair (followed by reading the pair's ties alone: applyPairChanges), as the server's writers do.
 */

const noDatabase = {} as Database;

interface Tie {
  a: string;
  b: string;
  strength: number | null;
}

/** The warm pairs at a threshold ("a b", ids sorted): what decides every list, neighbourhood and count. */
function warmPairs(db: ReadonlyMap<string, Tie>, threshold: number): Set<string> {
  const pairs = new Set<string>();
  for (const t of db.values()) {
    if (t.a !== t.b && t.strength !== null && t.strength >= threshold) pairs.add([t.a, t.b].sort().join(" "));
  }
  return pairs;
}

describe("warm ties carried across a followed tie write (held-warm-ties.ts carryForward)", () => {
  it("keeps the whole WarmTies exactly when no pair's warmth changed, and its lists and counts always equal fresh ones", async () => {
    const rand = seededRandom(11_19);
    const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const thresholds = [0.5, 0.3];
    const strengths = [0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, null];
    let follows = 0;
    let pairsFollowed = 0;
    let answeredFromMemo = 0;
    const kept = { whole: 0, renewed: 0 };
    const carried = { ...warmTiesCarried };
    for (let g = 0; g < 8; g++) {
      const ids = Array.from({ length: 40 }, (_, i) => `g${g}p${String(i).padStart(2, "0")}`);
      const db = new Map<string, Tie>();
      let nextKey = 1;
      const key = () => `5:db:${g * 10_000 + nextKey++}`;
      while (db.size < (g % 2 === 0 ? 90 : 150)) {
        const a = pickOf(ids);
        const b = pickOf(ids);
        if (a !== b) db.set(key(), { a, b, strength: pickOf(strengths) });
      }
      const loaded = (): LoadedTie[] => [...db.entries()].map(([k, t]) => [t.a, t.b, t.strength, k]);
      // p35..p39 are not in the first load: they come in by later writes, as people created since.
      const firstIds = ids.slice(0, 35);
      const graph = buildTieGraph(
        firstIds,
        loaded().filter(([a, b]) => firstIds.includes(a) && firstIds.includes(b)),
      );
      for (const id of ids.slice(35)) for (const [k, t] of db) if (t.a === id || t.b === id) db.delete(k);
      const current = (id: string): PersonTies => ({
        id,
        ties: [...db.entries()]
          .filter(([, t]) => t.a === id || t.b === id)
          .map(([k, t]) => [t.a === id ? t.b : t.a, t.strength, k] as [string, number | null, string]),
      });
      const pairTies = (a: string, b: string): PairTies => ({
        a,
        b,
        ties: [...db.entries()]
          .filter(([, t]) => (t.a === a && t.b === b) || (t.a === b && t.b === a))
          .map(([k, t]) => [t.strength, k] as [number | null, string]),
      });
      const coordinators = ids.slice(0, 3);
      let version = `ties:g${g}v0`;
      for (let round = 0; round < 40; round++) {
        // Before the write: every kept threshold's lists made (a stranger among them) and some counts remembered.
        // The same questions before and after the write: remembered before, answered after from what was carried (or
        // counted again), always as a fresh count. Some from a person of the graph's edge as W, so that R lies far.
        const questions = Array.from({ length: 16 }, (_, q) => ({
          w: q % 4 === 3 ? [pickOf(ids), pickOf(ids)] : coordinators,
          r: Array.from({ length: 1 + (q % 4) }, () => pickOf(ids)),
          maxHops: 1 + Math.floor(rand() * 6),
        }));
        const before = new Map<number, HeldGraphWarmTies>();
        for (const t of thresholds) {
          const ties = heldWarmTiesAt(graph, version, t);
          before.set(t, ties);
          await ties.load(
            noDatabase,
            ids.map((id) => ties.intern(id)),
          );
          for (const q of questions) await countWarmThreads({ db: noDatabase, ties }, q.w, q.r, q.maxHops, "dinic", "figures");
        }
        const warmBefore = thresholds.map((t) => warmPairs(db, t));
        // One or two writes, each naming one end of every tie it changes, or (half the time) the pair it writes.
        const named = new Set<string>();
        const namedPairs: Array<[string, string]> = [];
        const nameEnds = (a: string, b: string): void => {
          if (rand() < 0.5) namedPairs.push([a, b]);
          else named.add(pickOf([a, b]));
        };
        for (let w = 1 + Math.floor(rand() * 2); w > 0; w--) {
          const kind = pickOf(["strength", "strength", "add", "remove", "erase", "newcomer"]);
          const ties = [...db.entries()];
          if (kind === "strength" && ties.length > 0) {
            const [k, t] = pickOf(ties);
            db.set(k, { ...t, strength: pickOf(strengths) });
            nameEnds(t.a, t.b);
          } else if (kind === "add" || kind === "newcomer") {
            const a = kind === "newcomer" ? pickOf(ids.slice(35)) : pickOf(ids);
            const b = pickOf(ids.slice(0, 35));
            if (a === b) continue;
            db.set(key(), { a, b, strength: pickOf(strengths) });
            nameEnds(a, b);
          } else if (kind === "remove" && ties.length > 0) {
            const [k, t] = pickOf(ties);
            db.delete(k);
            nameEnds(t.a, t.b);
          } else if (kind === "erase") {
            const gone = pickOf(ids.slice(3));
            for (const [k, t] of ties) {
              if (t.a !== gone && t.b !== gone) continue;
              db.delete(k);
              named.add(t.a === gone ? t.b : t.a);
            }
          }
        }
        const next = `ties:g${g}v${round + 1}`;
        // As the worker: a pair with an end whose ties are all read again is left to that read.
        const pairs = namedPairs.filter(([a, b]) => !named.has(a) && !named.has(b)).map(([a, b]) => pairTies(a, b));
        pairsFollowed += pairs.length;
        applyFollowedChanges(graph, version, next, [...named].map(current), {}, pairs);
        version = next;
        follows++;
        // Every other round the counts the follow dropped are counted again ahead of the requests, as the analytics
        // worker does while idle (countDroppedAgain): then asked below, they come from the memo and must equal fresh counts.
        if (round % 2 === 0) while (await countDroppedAgain(noDatabase));
        const fresh = buildTieGraph(ids, loaded());
        for (const [k, t] of thresholds.entries()) {
          const label = `graph ${g}, round ${round}, threshold ${t}`;
          const ties = heldWarmTiesAt(graph, version, t);
          const unchanged =
            warmPairs(db, t).size === warmBefore[k]!.size && [...warmPairs(db, t)].every((p) => warmBefore[k]!.has(p));
          // The same object (its memo with it) exactly when no pair's warmth changed at this threshold.
          expect(ties === before.get(t), label).toBe(unchanged);
          if (unchanged) kept.whole++;
          else kept.renewed++;
          // Every list as a fresh one from the graph built anew.
          const made = new HeldGraphWarmTies(fresh, t);
          const listOf = (w: HeldGraphWarmTies, id: string): string[] => {
            const n = w.intern(id);
            return [...(w.neighboursOf(n) ?? [])].map((m) => w.idOf(m)).sort();
          };
          await ties.load(
            noDatabase,
            ids.map((id) => ties.intern(id)),
          );
          await made.load(
            noDatabase,
            ids.map((id) => made.intern(id)),
          );
          for (const id of ids) expect(listOf(ties, id), `${label}, ${id}`).toEqual(listOf(made, id));
          // Counts, remembered where carried, as fresh counts on the fresh graph.
          for (const q of [...questions, { w: coordinators, r: [pickOf(ids), pickOf(ids)], maxHops: 4 }]) {
            const hits = threadCountMemo.hits;
            const counted = await countWarmThreads({ db: noDatabase, ties }, q.w, q.r, q.maxHops, "dinic", "figures");
            if (threadCountMemo.hits > hits) answeredFromMemo++;
            const neighbourhood = await loadWarmNeighbourhood({ db: noDatabase, ties: made }, q.w, q.r, q.maxHops);
            expect(counted.count, `${label} ${JSON.stringify(q)}`).toEqual(countThreads(neighbourhood, "dinic"));
            expect([...counted.neighbourhood.sources].sort(), label).toEqual([...neighbourhood.sources].sort());
            expect([...counted.neighbourhood.targets].sort(), label).toEqual([...neighbourhood.targets].sort());
          }
        }
      }
    }
    expect(follows).toBe(320);
    expect(pairsFollowed).toBeGreaterThan(100);
    // Both cases met often: writes that leave the warm ties as they were and writes that change them.
    expect(kept.whole).toBeGreaterThan(100);
    expect(kept.renewed).toBeGreaterThan(100);
    expect(warmTiesCarried.whole - carried.whole).toBe(kept.whole);
    expect(warmTiesCarried.lists - carried.lists).toBe(kept.renewed);
    // After writes that changed warm ties, remembered counts whose neighbourhood could not have changed went on too.
    expect(warmTiesCarried.counts - carried.counts).toBeGreaterThan(100);
    expect(answeredFromMemo).toBeGreaterThan(1000);
    expect(warmTiesCarried.countedAgain - carried.countedAgain).toBeGreaterThan(100);
  });

  it("answers a repeated count from the memo after writes that cannot change its neighbourhood, and counts again after one that can", async () => {
    const graph = buildTieGraph(
      ["c", "a", "t", "x"],
      [
        ["c", "a", 0.8, "5:db:1"],
        ["a", "t", 0.9, "5:db:2"],
        ["c", "x", 0.2, "5:db:3"],
      ],
    );
    const ask = (ties: HeldGraphWarmTies) => countWarmThreads({ db: noDatabase, ties }, ["c"], ["t"], 4, "dinic", "figures");
    const first = heldWarmTiesAt(graph, "ties:h0", 0.5);
    expect((await ask(first)).count.threads).toBe(1);
    // An interaction with x: 0.2 → 0.393, still cold at 0.5. The same warm ties: the count is remembered.
    applyFollowedChanges(graph, "ties:h0", "ties:h1", [{ id: "x", ties: [["c", 0.393, "5:db:3"]] }], {});
    const second = heldWarmTiesAt(graph, "ties:h1", 0.5);
    expect(second).toBe(first);
    const hits = threadCountMemo.hits;
    expect((await ask(second)).count.threads).toBe(1);
    expect(threadCountMemo.hits).toBe(hits + 1);
    // A second one: 0.632, warm — new warm ties, but x leads to no one: t's neighbourhood cannot have changed, and the
    // count goes on.
    applyFollowedChanges(graph, "ties:h1", "ties:h2", [{ id: "x", ties: [["c", 0.632, "5:db:3"]] }], {});
    const third = heldWarmTiesAt(graph, "ties:h2", 0.5);
    expect(third).not.toBe(second);
    const hitsAgain = threadCountMemo.hits;
    expect((await ask(third)).count.threads).toBe(1);
    expect(threadCountMemo.hits).toBe(hitsAgain + 1);
    // a–t cools (0.9 to 0.3): the one thread's tie. Counted again: no thread.
    applyFollowedChanges(graph, "ties:h2", "ties:h3", [{ id: "t", ties: [["a", 0.3, "5:db:2"]] }], {});
    const fourth = heldWarmTiesAt(graph, "ties:h3", 0.5);
    const misses = threadCountMemo.misses;
    expect((await ask(fourth)).count.threads).toBe(0);
    expect(threadCountMemo.misses).toBe(misses + 1);
    // a–t warm again (0.9), and the count the follow dropped counted again ahead of the request (countDroppedAgain, as
    // the worker does while idle): one count, none waiting after it; the request then finds it (a hit, no miss): 1 thread.
    // (What the first test left waiting is for warm ties replaced since: never counted.)
    while (await countDroppedAgain(noDatabase));
    applyFollowedChanges(graph, "ties:h3", "ties:h4", [{ id: "t", ties: [["a", 0.9, "5:db:2"]] }], {});
    const again = { ...warmTiesCarried };
    expect(await countDroppedAgain(noDatabase)).toBe(false);
    expect(warmTiesCarried.countedAgain).toBe(again.countedAgain + 1);
    const fifth = heldWarmTiesAt(graph, "ties:h4", 0.5);
    const [hitsAhead, missesAhead] = [threadCountMemo.hits, threadCountMemo.misses];
    expect((await ask(fifth)).count.threads).toBe(1);
    expect([threadCountMemo.hits, threadCountMemo.misses]).toEqual([hitsAhead + 1, missesAhead]);
    // Nothing left to count, and a count dropped for warm ties a later follow replaced is not counted.
    expect(await countDroppedAgain(noDatabase)).toBe(false);
    applyFollowedChanges(graph, "ties:h4", "ties:h5", [{ id: "t", ties: [["a", 0.3, "5:db:2"]] }], {});
    applyFollowedChanges(graph, "ties:h5", "ties:h6", [{ id: "x", ties: [["c", 0.2, "5:db:3"]] }], {});
    const stale = warmTiesCarried.countedAgain;
    while (await countDroppedAgain(noDatabase));
    expect(warmTiesCarried.countedAgain).toBe(stale);
    // A new warm pair on a walk of exactly the hop limit: c–a–b–t2 at maxHops 3 (a–b new). Counted again: one thread.
    // And a pair whose two ends both lie in the neighbourhood, though on no walk that short (x at 1 from W and 3 from
    // R, y likewise, maxHops 4): its tie joins the neighbourhood's ties, so the count is made again.
    const near = buildTieGraph(
      ["c", "a", "b", "t2", "x", "y", "x1", "x2", "y1", "y2", "t3", "t4"],
      [
        ["c", "a", 0.8, "5:db:11"],
        ["b", "t2", 0.8, "5:db:12"],
        ["c", "x", 0.8, "5:db:13"],
        ["x", "x1", 0.8, "5:db:14"],
        ["x1", "x2", 0.8, "5:db:15"],
        ["x2", "t3", 0.8, "5:db:16"],
        ["c", "y", 0.8, "5:db:17"],
        ["y", "y1", 0.8, "5:db:18"],
        ["y1", "y2", 0.8, "5:db:19"],
        ["y2", "t4", 0.8, "5:db:20"],
      ],
    );
    const nearTies = heldWarmTiesAt(near, "ties:n0", 0.5);
    const askNear = (w: HeldGraphWarmTies, targets: string[], maxHops: number) =>
      countWarmThreads({ db: noDatabase, ties: w }, ["c"], targets, maxHops, "dinic", "figures");
    expect((await askNear(nearTies, ["t2"], 3)).count.threads).toBe(0);
    const inH = await askNear(nearTies, ["t3", "t4"], 4);
    applyFollowedChanges(
      near,
      "ties:n0",
      "ties:n1",
      [
        {
          id: "a",
          ties: [
            ["c", 0.8, "5:db:11"],
            ["b", 0.8, "5:db:21"],
          ],
        },
      ],
      {},
    );
    const nearAfter = heldWarmTiesAt(near, "ties:n1", 0.5);
    expect((await askNear(nearAfter, ["t2"], 3)).count.threads).toBe(1);
    applyFollowedChanges(
      near,
      "ties:n1",
      "ties:n2",
      [
        {
          id: "x",
          ties: [
            ["c", 0.8, "5:db:13"],
            ["x1", 0.8, "5:db:14"],
            ["y", 0.8, "5:db:22"],
          ],
        },
      ],
      {},
    );
    const missesNear = threadCountMemo.misses;
    const joined = await askNear(heldWarmTiesAt(near, "ties:n2", 0.5), ["t3", "t4"], 4);
    expect(threadCountMemo.misses).toBe(missesNear + 1);
    expect(joined.count.threads).toBe(inH.count.threads);
    // Without the carry (WARM_TIES_CARRY_OVER=off): a new WarmTies at every version, even when nothing warm changed.
    applyFollowedChanges(graph, "ties:h3", "ties:h4", [{ id: "x", ties: [["c", 0.7, "5:db:3"]] }], { carryOver: false });
    expect(heldWarmTiesAt(graph, "ties:h4", 0.5)).not.toBe(fourth);
  });
});
