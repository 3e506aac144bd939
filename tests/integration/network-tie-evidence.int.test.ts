import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { todayIso } from "../../server/platform/clock/read-clock.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { signedInAs } from "./cases-graph-fixtures.js";
import { writeGraph } from "./network-fixtures.js";

/**
 * Issue #14 parts 1, 2 and 6 against the real Neo4j, each rule at its boundaries
 * (docs/network-analytics.md, "Tie strength" and "the warm threshold"): strength from evidence —
 * answers build a tie, unanswered attempts and refusals do not; a warm introduction starts the tie
 * from the introducer's ties and the path says who introduced; one warm threshold per workspace,
 * set by a validated mutation and used by the embedding; warmPaths from me; each coordinator's own
 * tie to a person. Own ids (ownScope), so it runs beside the other files.
 */
let db: Database;
let scope: OwnScope;
let server: TestServer;
let id: (name: string) => string;

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  id = scope.id;
  const person = (name: string, full: string) => ({ id: id(name), name: full });
  await writeGraph(db, {
    workspace: { id: id("ws"), name: "Werkplaats", coordinators: [id("sanne"), id("youssef")] },
    people: [
      person("sanne", "Sanne Vos"),
      person("youssef", "Youssef Amrani"),
      person("anna", "Anna Kok"),
      person("bram", "Bram de Wit"),
      person("carla", "Carla Dijk"),
      person("dirk", "Dirk Mol"),
      person("eva", "Eva Smit"),
      person("fenna", "Fenna Bos"),
      person("gijs", "Gijs Baas"),
      person("hugo", "Hugo Ros"),
      person("iris", "Iris Wolf"),
    ],
    institutions: [{ id: id("hva"), name: "Hogeschool", shortName: "HvA" }],
    programmes: [{ id: id("ds"), name: "Data Science", institution: id("hva") }],
    courses: [{ id: id("ml"), name: "Machine learning", programme: id("ds") }],
    teaches: [[id("gijs"), id("ml")]],
    ties: [
      // Anna, a colleague of Sanne's, knows Bram (a teacher) and Carla; Youssef knows Carla weakly.
      { a: id("sanne"), b: id("anna"), strength: 0.9, channel: "COLLEAGUE", since: "2021-03-01" },
      { a: id("anna"), b: id("bram"), strength: 0.7, channel: "COLLEAGUE", since: "2019-09-01" },
      { a: id("anna"), b: id("carla"), strength: 0.95, channel: "COLLEAGUE", since: "2018-09-01" },
      { a: id("sanne"), b: id("youssef"), strength: 0.95, channel: "COLLEAGUE", since: "2024-02-01" },
      { a: id("sanne"), b: id("dirk"), strength: 0.3, channel: "EVENT", since: "2024-05-01" },
      // The teacher of the programme, known to Youssef at exactly 0.6.
      { a: id("youssef"), b: id("gijs"), strength: 0.6, channel: "SPRINT", since: "2024-09-01", manual: true },
    ],
  });
  server = await startTestServer(db);
});

afterAll(async () => {
  await scope?.clean();
  await server?.http.close();
  await db?.close();
});

const LOG = `
  mutation ($by: ID!, $with: ID!, $date: String!, $channel: InteractionChannel!, $result: InteractionResult, $introducedBy: ID) {
    logInteraction(by: $by, with: $with, date: $date, channel: $channel, result: $result, introducedBy: $introducedBy) {
      interaction { id introducedBy { id name } }
      tie { created strength previousStrength baseStrength evidence interactions lastContact introducedBy }
    }
  }`;

interface Tie {
  created: boolean;
  strength: number;
  previousStrength: number | null;
  baseStrength: number;
  evidence: number;
  interactions: number;
  lastContact: string;
  introducedBy: string | null;
}

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

