import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { EMBEDDING_WORKSPACE, wholeCast } from "./network-embedding-fixtures.js";
import { writeGraph, type GraphSpec } from "./network-fixtures.js";

let db: Database;
let server: TestServer;

const asOf = "2025-06-30";

/**
 * One graph, many programmes, each built for one rule. W = {c1, c2}. Institutions:
 *  HE: P1 (one route, through Anna to Bram), P2 (two routes)
 *  HT: P3 (three routes), P15 (board agreement signed by the dean)
 *  HD: P4 (two routes through one hub; a board member signed an institution agreement)
 *  HV: P5 (a tie just below the warm threshold), P6 (five ties away)
 *  HF: ladder programmes P7 … P14b
 */
const spec: GraphSpec = {
  people: wholeCast(),
  workspace: EMBEDDING_WORKSPACE,
  institutions: [
    { id: "HE", name: "Hogeschool Een", shortName: "HE" },
    { id: "HT", name: "Hogeschool Twee", shortName: "HT" },
    { id: "HD", name: "Hogeschool Drie", shortName: "HD" },
    { id: "HV", name: "Hogeschool Vier", shortName: "HV" },
    { id: "HF", name: "Hogeschool Vijf", shortName: "HF" },
  ],
  programmes: [
    ["P1", "Eén Route", "HE"],
    ["P2", "Twee Routes", "HE"],
    ["P3", "Drie Routes", "HT"],
    ["P15", "Bestuur", "HT"],
    ["P4", "Gedeelde Spil", "HD"],
    ["P5", "Net Niet", "HV"],
    ["P6", "Ver Weg", "HV"],
    ["P7", "Directeur Warm", "HF"],
    ["P8", "Directeur Lauw", "HF"],
    ["P9", "Getekend", "HF"],
    ["P10", "Verlopen", "HF"],
    ["P11", "Structureel", "HF"],
    ["P12", "Niet Structureel", "HF"],
    ["P13", "Twee Periodes", "HF"],
    ["P14", "Grens Buiten", "HF"],
    ["P14b", "Grens Binnen", "HF"],
  ].map(([id, name, institution]) => ({ id: id!, name: name!, institution: institution! })),
  courses: ["P1", "P2", "P3", "P15", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11", "P12", "P13", "P14", "P14b"].map((p) => ({
    id: `k${p.slice(1)}`,
    name: `Vak ${p}`,
    programme: p,
  })),
  teaches: [
    ["t1", "k1"],
    ["t1b", "k1"],
    ["t2", "k2"],
    ["t3", "k2"],
    ["t4", "k3"],
    ["t5", "k3"],
    ["t6", "k3"],
    ["t15", "k15"],
    ["t7", "k4"],
    ["t8", "k4"],
    ["t9", "k5"],
    ["t10", "k6"],
    ["t11", "k7"],
    ["t12", "k8"],
  ],
  directs: [
    ["dr1", "P1"],
    ["dr7", "P7"],
    ["dr8", "P8"],
  ],
  coordinates: [
    ["co9", "P9"],
    ["co10", "P10"],
  ],
  deans: [["dn2", "HT"]],
  board: [
    ["bm3", "HD"],
    ["bm5", "HF"],
  ],
  ties: [
    { a: "c1", b: "a", strength: 0.8 },
    { a: "a", b: "t1", strength: 0.9 },
    { a: "a", b: "t1b", strength: 0.2 },
    { a: "c1", b: "b", strength: 0.6 },
    { a: "b", b: "t2", strength: 0.7 },
    { a: "c2", b: "t3", strength: 0.9 },
    { a: "c1", b: "d", strength: 0.7 },
    { a: "d", b: "t4", strength: 0.7 },
    { a: "c2", b: "e", strength: 0.7 },
    { a: "e", b: "t5", strength: 0.7 },
    { a: "c1", b: "t6", strength: 0.9 },
    { a: "c1", b: "dn2", strength: 0.9 },
    { a: "c1", b: "f", strength: 0.8 },
    { a: "c2", b: "g", strength: 0.8 },
    { a: "f", b: "hub", strength: 0.8 },
    { a: "g", b: "hub", strength: 0.8 },
    { a: "hub", b: "t7", strength: 0.8 },
    { a: "hub", b: "t8", strength: 0.8 },
    { a: "c1", b: "t9", strength: 0.49 },
    { a: "c1", b: "h1", strength: 0.9 },
    { a: "h1", b: "h2", strength: 0.9 },
    { a: "h2", b: "h3", strength: 0.9 },
    { a: "h3", b: "h4", strength: 0.9 },
    { a: "h4", b: "t10", strength: 0.9 },
    { a: "c1", b: "t11", strength: 0.8 },
    { a: "c2", b: "dr7", strength: 0.5 },
    { a: "c1", b: "t12", strength: 0.8 },
    { a: "c2", b: "dr8", strength: 0.49 },
  ],
  agreements: [
    { id: "ag5", scope: "INSTITUTION", validFrom: "2024-01-01", covers: ["HT"], signedBy: ["dn2"] },
    { id: "ag18", scope: "INSTITUTION", validFrom: "2024-01-01", covers: ["HD"], signedBy: ["bm3"] },
    { id: "ag9", scope: "PROGRAMME", validFrom: "2025-01-01", validTo: "2025-06-30", covers: ["P9"], signedBy: ["co9"] },
    { id: "ag10", scope: "PROGRAMME", validFrom: "2025-01-01", validTo: "2025-06-29", covers: ["P10"], signedBy: ["co10"] },
    { id: "ag11", scope: "COURSE", structural: true, validFrom: "2025-06-30", covers: ["k11"] },
    { id: "ag12", scope: "COURSE", structural: false, validFrom: "2025-01-01", covers: ["k12"] },
    { id: "ag13", scope: "PROGRAMME", validFrom: "2024-09-01", covers: ["P13"] },
    { id: "ag16", scope: "INSTITUTION", validFrom: "2024-01-01", covers: ["HF"], signedBy: ["t11"] },
    { id: "ag17", scope: "INSTITUTION", validFrom: "2025-07-01", covers: ["HF"], signedBy: ["bm5"] },
  ],
  periods: [
    { id: "pA", startDate: "2024-09-01", endDate: "2025-01-31" },
    { id: "pB", startDate: "2025-02-01", endDate: "2025-06-30" },
    { id: "pC", startDate: "2024-02-01", endDate: "2024-06-30" },
    { id: "pD", startDate: "2025-03-01", endDate: "2025-06-30" },
    { id: "pE", startDate: "2024-02-01", endDate: "2024-07-31" },
    { id: "pF", startDate: "2025-01-01", endDate: "2025-06-30" },
    { id: "pG", startDate: "2024-07-01", endDate: "2024-12-31" },
    { id: "pH", startDate: "2025-01-01", endDate: "2025-06-30" },
  ],
  sprints: [
    { id: "s13a", status: "COMPLETED", course: "k13", period: "pA" },
    { id: "s13b", status: "RUNNING", course: "k13", period: "pB" },
    { id: "s13c", status: "COMPLETED", course: "k13", period: "pC", startDate: "2024-03-01" },
    { id: "s13d", status: "CANCELLED", course: "k13", period: "pD" },
    { id: "s14a", status: "COMPLETED", course: "k14", period: "pE", startDate: "2024-06-30" },
    { id: "s14b", status: "COMPLETED", course: "k14", period: "pF", startDate: "2025-01-15" },
    { id: "s14c", status: "COMPLETED", course: "k14b", period: "pG", startDate: "2024-07-01" },
    { id: "s14d", status: "COMPLETED", course: "k14b", period: "pH", startDate: "2025-01-15" },
  ],
  proposals: [
    { id: "pr1", course: "k13", sentAt: "2025-06-01T10:00:00Z", expiresAt: "2025-07-15T00:00:00Z" },
    {
      id: "pr2",
      course: "k13",
      sentAt: "2025-05-01T10:00:00Z",
      expiresAt: "2025-08-01T00:00:00Z",
      answer: "INTERESTED",
      answeredAt: "2025-07-05T09:00:00Z",
    },
    { id: "pr3", course: "k13", sentAt: "2024-06-10T10:00:00Z", expiresAt: "2024-07-10T00:00:00Z" },
    {
      id: "pr4",
      course: "k13",
      sentAt: "2024-06-01T10:00:00Z",
      expiresAt: "2024-08-01T00:00:00Z",
      answer: "NOT_NOW",
      answeredAt: "2024-06-20T09:00:00Z",
    },
  ],
};

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await writeGraph(db, spec);
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

