import { bumpingTieVersion } from "../../server/platform/neo4j/tie-version.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeInstitutionEmbedding, computeProgrammeEmbedding } from "../../server/domains/network/compute-embedding.js";
import { planEscalation } from "../../server/domains/network/escalation-plan.js";
import { findNextBestContacts } from "../../server/domains/network/find-next-best-contacts.js";
import { computeImpactIfGone } from "../../server/domains/network/impact-if-gone.js";
import { rankEmbedding } from "../../server/domains/network/rank-embedding.js";
import { refreshEmbedding } from "../../server/domains/network/refresh-embedding.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { writeGraph, type GraphSpec } from "./network-fixtures.js";

/**
 * #14 parts 3–5 against the real Neo4j, on small hand-built graphs (ownScope: every id carries this
 * file's prefix, and each "world" — a workspace with its coordinators and institutions — another tag,
 * so a world can be changed without touching the others). W = {c1, c2}. Institutions:
 *  IA: A1 (two threads, coordinator warm: GREEN), A2 (one thread, level 3 by a signature: AMBER),
 *      A3 (two teachers: AMBER), A4 (no warm route: RED); dean dnA reached through Xander; board bmA cold.
 *      IA: 5 threads, 6 of 10 reached, 1 of 3 programmes on one thread → GREEN.
 *  IB: B1 green, B2 and B3 on one thread each → 2 of 3 single → AMBER.
 *  IC: C1 green with 2 of 8 role holders reached (exactly 25%) → GREEN; ID: 2 of 9 → AMBER.
 *  IE: E1 reached only through Yara → one thread, AMBER for both.
 *  IF: F1 at level 5 by an agreement its dean signed, one thread → AMBER.
 */

let db: Database;
let scope: OwnScope;
const asOf = "2025-06-30";

