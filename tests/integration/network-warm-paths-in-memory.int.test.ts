import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyticsWorker } from "../../server/domains/network/AnalyticsWorker.js";
import { findWarmPaths, type WarmPathsInput } from "../../server/domains/network/find-warm-paths.js";
import { answeredInMemory, findWarmPathsInMemory } from "../../server/domains/network/find-warm-paths-in-memory.js";
import { applyInteractionToTie } from "../../server/domains/network/apply-interaction-to-tie.js";
import { setTieStrength } from "../../server/domains/network/set-tie-strength.js";
import { WRITE_REDERIVED_TIES } from "../../server/domains/network/statements.js";
import { forgetTieGraphs, tieGraphAt, tieGraphStats } from "../../server/domains/network/TieGraphStore.js";
import { ERASE_PERSON } from "../../server/domains/privacy/statements.js";
import { IMPORT_TIES } from "../../server/domains/spreadsheets/statements.js";
import { TimeBudgetSpent, type Database, type StatementPacer } from "../../server/platform/neo4j/database.js";
import { TIE_CHANGES_KEPT } from "../../server/platform/neo4j/statements.js";
import { bumpingTieVersion, pairsWithIds, peopleWithIds } from "../../server/platform/neo4j/tie-version.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { analyticsThreadModule } from "../helpers/processes.js";
import { seededRandom, writeGraph, type GraphSpec, type TieSpec } from "./network-fixtures.js";

/**
 * The warm-path search in memory (issue #19 part 2, find-warm-paths-in-memory.ts over tie-graph.ts) answers exactly
 * what the database's search (findWarmPaths) answers — the whole objects, deep-equal: paths, order, scores, ties,
 * profiles, explanations, errors — on hand-built graphs with known answers and on generated ones, for every argument,
 * and follows the ties written between queries: the tie version moves, and the graph follows the pairs or people each
 * write names (the tie-change log) without reading every tie again — a wrong change applied fails the deep equality.
 */

let db: Database;
const settings = { maxTies: 1_000_000, wait: true };

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

/** Both searches on the same arguments: equal answers, and the in-memory one really answered in memory. */
async function same(args: WarmPathsInput, lightEnds?: number): Promise<Awaited<ReturnType<typeof findWarmPaths>>> {
  const tuning = lightEnds === undefined ? {} : { lightEnds };
  const before = answeredInMemory.memory;
  const memory = await findWarmPathsInMemory(db, args, settings, tuning);
  expect(answeredInMemory.memory, `answered in memory: ${JSON.stringify(args)}`).toBe(before + 1);
  const database = await findWarmPaths(db, args, tuning);
  expect(memory, JSON.stringify(args)).toEqual(database);
  return memory;
}

const ids = (paths: Awaited<ReturnType<typeof findWarmPaths>>) => paths.map((p) => p.steps.map((s) => s.person.id).join(">"));