interface EmbeddingOut {
  kind: string;
  name: string;
  threads: number;
  roleHolders: number;
  reachedRoleHolders: number;
  threadPaths: Array<{ people: Array<{ id: string }> }>;
  singlePointsOfFailure: Array<{ person: { id: string; name: string }; whyEn: string; whyNl: string }>;
  level: number;
  levelNameEn: string;
  levelNameNl: string;
  rungs: Array<{ level: number; holds: boolean; reasonEn: string; reasonNl: string }> | null;
  activity: { sprints: number; agreements: number; openProposals: number };
  activityYearEarlier: { sprints: number; agreements: number; openProposals: number };
  trend: { sprints: number; agreements: number; openProposals: number; direction: string };
  programmes: Array<{ id: string; level: number; threads: number; singlePointsOfFailure: number }> | null;
  levelCounts: number[] | null;
  verdict: string | null;
  verdictReasonEn: string | null;
  verdictReasonNl: string | null;
}

const embeddingQuery = `
  query ($programme: ID, $institution: ID, $warmThreshold: Float, $maxHops: Int, $asOf: String) {
    embedding(programme: $programme, institution: $institution, warmThreshold: $warmThreshold, maxHops: $maxHops, asOf: $asOf) {
      kind name threads roleHolders reachedRoleHolders
      threadPaths { people { id } }
      singlePointsOfFailure { person { id name } whyEn whyNl }
      level levelNameEn levelNameNl
      activity { sprints agreements openProposals }
      activityYearEarlier { sprints agreements openProposals }
      trend { sprints agreements openProposals direction }
      ... on ProgrammeEmbedding { rungs { level holds reasonEn reasonNl } }
      ... on InstitutionEmbedding {
        programmes { id level threads singlePointsOfFailure }
        levelCounts verdict verdictReasonEn verdictReasonNl
      }
    }
  }`;

