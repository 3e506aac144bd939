import { describe, expect, it } from "vitest";
import {
  applyPairChanges,
  applyTieChanges,
  buildTieGraph,
  compactTieGraph,
  searchTieGraph,
  tieCount,
  type LoadedTie,
  type PairTies,
  type PersonTies,
  type TieGraph,
} from "../../server/domains/network/tie-graph.js";
import { applyFollowedChanges, changedSince } from "../../server/domains/network/TieGraphStore.js";
import { seededRandom } from "../../seed/synthetic/Random.js";
import { randomTieGraphQuery, tieGraphContent as content } from "../helpers/tie-graph-content.js";

/**
 * Following a tie write by its pair (tie-graph.ts applyPairChanges; TieGraphStore's followTieChanges when the tie log
 * names "<a>|<b>"): the held graph must end exactly as a follow that reads both people's ties again (applyTieChanges,
 * the way before) and as a fresh load of every tie — checked on a hand-built graph whose answer is known, and over
 * random writes of every kind a pair-naming writer makes (a strength set, a tie added, a second tie between one pair,
 * a tie removed, a tie to oneself, a newcomer's first tie, a pair named with nothing changed), mixed with writes that
 * name people (an erasure, a person's tie re-weighed), several versions followed at once, through the log as the
 * worker reads it (changedSince).
 */

interface Tie {
  a: string;
  b: string;
  strength: number | null;
}

/** What the database would answer: READ_TIES_OF_PEOPLE's row of one person, READ_TIES_OF_PAIRS' of one pair. */
function personTies(db: ReadonlyMap<string, Tie>, id: string): PersonTies {
  return {
    id,
    ties: [...db.entries()]
      .filter(([, t]) => t.a === id || t.b === id)
      .map(([k, t]) => [t.a === id ? t.b : t.a, t.strength, k] as [string, number | null, string]),
  };
}
function pairTies(db: ReadonlyMap<string, Tie>, a: string, b: string): PairTies {
  return {
    a,
    b,
    ties: [...db.entries()]
      .filter(([, t]) => (t.a === a && t.b === b) || (t.a === b && t.b === a))
      .map(([k, t]) => [t.strength, k] as [number | null, string]),
  };
}

