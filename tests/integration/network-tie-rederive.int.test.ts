import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { rederiveTies } from "../../server/domains/network/rederive-ties.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { peopleNamed, writeGraph } from "./network-fixtures.js";

/**
 * Decay without contact and ties of an earlier formula (docs/network-analytics.md, "Decay without
 * contact"): rederiveTies re-derives every tie (not manual) whose people have interactions, as of
 * a date, idempotently. It works on the whole graph, as at start, so this file holds it alone
 * (vitest.config.ts, wholeGraphFiles).
 */
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await writeGraph(db, {
    people: peopleNamed("c1", "c2", "t1", "t2", "t3", "t4", "t5"),
    ties: [
      // Derived by the earlier formula: a cold LinkedIn NO_REPLY counted as a contact (0.388), base 0.
      { a: "c1", b: "t1", strength: 0.388, channel: "LINKEDIN" },
      // Two meetings, stored as of 2025-06-01, base 0.2.
      { a: "c1", b: "t2", strength: 0.2, channel: "COLLEAGUE" },
      // Never derived: imported at 0.6, with an answered e-mail since.
      { a: "c2", b: "t3", strength: 0.6, channel: "OTHER" },
      // Manual: left alone whatever its interactions say.
      { a: "c2", b: "t4", strength: 0.9, channel: "OTHER", manual: true },
      // No interactions: not touched.
      { a: "c2", b: "t5", strength: 0.45, channel: "COLLEAGUE" },
    ],
  });
  await db.write(
    `MATCH (:Person {id: 'c1'})-[k:KNOWS]-(:Person {id: 't1'}) SET k.baseStrength = 0.0
     WITH 1 AS one MATCH (:Person {id: 'c1'})-[k:KNOWS]-(:Person {id: 't2'}) SET k.baseStrength = 0.2`,
  );
  const interaction = (id: string, by: string, to: string, date: string, channel: string, result: string | null) => ({
    id,
    by,
    to,
    date,
    channel,
    result,
  });
  await db.write(
    `UNWIND $rows AS r MATCH (a:Person {id: r.by}), (b:Person {id: r.to})
     CREATE (a)-[:INITIATED]->(x:Interaction {id: r.id, date: date(r.date), channel: r.channel})-[:WITH]->(b)
     SET x.result = r.result`,
    {
      rows: [
        interaction("rd-1", "c1", "t1", "2025-05-20", "LINKEDIN", "NO_REPLY"),
        interaction("rd-2", "c1", "t2", "2025-06-01", "MEETING", null),
        interaction("rd-3", "t2", "c1", "2025-06-01", "MEETING", "INTERESTED"),
        interaction("rd-4", "c2", "t3", "2025-06-01", "EMAIL", "REPLIED"),
        interaction("rd-5", "c2", "t4", "2025-06-01", "MEETING", "AGREED"),
        // After the reference dates below the first: not yet happened then.
        interaction("rd-6", "c2", "t3", "2026-01-01", "PHONE", null),
      ],
    },
  );
});

afterAll(async () => {
  await db?.close();
});

async function ties(): Promise<Record<string, { strength: number; base: number | null }>> {
  const rows = await db.read(
    `MATCH (a:Person)-[k:KNOWS]->(b:Person) RETURN a.id + '-' + b.id AS pair, k.strength AS strength, k.baseStrength AS base ORDER BY pair`,
  );
  return Object.fromEntries(
    rows.map((r) => [String(r.pair), { strength: Number(r.strength), base: r.base == null ? null : Number(r.base) }]),
  );
}

describe("rederiveTies", () => {
  it("brings ties of the earlier formula in line, derives from the base as of the date, and leaves manual ties and ties without interactions", async () => {
    const done = await rederiveTies(db, "2025-06-01");
    expect(done).toMatchObject({ asOf: "2025-06-01", ties: 3 });
    expect(await ties()).toEqual({
      // The unanswered message weighs nothing: back to the minimum.
      "c1-t1": { strength: 0.01, base: 0 },
      // Two meetings on the day: 1 − 0.8·e^(−1) = 0.706.
      "c1-t2": { strength: 0.706, base: 0.2 },
      // Never derived: its strength until now becomes its base; one answer on the day: 1 − 0.4·e^(−0.5) = 0.757.
      "c2-t3": { strength: 0.757, base: 0.6 },
      "c2-t4": { strength: 0.9, base: null },
      "c2-t5": { strength: 0.45, base: null },
    });
  });

  it("is idempotent: a second run on the same date writes nothing", async () => {
    const before = await ties();
    const again = await rederiveTies(db, "2025-06-01");
    expect(again.changed).toBe(0);
    expect(await ties()).toEqual(before);
  });

  it("lets the strength decay as the contacts age, back to the base, never below it", async () => {
    // 180 days later each meeting weighs half: E = 1, 1 − 0.8·e^(−0.5) = 0.515.
    await rederiveTies(db, "2025-11-28");
    expect((await ties())["c1-t2"]).toEqual({ strength: 0.515, base: 0.2 });
    // Years later the evidence has faded: the base, and the imported tie's base 0.6 (its 2026 call faded too).
    await rederiveTies(db, "2035-06-01");
    const faded = await ties();
    expect(faded["c1-t2"]).toEqual({ strength: 0.2, base: 0.2 });
    expect(faded["c2-t3"]).toEqual({ strength: 0.6, base: 0.6 });
    expect(faded["c2-t4"]).toEqual({ strength: 0.9, base: null });
  });
});