async function embedding(variables: Record<string, unknown>): Promise<EmbeddingOut> {
  const result = await server.graphql<{ embedding: EmbeddingOut }>(embeddingQuery, { asOf, ...variables });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.embedding;
}

describe("threads and single points of failure", () => {
  it("one route: one thread, and each person on it is a single point of failure with a why", async () => {
    const e = await embedding({ programme: "P1" });
    expect(e.threads).toBe(1);
    expect(e.roleHolders).toBe(3);
    expect(e.reachedRoleHolders).toBe(1);
    expect(e.threadPaths.map((t) => t.people.map((p) => p.id))).toEqual([["c1", "a", "t1"]]);
    expect(e.singlePointsOfFailure.map((s) => s.person.id)).toEqual(["a", "t1"]);
    expect(e.singlePointsOfFailure[0]!.whyEn).toBe(
      "Every warm route from the workspace into Eén Route runs through Anna Kok, who links us to Bram de Wit (teacher, Eén Route, HE).",
    );
    expect(e.singlePointsOfFailure[1]!.whyEn).toBe(
      "Bram de Wit (teacher, Eén Route, HE) is the only person at Eén Route we reach warmly; if they leave, the link is gone.",
    );
    expect(e.singlePointsOfFailure[1]!.whyNl).toBe(
      "Bram de Wit (docent, Eén Route, HE) is de enige bij Eén Route die we warm bereiken; valt die weg, dan is de verbinding weg.",
    );
    expect([e.level, e.levelNameEn, e.levelNameNl]).toEqual([1, "single teacher", "één docent"]);
  });

  it("two and three disjoint routes: as many threads, no single point of failure", async () => {
    const two = await embedding({ programme: "P2" });
    expect([two.threads, two.singlePointsOfFailure.length, two.level]).toEqual([2, 0, 2]);
    const three = await embedding({ programme: "P3" });
    // Level 5, not 2: HT's dean signed an institution-level agreement, which lifts every HT programme.
    expect([three.threads, three.singlePointsOfFailure.length, three.level]).toEqual([3, 0, 5]);
    expect(three.threadPaths.map((t) => t.people.map((p) => p.id))).toEqual([
      ["c1", "t6"],
      ["c1", "d", "t4"],
      ["c2", "e", "t5"],
    ]);
  });

  it("two routes through one shared person: one thread, that person the single point of failure", async () => {
    const e = await embedding({ programme: "P4" });
    expect(e.threads).toBe(1);
    expect(e.reachedRoleHolders).toBe(2);
    expect(e.singlePointsOfFailure.map((s) => s.person.id)).toEqual(["hub"]);
    expect(e.singlePointsOfFailure[0]!.whyNl).toMatch(
      /^Elke warme route van de werkplaats naar Gedeelde Spil loopt via Hanna Hub, die ons verbindt met /,
    );
  });

  it("counts only warm ties (the threshold included) within the hop limit", async () => {
    expect((await embedding({ programme: "P5" })).threads).toBe(0);
    expect((await embedding({ programme: "P5", warmThreshold: 0.49 })).threads).toBe(1);
    const far = await embedding({ programme: "P6" });
    expect([far.threads, far.level]).toEqual([0, 0]);
    expect(far.rungs![0]!.reasonEn).toBe("No warm path from the workspace into Ver Weg within 4 ties of strength ≥ 0.5.");
    expect((await embedding({ programme: "P6", maxHops: 5 })).threads).toBe(1);
  });
});