function world(tag: string): { id: (name: string) => string; spec: GraphSpec } {
  const id = (name: string) => scope.id(`${tag}-${name}`);
  const people: Array<[string, string]> = [
    ["c1", "Sanne Visser"],
    ["c2", "Karim Amrani"],
    ["x", "Xander Link"],
    ["y", "Yara Brug"],
    ["t1", "Tom Een"],
    ["co1", "Cora Een"],
    ["t2", "Tess Twee"],
    ["co2", "Coen Twee"],
    ["t3a", "Tim Drie"],
    ["t3b", "Tara Drie"],
    ["t4", "Teun Vier"],
    ["co4", "Cas Vier"],
    ["dnA", "Dina Decaan"],
    ["bmA", "Bart Bestuur"],
    ["tb1", "Bob Een"],
    ["cob1", "Bea Een"],
    ["tb2", "Bob Twee"],
    ["tb3", "Bob Drie"],
    ["tc1", "Cato Een"],
    ["coc1", "Cees Een"],
    ["td1", "Dirk Een"],
    ["cod1", "Daan Een"],
    ["te1", "Teo Eén"],
    ["coe1", "Eva Een"],
    ["tf1", "Fien Een"],
    ["dnF", "Frits Decaan"],
    ...Array.from({ length: 6 }, (_, k): [string, string] => [`tcu${k}`, `Cu ${k}`]),
    ...Array.from({ length: 7 }, (_, k): [string, string] => [`tdu${k}`, `Du ${k}`]),
  ];
  const programmes: Array<[string, string, string]> = [
    ["A1", "Alpha Een", "IA"],
    ["A2", "Alpha Twee", "IA"],
    ["A3", "Alpha Drie", "IA"],
    ["A4", "Alpha Vier", "IA"],
    ["B1", "Beta Een", "IB"],
    ["B2", "Beta Twee", "IB"],
    ["B3", "Beta Drie", "IB"],
    ["C1", "Gamma Een", "IC"],
    ["D1", "Delta Een", "ID"],
    ["E1", "Epsilon Een", "IE"],
    ["F1", "Zeta Een", "IF"],
  ];
  const teaches: Array<[string, string]> = [
    ["t1", "A1"],
    ["t2", "A2"],
    ["t3a", "A3"],
    ["t3b", "A3"],
    ["t4", "A4"],
    ["tb1", "B1"],
    ["tb2", "B2"],
    ["tb3", "B3"],
    ["tc1", "C1"],
    ["td1", "D1"],
    ["te1", "E1"],
    ["tf1", "F1"],
    ...Array.from({ length: 6 }, (_, k): [string, string] => [`tcu${k}`, "C1"]),
    ...Array.from({ length: 7 }, (_, k): [string, string] => [`tdu${k}`, "D1"]),
  ];
  const tie = (a: string, b: string, strength: number) => ({ a: id(a), b: id(b), strength });
  return {
    id,
    spec: {
      people: people.map(([p, name]) => ({ id: id(p), name })),
      workspace: { id: id("ws"), name: `Werkplaats ${tag}`, coordinators: [id("c1"), id("c2")] },
      institutions: ["IA", "IB", "IC", "ID", "IE", "IF"].map((i) => ({ id: id(i), name: `Hogeschool ${i}`, shortName: i })),
      programmes: programmes.map(([p, name, i]) => ({ id: id(p), name, institution: id(i) })),
      courses: programmes.map(([p, name]) => ({ id: id(`k${p}`), name: `Project ${name}`, programme: id(p) })),
      teaches: teaches.map(([t, p]) => [id(t), id(`k${p}`)]),
      coordinates: [
        ["co1", "A1"],
        ["co2", "A2"],
        ["co4", "A4"],
        ["cob1", "B1"],
        ["coc1", "C1"],
        ["cod1", "D1"],
        ["coe1", "E1"],
      ].map(([p, g]) => [id(p!), id(g!)]),
      deans: [
        [id("dnA"), id("IA")],
        [id("dnF"), id("IF")],
      ],
      board: [[id("bmA"), id("IA")]],
      agreements: [
        { id: id("agA2"), scope: "PROGRAMME", validFrom: "2025-01-01", covers: [id("A2")], signedBy: [id("co2")] },
        { id: id("agE1"), scope: "PROGRAMME", validFrom: "2025-01-01", covers: [id("E1")], signedBy: [id("coe1")] },
        { id: id("agF"), scope: "INSTITUTION", validFrom: "2025-01-01", covers: [id("IF")], signedBy: [id("dnF")] },
      ],
      ties: [
        tie("c1", "x", 0.9),
        tie("x", "t1", 0.8),
        tie("c2", "co1", 0.7),
        tie("c1", "t2", 0.9),
        tie("c1", "t3a", 0.6),
        tie("c2", "t3b", 0.6),
        tie("c1", "t4", 0.4),
        tie("x", "dnA", 0.8),
        tie("x", "co4", 0.3),
        tie("c1", "tb1", 0.9),
        tie("c2", "cob1", 0.9),
        tie("c1", "tb2", 0.9),
        tie("c2", "tb3", 0.9),
        tie("c1", "tc1", 0.9),
        tie("c2", "coc1", 0.9),
        tie("c1", "td1", 0.9),
        tie("c2", "cod1", 0.9),
        tie("c1", "y", 0.9),
        tie("y", "te1", 0.9),
        tie("c1", "tf1", 0.9),
      ],
    },
  };
}

/** A world in the graph, with an open proposal to Tess Twee and a running sprint in her course. */
async function build(tag: string): Promise<(name: string) => string> {
  const { id, spec } = world(tag);
  await writeGraph(db, spec);
  await db.write(
    `MATCH (t:Person {id: $t2}), (k:Course {id: $course})
     CREATE (c:Case {id: $case, title: 'Webshop voor de bakker'})
     CREATE (p:Proposal {id: $proposal, channel: 'EMAIL', sentAt: datetime('2025-06-01T09:00:00Z'), expiresAt: datetime('2025-07-30T09:00:00Z')})
     CREATE (p)-[:FOR_COURSE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:OF_CASE]->(c)
     CREATE (s:Sprint {id: $sprint, status: 'RUNNING'})-[:IN_COURSE]->(k)
     CREATE (s)-[:FOR_CASE]->(c)`,
    { t2: id("t2"), course: id("kA2"), case: id("case"), proposal: id("prop"), sprint: id("sprint") },
  );
  return id;
}