describe("on a hand-built graph with known answers", () => {
  const spec: GraphSpec = {
    people: [
      ["c1", "Sanne Visser"],
      ["c2", "Karim Amrani"],
      ["a1", "Anna Kok"],
      ["a2", "Bas Mol"],
      ["x1", "Xander Bos"],
      ["x2", "Yara Smit"],
      ["m", "Mila Mulder"],
      ["t", "Tara Teeuw"],
      ["u", "Umut Uslu"],
      ["dn", "Joost de Deken"],
    ].map(([id, name]) => ({ id: id!, name: name! })),
    workspace: { id: "ws", name: "Digitale Werkplaats", coordinators: ["c1", "c2"] },
    institutions: [{ id: "HE", name: "Hogeschool Een", shortName: "HE" }],
    programmes: [{ id: "P1", name: "Data Science", institution: "HE" }],
    courses: [{ id: "k1", name: "Vak Een", programme: "P1" }],
    teaches: [
      ["t", "k1"],
      ["u", "k1"],
    ],
    deans: [["dn", "HE"]],
    ties: [
      // c1 → t over a1, a2: 0.3 · 0.2 · 0.1 = 0.006 exactly; over x1, x2: 0.1 · 0.2 · 0.3 = 0.006000000000000001.
      // Rounded to 9 decimals they tie, so the ids decide: a1 before x1, though x's raw product is larger.
      { a: "c1", b: "a1", strength: 0.3, since: "2024-01-01", lastContact: "2025-05-01", channel: "EMAIL" },
      { a: "a1", b: "a2", strength: 0.2, manual: true },
      { a: "a2", b: "t", strength: 0.1 },
      { a: "c1", b: "x1", strength: 0.1 },
      { a: "x1", b: "x2", strength: 0.2 },
      { a: "x2", b: "t", strength: 0.3 },
      // c2 → u: directly at 0.5, and over m at 1 · 0.5 = 0.5 as well: fewer hops first.
      { a: "c2", b: "u", strength: 0.5 },
      { a: "c2", b: "m", strength: 1 },
      { a: "m", b: "u", strength: 0.5 },
      // Two ties between m and dn (one each way), of different strengths: two paths through the same people.
      { a: "m", b: "dn", strength: 0.9 },
      { a: "dn", b: "m", strength: 0.4 },
    ],
  };

  beforeAll(async () => {
    await resetGraph(db);
    forgetTieGraphs(db);
    await writeGraph(db, spec);
    // A tie without a strength is on no path, and a tie to oneself neither.
    await db.write(
      bumpingTieVersion("MATCH (a:Person {id: 'c1'}), (b:Person {id: 't'}) CREATE (a)-[:KNOWS {channel: 'OTHER'}]->(b)"),
    );
    await db.write(bumpingTieVersion("MATCH (a:Person {id: 'm'}) CREATE (a)-[:KNOWS {strength: 1}]->(a)"));
  }, 60_000);

  it("breaks ties by score rounded to 9 decimals, then hops, then ids — as the database does", async () => {
    const toT = await same({ to: "t", from: ["c1"], k: 5 });
    expect(ids(toT)).toEqual(["c1>a1>a2>t", "c1>x1>x2>t"]);
    expect(toT.map((p) => p.score)).toEqual([0.3 * 0.2 * 0.1, 0.1 * 0.2 * 0.3]);
    const toU = await same({ to: "u", from: ["c2"], k: 5 });
    expect(ids(toU)).toEqual(["c2>u", "c2>m>u"]);
    // The programme from the coordinators: every role holder, the ties shown as the database shows them.
    const toP = await same({ to: "P1", k: 10, maxHops: 4 });
    expect(ids(toP)).toEqual(["c2>u", "c2>m>u", "c1>a1>a2>t", "c1>x1>x2>t"]);
    expect(toP[2]!.steps[1]!.tie).toMatchObject({ strength: 0.3, channel: "EMAIL" });
    expect(toP[2]!.steps[2]!.tie).toMatchObject({ manual: true });
    const toHE = await same({ to: "HE", k: 10, maxHops: 3 });
    expect(ids(toHE).filter((p) => p === "c2>m>dn")).toHaveLength(2);
    expect(toHE.filter((p) => p.steps[2]?.person.id === "dn").map((p) => p.score)).toEqual([0.9, 0.4]);
  });

  it("respects k, maxHops, minStrength, avoid, from and workspace", async () => {
    expect(ids(await same({ to: "P1", k: 1 }))).toEqual(["c2>u"]);
    expect(ids(await same({ to: "P1", k: 10, maxHops: 1 }))).toEqual(["c2>u"]);
    expect(ids(await same({ to: "P1", k: 10, minStrength: 0.25 }))).toEqual(["c2>u", "c2>m>u"]);
    expect(ids(await same({ to: "P1", k: 10, avoid: ["m", "a1"] }))).toEqual(["c2>u", "c1>x1>x2>t"]);
    expect(ids(await same({ to: "P1", k: 10, avoid: ["c2"] }))).toEqual(["c1>a1>a2>t", "c1>x1>x2>t"]);
    await same({ to: "P1", k: 10, workspace: "ws" });
    await same({ to: "k1", from: ["m", "x2"], k: 10, maxHops: 6 });
    // A starting person who is also a role holder stays a starting person only.
    await same({ to: "P1", from: ["u", "c1"], k: 10, maxHops: 6 });
    for (const maxHops of [1, 2, 3, 4, 5, 6]) {
      for (const lightEnds of [undefined, 0]) await same({ to: "HE", k: 4, maxHops }, lightEnds);
    }
  });

  it("refuses what the database's search refuses, with the same errors", async () => {
    for (const args of [
      { to: "nobody" },
      { to: "P1", from: ["ghost"] },
      { to: "P1", avoid: ["ghost"] },
      { to: "P1", workspace: "elsewhere" },
      { to: "P1", k: 0 },
      { to: "P1", maxHops: 9 },
      { to: "P1", minStrength: 2 },
      { to: "P1", from: [] },
    ] satisfies WarmPathsInput[]) {
      const memory = await findWarmPathsInMemory(db, args, settings).catch((e: unknown) => e);
      const database = await findWarmPaths(db, args).catch((e: unknown) => e);
      expect(memory, JSON.stringify(args)).toBeInstanceOf(Error);
      expect(memory, JSON.stringify(args)).toEqual(database);
      expect((memory as { extensions?: unknown }).extensions).toEqual((database as { extensions?: unknown }).extensions);
    }
  });

  it("follows a tie written between two queries: the tie version moves and the ties are read again", async () => {
    const loads = tieGraphStats.loads;
    expect(ids(await same({ to: "t", from: ["c1"], k: 1 }))).toEqual(["c1>a1>a2>t"]);
    await db.write(bumpingTieVersion("MATCH (:Person {id: 'x2'})-[k:KNOWS]-(:Person {id: 't'}) SET k.strength = 0.9"));
    expect(ids(await same({ to: "t", from: ["c1"], k: 1 }))).toEqual(["c1>x1>x2>t"]);
    expect(tieGraphStats.loads).toBeGreaterThan(loads);
    // Without `wait`, a request at a version not held yet is answered by the database's search (and starts the load).
    await db.write(bumpingTieVersion("MATCH (:Person {id: 'c1'})-[k:KNOWS]-(:Person {id: 'x1'}) SET k.strength = 0.01"));
    const before = answeredInMemory.database;
    const answer = await findWarmPathsInMemory(db, { to: "t", from: ["c1"], k: 1 }, { maxTies: 1_000_000 });
    expect(answeredInMemory.database).toBe(before + 1);
    expect(ids(answer)).toEqual(["c1>a1>a2>t"]);
    // Too many ties to hold: the database's search answers (a fresh slot, so that the limit is what is tried).
    forgetTieGraphs(db);
    const tooLarge = tieGraphStats.tooLarge;
    const tooSmall = await findWarmPathsInMemory(db, { to: "t", from: ["c1"], k: 1 }, { maxTies: 3, wait: true });
    expect(answeredInMemory.database).toBe(before + 2);
    expect(tieGraphStats.tooLarge).toBe(tooLarge + 1);
    expect(tooSmall).toEqual(answer);
  });
});

