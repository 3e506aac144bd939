import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { peopleNamed, writeGraph } from "./network-fixtures.js";

let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = await connectTestDatabase();
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

interface PathOut {
  score: number;
  hops: number;
  explanationEn: string;
  explanationNl: string;
  steps: Array<{
    person: {
      id: string;
      name: string;
      organisation: string | null;
      roles: Array<{ kind: string; labelEn: string; organisation: string }>;
    };
    tie: { strength: number; channel: string | null; since: string | null; lastContact: string | null; manual: boolean } | null;
  }>;
}

const warmPathsQuery = `
  query ($to: ID!, $from: [ID!], $k: Int, $maxHops: Int, $minStrength: Float, $avoid: [ID!], $workspace: ID) {
    warmPaths(to: $to, from: $from, k: $k, maxHops: $maxHops, minStrength: $minStrength, avoid: $avoid, workspace: $workspace) {
      score hops explanationEn explanationNl
      steps {
        person { id name organisation roles { kind labelEn organisation } }
        tie { strength channel since lastContact manual }
      }
    }
  }`;

async function warmPaths(variables: Record<string, unknown>) {
  const result = await server.graphql<{ warmPaths: PathOut[] }>(warmPathsQuery, variables);
  return result;
}

/** Each path as "c1>a>t1" with its score rounded for reading. */
async function routes(variables: Record<string, unknown>): Promise<Array<[string, number]>> {
  const result = await warmPaths(variables);
  expect(result.errors).toBeUndefined();
  return (result.data?.warmPaths ?? []).map((p) => [p.steps.map((s) => s.person.id).join(">"), Number(p.score.toFixed(6))]);
}