let id: (name: string) => string;
const opts = () => ({ workspace: id("ws"), asOf });

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  id = await build("main");
});

afterAll(async () => {
  await db.write("MATCH (s:EmbeddingSnapshot) WHERE s.workspaceId STARTS WITH $prefix DETACH DELETE s", { prefix: scope.prefix });
  await scope.clean();
  await db.close();
});

const programme = (local: string) => computeProgrammeEmbedding(db, id(local), opts());
const institution = (local: string) => computeInstitutionEmbedding(db, id(local), opts());

describe("programme verdicts: green needs two threads and level ≥ 3", () => {
  it("GREEN at two threads and level 3", async () => {
    const e = await programme("A1");
    expect([e.threads, e.level, e.verdict, e.colour]).toEqual([2, 3, "GREEN", "GREEN"]);
  });

  it("AMBER at level 3 on one thread, naming the one person", async () => {
    const e = await programme("A2");
    expect([e.threads, e.level, e.verdict, e.colour]).toEqual([1, 3, "AMBER", "AMBER"]);
    expect(e.verdictReasonEn).toBe("Deep (level 3 (programme management)), but hangs on one person: Tess Twee.");
    expect(e.verdictReasonNl).toBe("Diep (niveau 3 (opleidingsmanagement)), maar hangt aan één persoon: Tess Twee.");
  });

  it("AMBER at level 5 on one thread", async () => {
    const e = await programme("F1");
    expect([e.threads, e.level, e.verdict]).toEqual([1, 5, "AMBER"]);
    expect(e.verdictReasonEn).toBe("Deep (level 5 (board)), but hangs on one person: Fien Een.");
  });

  it("AMBER with two threads at level 2, RED with none; a thread through two single points names both", async () => {
    expect([(await programme("A3")).verdict, (await programme("A4")).verdict]).toEqual(["AMBER", "RED"]);
    const e = await programme("E1");
    expect([e.threads, e.level, e.verdict]).toEqual([1, 3, "AMBER"]);
    expect(e.verdictReasonEn).toBe(
      "Deep (level 3 (programme management)), but hangs on one thread: every warm route runs through Yara Brug and Teo Eén.",
    );
  });
});