describe("on generated graphs, every argument varied, ties written between queries", () => {
  it("deep-equals findWarmPaths for 240 queries over 4 graphs", { timeout: 300_000 }, async () => {
    const follows = tieGraphStats.follows;
    const pairsFollowed = tieGraphStats.followedPairs;
    const random = seededRandom(19_02);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let compared = 0;
    let nonEmpty = 0;
    for (let g = 0; g < 4; g++) {
      await resetGraph(db);
      forgetTieGraphs(db);
      const people = Array.from({ length: 70 }, (_, i) => `g${g}p${String(i).padStart(2, "0")}`);
      const coordinators = people.slice(0, 3);
      // Few distinct strengths, so equal scores (and the tie-breaks) are common; the coordinators get many ties.
      const strengths = [0.2, 0.3, 0.5, 0.6, 0.8, 0.9, 1];
      const ties: TieSpec[] = [];
      const seen = new Set<string>();
      while (ties.length < 260) {
        const a = random() < 0.35 ? pick(coordinators) : pick(people);
        const b = pick(people);
        if (a === b || seen.has(`${a}|${b}`)) continue;
        seen.add(`${a}|${b}`);
        // Sometimes the way back too (a second tie between the pair), with another strength.
        ties.push({ a, b, strength: pick(strengths) });
      }
      const programmes = ["A", "B", "C"].map((x) => `g${g}${x}`);
      const courses = programmes.flatMap((p) => [`${p}k1`, `${p}k2`]);
      await writeGraph(db, {
        people: people.map((id) => ({ id, name: `Persoon ${id}` })),
        workspace: { id: `g${g}ws`, name: "Werkplaats", coordinators },
        institutions: [{ id: `g${g}I`, name: "Instelling", shortName: "I" }],
        programmes: programmes.map((id) => ({ id, name: `Opleiding ${id}`, institution: `g${g}I` })),
        courses: courses.map((id, i) => ({ id, name: `Vak ${id}`, programme: programmes[Math.floor(i / 2)]! })),
        teaches: people.slice(10, 40).map((p) => [p, pick(courses)] as [string, string]),
        directs: programmes.map((p) => [pick(people.slice(3)), p] as [string, string]),
        deans: [[people[69]!, `g${g}I`]],
        ties,
      });
      const loads = tieGraphStats.loads;
      for (let q = 0; q < 60; q++) {
        // Ties written between queries, one to three writes at once (the graph follows several versions in one go),
        // each naming one end of every tie it changes or the pair whose ties it writes, as the server's writers do
        // (tie-version.ts): the pairs' ties alone are read again, the people's all.
        for (let w = q % 4 === 3 ? 1 + Math.floor(random() * 3) : 0; w > 0; w--) {
          const kind = pick(["set", "add", "remove", "set", "add", "erase", "pairSet", "pairAdd", "pairRemove", "pairSet"]);
          if (kind === "pairSet" || kind === "pairRemove") {
            // A pair with a tie (a hub's, often): its ties re-weighed, or one of them removed.
            const a = pick(random() < 0.5 ? coordinators : people);
            const others = await db.read("MATCH (:Person {id: $a})-[:KNOWS]-(b:Person) RETURN DISTINCT b.id AS b ORDER BY b", {
              a,
            });
            const other = others.length > 0 ? pick(others) : undefined;
            if (other) {
              const change = kind === "pairSet" ? "SET k.strength = $s" : "WITH k ORDER BY elementId(k) LIMIT 1 DELETE k";
              await db.write(
                bumpingTieVersion(`MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) ${change}`, pairsWithIds("[[$b, $a]]")),
                { a, b: other.b, s: pick(strengths) },
              );
            }
          }
          if (kind === "pairAdd")
            await db.write(
              bumpingTieVersion(
                "MATCH (a:Person {id: $a}), (b:Person {id: $b}) WHERE a <> b AND NOT (a)-[:KNOWS]-(b) " +
                  "CREATE (a)-[:KNOWS {strength: $s, channel: 'OTHER'}]->(b)",
                pairsWithIds("[[$a, $b]]"),
              ),
              { a: pick(random() < 0.5 ? coordinators : people), b: pick(people), s: pick(strengths) },
            );
          if (kind === "set")
            await db.write(
              bumpingTieVersion(
                "MATCH (a:Person {id: $a})-[k:KNOWS]-() WITH k LIMIT 1 SET k.strength = $s",
                peopleWithIds("[$a]"),
              ),
              { a: pick(random() < 0.5 ? coordinators : people), s: pick(strengths) },
            );
          if (kind === "add") {
            // Named by either end: the other end's list must follow too.
            const [a, b] = [pick(people), pick(people)];
            await db.write(
              bumpingTieVersion(
                // Not a second tie between a pair: which of two equal parallel ties comes first is the database's own order.
                "MATCH (a:Person {id: $a}), (b:Person {id: $b}) WHERE a <> b AND NOT (a)-[:KNOWS]-(b) " +
                  "CREATE (a)-[:KNOWS {strength: $s, channel: 'OTHER'}]->(b)",
                peopleWithIds("[$named]"),
              ),
              { a, b, s: pick(strengths), named: random() < 0.5 ? a : b },
            );
          }
          if (kind === "remove")
            await db.write(
              bumpingTieVersion("MATCH (a:Person {id: $a})-[k:KNOWS]-() WITH k LIMIT 1 DELETE k", peopleWithIds("[$a]")),
              { a: pick(people) },
            );
          if (kind === "erase")
            // As ERASE_PERSON: every tie of one person goes, the people at the other ends named instead of them.
            await db.write(
              bumpingTieVersion(
                "MATCH (:Person {id: $a})-[k:KNOWS]-() DELETE k",
                "COLLECT { MATCH (:Person {id: $a})-[:KNOWS]-(other:Person) RETURN DISTINCT elementId(other) }",
              ),
              { a: pick(people.slice(3)) },
            );
        }
        const to = pick([...programmes, ...courses, `g${g}I`, pick(people), pick(people)]);
        const fromGiven = random() < 0.3;
        const args: WarmPathsInput = {
          to,
          from: fromGiven ? [...new Set([pick(people), pick(people)])] : undefined,
          k: 1 + Math.floor(random() * 8),
          maxHops: 1 + Math.floor(random() * 6),
          minStrength: pick([0, 0, 0.3, 0.5, 0.8]),
          avoid: random() < 0.4 ? [...new Set([pick(people), pick(people)])] : [],
          workspace: !fromGiven && random() < 0.3 ? `g${g}ws` : undefined,
        };
        const answer = await same(args, random() < 0.3 ? 0 : undefined);
        if (answer.length > 0) nonEmpty++;
        compared++;
      }
      // Every tie read once, at the graph's first query: every write since was followed.
      expect(tieGraphStats.loads - loads, `graph ${g}: loads of every tie`).toBe(1);
    }
    expect(compared).toBe(240);
    expect(tieGraphStats.follows - follows).toBeGreaterThan(40);
    expect(tieGraphStats.followedPairs - pairsFollowed).toBeGreaterThan(15);
    expect(nonEmpty).toBeGreaterThan(120);
  });
});