describe("warmPaths on a hand-built network", () => {
  beforeAll(async () => {
    await resetGraph(db);
    await writeGraph(db, {
      people: [
        { id: "c1", name: "Sanne Visser" },
        { id: "c2", name: "Karim Amrani" },
        { id: "a", name: "Anna Kok" },
        { id: "b", name: "Bas Mol" },
        { id: "x", name: "Xander Ruis" },
        { id: "y", name: "Yara Vos" },
        { id: "z", name: "Zoe Lam" },
        { id: "t1", name: "Bram de Wit" },
        { id: "t2", name: "Eva Jansen" },
        { id: "d1", name: "Mila Bos" },
        { id: "dean", name: "Joost Smit" },
        { id: "far", name: "Fenna Ver" },
      ],
      workspace: { id: "ws", name: "Digitale Werkplaats", coordinators: ["c1", "c2"] },
      institutions: [{ id: "i1", name: "Hogeschool van Amsterdam", shortName: "HvA" }],
      programmes: [{ id: "g1", name: "Data Science", institution: "i1" }],
      courses: [
        { id: "k1", name: "Data Sprint", programme: "g1" },
        { id: "k2", name: "Dashboards", programme: "g1" },
      ],
      teaches: [
        ["t1", "k1"],
        ["t2", "k2"],
      ],
      directs: [["d1", "g1"]],
      deans: [["dean", "i1"]],
      ties: [
        { a: "c1", b: "a", strength: 0.9, channel: "COLLEAGUE", since: "2021-03-01" },
        { a: "a", b: "t1", strength: 0.8, channel: "WARM_INTRODUCTION", since: "2023-05-01", lastContact: "2025-01-10" },
        { a: "c2", b: "b", strength: 0.6 },
        { a: "t1", b: "b", strength: 0.9 },
        { a: "c1", b: "x", strength: 0.5 },
        { a: "x", b: "y", strength: 0.5 },
        { a: "y", b: "t1", strength: 1.0 },
        { a: "c2", b: "t2", strength: 0.4 },
        { a: "t2", b: "t1", strength: 0.95 },
        { a: "c1", b: "c2", strength: 1.0 },
        { a: "d1", b: "z", strength: 0.7 },
        { a: "z", b: "c1", strength: 0.7 },
        { a: "dean", b: "a", strength: 0.5 },
      ],
    });
  });

  it("ranks by the product of strengths and returns the k best, with steps and ties", async () => {
    expect(await routes({ to: "t1" })).toEqual([
      ["c1>a>t1", 0.72],
      ["c2>b>t1", 0.54],
      ["c2>t2>t1", 0.38],
    ]);
    // k larger than the number of paths: every simple path within 4 hops, none through a second coordinator.
    expect(await routes({ to: "t1", k: 10 })).toEqual([
      ["c1>a>t1", 0.72],
      ["c2>b>t1", 0.54],
      ["c2>t2>t1", 0.38],
      ["c1>x>y>t1", 0.25],
    ]);
    const best = (await warmPaths({ to: "t1", k: 1 })).data!.warmPaths[0]!;
    expect(best.hops).toBe(2);
    expect(best.steps[0]!.tie).toBeNull();
    expect(best.steps[1]!.tie).toEqual({
      strength: 0.9,
      channel: "COLLEAGUE",
      since: "2021-03-01",
      lastContact: null,
      manual: false,
    });
    expect(best.steps[2]!.tie).toMatchObject({ strength: 0.8, channel: "WARM_INTRODUCTION", lastContact: "2025-01-10" });
    expect(best.steps[2]!.person).toMatchObject({
      name: "Bram de Wit",
      organisation: "Data Science, HvA",
      roles: [{ kind: "TEACHER", labelEn: "teacher", organisation: "Data Science, HvA" }],
    });
  });

  it("explains a path in one sentence, in English and Dutch", async () => {
    const best = (await warmPaths({ to: "g1", k: 1 })).data!.warmPaths[0]!;
    expect(best.explanationEn).toBe(
      "Sanne knows Anna Kok as a colleague since 2021; Anna knows Bram de Wit (teacher, Data Science, HvA) through an introduction since 2023.",
    );
    expect(best.explanationNl).toBe(
      "Sanne kent Anna Kok als collega sinds 2021; Anna kent Bram de Wit (docent, Data Science, HvA) via een introductie sinds 2023.",
    );
  });

  it("passes through a second starting person only when that person is not a starting person", async () => {
    expect(await routes({ to: "t1", from: ["c1"], k: 10 })).toEqual([
      ["c1>a>t1", 0.72],
      ["c1>c2>b>t1", 0.54],
      ["c1>c2>t2>t1", 0.38],
      ["c1>x>y>t1", 0.25],
    ]);
  });

  it("skips the people in avoid", async () => {
    expect(await routes({ to: "t1", avoid: ["a"], k: 10 })).toEqual([
      ["c2>b>t1", 0.54],
      ["c2>t2>t1", 0.38],
      ["c1>x>y>t1", 0.25],
    ]);
    expect(await routes({ to: "t1", avoid: ["a", "b", "t2", "y"] })).toEqual([]);
  });

  it("uses only ties at least minStrength strong (the boundary included)", async () => {
    expect(await routes({ to: "t1", minStrength: 0.6, k: 10 })).toEqual([
      ["c1>a>t1", 0.72],
      ["c2>b>t1", 0.54],
    ]);
    expect(await routes({ to: "t1", minStrength: 0.61, k: 10 })).toEqual([["c1>a>t1", 0.72]]);
  });

  it("keeps to maxHops", async () => {
    expect(await routes({ to: "t1", maxHops: 2, k: 10 })).toHaveLength(3);
    expect(await routes({ to: "t1", maxHops: 1, k: 10 })).toEqual([]);
    expect(await routes({ to: "k2", maxHops: 3, k: 10 })).toEqual([
      ["c1>a>t1>t2", 0.684],
      ["c2>b>t1>t2", 0.513],
      ["c2>t2", 0.4],
    ]);
  });

  it("answers an unreachable target with an empty list", async () => {
    expect(await routes({ to: "far" })).toEqual([]);
  });

  it("targets everyone with a role at a course, programme or institution, never passing one target to reach another", async () => {
    // Course k2: its teacher t2 only, so t1 may be passed through.
    expect(await routes({ to: "k2", k: 10 })).toEqual([
      ["c1>a>t1>t2", 0.684],
      ["c2>b>t1>t2", 0.513],
      ["c2>t2", 0.4],
      ["c1>x>y>t1>t2", 0.2375],
    ]);
    // Programme g1: teachers t1, t2 and director d1; c2>t2>t1 is cut at t2.
    expect(await routes({ to: "g1", k: 10 })).toEqual([
      ["c1>a>t1", 0.72],
      ["c2>b>t1", 0.54],
      ["c1>z>d1", 0.49],
      ["c2>t2", 0.4],
      ["c1>x>y>t1", 0.25],
    ]);
    // Institution i1: the programme's roles and its dean.
    const institution = await warmPaths({ to: "i1", k: 10 });
    expect(institution.data!.warmPaths.map((p) => p.steps.at(-1)!.person.id)).toEqual(["t1", "t1", "d1", "dean", "t2", "t1"]);
    const dean = institution.data!.warmPaths[3]!;
    expect(dean.steps.at(-1)!.person.roles[0]).toMatchObject({ kind: "DEAN", organisation: "HvA" });
    expect(dean.explanationEn).toBe(
      "Sanne knows Anna Kok as a colleague since 2021; Anna knows Joost Smit (dean, HvA) as a colleague.",
    );
  });

  it("refuses bad parameters and unknown ids with a code and the field", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ to: "nobody" }, "NOT_FOUND", "to"],
      [{ to: "t1", from: ["c1", "ghost"] }, "NOT_FOUND", "from"],
      [{ to: "t1", avoid: ["ghost"] }, "NOT_FOUND", "avoid"],
      [{ to: "t1", workspace: "nope" }, "NOT_FOUND", "workspace"],
      [{ to: "t1", k: 0 }, "BAD_USER_INPUT", "k"],
      [{ to: "t1", maxHops: 0 }, "BAD_USER_INPUT", "maxHops"],
      [{ to: "t1", maxHops: 7 }, "BAD_USER_INPUT", "maxHops"],
      [{ to: "t1", minStrength: -0.1 }, "BAD_USER_INPUT", "minStrength"],
      [{ to: "t1", minStrength: 1.5 }, "BAD_USER_INPUT", "minStrength"],
      [{ to: "t1", from: [] }, "BAD_USER_INPUT", "from"],
    ];
    for (const [variables, code, field] of cases) {
      const result = await warmPaths(variables);
      expect(result.data?.warmPaths ?? null, JSON.stringify(variables)).toBeNull();
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code, field });
      expect(result.errors?.[0]?.message.length).toBeGreaterThan(10);
    }
  });
});

