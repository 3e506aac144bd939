import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDigestRound, scheduleDigests } from "../../server/domains/proposals/digest-schedule.js";
import { matchingSettings } from "../../server/domains/suggestions/index.js";
import { ManualClock } from "../../server/platform/clock/clock.js";
import type { MailServices } from "../../server/platform/mail/mail-services.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { day, seedCase, seedCourse, seedInstitution, seedWorkspace } from "./cases-graph-fixtures.js";

/**
 * The schedule over a simulated month (issue #16): the clock moves forward a day at a time, a round
 * runs every working morning and once in the evening, new cases arrive on the way; no teacher ever gets
 * a case twice, each gets digests no more often than their rhythm, and nothing goes out on a weekend.
 * Without SMTP_URL, so every message lands in the outbox.
 */
let db: Database;
let server: TestServer;
let clock: ManualClock;
let mail: MailServices;

const DAY = 86_400_000;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  const start = new Date();
  start.setUTCHours(9, 30, 0, 0);
  start.setUTCDate(start.getUTCDate() + 1);
  clock = new ManualClock(start);
  server = await startTestServer(db, { mail: { clock } });
  mail = server.http.app.mailer.services;
  await seedWorkspace(db, { id: "ws", coordinators: [{ id: "coord", name: "Carla" }] });
  await seedInstitution(db, { id: "hbo", kind: "HBO" });
  // Periods far enough ahead that a month later they still start inside every case's window.
  const periods = [{ id: "P1", name: "Blok 4", start: day(60), end: day(120) }];
  for (const [id, every] of [
    ["tWeekly", 7],
    ["tFortnightly", 14],
    ["tDaily", 1],
  ] as const) {
    await seedCourse(db, {
      id: `c-${id}`,
      name: `Course ${id}`,
      themes: ["data"],
      institution: "hbo",
      teachers: [id],
      periods,
      agreement: { casesPerPeriod: 50 },
    });
    await db.write(`MATCH (t:Person {id: $id}) SET t.email = $id + '@school.example', t.digestEveryDays = $every`, { id, every });
  }
  await seedCase(db, { id: "M0", deadline: day(200) });
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("the digest schedule over a simulated month", () => {
  it("never sends a case twice to one teacher, keeps each rhythm, and sends nothing on weekends", async () => {
    const settings = matchingSettings();
    let newCases = 0;
    for (let d = 0; d < 31; d += 1) {
      // A new case every third day, taken in overnight.
      if (d % 3 === 1) {
        newCases += 1;
        await seedCase(db, { id: `M${newCases}`, deadline: day(200) });
      }
      const morning = await runDigestRound(db, mail, settings);
      const weekend = [0, 6].includes(clock.now().getUTCDay());
      expect(morning.skipped).toBe(weekend ? "OUTSIDE_HOURS" : null);
      // The evening round (after working hours) does nothing.
      clock.advance(9 * 3_600_000);
      expect((await runDigestRound(db, mail, settings)).skipped).toBe("OUTSIDE_HOURS");
      clock.advance(DAY - 9 * 3_600_000);
    }

    const twice = await db.read(
      `MATCH (k:Case)<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(t:Person)
       WITH k, t, count(p) AS n WHERE n > 1 RETURN k.id AS caseId, t.id AS teacherId, n`,
    );
    expect(twice).toEqual([]);

    const digests = await db.read(
      `MATCH (m:MailMessage {kind: 'DIGEST'})-[:TO_PERSON]->(t:Person)
       RETURN t.id AS teacher, t.digestEveryDays AS every, collect(m.createdAt) AS at, collect(m.status) AS statuses`,
    );
    expect(digests.map((d) => d.teacher).sort()).toEqual(["tDaily", "tFortnightly", "tWeekly"]);
    for (const d of digests) {
      const at = (d.at as string[]).map((a) => Date.parse(String(a))).sort((a, b) => a - b);
      expect(new Set(d.statuses as string[])).toEqual(new Set(["OUTBOX"]));
      for (let i = 1; i < at.length; i += 1) {
        expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(Number(d.every) * DAY - 3_600_000);
      }
      for (const a of at) expect([0, 6]).not.toContain(new Date(a).getUTCDay());
    }
    // Every case reached every teacher exactly once in the end (the daily teacher at least).
    const daily = await db.read(`MATCH (:Person {id: 'tDaily'})<-[:TO_TEACHER]-(p:Proposal) RETURN count(p) AS n`);
    expect(Number(daily[0]?.n)).toBe(newCases + 1);
  });

  it("runs on a timer and stops cleanly, waiting for a round under way", async () => {
    const schedule = scheduleDigests(db, mail, matchingSettings, { intervalMs: 20, firstDelayMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await schedule.stop();
    const rounds = schedule.state.rounds;
    expect(rounds).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(schedule.state.rounds).toBe(rounds);
    expect(schedule.state.failures).toBe(0);
  });
});