describe("following the server's tie writers", () => {
  const people = ["c1", "c2", "a1", "a2", "a3", "x1", "x2", "m", "t", "u", "v", "w"];
  /** The questions asked after every write: from the coordinators (hubs) and from people, to a programme and a person. */
  const questions: WarmPathsInput[] = [
    { to: "P1", k: 10, maxHops: 4 },
    { to: "P1", k: 10, maxHops: 6, minStrength: 0.2 },
    { to: "t", from: ["c1"], k: 5, maxHops: 5 },
    { to: "u", from: ["a1", "x1"], k: 5, maxHops: 4 },
    { to: "w", from: ["c2"], k: 3, maxHops: 6 },
    { to: "v", from: ["m"], k: 3, maxHops: 3, avoid: ["c1"] },
  ];
  /**
   * Every question deep-equal to the database's search; how many loads of every tie and follows it took, and how many
   * pairs had their ties read again and how many people all theirs.
   */
  const askAll = async (): Promise<{ loads: number; follows: number; pairs: number; people: number }> => {
    const { loads, follows, followedPairs, followedPeople } = { ...tieGraphStats };
    for (const args of questions) await same(args);
    return {
      loads: tieGraphStats.loads - loads,
      follows: tieGraphStats.follows - follows,
      pairs: tieGraphStats.followedPairs - followedPairs,
      people: tieGraphStats.followedPeople - followedPeople,
    };
  };
  const tieOf = async (a: string, b: string) =>
    (
      await db.read("MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN elementId(k) AS tie, k.strength AS s", { a, b })
    )[0]!;

  beforeAll(async () => {
    await resetGraph(db);
    forgetTieGraphs(db);
    await writeGraph(db, {
      people: people.map((id) => ({ id, name: `Persoon ${id}` })),
      workspace: { id: "fws", name: "Werkplaats", coordinators: ["c1", "c2"] },
      institutions: [{ id: "FI", name: "Instelling" }],
      programmes: [{ id: "P1", name: "Opleiding", institution: "FI" }],
      courses: [{ id: "fk", name: "Vak", programme: "P1" }],
      teaches: [
        ["t", "fk"],
        ["u", "fk"],
        ["w", "fk"],
      ],
      ties: [
        { a: "c1", b: "a1", strength: 0.8 },
        { a: "a1", b: "a2", strength: 0.6 },
        { a: "a2", b: "t", strength: 0.5 },
        { a: "c1", b: "x1", strength: 0.4 },
        { a: "x1", b: "x2", strength: 0.9 },
        { a: "x2", b: "t", strength: 0.7 },
        { a: "x2", b: "u", strength: 0.6 },
        { a: "c2", b: "m", strength: 0.9 },
        { a: "m", b: "u", strength: 0.3 },
        { a: "m", b: "v", strength: 0.5 },
        { a: "a3", b: "w", strength: 0.8 },
      ],
    });
    // The graph read once, at the first questions.
    expect((await askAll()).loads).toBe(1);
  }, 60_000);

  it("follows each writer by the pairs or people it names, without reading every tie again", async () => {
    // An interaction: a new tie (c2–a3, which opens a path to w), then one on an existing tie (its strength re-derived).
    // Each writer of one pair's ties names the pair: only the ties between the two are read again.
    await db.writeTx((tx) => applyInteractionToTie(tx, "c2", "a3", "2026-11-02", { channel: "MEETING" }));
    expect(await askAll()).toEqual({ loads: 0, follows: 1, pairs: 1, people: 0 });
    expect(ids(await same({ to: "w", from: ["c2"], k: 3 }))).toContain("c2>a3>w");
    await db.writeTx((tx) => applyInteractionToTie(tx, "a2", "t", "2026-11-03"));
    expect(await askAll()).toEqual({ loads: 0, follows: 1, pairs: 1, people: 0 });
    // A coordinator's strength by hand: on an existing tie, and creating one.
    await setTieStrength(db, { a: "c1", b: "x1", strength: 0.95 });
    expect(await askAll()).toEqual({ loads: 0, follows: 1, pairs: 1, people: 0 });
    await setTieStrength(db, { a: "v", b: "w", strength: 0.85 });
    expect(await askAll()).toEqual({ loads: 0, follows: 1, pairs: 1, people: 0 });
    // An import's page: a tie changed, one added.
    const row = { channel: "OTHER", since: null, lastContact: null, note: null, manual: null };
    await db.write(IMPORT_TIES, {
      rows: [
        { ...row, personA: "m", personB: "u", strength: 0.75 },
        { ...row, personA: "a3", personB: "t", strength: 0.65 },
      ],
    });
    expect(await askAll()).toEqual({ loads: 0, follows: 1, pairs: 2, people: 0 });
    // A rederivation's page (strengths re-weighed by elementId).
    const mv = await tieOf("m", "v");
    await db.write(WRITE_REDERIVED_TIES, { updates: [{ tie: mv.tie, strength: 0.45, base: 0.45, previousStrength: mv.s }] });
    expect(await askAll()).toEqual({ loads: 0, follows: 1, pairs: 1, people: 0 });
    // An erasure: x2's ties go (x2 was on the best paths to t and u); the log names the people at their other ends
    // (x1, t, u), whose ties are all read again.
    const before = ids(await same({ to: "t", from: ["c1"], k: 5, maxHops: 5 }));
    expect(before.some((p) => p.includes("x2"))).toBe(true);
    await db.write(ERASE_PERSON, { id: "x2", portalRoles: [] });
    expect(await askAll()).toEqual({ loads: 0, follows: 1, pairs: 0, people: 3 });
    expect(ids(await same({ to: "t", from: ["c1"], k: 5, maxHops: 5 })).some((p) => p.includes("x2"))).toBe(false);
    const log = (await db.read("MATCH (v:TieVersion) RETURN v.changes AS changes"))[0]!.changes as string[];
    expect(log.join(" ")).not.toContain("x2");
    // Several writes, then one question: every version since followed in one go.
    await setTieStrength(db, { a: "a1", b: "a2", strength: 0.2 });
    await db.writeTx((tx) => applyInteractionToTie(tx, "x1", "u", "2026-11-04"));
    await setTieStrength(db, { a: "c2", b: "m", strength: 0.5 });
    expect(await askAll()).toEqual({ loads: 0, follows: 1, pairs: 3, people: 0 });
  });

  it("reads every tie again when a change does not name its people, or the log no longer reaches back", async () => {
    await db.write(bumpingTieVersion("MATCH (:Person {id: 'a1'})-[k:KNOWS]-(:Person {id: 'c1'}) SET k.strength = 0.55"));
    expect(await askAll()).toMatchObject({ loads: 1, follows: 0 });
    for (let i = 0; i <= TIE_CHANGES_KEPT; i++) await setTieStrength(db, { a: "m", b: "v", strength: 0.3 + (i % 5) / 10 });
    expect(await askAll()).toMatchObject({ loads: 1, follows: 0 });
    // The log keeps the last TIE_CHANGES_KEPT changes.
    const log = (await db.read("MATCH (v:TieVersion) RETURN v.changes AS changes"))[0]!.changes as string[];
    expect(log).toHaveLength(TIE_CHANGES_KEPT);
  });

  it("answers from given people in one read when `to` is a person and the graph is current", async () => {
    const [oneRead, database] = [answeredInMemory.oneRead, answeredInMemory.database];
    await same({ to: "t", from: ["c1"], k: 5, maxHops: 5 });
    await same({ to: "v", from: ["m", "c2"], k: 3, avoid: ["u"] });
    // To oneself as a starting person, and to someone avoided: no targets, no paths, still in one read.
    expect(await same({ to: "c1", from: ["c1"], k: 3 })).toEqual([]);
    expect(await same({ to: "t", from: ["c1"], avoid: ["t"] })).toEqual([]);
    expect(answeredInMemory.oneRead - oneRead).toBe(4);
    // To a programme from given people: the ends read differ from the guess, and the second read follows.
    await same({ to: "P1", from: ["c1", "m"], k: 5 });
    expect(answeredInMemory.oneRead - oneRead).toBe(4);
    expect(answeredInMemory.database).toBe(database);
    // The same errors as the database's search.
    for (const args of [
      { to: "t", from: ["ghost"] },
      { to: "nobody", from: ["c1"] },
      { to: "t", from: ["c1"], avoid: ["ghost"] },
    ]) {
      const memory = await findWarmPathsInMemory(db, args, settings).catch((e: unknown) => e);
      expect(memory).toBeInstanceOf(Error);
      expect(memory).toEqual(await findWarmPaths(db, args).catch((e: unknown) => e));
    }
  });
});