describe("institution verdicts weigh reach and single-thread programmes", () => {
  it("GREEN with 5 threads, 6 of 10 reached and 1 of 3 programmes on one thread", async () => {
    const e = await institution("IA");
    expect([e.threads, e.reachedRoleHolders, e.roleHolders, e.verdict]).toEqual([5, 6, 10, "GREEN"]);
    expect(e.verdictReasonEn).toBe(
      "Firmly embedded: 5 threads into Hogeschool IA, 6 of 10 role holders reached, 1 programme green; 1 of 3 programmes we reach hang on one thread.",
    );
  });

  it("AMBER when more than half of the programmes it reaches hang on one thread", async () => {
    const e = await institution("IB");
    expect([e.threads, e.verdict]).toEqual([4, "AMBER"]);
    expect(e.verdictReasonEn).toBe(
      "Fragile across Hogeschool IB: 2 of 3 programmes we reach hang on one thread (at most half for green).",
    );
  });

  it("GREEN at exactly 25% of role holders reached, AMBER just below", async () => {
    const c = await institution("IC");
    expect([c.reachedRoleHolders, c.roleHolders, c.verdict]).toEqual([2, 8, "GREEN"]);
    const d = await institution("ID");
    expect([d.reachedRoleHolders, d.roleHolders, d.verdict]).toEqual([2, 9, "AMBER"]);
    expect(d.verdictReasonNl).toBe("Slechts 2 van 9 rolhouders bereikt bij Hogeschool ID (25% nodig voor groen).");
  });

  it("AMBER on one thread, naming whom it hangs on", async () => {
    const e = await institution("IE");
    expect([e.threads, e.verdict]).toEqual([1, "AMBER"]);
    expect(e.verdictReasonEn).toBe("Hogeschool IE hangs on one thread: every warm route runs through Yara Brug and Teo Eén.");
  });

  it("no programme or institution with exactly one thread is GREEN, live and in the stored ranking", async () => {
    const live = [
      ...(await Promise.all(["A1", "A2", "A3", "A4", "B1", "B2", "B3", "C1", "D1", "E1", "F1"].map(programme))),
      ...(await Promise.all(["IA", "IB", "IC", "ID", "IE", "IF"].map(institution))),
    ];
    expect(live.filter((e) => e.threads === 1 && e.verdict === "GREEN")).toEqual([]);
    await refreshEmbedding(db, opts());
    const stored = await rankEmbedding(db, { workspace: id("ws"), institution: id("IA"), limit: 50 });
    const byId = new Map(stored.entries.map((e) => [e.id, e]));
    for (const e of live.filter((x) => x.institutionId === id("IA"))) {
      expect([byId.get(e.id)?.verdict, byId.get(e.id)?.colour, byId.get(e.id)?.verdictReasonEn]).toEqual([
        e.verdict,
        e.colour,
        e.verdictReasonEn,
      ]);
    }
  });
});

describe("the route up", () => {
  it("nextBestContacts credits the dean with the rung-5 route and ranks them above the cold board member", async () => {
    const contacts = await findNextBestContacts(db, { ...opts(), institution: id("IA"), limit: 10 });
    const dean = contacts.findIndex((c) => c.person.id === id("dnA"));
    const board = contacts.findIndex((c) => c.person.id === id("bmA"));
    expect(dean).toBeGreaterThanOrEqual(0);
    expect(board).toBeGreaterThan(dean);
    expect(contacts[dean]).toMatchObject({
      levelBefore: 3,
      levelAfter: 5,
      gainLevel: 2,
      needsAgreement: true,
      programmeId: null,
    });
    expect(contacts[dean]!.reasonEn).toContain("open the route to level 5 (board)");
  });

  it("escalationPlan for an institution: a manager, a structural agreement, then the dean through Xander", async () => {
    const plan = await planEscalation(db, { ...opts(), institution: id("IA") });
    expect(plan.steps.map((s) => [s.rung, s.person?.name, s.programmeName])).toEqual([
      [3, "Cas Vier", "Alpha Vier"],
      [4, "Cora Een", "Alpha Een"],
      [5, "Dina Decaan", null],
    ]);
    const [three, four, five] = plan.steps;
    expect(three).toMatchObject({ warm: false, levelBefore: 0, levelAfter: 3, threadsAfter: 1, needs: ["INTRODUCTION"] });
    expect(three!.introducer?.name).toBe("Xander Link");
    expect(four).toMatchObject({ levelBefore: 3, levelAfter: 4, needs: ["AGREEMENT"] });
    expect(five).toMatchObject({ warm: true, levelBefore: 3, levelAfter: 5, gainLevel: 2, threadsBefore: 5, threadsAfter: 6 });
    expect(five!.needs).toEqual(["INTRODUCTION", "AGREEMENT"]);
    expect(five!.path?.steps.map((s) => s.person.name)).toEqual(["Sanne Visser", "Xander Link", "Dina Decaan"]);
    expect(five!.needsEn).toBe(
      "An introduction by Xander Link; then an institution-level agreement of Hogeschool IA, signed by them.",
    );
  });

  it("escalationPlan for a programme names whom to find when no one holds the role", async () => {
    const plan = await planEscalation(db, { ...opts(), programme: id("B2") });
    expect(plan.steps.map((s) => [s.rung, s.person?.name ?? null, s.needs])).toEqual([
      [3, null, ["FIND_PERSON"]],
      [4, null, ["FIND_PERSON"]],
      [5, null, ["FIND_PERSON"]],
    ]);
  });
});