describe("the ladder, rung by rung", () => {
  const levelOf = async (programme: string) => (await embedding({ programme })).level;

  it("rung 3: a director's warm tie (0.5 holds, 0.49 does not) or a signed active agreement (validTo inclusive)", async () => {
    const warm = await embedding({ programme: "P7" });
    expect(warm.level).toBe(3);
    expect(warm.rungs![3]).toMatchObject({
      holds: true,
      reasonEn: "Dora Zeven (coordinator or director) has a warm tie to the workspace.",
    });
    expect(await levelOf("P8")).toBe(1);
    const signed = await embedding({ programme: "P9" });
    expect([signed.threads, signed.level]).toEqual([0, 3]);
    expect(signed.rungs![3]!.reasonEn).toBe("Cor Negen signed an active agreement for Getekend.");
    expect(await levelOf("P10")).toBe(0);
  });

  it("rung 4: a structural agreement on a course (from asOf on), or sprints in two teaching periods within 12 months", async () => {
    expect(await levelOf("P11")).toBe(4);
    expect(await levelOf("P12")).toBe(0);
    const periods = await embedding({ programme: "P13" });
    expect(periods.level).toBe(4);
    expect(periods.rungs![4]!.reasonEn).toBe("Sprints ran in 2 teaching periods in the 12 months up to 2025-06-30.");
    // A sprint that started exactly a year before asOf is outside the window; a day later is inside.
    expect(await levelOf("P14")).toBe(0);
    expect(await levelOf("P14b")).toBe(4);
    // The day before the structural agreement starts, rung 4 does not hold yet.
    expect((await embedding({ programme: "P11", asOf: "2025-06-29" })).level).toBe(0);
  });

  it("rung 5: an active institution-level agreement signed by a dean or board member", async () => {
    expect(await levelOf("P15")).toBe(5);
    expect(await levelOf("P4")).toBe(5);
    // HF's institution agreements: one signed by a teacher, one not yet active.
    const p7 = await embedding({ programme: "P7" });
    expect(p7.rungs![5]!.holds).toBe(false);
    expect((await embedding({ programme: "P4", asOf: "2023-12-31" })).level).toBe(1);
  });

  it("lists every rung with whether it holds", async () => {
    const e = await embedding({ programme: "P2" });
    expect(e.rungs!.map((r) => r.holds)).toEqual([true, true, true, false, false, false]);
    expect(e.rungs![2]!.reasonNl).toBe("2 draden die buiten de werkplaats niemand delen.");
  });
});