describe("a read of every tie, started by a request", () => {
  /** A pacer that counts the statements it runs, each after `waitMs`. */
  const countingPacer = (waitMs = 0) => {
    const pacer = {
      statements: 0,
      run: async <T>(statement: () => Promise<T>): Promise<T> => {
        pacer.statements += 1;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        return statement();
      },
    };
    return pacer satisfies StatementPacer;
  };

  it("runs under its own budget and pacer, not the request's: a request whose budget is spent still has the graph read", async () => {
    await writeGraph(db, {
      people: ["r1", "r2", "r3"].map((id) => ({ id, name: `Persoon ${id}` })),
      ties: [
        { a: "r1", b: "r2", strength: 0.8 },
        { a: "r2", b: "r3", strength: 0.6 },
      ],
    });
    const version = (await db.tieVersion())!;
    // The request that notices no graph is held: its budget (QUERY_TIMEOUT_MS at most) spent, as a load at L can outlast it.
    const requestPacer = countingPacer();
    const request = db.withTransactionTimeout(30_000).withTimeBudget(1).withPacer(requestPacer);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(request.read("RETURN 1")).rejects.toBeInstanceOf(TimeBudgetSpent);
    const paced = requestPacer.statements;
    forgetTieGraphs(db);
    const loadPacer = countingPacer();
    const loads = tieGraphStats.loads;
    const graph = await tieGraphAt(request, version, { maxTies: 1_000_000, loadPacer: () => loadPacer }, true);
    expect(graph?.ids).toEqual(expect.arrayContaining(["r1", "r2", "r3"]));
    expect(tieGraphStats.loads).toBe(loads + 1);
    // The load's statements went through its own pacer, none through the request's.
    expect(loadPacer.statements).toBeGreaterThan(0);
    expect(requestPacer.statements).toBe(paced);
    // Its own budget bounds it: spent before its first read (a pacer that waits 5 ms, a budget of 1 ms), nothing is held.
    forgetTieGraphs(db);
    const late = { maxTies: 1_000_000, loadBudgetMs: 1, loadPacer: () => countingPacer(5) };
    expect(await tieGraphAt(db, version, late, true)).toBeNull();
    expect(tieGraphStats.loads).toBe(loads + 1);
    forgetTieGraphs(db);
  });
});