describe("warmPaths tie-breaking and cycles", () => {
  beforeAll(async () => {
    await resetGraph(db);
    await writeGraph(db, {
      people: peopleNamed("s1", "p", "q", "ra", "rb", "ua", "ub", "t", "s2", "m", "n", "o", "t9"),
      ties: [
        { a: "s1", b: "p", strength: 0.5 },
        { a: "p", b: "t", strength: 0.8 },
        { a: "s1", b: "q", strength: 0.8 },
        { a: "q", b: "t", strength: 0.5 },
        { a: "s1", b: "t", strength: 0.4 },
        // 0.1·0.2·0.3 = 0.006000000000000001 and 0.3·0.2·0.1 = 0.006 in floating point: equal scores.
        { a: "s1", b: "ua", strength: 0.1 },
        { a: "ua", b: "ub", strength: 0.2 },
        { a: "ub", b: "t", strength: 0.3 },
        { a: "s1", b: "ra", strength: 0.3 },
        { a: "ra", b: "rb", strength: 0.2 },
        { a: "rb", b: "t", strength: 0.1 },
        // A triangle m–n–o between s2 and t9: the paths may not go round it.
        { a: "s2", b: "m", strength: 0.9 },
        { a: "m", b: "n", strength: 0.9 },
        { a: "n", b: "o", strength: 0.9 },
        { a: "o", b: "m", strength: 0.9 },
        { a: "o", b: "t9", strength: 0.9 },
      ],
    });
  });

  it("breaks equal scores by fewer hops, then by the sequence of person ids", async () => {
    expect(await routes({ to: "t", from: ["s1"], k: 10 })).toEqual([
      ["s1>t", 0.4],
      ["s1>p>t", 0.4],
      ["s1>q>t", 0.4],
      ["s1>ra>rb>t", 0.006],
      ["s1>ua>ub>t", 0.006],
    ]);
    // The same ranking cut at k.
    expect(await routes({ to: "t", from: ["s1"], k: 2 })).toEqual([
      ["s1>t", 0.4],
      ["s1>p>t", 0.4],
    ]);
  });

  it("returns only simple paths in a graph with cycles", async () => {
    expect(await routes({ to: "t9", from: ["s2"], k: 10, maxHops: 6 })).toEqual([
      ["s2>m>o>t9", 0.729],
      ["s2>m>n>o>t9", 0.6561],
    ]);
  });
});

describe("warmPaths and the workspace", () => {
  it("asks which workspace when there are several and from is left out", async () => {
    await resetGraph(db);
    await writeGraph(db, {
      people: peopleNamed("c1", "c9", "t"),
      workspace: { id: "w1", name: "One", coordinators: ["c1"] },
      ties: [
        { a: "c1", b: "t", strength: 0.7 },
        { a: "c9", b: "t", strength: 0.9 },
      ],
    });
    await db.write(
      "CREATE (w:Workspace {id: 'w2', name: 'Two'}) WITH w MATCH (p:Person {id: 'c9'}) CREATE (p)-[:COORDINATOR_OF]->(w)",
    );
    const result = await warmPaths({ to: "t" });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "workspace" });
    expect(await routes({ to: "t", workspace: "w2" })).toEqual([["c9>t", 0.9]]);
    expect(await routes({ to: "t", workspace: "w1" })).toEqual([["c1>t", 0.7]]);
  });
});