describe("activity and trend", () => {
  it("counts sprints, active agreements and open proposals now and a year earlier", async () => {
    const e = await embedding({ programme: "P13" });
    expect(e.activity).toEqual({ sprints: 2, agreements: 1, openProposals: 2 });
    expect(e.activityYearEarlier).toEqual({ sprints: 1, agreements: 0, openProposals: 1 });
    expect(e.trend).toEqual({ sprints: 1, agreements: 1, openProposals: 1, direction: "UP" });
    const flat = await embedding({ programme: "P1" });
    expect(flat.trend.direction).toBe("FLAT");
  });
});

describe("institutions: roll-up and verdict", () => {
  it("AMBER with several threads but nothing above teacher level", async () => {
    const e = await embedding({ institution: "HE" });
    expect(e.kind).toBe("INSTITUTION");
    expect(e.threads).toBe(3);
    expect(e.programmes).toEqual([
      { id: "P1", level: 1, threads: 1, singlePointsOfFailure: 2 },
      { id: "P2", level: 2, threads: 2, singlePointsOfFailure: 0 },
    ]);
    expect(e.levelCounts).toEqual([0, 1, 1, 0, 0, 0]);
    expect(e.level).toBe(2);
    expect(e.verdict).toBe("AMBER");
    expect(e.verdictReasonEn).toBe(
      "3 threads into Hogeschool Een, but no programme gets beyond level 2 (several teachers): nothing above teacher level yet.",
    );
  });

  it("GREEN with threads into deans and teachers, a green programme, enough reach and no single-thread programme", async () => {
    const e = await embedding({ institution: "HT" });
    expect([e.threads, e.level, e.verdict]).toEqual([4, 5, "GREEN"]);
    expect(e.verdictReasonNl).toBe(
      "Stevig ingebed: 4 draden naar Hogeschool Twee, 4 van 5 rolhouders bereikt, 1 opleiding groen; 0 van 1 opleidingen die we bereiken hangen aan één draad.",
    );
  });

  it("AMBER when it hangs on one person, naming the single point of failure", async () => {
    const e = await embedding({ institution: "HD" });
    expect([e.threads, e.verdict]).toEqual([1, "AMBER"]);
    expect(e.singlePointsOfFailure.map((s) => s.person.id)).toEqual(["hub"]);
    expect(e.verdictReasonEn).toBe("Hogeschool Drie hangs on one person: Hanna Hub.");
  });

  it("RED with no warm route and no programme above level 2", async () => {
    const e = await embedding({ institution: "HV" });
    expect([e.threads, e.level, e.verdict]).toEqual([0, 0, "RED"]);
  });
});

describe("errors", () => {
  it("refuses unknown ids, both or neither of programme and institution, and bad settings", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ programme: "nope" }, "NOT_FOUND", "programme"],
      [{ institution: "nope" }, "NOT_FOUND", "institution"],
      [{}, "BAD_USER_INPUT", "programme"],
      [{ programme: "P1", institution: "HE" }, "BAD_USER_INPUT", "institution"],
      [{ programme: "P1", warmThreshold: 1.2 }, "BAD_USER_INPUT", "warmThreshold"],
      [{ programme: "P1", maxHops: 9 }, "BAD_USER_INPUT", "maxHops"],
      [{ programme: "P1", asOf: "2025-02-30" }, "BAD_USER_INPUT", "asOf"],
    ];
    for (const [variables, code, field] of cases) {
      const result = await server.graphql(embeddingQuery, { asOf, ...variables });
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code, field });
    }
  });
});