describe("following a tie write by its pair (applyPairChanges)", () => {
  it("changes only the pairs' ties and the two people's lists, on a hand-built graph", () => {
    const ids = ["h", "a", "b", "x1", "x2", "x3", "x4"];
    const ties: LoadedTie[] = [
      ["h", "x1", 0.5, "5:db:1"],
      ["h", "x2", 0.5, "5:db:2"],
      ["h", "x3", 0.5, "5:db:3"],
      ["x4", "h", 0.5, "5:db:4"],
      ["h", "a", 0.9, "5:db:5"],
      ["a", "b", 0.4, "5:db:6"],
      ["x2", "x3", 0.6, "5:db:7"],
    ];
    const graph = buildTieGraph(ids, ties);
    // An interaction re-weighs a–b (0.4 → 0.7), one with a newcomer x5 makes h–x5, h–x1 is removed (a strength set to
    // none: not on any path), x3–h is named with nothing changed.
    const written = applyPairChanges(graph, [
      { a: "b", b: "a", ties: [[0.7, "5:db:6"]] },
      { a: "h", b: "x5", ties: [[0.8, "5:db:8"]] },
      { a: "x1", b: "h", ties: [[null, "5:db:1"]] },
      { a: "x3", b: "h", ties: [[0.5, "5:db:3"]] },
    ]);
    expect(content(graph)).toEqual({
      h: ["a 0.9 5:db:5", "x2 0.5 5:db:2", "x3 0.5 5:db:3", "x4 0.5 5:db:4", "x5 0.8 5:db:8"],
      a: ["b 0.7 5:db:6", "h 0.9 5:db:5"],
      b: ["a 0.7 5:db:6"],
      x2: ["h 0.5 5:db:2", "x3 0.6 5:db:7"],
      x3: ["h 0.5 5:db:3", "x2 0.6 5:db:7"],
      x4: ["h 0.5 5:db:4"],
      x5: ["h 0.8 5:db:8"],
    });
    // The lists of a, b, h, x5, x1, x3 were written; x2's and x4's (h's other neighbours) were not.
    expect(written).toBe(6);
    expect(tieCount(graph)).toBe(7);
    expect(
      searchTieGraph(graph, { sources: ["b"], targets: ["x5"], avoid: [], k: 1, maxHops: 3, minStrength: 0 })[0],
    ).toMatchObject({
      personIds: ["b", "a", "h", "x5"],
      score: 0.7 * 0.9 * 0.8,
    });
    // Reading both people of each pair again (the way before) gives the same graph, writing every neighbour's list.
    const before = buildTieGraph(ids, ties);
    const db = new Map<string, Tie>([
      ["5:db:2", { a: "h", b: "x2", strength: 0.5 }],
      ["5:db:3", { a: "h", b: "x3", strength: 0.5 }],
      ["5:db:4", { a: "x4", b: "h", strength: 0.5 }],
      ["5:db:5", { a: "h", b: "a", strength: 0.9 }],
      ["5:db:6", { a: "a", b: "b", strength: 0.7 }],
      ["5:db:7", { a: "x2", b: "x3", strength: 0.6 }],
      ["5:db:8", { a: "h", b: "x5", strength: 0.8 }],
    ]);
    const people = ["a", "b", "h", "x5", "x1", "x3"];
    expect(
      applyTieChanges(
        before,
        people,
        people.map((id) => personTies(db, id)),
      ),
    ).toBeGreaterThan(written);
    expect(content(before)).toEqual(content(graph));
  });

  it("ends as a follow by people and as a fresh load does, over random writes followed through the log", () => {
    const rand = seededRandom(19_12);
    const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const strengths = [0.2, 0.4, 0.5, 0.7, 0.9, 1, null];
    const kinds = new Map<string, number>();
    let followed = 0;
    let pairsFollowed = 0;
    for (let g = 0; g < 12; g++) {
      const ids = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, "0")}`);
      const db = new Map<string, Tie>();
      let nextKey = 100;
      // Every third graph's keys are not of Neo4j's shape (kept as strings).
      const key = () => (g % 3 === 2 ? `k-${nextKey++}` : `5:db:${nextKey++}`);
      while (db.size < 70) {
        const a = pickOf(ids.slice(0, 25));
        const b = pickOf(ids.slice(0, 25));
        // Hubs, as the coordinators at L: p00 and p01 at many ties.
        if (a !== b) db.set(key(), { a: rand() < 0.3 ? pickOf(["p00", "p01"]) : a, b, strength: pickOf(strengths) });
      }
      const loaded = (): LoadedTie[] => [...db.entries()].map(([k, t]) => [t.a, t.b, t.strength, k]);
      // p25..p29 are not in the first load: they come in by later writes, as people created since.
      const first = loaded().filter(([a, b]) => a < "p25" && b < "p25");
      for (const [k, t] of db) if (t.a >= "p25" || t.b >= "p25") db.delete(k);
      const byPairs = buildTieGraph(ids.slice(0, 25), first);
      const byPeople = buildTieGraph(ids.slice(0, 25), first);
      // The log as TIE_VERSION_BUMP keeps it, the people's ids standing for their elementIds.
      const log: string[] = [`g${g}v0`];
      let held = `g${g}v0`;
      for (let round = 0; round < 30; round++) {
        for (let w = 1 + Math.floor(rand() * 4); w > 0; w--) {
          const kind = pickOf(["strength", "add", "parallel", "remove", "self", "newcomer", "unchanged", "erase", "person"]);
          const ties = [...db.entries()];
          const names: string[] = [];
          const pair = (a: string, b: string) => names.push(rand() < 0.5 ? `${a}|${b}` : `${b}|${a}`);
          if (kind === "strength" && ties.length > 0) {
            const [k, t] = pickOf(ties);
            db.set(k, { ...t, strength: pickOf(strengths) });
            pair(t.a, t.b);
          } else if (kind === "add" || kind === "newcomer") {
            const a = kind === "newcomer" ? pickOf(ids.slice(25)) : pickOf(ids);
            const b = pickOf(ids.slice(0, 25));
            if (a === b) continue;
            db.set(key(), { a, b, strength: pickOf(strengths) });
            pair(a, b);
          } else if (kind === "parallel" && ties.length > 0) {
            // A second tie between one pair, the other way (as a generated or imported write may leave).
            const [, t] = pickOf(ties);
            db.set(key(), { a: t.b, b: t.a, strength: pickOf(strengths) });
            pair(t.a, t.b);
          } else if (kind === "remove" && ties.length > 0) {
            const [k, t] = pickOf(ties);
            db.delete(k);
            pair(t.a, t.b);
          } else if (kind === "self") {
            // A tie to oneself (an interaction logged with oneself): on no path, in no list.
            const a = pickOf(ids);
            db.set(key(), { a, b: a, strength: 0.9 });
            pair(a, a);
          } else if (kind === "unchanged") {
            pair(pickOf(ids), pickOf(ids));
          } else if (kind === "erase") {
            // As ERASE_PERSON: every tie of one person goes; the people at the other ends are named, not them.
            const gone = pickOf(ids.slice(2));
            for (const [k, t] of ties) {
              if (t.a !== gone && t.b !== gone) continue;
              db.delete(k);
              names.push(t.a === gone ? t.b : t.a);
            }
          } else if (kind === "person" && ties.length > 0) {
            // A writer naming one end (as before pairs): a hub's tie re-weighed.
            const [k, t] = pickOf(ties);
            db.set(k, { ...t, strength: pickOf(strengths) });
            names.push(pickOf([t.a, t.b]));
          }
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          log.push([`g${g}v${log.length}`, ...names].join(" "));
        }
        const to = log[log.length - 1]!.split(" ")[0]!;
        const label = `graph ${g}, round ${round}`;
        // By pairs: the pairs' ties read, the people's all read; by people: every pair's two people read in full.
        const changed = changedSince(log, held, 1000)!;
        applyFollowedChanges(
          byPairs,
          held,
          to,
          changed.people.map((id) => personTies(db, id)),
          {},
          changed.pairs.map(([a, b]) => pairTies(db, a, b)),
        );
        pairsFollowed += changed.pairs.length;
        const asPeople = changedSince(log, held, 1000, false)!;
        expect(asPeople.pairs, label).toEqual([]);
        applyTieChanges(
          byPeople,
          asPeople.people,
          asPeople.people.map((id) => personTies(db, id)),
        );
        held = to;
        if (round % 7 === 6) compactTieGraph(byPairs);
        followed++;
        const fresh = buildTieGraph(ids, loaded());
        expect(content(byPairs), label).toEqual(content(fresh));
        expect(content(byPairs), label).toEqual(content(byPeople));
        expect(tieCount(byPairs), label).toBe(tieCount(fresh));
        for (let q = 0; q < 4; q++) {
          const query = randomTieGraphQuery(rand, ids);
          // People and scores (two parallel ties of one strength are the one order the rule leaves open).
          const view = (x: TieGraph) => searchTieGraph(x, query).map((p) => [p.personIds, p.score]);
          expect(view(byPairs), label).toEqual(view(fresh));
        }
      }
    }
    expect(followed).toBe(360);
    expect(pairsFollowed).toBeGreaterThan(500);
    for (const kind of ["strength", "add", "parallel", "remove", "self", "newcomer", "unchanged", "erase", "person"]) {
      expect(kinds.get(kind), kind).toBeGreaterThan(20);
    }
  });
});