async function log(
  variables: Record<string, unknown>,
): Promise<{ tie: Tie; interaction: { introducedBy: { id: string } | null } }> {
  const result = await server.graphql<{ logInteraction: { tie: Tie; interaction: { introducedBy: { id: string } | null } } }>(
    LOG,
    { date: todayIso(), ...variables },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.logInteraction;
}

async function refused(query: string, variables: Record<string, unknown>, as: TestServer = server): Promise<Errors[number]> {
  const result = await as.graphql(query, variables);
  expect(result.errors, "expected a refusal").toBeDefined();
  return result.errors![0]!;
}

function daysAgo(days: number): string {
  return new Date(Date.parse(`${todayIso()}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

describe("tie strength from evidence, not activity", () => {
  it("leaves a stranger below the warm threshold after three unanswered LinkedIn messages", async () => {
    const attempts = [];
    for (const days of [20, 10, 0])
      attempts.push(
        await log({ by: id("sanne"), with: id("eva"), date: daysAgo(days), channel: "LINKEDIN", result: "NO_REPLY" }),
      );
    // The attempts are recorded (a tie at the minimum, lastContact moved), but they weigh nothing.
    expect(attempts.map((a) => a.tie.strength)).toEqual([0.01, 0.01, 0.01]);
    expect(attempts[2]!.tie).toMatchObject({ baseStrength: 0, evidence: 0, interactions: 3, lastContact: todayIso() });
    expect(attempts[2]!.tie.strength).toBeLessThan(0.5);
  });

  it("builds the tie from the first answer: the same formula, now with weight 1", async () => {
    const answered = await log({ by: id("eva"), with: id("sanne"), channel: "EMAIL", result: "REPLIED" });
    // Three attempts (0) and one fresh answer (1): 1 − e^(−1/2) = 0.393, still not warm; a meeting makes it warm.
    expect(answered.tie).toMatchObject({ strength: 0.393, previousStrength: 0.01, evidence: 1, interactions: 4 });
    const met = await log({ by: id("sanne"), with: id("eva"), channel: "MEETING" });
    expect(met.tie.strength).toBe(0.632);
  });

  it("does not build a tie on a refusal: NOT_NOW and DECLINED leave it at its base", async () => {
    const notNow = await log({ by: id("sanne"), with: id("dirk"), channel: "EMAIL", result: "NOT_NOW" });
    expect(notNow.tie).toMatchObject({ strength: 0.3, previousStrength: 0.3, baseStrength: 0.3, evidence: 0 });
    const declined = await log({ by: id("sanne"), with: id("dirk"), channel: "MEETING", result: "DECLINED" });
    expect(declined.tie).toMatchObject({ strength: 0.3, evidence: 0 });
    // A message without a result is an attempt; a call without one is a conversation.
    expect((await log({ by: id("sanne"), with: id("dirk"), channel: "EMAIL" })).tie.strength).toBe(0.3);
    // 1 − 0.7·e^(−1/2) = 0.575
    expect((await log({ by: id("sanne"), with: id("dirk"), channel: "PHONE" })).tie.strength).toBe(0.575);
  });
});

describe("a warm introduction", () => {
  it("starts the new tie from the product of the introducer's ties, names the introducer, and the path says so", async () => {
    const introduced = await log({
      by: id("sanne"),
      with: id("bram"),
      channel: "WARM_INTRODUCTION",
      introducedBy: id("anna"),
    });
    // Anna knows Sanne at 0.9 and Bram at 0.7: base 0.63, below both; no answer yet, so no evidence.
    expect(introduced.tie).toMatchObject({
      created: true,
      baseStrength: 0.63,
      strength: 0.63,
      evidence: 0,
      introducedBy: id("anna"),
    });
    expect(introduced.interaction.introducedBy?.id).toBe(id("anna"));
    expect(introduced.tie.strength).toBeLessThan(0.7);
    const stored = await db.read(
      "MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN k.introducedBy AS by, k.channel AS channel",
      { a: id("sanne"), b: id("bram") },
    );
    expect(stored).toEqual([{ by: id("anna"), channel: "WARM_INTRODUCTION" }]);

    const paths = await server.graphql<{
      warmPaths: Array<{
        hops: number;
        explanationEn: string;
        explanationNl: string;
        steps: Array<{ tie: { introducedBy: { name: string } | null } | null }>;
      }>;
    }>(
      `query ($to: ID!, $from: [ID!]) { warmPaths(to: $to, from: $from, k: 1, minStrength: 0.5) {
         hops explanationEn explanationNl steps { tie { introducedBy { name } } } } }`,
      { to: id("bram"), from: [id("sanne")] },
    );
    expect(paths.errors).toBeUndefined();
    // The direct tie (0.63) beats the route through Anna (0.9·0.7 = 0.63 as well, but two hops).
    const best = paths.data!.warmPaths[0]!;
    expect(best.hops).toBe(1);
    expect(best.steps[1]!.tie!.introducedBy).toEqual({ name: "Anna Kok" });
    expect(best.explanationEn).toContain("Sanne knows Bram de Wit, introduced by Anna Kok since");
    expect(best.explanationNl).toContain("Sanne kent Bram de Wit, geïntroduceerd door Anna Kok sinds");
  });

  it("caps what vouching alone gives at 0.8, and an answer builds on it", async () => {
    // The introducer's own ties count: Anna–Sanne 0.9, Anna–Carla 0.95.
    const capped = await log({
      by: id("sanne"),
      with: id("carla"),
      channel: "WARM_INTRODUCTION",
      result: "INTERESTED",
      introducedBy: id("anna"),
    });
    // 0.9·0.95 = 0.855 → capped at 0.8; the answer adds E = 1: 1 − 0.2·e^(−1/2) = 0.879.
    expect(capped.tie).toMatchObject({ baseStrength: 0.8, strength: 0.879, evidence: 1 });
  });

  it("vouches nothing when the introducer does not know one of the two, and refuses a wrong introducer", async () => {
    const unknown = await log({ by: id("youssef"), with: id("hugo"), channel: "WARM_INTRODUCTION", introducedBy: id("anna") });
    // Anna has no tie to Youssef: the product is 0, the tie is a new one at the minimum.
    expect(unknown.tie).toMatchObject({ baseStrength: 0, strength: 0.01 });
    const self = await refused(LOG, {
      by: id("youssef"),
      with: id("iris"),
      date: todayIso(),
      channel: "WARM_INTRODUCTION",
      introducedBy: id("iris"),
    });
    expect(self.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "introducedBy" });
    const missing = await refused(LOG, {
      by: id("youssef"),
      with: id("iris"),
      date: todayIso(),
      channel: "WARM_INTRODUCTION",
      introducedBy: id("nobody"),
    });
    expect(missing.extensions).toMatchObject({ code: "NOT_FOUND", field: "introducedBy" });
    // Refused: nothing was logged between Youssef and Iris.
    expect(
      await db.read("MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN k", { a: id("youssef"), b: id("iris") }),
    ).toEqual([]);
  });
});

describe("one warm threshold per workspace", () => {
  const SET = `mutation ($threshold: Float!, $workspace: ID) { setWarmThreshold(threshold: $threshold, workspace: $workspace) { workspace warmThreshold previous } }`;
  const EMBEDDING = `query ($programme: ID!, $workspace: ID, $warmThreshold: Float) {
    embedding(programme: $programme, workspace: $workspace, warmThreshold: $warmThreshold) { threads } }`;

  async function threads(warmThreshold?: number): Promise<number> {
    const result = await server.graphql<{ embedding: { threads: number } }>(EMBEDDING, {
      programme: id("ds"),
      workspace: id("ws"),
      ...(warmThreshold === undefined ? {} : { warmThreshold }),
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.embedding.threads;
  }

  it("defaults to 0.5 and is used by the embedding unless a query passes its own; the threshold itself is warm", async () => {
    // Youssef–Gijs is 0.6: warm at the default.
    expect(await threads()).toBe(1);
    const set = await server.graphql<{ setWarmThreshold: unknown }>(SET, { threshold: 0.6, workspace: id("ws") });
    expect(set.data?.setWarmThreshold).toEqual({ workspace: id("ws"), warmThreshold: 0.6, previous: 0.5 });
    expect(await threads()).toBe(1);
    await server.graphql(SET, { threshold: 0.601, workspace: id("ws") });
    expect(await threads()).toBe(0);
    // A query may still pass its own.
    expect(await threads(0.5)).toBe(1);
    // The warm paths search agrees with the embedding's tie store at the same threshold.
    const paths = await server.graphql<{ warmPaths: unknown[] }>(
      `query ($to: ID!, $workspace: ID) { warmPaths(to: $to, workspace: $workspace, minStrength: 0.601) { hops } }`,
      { to: id("ds"), workspace: id("ws") },
    );
    expect(paths.data?.warmPaths).toEqual([]);
    await server.graphql(SET, { threshold: 0.5, workspace: id("ws") });
    expect(await threads()).toBe(1);
  });

  it("refuses a threshold outside (0, 1] and an unknown workspace, with the field", async () => {
    for (const threshold of [0, -0.1, 1.01]) {
      const error = await refused(SET, { threshold, workspace: id("ws") });
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "threshold" });
    }
    const one = await server.graphql<{ setWarmThreshold: { warmThreshold: number } }>(SET, { threshold: 1, workspace: id("ws") });
    expect(one.data?.setWarmThreshold.warmThreshold).toBe(1);
    await server.graphql(SET, { threshold: 0.5, workspace: id("ws") });
    const unknown = await refused(SET, { threshold: 0.7, workspace: id("nowhere") });
    expect(unknown.extensions).toMatchObject({ code: "NOT_FOUND", field: "workspace" });
  });

  it("is for coordinators and admins only", async () => {
    const analyst = await startTestServer(db, { roles: ["ANALYST"] });
    try {
      const error = await refused(SET, { threshold: 0.7, workspace: id("ws") }, analyst);
      expect(error.extensions?.code).toBe("FORBIDDEN");
    } finally {
      await analyst.http.close();
    }
  });
});

describe("from me", () => {
  const FROM_ME = `query ($to: ID!, $from: [ID!]) { warmPaths(to: $to, from: $from, fromMe: true, k: 3) { steps { person { id } } } }`;

  it("starts warm paths from the signed-in account's person alone", async () => {
    const asYoussef = await signedInAs(server, id("youssef"));
    const result = await asYoussef.graphql<{ warmPaths: Array<{ steps: Array<{ person: { id: string } }> }> }>(FROM_ME, {
      to: id("bram"),
    });
    expect(result.errors).toBeUndefined();
    const starts = new Set(result.data!.warmPaths.map((p) => p.steps[0]!.person.id));
    expect([...starts]).toEqual([id("youssef")]);
  });

  it("refuses an account without a person, and from together with fromMe", async () => {
    const noPerson = await refused(FROM_ME, { to: id("bram") });
    expect(noPerson.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "fromMe" });
    const asSanne = await signedInAs(server, id("sanne"));
    const both = await refused(FROM_ME, { to: id("bram"), from: [id("sanne")] }, asSanne);
    expect(both.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "fromMe" });
  });
});

describe("each coordinator's own tie to a person", () => {
  const TIES = `query ($person: ID!, $workspace: ID) { coordinatorTies(person: $person, workspace: $workspace) {
    coordinator { id name } me strength warm channel lastContact lastSpoke interactions manual introducedBy { name } } }`;

  it("lists every coordinator, strongest first, with when they last spoke apart from the last attempt", async () => {
    // Youssef met Eva three days ago; his later unanswered message moves lastContact, not lastSpoke.
    await log({ by: id("eva"), with: id("youssef"), date: daysAgo(3), channel: "MEETING" });
    await log({ by: id("youssef"), with: id("eva"), date: daysAgo(1), channel: "EMAIL", result: "NO_REPLY" });
    const asSanne = await signedInAs(server, id("sanne"));
    const result = await asSanne.graphql<{ coordinatorTies: Array<Record<string, unknown>> }>(TIES, {
      person: id("eva"),
      workspace: id("ws"),
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const [first, second] = result.data!.coordinatorTies;
    expect(first).toMatchObject({
      coordinator: { id: id("sanne"), name: "Sanne Vos" },
      me: true,
      strength: 0.632,
      warm: true,
      lastSpoke: todayIso(),
    });
    expect(second).toMatchObject({
      coordinator: { id: id("youssef") },
      me: false,
      // One meeting three days ago: E = 0.5^(3/180), 1 − e^(−E/2) = 0.390.
      strength: 0.39,
      warm: false,
      lastContact: daysAgo(1),
      lastSpoke: daysAgo(3),
      interactions: 2,
    });
  });

  it("shows a coordinator without a tie with null fields, names the introducer, and refuses an unknown person", async () => {
    const toHugo = await server.graphql<{ coordinatorTies: Array<Record<string, unknown>> }>(TIES, {
      person: id("hugo"),
      workspace: id("ws"),
    });
    expect(toHugo.data!.coordinatorTies.map((t) => [t.coordinator, t.strength])).toEqual([
      [{ id: id("youssef"), name: "Youssef Amrani" }, 0.01],
      [{ id: id("sanne"), name: "Sanne Vos" }, null],
    ]);
    const toBram = await server.graphql<{ coordinatorTies: Array<Record<string, unknown>> }>(TIES, {
      person: id("bram"),
      workspace: id("ws"),
    });
    expect(toBram.data!.coordinatorTies[0]).toMatchObject({
      coordinator: { id: id("sanne") },
      introducedBy: { name: "Anna Kok" },
    });
    const error = await refused(TIES, { person: id("nobody"), workspace: id("ws") });
    expect(error.extensions).toMatchObject({ code: "NOT_FOUND", field: "person" });
  });
});
