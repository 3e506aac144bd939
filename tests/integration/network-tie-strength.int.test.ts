import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { applyInteractionToTie } from "../../server/domains/network/apply-interaction-to-tie.js";
import { todayIso } from "../../server/platform/clock/read-clock.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { peopleNamed, writeGraph } from "./network-fixtures.js";

let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await writeGraph(db, {
    people: peopleNamed("c1", "c2", "t1", "t2", "t3", "t4", "t5", "t6", "t7"),
    institutions: [{ id: "i1", name: "HvA" }],
    programmes: [{ id: "g1", name: "Data Science", institution: "i1" }],
    ties: [
      { a: "c1", b: "t1", strength: 0.3, channel: "LINKEDIN", since: "2023-01-01" },
      { a: "t3", b: "c1", strength: 0.7, channel: "COLLEAGUE", manual: true, lastContact: "2025-01-01" },
      { a: "c2", b: "t6", strength: 0.9, channel: "COLLEAGUE" },
    ],
  });
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

/**
 * Interactions are recorded by `logInteraction` (server/domains/outreach/log-interaction.ts), which applies
 * them to the tie in the same transaction. Strength is derived as of today, so the dates here are
 * counted back from today (Amsterdam): an interaction of today weighs 1, one of 180 days ago 0.5.
 */
const logMutation = `
  mutation ($by: ID!, $with: ID!, $date: String!, $channel: InteractionChannel!, $result: InteractionResult, $aboutProgramme: ID) {
    logInteraction(by: $by, with: $with, date: $date, channel: $channel, result: $result, aboutProgramme: $aboutProgramme) {
      interaction { id date channel result }
      tie { a b created strength previousStrength baseStrength manual channel since lastContact interactions evidence }
    }
  }`;

type Logged = {
  interaction: { id: string; date: string; channel: string; result: string | null };
  tie: {
    a: string;
    b: string;
    created: boolean;
    strength: number;
    previousStrength: number | null;
    baseStrength: number;
    manual: boolean;
    channel: string;
    since: string | null;
    lastContact: string;
    interactions: number;
    evidence: number;
  };
};