describe("ranking from stored figures", () => {
  const rankingQuery = `
    query ($kind: EmbeddingKind, $institution: ID, $minLevel: Int, $verdict: EmbeddingVerdict, $sortBy: EmbeddingSortField, $descending: Boolean, $limit: Int, $offset: Int) {
      embeddingRanking(kind: $kind, institution: $institution, minLevel: $minLevel, verdict: $verdict, sortBy: $sortBy, descending: $descending, limit: $limit, offset: $offset) {
        asOf refreshedAt total
        entries { kind id name level threads singlePointsOfFailure verdict activity { sprints } trendChange }
      }
    }`;
  type Ranking = {
    asOf: string;
    refreshedAt: string;
    total: number;
    entries: Array<{
      kind: string;
      id: string;
      name: string;
      level: number;
      threads: number;
      singlePointsOfFailure: number;
      verdict: string | null;
    }>;
  };
  const ranking = async (variables: Record<string, unknown>) => {
    const result = await server.graphql<{ embeddingRanking: Ranking }>(rankingQuery, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.embeddingRanking;
  };

  it("computes the figures on first use, and a refresh stores them as of a date", async () => {
    await db.write("MATCH (s:EmbeddingSnapshot) DETACH DELETE s");
    const first = await ranking({ kind: "PROGRAMME", limit: 1 });
    expect(first.total).toBe(16);
    expect(first.refreshedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const refreshed = await server.graphql<{ refreshEmbedding: { programmes: number; institutions: number; asOf: string } }>(
      `mutation { refreshEmbedding(asOf: "${asOf}") { programmes institutions asOf } }`,
    );
    expect(refreshed.data?.refreshEmbedding).toEqual({ programmes: 16, institutions: 5, asOf });
    const stored = await db.read(
      `MATCH (s:EmbeddingSnapshot {workspaceId: 'ws'})-[:SNAPSHOT_OF]->(o)
       RETURN s.kind AS kind, count(*) AS n, collect(DISTINCT toString(s.asOf)) AS dates ORDER BY kind`,
    );
    expect(stored).toEqual([
      { kind: "INSTITUTION", n: 5, dates: [asOf] },
      { kind: "PROGRAMME", n: 16, dates: [asOf] },
    ]);
  });

  it("agrees with the live figures, sorted by level and then by name", async () => {
    const all = await ranking({ kind: "PROGRAMME", limit: 100 });
    expect(all.asOf).toBe(asOf);
    for (const entry of all.entries) {
      const live = await embedding({ programme: entry.id });
      expect([entry.level, entry.threads], entry.id).toEqual([live.level, live.threads]);
    }
    // Level 5 (Bestuur, Drie Routes, Gedeelde Spil), then level 4 by name.
    expect(all.entries.slice(0, 5).map((e) => e.id)).toEqual(["P15", "P3", "P4", "P14b", "P11"]);
    const levels = all.entries.map((e) => e.level);
    expect(levels).toEqual([...levels].sort((x, y) => y - x));
  });

  it("filters by kind, institution, level and verdict, sorts by any figure, and pages", async () => {
    const institutions = await ranking({ kind: "INSTITUTION", sortBy: "NAME", descending: false });
    // By name: Drie, Een, Twee, Vier, Vijf. HF has three threads (t11, dr7, t12) and P11 at level 4: GREEN.
    expect(institutions.entries.map((e) => [e.id, e.verdict])).toEqual([
      ["HD", "AMBER"],
      ["HE", "AMBER"],
      ["HT", "GREEN"],
      ["HV", "RED"],
      ["HF", "GREEN"],
    ]);
    expect((await ranking({ kind: "INSTITUTION", verdict: "RED" })).entries.map((e) => e.id)).toEqual(["HV"]);
    // Programmes have verdicts too: one thread is never green (P1, P8: red at level 1).
    const red = (await ranking({ kind: "PROGRAMME", verdict: "RED" })).entries.map((e) => e.id);
    expect(red).toEqual(expect.arrayContaining(["P1", "P8"]));
    const he = await ranking({ institution: "HE", sortBy: "THREADS" });
    expect(he.entries.map((e) => `${e.kind}:${e.id}:${e.threads}`)).toEqual([
      "INSTITUTION:HE:3",
      "PROGRAMME:P2:2",
      "PROGRAMME:P1:1",
    ]);
    const paged = await ranking({ kind: "PROGRAMME", minLevel: 4, sortBy: "NAME", descending: false, limit: 2, offset: 1 });
    expect(paged.total).toBe(6);
    expect(paged.entries.map((e) => e.name)).toEqual(["Drie Routes", "Gedeelde Spil"]);
    const spof = await ranking({ kind: "PROGRAMME", sortBy: "SINGLE_POINTS_OF_FAILURE", limit: 2 });
    // P8 (Directeur Lauw) and P4 (Gedeelde Spil) both hang on one person: by name.
    expect(spof.entries.map((e) => [e.id, e.singlePointsOfFailure])).toEqual([
      ["P1", 2],
      ["P8", 1],
    ]);
  });
});

describe("next best contacts", () => {
  const nextQuery = `
    query ($programme: ID, $institution: ID, $limit: Int) {
      nextBestContacts(programme: $programme, institution: $institution, limit: $limit, asOf: "${asOf}") {
        person { id name }
        threadsBefore threadsAfter levelBefore levelAfter gainThreads gainLevel programmeId reasonEn reasonNl
        bestPath { score hops explanationEn steps { person { id } } }
      }
    }`;
  type Next = {
    person: { id: string };
    threadsBefore: number;
    threadsAfter: number;
    levelBefore: number;
    levelAfter: number;
    gainThreads: number;
    gainLevel: number;
    programmeId: string | null;
    reasonEn: string;
    reasonNl: string;
    bestPath: { score: number; hops: number; explanationEn: string; steps: Array<{ person: { id: string } }> } | null;
  };
  const next = async (variables: Record<string, unknown>) => {
    const result = await server.graphql<{ nextBestContacts: Next[] }>(nextQuery, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.nextBestContacts;
  };

  it("on a programme that hangs on one teacher: the director first (level 1 → 3), then a second teacher", async () => {
    const found = await next({ programme: "P1" });
    expect(found.map((c) => [c.person.id, c.threadsBefore, c.threadsAfter, c.levelBefore, c.levelAfter])).toEqual([
      ["dr1", 1, 2, 1, 3],
      ["t1b", 1, 2, 1, 2],
    ]);
    expect(found[0]!.reasonEn).toBe(
      "Director at Eén Route, HE: a warm tie would lift Eén Route from level 1 (single teacher) to level 3 (programme management) and add a thread (1 → 2).",
    );
    expect(found[0]!.reasonNl).toBe(
      "Opleidingsdirecteur bij Eén Route, HE: een warme band zou Eén Route van niveau 1 (één docent) naar niveau 3 (opleidingsmanagement) tillen en een draad toevoegen (1 → 2).",
    );
    // No path at all to the director; the second teacher through Anna's cold tie (0.8 · 0.2).
    expect(found[0]!.bestPath).toBeNull();
    expect(found[1]!.bestPath?.steps.map((s) => s.person.id)).toEqual(["c1", "a", "t1b"]);
    expect(found[1]!.bestPath?.score).toBeCloseTo(0.16, 12);
  });

  it("on an institution: by gain, then by the warmest path, then by name; limit cuts the list", async () => {
    const all = await next({ institution: "HD" });
    expect(all.map((c) => [c.person.id, c.gainThreads, c.gainLevel, c.programmeId])).toEqual([
      ["t8", 1, 0, "P4"],
      ["t7", 1, 0, "P4"],
      ["bm3", 1, 0, null],
    ]);
    expect(all[0]!.reasonEn).toBe("Teacher at Gedeelde Spil, HD: a warm tie would add a thread (1 → 2).");
    expect(all[0]!.bestPath?.steps.map((s) => s.person.id)).toEqual(["c1", "f", "hub", "t8"]);
    expect((await next({ institution: "HD", limit: 2 })).map((c) => c.person.id)).toEqual(["t8", "t7"]);
  });

  it("lists no one where no engagement would add anything", async () => {
    // P3 has three threads and level 5 (board); a tie to a teacher already reached adds nothing.
    expect(await next({ programme: "P3" })).toEqual([]);
  });

  it("refuses a missing target and a bad limit", async () => {
    const neither = await server.graphql(nextQuery, {});
    expect(neither.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "programme" });
    const limit = await server.graphql(nextQuery, { programme: "P1", limit: 0 });
    expect(limit.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
  });
});