describe("impactIfGone", () => {
  it("lists what drops when a single point of failure leaves, with the work that hangs on her", async () => {
    const impact = await computeImpactIfGone(db, { ...opts(), person: id("t2") });
    expect(impact.drops.map((d) => [d.kind, d.name, d.threadsBefore, d.threadsAfter, d.levelBefore, d.levelAfter])).toEqual([
      ["INSTITUTION", "Hogeschool IA", 5, 4, 3, 3],
      ["PROGRAMME", "Alpha Twee", 1, 0, 3, 3],
    ]);
    expect(impact.drops[1]!.verdictAfter).toBe("AMBER");
    expect(impact.openProposals.map((w) => [w.title, w.courseName])).toEqual([["Webshop voor de bakker", "Project Alpha Twee"]]);
    expect(impact.runningSprints.map((w) => w.id)).toEqual([id("sprint")]);
  });

  it("names who could replace a connector", async () => {
    const impact = await computeImpactIfGone(db, { ...opts(), person: id("x") });
    const a1 = impact.drops.find((d) => d.id === id("A1"));
    expect(a1).toMatchObject({ threadsBefore: 2, threadsAfter: 1, verdictBefore: "GREEN", verdictAfter: "AMBER" });
    expect(a1!.replacements.map((p) => p.name)).toEqual(["Tom Een"]);
  });

  it("an unknown person is NOT_FOUND on person", async () => {
    await expect(computeImpactIfGone(db, { ...opts(), person: id("nobody") })).rejects.toMatchObject({
      extensions: { code: "NOT_FOUND", field: "person" },
    });
  });

  // The answer must match a recomputation with the person really detached, in a copy of the world.
  for (const [tag, person] of [
    ["gone-t2", "t2"],
    ["gone-x", "x"],
    ["gone-y", "y"],
    ["gone-dnF", "dnF"],
    ["gone-c2", "c2"],
  ] as const) {
    it(`matches a recomputation with ${person} detached`, async () => {
      const local = await build(tag);
      const o = { workspace: local("ws"), asOf };
      const programmes = ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "C1", "D1", "E1", "F1"];
      const institutions = ["IA", "IB", "IC", "ID", "IE", "IF"];
      const measure = async () => {
        const all = [
          ...(await Promise.all(programmes.map((p) => computeProgrammeEmbedding(db, local(p), o)))),
          ...(await Promise.all(institutions.map((i) => computeInstitutionEmbedding(db, local(i), o)))),
        ];
        return new Map(all.map((e) => [e.id, { threads: e.threads, level: e.level, verdict: e.verdict }]));
      };
      const impact = await computeImpactIfGone(db, { ...o, person: local(person) });
      const before = await measure();
      // Deleting a person deletes their ties: the tie version moves, as with erasure or deletePeople (the warm-tie store
      // is tagged with it, docs/network-analytics.md "The tie store").
      await db.write(bumpingTieVersion("MATCH (p:Person {id: $id}) DETACH DELETE p"), { id: local(person) });
      const after = await measure();
      expect(impact.drops.length).toBeGreaterThan(0);
      for (const [key, was] of before) {
        const d = impact.drops.find((x) => x.id === key);
        const expected = d ? { threads: d.threadsAfter, level: d.levelAfter, verdict: d.verdictAfter } : was;
        expect([key, after.get(key)]).toEqual([key, d ? expected : { ...was, verdict: after.get(key)?.verdict }]);
        if (d) expect([key, d.threadsBefore, d.levelBefore, d.verdictBefore]).toEqual([key, was.threads, was.level, was.verdict]);
        else expect([key, after.get(key)!.threads, after.get(key)!.level]).toEqual([key, was.threads, was.level]);
      }
    });
  }
});
