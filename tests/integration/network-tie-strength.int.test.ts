import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/neo4j/database.js";
import { applyInteractionToTie } from "../../server/network/apply-interaction-to-tie.js";
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

const recordMutation = `
  mutation ($by: ID!, $with: ID!, $date: String!, $channel: String!, $result: String, $programme: ID, $asOf: String) {
    recordInteraction(by: $by, with: $with, date: $date, channel: $channel, result: $result, programme: $programme, asOf: $asOf) {
      interactionId date channel result previousStrength baseStrength interactions evidence
      tie { a b created strength manual channel since lastContact }
    }
  }`;

type Recorded = {
  interactionId: string;
  previousStrength: number | null;
  baseStrength: number;
  interactions: number;
  evidence: number;
  tie: { a: string; b: string; created: boolean; strength: number; manual: boolean; channel: string; since: string | null; lastContact: string };
};

async function record(variables: Record<string, unknown>): Promise<Recorded> {
  const result = await server.graphql<{ recordInteraction: Recorded }>(recordMutation, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.recordInteraction;
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

describe("recordInteraction and the tie-strength formula", () => {
  it("records the interaction and lifts an existing tie: 1 − (1 − base)·e^(−E/2)", async () => {
    const first = await record({ by: "c1", with: "t1", date: "2025-06-01", channel: "MEETING", result: "INTERESTED", programme: "g1", asOf: "2025-06-01" });
    // base 0.3, one interaction today: E = 1, strength = 1 − 0.7·e^(−0.5) = 0.5754 → 0.575.
    expect(first.tie).toMatchObject({ created: false, strength: 0.575, manual: false, channel: "LINKEDIN", lastContact: "2025-06-01" });
    expect([first.previousStrength, first.baseStrength, first.interactions, first.evidence]).toEqual([0.3, 0.3, 1, 1]);
    expect(await storedTie("c1", "t1")).toEqual([
      { strength: 0.575, baseStrength: 0.3, manual: false, channel: "LINKEDIN", since: "2023-01-01", lastContact: "2025-06-01" },
    ]);
    const interaction = await db.read(
      `MATCH (:Person {id: 'c1'})-[:INITIATED]->(x:Interaction {id: $id})-[:WITH]->(:Person {id: 't1'}), (x)-[:ABOUT]->(:Programme {id: 'g1'})
       RETURN toString(x.date) AS date, x.channel AS channel, x.result AS result`,
      { id: first.interactionId },
    );
    expect(interaction).toEqual([{ date: "2025-06-01", channel: "MEETING", result: "INTERESTED" }]);

    // The other way round, two weeks later: E = 0.5^(14/180) + 1 = 1.9475, strength = 1 − 0.7·e^(−0.9738) = 0.736.
    const second = await record({ by: "t1", with: "c1", date: "2025-06-15", channel: "EMAIL", asOf: "2025-06-15" });
    expect(second.tie.strength).toBe(0.736);
    expect(second.interactions).toBe(2);
    expect(second.evidence).toBeCloseTo(1.947516, 5);
    expect(second.baseStrength).toBe(0.3);
  });

  it("creates a tie the first time two people meet, from base 0", async () => {
    const met = await record({ by: "c1", with: "t2", date: "2025-06-01", channel: "EVENT", asOf: "2025-06-01" });
    // 1 − e^(−0.5) = 0.393
    expect(met.tie).toMatchObject({ created: true, strength: 0.393, channel: "EVENT", since: "2025-06-01", lastContact: "2025-06-01" });
    expect(await storedTie("t2", "c1")).toHaveLength(1);
  });

  it("weighs an interaction half after 180 days, and never moves lastContact back", async () => {
    const old = await record({ by: "c2", with: "t4", date: "2024-12-03", channel: "PHONE", asOf: "2025-06-01" });
    // 180 days old: E = 0.5, strength = 1 − e^(−0.25) = 0.221; a phone call names no tie channel.
    expect(old.tie).toMatchObject({ created: true, strength: 0.221, channel: "OTHER", lastContact: "2024-12-03" });
    await record({ by: "c2", with: "t4", date: "2025-05-01", channel: "MEETING", asOf: "2025-06-01" });
    const older = await record({ by: "c2", with: "t4", date: "2025-01-01", channel: "EMAIL", asOf: "2025-06-01" });
    expect(older.tie.lastContact).toBe("2025-05-01");
  });

  it("leaves a manual strength alone but records the contact", async () => {
    const manual = await record({ by: "c1", with: "t3", date: "2025-06-01", channel: "MEETING", asOf: "2025-06-01" });
    expect(manual.tie).toMatchObject({ strength: 0.7, manual: true, lastContact: "2025-06-01" });
    expect((await storedTie("c1", "t3"))[0]).toMatchObject({ strength: 0.7, manual: true, lastContact: "2025-06-01" });
  });

  it("serialises concurrent interactions of one pair: one tie, both counted", async () => {
    await Promise.all([
      record({ by: "c1", with: "t5", date: "2025-06-01", channel: "MEETING", asOf: "2025-06-01" }),
      record({ by: "t5", with: "c1", date: "2025-06-01", channel: "EMAIL", asOf: "2025-06-01" }),
    ]);
    // E = 2 from base 0: 1 − e^(−1) = 0.632.
    expect(await storedTie("c1", "t5")).toEqual([expect.objectContaining({ strength: 0.632 })]);
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
    const set = await server.graphql<{ setTieStrength: Record<string, unknown> }>(setMutation, { a: "t1", b: "c1", strength: 0.95 });
    expect(set.data?.setTieStrength).toEqual({ a: "t1", b: "c1", created: false, strength: 0.95, manual: true, channel: "LINKEDIN" });
    const after = await record({ by: "c1", with: "t1", date: "2025-06-20", channel: "MEETING", asOf: "2025-06-20" });
    expect(after.tie).toMatchObject({ strength: 0.95, manual: true, lastContact: "2025-06-20" });
  });

  it("creates a tie when there is none", async () => {
    const set = await server.graphql<{ setTieStrength: Record<string, unknown> }>(setMutation, { a: "t6", b: "t7", strength: 0.4, channel: "COLLEAGUE" });
    expect(set.data?.setTieStrength).toMatchObject({ created: true, strength: 0.4, manual: true, channel: "COLLEAGUE" });
    expect(await storedTie("t7", "t6")).toEqual([expect.objectContaining({ strength: 0.4, manual: true, channel: "COLLEAGUE" })]);
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
    const recordCases: Array<[Record<string, unknown>, string, string]> = [
      [{ by: "c1", with: "t1", date: "2025-07-02", channel: "EMAIL", asOf: "2025-07-01" }, "BAD_USER_INPUT", "date"],
      [{ by: "c1", with: "t1", date: "2025-13-01", channel: "EMAIL" }, "BAD_USER_INPUT", "date"],
      [{ by: "c1", with: "t1", date: "2025-06-01", channel: "FAX" }, "BAD_USER_INPUT", "channel"],
      [{ by: "c1", with: "c1", date: "2025-06-01", channel: "EMAIL" }, "BAD_USER_INPUT", "with"],
      [{ by: "c1", with: "ghost", date: "2025-06-01", channel: "EMAIL" }, "NOT_FOUND", "with"],
      [{ by: "c1", with: "t1", date: "2025-06-01", channel: "EMAIL", programme: "ghost" }, "NOT_FOUND", "programme"],
    ];
    for (const [variables, code, field] of recordCases) {
      const result = await server.graphql(recordMutation, variables);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code, field });
    }
    expect(await db.read("MATCH (x:Interaction) RETURN count(x) AS n")).toEqual(before);
    expect((await storedTie("c1", "t1"))[0]).toMatchObject({ strength: 0.95 });
  });
});