/** The date `days` before today in Amsterdam, YYYY-MM-DD. */
function daysAgo(days: number): string {
  return new Date(Date.parse(`${todayIso()}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

async function log(variables: Record<string, unknown>): Promise<Logged> {
  const result = await server.graphql<{ logInteraction: Logged }>(logMutation, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.logInteraction;
}

/** The tie between two people as stored, read with raw Cypher. */
async function storedTie(a: string, b: string) {
  const rows = await db.read(
    `MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b})
     RETURN k.strength AS strength, k.baseStrength AS baseStrength, k.manual AS manual, k.channel AS channel,
            k.since AS since, k.lastContact AS lastContact`,
    { a, b },
  );
  return rows;
}

describe("logInteraction and the tie-strength formula", () => {
  it("records the interaction and lifts an existing tie: 1 − (1 − base)·e^(−E/2)", async () => {
    const twoWeeksAgo = daysAgo(14);
    const first = await log({
      by: "c1",
      with: "t1",
      date: twoWeeksAgo,
      channel: "MEETING",
      result: "INTERESTED",
      aboutProgramme: "g1",
    });
    // base 0.3, one interaction 14 days old: E = 0.5^(14/180) = 0.9475, strength = 1 − 0.7·e^(−0.4738) = 0.564.
    expect(first.tie).toMatchObject({
      a: "c1",
      b: "t1",
      created: false,
      strength: 0.564,
      manual: false,
      channel: "LINKEDIN",
      since: "2023-01-01",
      lastContact: twoWeeksAgo,
    });
    expect([first.tie.previousStrength, first.tie.baseStrength, first.tie.interactions]).toEqual([0.3, 0.3, 1]);
    expect(first.tie.evidence).toBeCloseTo(0.947516, 5);
    expect(await storedTie("c1", "t1")).toEqual([
      { strength: 0.564, baseStrength: 0.3, manual: false, channel: "LINKEDIN", since: "2023-01-01", lastContact: twoWeeksAgo },
    ]);
    const interaction = await db.read(
      `MATCH (:Person {id: 'c1'})-[:INITIATED]->(x:Interaction {id: $id})-[:WITH]->(:Person {id: 't1'}), (x)-[:ABOUT]->(:Programme {id: 'g1'})
       RETURN toString(x.date) AS date, x.channel AS channel, x.result AS result`,
      { id: first.interaction.id },
    );
    expect(interaction).toEqual([{ date: twoWeeksAgo, channel: "MEETING", result: "INTERESTED" }]);
    // The same transaction advanced the programme it was about.
    expect(await db.read("MATCH (g:Programme {id: 'g1'}) RETURN g.mappingStatus AS s")).toEqual([{ s: "RESPONDED" }]);

    // The other way round, today, an answer (weight 1): E = 0.5^(14/180) + 1 = 1.9475, strength = 1 − 0.7·e^(−0.9738) = 0.736.
    const second = await log({ by: "t1", with: "c1", date: daysAgo(0), channel: "EMAIL", result: "REPLIED" });
    expect(second.tie).toMatchObject({
      a: "t1",
      b: "c1",
      created: false,
      strength: 0.736,
      previousStrength: 0.564,
      baseStrength: 0.3,
      interactions: 2,
    });
    expect(second.tie.evidence).toBeCloseTo(1.947516, 5);
  });

  it("creates a tie the first time two people meet, from base 0", async () => {
    const met = await log({ by: "c1", with: "t2", date: daysAgo(0), channel: "EVENT" });
    // 1 − e^(−0.5) = 0.393
    expect(met.tie).toMatchObject({
      created: true,
      strength: 0.393,
      previousStrength: null,
      baseStrength: 0,
      channel: "EVENT",
      since: daysAgo(0),
      lastContact: daysAgo(0),
    });
    expect(await storedTie("t2", "c1")).toEqual([
      { strength: 0.393, baseStrength: 0, manual: false, channel: "EVENT", since: daysAgo(0), lastContact: daysAgo(0) },
    ]);
  });

  it("weighs an interaction half after 180 days, and never moves lastContact back", async () => {
    const old = await log({ by: "c2", with: "t4", date: daysAgo(180), channel: "PHONE" });
    // 180 days old: E = 0.5, strength = 1 − e^(−0.25) = 0.221; a phone call names no tie channel.
    expect(old.tie).toMatchObject({ created: true, strength: 0.221, channel: "OTHER", lastContact: daysAgo(180) });
    await log({ by: "c2", with: "t4", date: daysAgo(31), channel: "MEETING" });
    const older = await log({ by: "c2", with: "t4", date: daysAgo(150), channel: "EMAIL" });
    expect(older.tie.lastContact).toBe(daysAgo(31));
    expect(older.tie.interactions).toBe(3);
  });

  it("leaves a manual strength alone but records the contact", async () => {
    const manual = await log({ by: "c1", with: "t3", date: daysAgo(0), channel: "MEETING" });
    expect(manual.tie).toMatchObject({ strength: 0.7, previousStrength: 0.7, manual: true, lastContact: daysAgo(0) });
    expect((await storedTie("c1", "t3"))[0]).toMatchObject({ strength: 0.7, manual: true, lastContact: daysAgo(0) });
  });

  it("serialises concurrent interactions of one pair: one tie, both counted", async () => {
    await Promise.all([
      log({ by: "c1", with: "t5", date: daysAgo(0), channel: "MEETING" }),
      log({ by: "t5", with: "c1", date: daysAgo(0), channel: "EMAIL", result: "REPLIED" }),
    ]);
    // E = 2 from base 0: 1 − e^(−1) = 0.632.
    expect(await storedTie("c1", "t5")).toEqual([expect.objectContaining({ strength: 0.632, baseStrength: 0 })]);
  });

  it("is callable inside another transaction by whoever logs interactions", async () => {
    const update = await db.writeTx(async (tx) => {
      await tx.run(
        `MATCH (a:Person {id: 'c2'}), (b:Person {id: 't6'})
         CREATE (a)-[:INITIATED]->(:Interaction {id: 'x-direct', date: date('2025-06-01'), channel: 'SPRINT'})-[:WITH]->(b)`,
      );
      return applyInteractionToTie(tx, "c2", "t6", "2025-06-01", { channel: "SPRINT", asOf: "2025-06-01" });
    });
    // base 0.9: 1 − 0.1·e^(−0.5) = 0.939.
    expect(update).toMatchObject({ created: false, strength: 0.939, previousStrength: 0.9, baseStrength: 0.9, interactions: 1 });
  });
});

describe("setTieStrength", () => {
  const setMutation = `
    mutation ($a: ID!, $b: ID!, $strength: Float!, $channel: String) {
      setTieStrength(a: $a, b: $b, strength: $strength, channel: $channel) { a b created strength manual channel }
    }`;

  it("sets the strength by hand, after which interactions no longer change it", async () => {
    const set = await server.graphql<{ setTieStrength: Record<string, unknown> }>(setMutation, {
      a: "t1",
      b: "c1",
      strength: 0.95,
    });
    expect(set.data?.setTieStrength).toEqual({
      a: "t1",
      b: "c1",
      created: false,
      strength: 0.95,
      manual: true,
      channel: "LINKEDIN",
    });
    const after = await log({ by: "c1", with: "t1", date: daysAgo(0), channel: "MEETING" });
    expect(after.tie).toMatchObject({ strength: 0.95, manual: true, lastContact: daysAgo(0) });
  });

  it("creates a tie when there is none", async () => {
    const set = await server.graphql<{ setTieStrength: Record<string, unknown> }>(setMutation, {
      a: "t6",
      b: "t7",
      strength: 0.4,
      channel: "COLLEAGUE",
    });
    expect(set.data?.setTieStrength).toMatchObject({ created: true, strength: 0.4, manual: true, channel: "COLLEAGUE" });
    expect(await storedTie("t7", "t6")).toEqual([expect.objectContaining({ strength: 0.4, manual: true, channel: "COLLEAGUE" })]);
  });

  it("keeps the reason as the tie's note in the same transaction, and the history shows who judged it", async () => {
    const reasonMutation = `mutation ($a: ID!, $b: ID!, $strength: Float!, $reason: String) {
      setTieStrength(a: $a, b: $b, strength: $strength, reason: $reason) { strength manual } }`;
    const set = await server.graphql<{ setTieStrength: Record<string, unknown> }>(reasonMutation, {
      a: "c2",
      b: "t6",
      strength: 0.5,
      reason: "  Left the programme's board last month.  ",
    });
    expect(set.errors).toBeUndefined();
    const [tie] = await db.read(
      "MATCH (:Person {id: 'c2'})-[k:KNOWS]-(:Person {id: 't6'}) RETURN k.strength AS strength, k.note AS note",
    );
    expect(tie).toEqual({ strength: 0.5, note: "Left the programme's board last month." });
    const [record] = await db.read(
      `MATCH (r:EditRecord {nodeId: 'c2', label: 'Person'}) RETURN r.byUser AS byUser, r.changes AS changes ORDER BY r.at DESC LIMIT 1`,
    );
    expect(record?.byUser).toBe("test-user");
    const [change] = JSON.parse(String(record?.changes)) as Array<{ field: string; old: unknown; new: unknown; edge: string }>;
    expect(change).toMatchObject({
      field: "knows",
      edge: "Knows",
      old: [{ id: "t6", edge: { strength: expect.any(Number), note: null } }],
      new: [{ id: "t6", edge: { strength: 0.5, manual: true, note: "Left the programme's board last month." } }],
    });
    // A reason too long, or only spaces, is refused with its field, and neither the strength nor the note moves.
    for (const reason of ["x".repeat(2001), "   "]) {
      const refused = await server.graphql(reasonMutation, { a: "c2", b: "t6", strength: 0.9, reason });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    }
    const [still] = await db.read(
      "MATCH (:Person {id: 'c2'})-[k:KNOWS]-(:Person {id: 't6'}) RETURN k.strength AS strength, k.note AS note",
    );
    expect(still).toEqual(tie);
  });

  it("refuses bad input with the field, and writes nothing", async () => {
    const before = await db.read("MATCH (x:Interaction) RETURN count(x) AS n");
    const setCases: Array<[Record<string, unknown>, string, string]> = [
      [{ a: "c1", b: "t1", strength: 0 }, "BAD_USER_INPUT", "strength"],
      [{ a: "c1", b: "t1", strength: 1.1 }, "BAD_USER_INPUT", "strength"],
      [{ a: "c1", b: "c1", strength: 0.5 }, "BAD_USER_INPUT", "b"],
      [{ a: "ghost", b: "t1", strength: 0.5 }, "NOT_FOUND", "a"],
      [{ a: "c1", b: "t1", strength: 0.5, channel: "FAX" }, "BAD_USER_INPUT", "channel"],
    ];
    for (const [variables, code, field] of setCases) {
      const result = await server.graphql(setMutation, variables);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code, field });
    }
    const logCases: Array<[Record<string, unknown>, string, string]> = [
      [{ by: "c1", with: "t1", date: daysAgo(-1), channel: "EMAIL" }, "BAD_USER_INPUT", "date"],
      [{ by: "c1", with: "t1", date: "2025-13-01", channel: "EMAIL" }, "BAD_USER_INPUT", "date"],
      [{ by: "c1", with: "c1", date: "2025-06-01", channel: "EMAIL" }, "BAD_USER_INPUT", "with"],
      [{ by: "c1", with: "ghost", date: "2025-06-01", channel: "EMAIL" }, "NOT_FOUND", "with"],
      [{ by: "c1", with: "t1", date: "2025-06-01", channel: "EMAIL", aboutProgramme: "ghost" }, "NOT_FOUND", "aboutProgramme"],
    ];
    for (const [variables, code, field] of logCases) {
      const result = await server.graphql(logMutation, variables);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code, field });
    }
    // A channel outside InteractionChannel is refused by the schema itself.
    const fax = await server.graphql(logMutation, { by: "c1", with: "t1", date: "2025-06-01", channel: "FAX" });
    expect(fax.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await db.read("MATCH (x:Interaction) RETURN count(x) AS n")).toEqual(before);
    expect((await storedTie("c1", "t1"))[0]).toMatchObject({ strength: 0.95 });
  });
});