describe("in the analytics worker", () => {
  it("answers warmPaths from the coordinators and from given people as findWarmPaths does, before and after the ties are loaded", async () => {
    await resetGraph(db);
    const people = Array.from({ length: 40 }, (_, i) => `w${String(i).padStart(2, "0")}`);
    const random = seededRandom(4);
    const ties: TieSpec[] = [];
    for (let i = 0; i < 150; i++) {
      const a = people[Math.floor(random() * 40)]!;
      const b = people[Math.floor(random() * 40)]!;
      if (a !== b) ties.push({ a, b, strength: [0.3, 0.6, 0.9][Math.floor(random() * 3)]! });
    }
    await writeGraph(db, {
      people: people.map((id) => ({ id, name: id })),
      workspace: { id: "wws", name: "Werkplaats", coordinators: people.slice(0, 2) },
      institutions: [{ id: "wI", name: "Instelling" }],
      programmes: [{ id: "wP", name: "Opleiding", institution: "wI" }],
      courses: [{ id: "wk", name: "Vak", programme: "wP" }],
      teaches: people.slice(20, 30).map((p) => [p, "wk"] as [string, string]),
      ties,
    });
    const worker = new AnalyticsWorker({
      connect: db.connectOptions!,
      restartDelayMs: 50,
      threadModule: await analyticsThreadModule(),
      warmPathsInMemory: { maxTies: 1_000_000 },
    });
    try {
      expect(await worker.whenReady()).toBe(true);
      for (let i = 0; i < 12; i++) {
        // From the coordinators, and (every third) from given people to a person: routed to the worker as well.
        const args =
          i % 3 === 2
            ? { to: people[20 + i]!, from: [people[i]!], k: 3, maxHops: 4, minStrength: 0 }
            : { to: i % 2 === 0 ? "wP" : "wI", k: 5, maxHops: 4, minStrength: 0 };
        const answer = await worker.run("warmPaths", args, db);
        expect(worker.fallbacks).toBe(0);
        expect(answer).toEqual(await findWarmPaths(db, args));
        // Let the worker's load (started by the first request) finish, so later requests are answered in memory.
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await worker.stop();
    }
  });
});
