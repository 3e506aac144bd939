import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { WriteMixUndo } from "../../bench/undo-write-mix.js";
import { missingWriteKinds, WriteMix, type GraphqlClient } from "../../bench/write-mix.js";
import { graphFingerprint } from "../../server/domains/backup/graph-fingerprint.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { day, seedCase, seedCourse, seedInstitution, seedWorkspace } from "./cases-graph-fixtures.js";

/**
 * The bench's write mix (bench/write-mix.ts, #19 part 5) against the real API on a small graph: every kind of the day's
 * writes — intake, proposal, answer, match, interaction — succeeds, round after round, through /graphql, and the
 * product's rules hold (no course over its places, no proposal forced). If the mix stops writing a kind, this fails
 * (and so does the bench, bench/run.ts, through `missingWriteKinds`).
 */
let db: Database;
let server: TestServer;

const COORD = "mix-coord";
const ROUNDS = 4;

/** As the bench's client: the data, or an Error with the code and message of the first GraphQL error. */
const client =
  (s: TestServer): GraphqlClient =>
  async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const body = await s.graphql<T>(query, variables);
    if (body.errors?.length || !body.data) {
      const first = body.errors?.[0];
      throw new Error(`${String(first?.extensions?.code ?? "")} ${first?.message ?? "no data"}`);
    }
    return body.data;
  };

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await startTestServer(db);
  await seedWorkspace(db, { id: "mix-ws", coordinators: [{ id: COORD, name: "Carla" }] });
  await seedInstitution(db, { id: "mix-hbo", kind: "HBO" });
  const period = { id: "mix-P1", name: "Blok 1", start: day(40), end: day(100) };
  // Two places: the third round's match must go elsewhere, as capacity says.
  await seedCourse(db, {
    id: "mix-C1",
    name: "Webshops bouwen",
    themes: ["webshop"],
    institution: "mix-hbo",
    teachers: ["mix-t1"],
    periods: [period],
    agreement: { casesPerPeriod: 2 },
  });
  await seedCourse(db, {
    id: "mix-C2",
    name: "E-commerce project",
    themes: ["webshop"],
    institution: "mix-hbo",
    teachers: ["mix-t2"],
    periods: [period],
    agreement: { casesPerPeriod: null },
  });
  // A course the match could not take (no agreement): never picked.
  await seedCourse(db, {
    id: "mix-C3",
    name: "Zonder afspraak",
    themes: ["webshop"],
    institution: "mix-hbo",
    teachers: ["mix-t3"],
    periods: [period],
  });
  // The template the intakes copy; an unservable case first (a topic no course has), which the mix passes over.
  await seedCase(db, { id: "mix-nothing", topics: ["onderwaterrobots"], coordinator: COORD });
  await seedCase(db, { id: "mix-K1", topics: ["webshop"], wantedLevels: ["HBO"], coordinator: COORD });
  // A tie the interactions change (its properties typed as a generated tie's: floats, integers, dates); the other
  // teachers have none, so an interaction with them creates one.
  await db.write(
    `MATCH (a:Person {id: $coord}), (t:Person {id: 'mix-t1'})
     CREATE (a)-[:KNOWS {strength: 0.5, baseStrength: 1.0, channel: 'EVENT', since: date('2024-01-01'),
                         lastContact: date('2025-03-01'), interactions: 2, evidence: 0.25}]->(t)`,
    { coord: COORD },
  );
});

/** The graph's content without the tie version (every tie write moves it; the undo moves it once more). */
async function fingerprintWithoutTieVersion(): Promise<string> {
  await db.write("MATCH (v:TieVersion) DETACH DELETE v");
  return (await graphFingerprint(db)).hash;
}

/** The undo's folder (its pending file is gone after the undo; the folder is removed here). */
let pendingFolder: string | undefined;

afterAll(async () => {
  if (pendingFolder) rmSync(pendingFolder, { recursive: true, force: true });
  await server?.http.close();
  await db?.close();
});

describe("the bench's write mix", () => {
  it("writes every kind, round after round, with no failure and within the courses' places; the undo takes it all out", async () => {
    const before = await fingerprintWithoutTieVersion();
    pendingFolder = mkdtempSync(path.join(os.tmpdir(), "write-mix-"));
    const pending = path.join(pendingFolder, "write-mix-pending.json");
    const undo = new WriteMixUndo(db, pending);
    const mix = new WriteMix(client(server), 10, COORD, "test", ["mix-nothing", "mix-K1"], undo);
    let on = 0;
    let off = 0;
    // Reads as the bench measures them (a trivial one here), with the mix writing at the start of every on-block.
    for (let n = 0; n < ROUNDS * 5 * 2 * mix.every; n++) {
      if (await mix.beforeRead(n)) on++;
      else off++;
      await client(server)("query { __typename }");
    }
    const result = mix.result();
    expect(result.firstErrors).toEqual([]);
    expect(result.errors).toEqual({ intake: 0, proposal: 0, answer: 0, match: 0, interaction: 0 });
    expect(result.writes).toEqual({ intake: ROUNDS, proposal: ROUNDS, answer: ROUNDS, match: ROUNDS, interaction: ROUNDS });
    expect(missingWriteKinds(result)).toEqual([]);
    expect(result.template).toBe("mix-K1");
    expect(result.latencyByKind.match?.samples).toBe(ROUNDS);
    // Half the reads with the mix on, half off; one write per on-block.
    expect(on).toBe(off);
    expect(on / mix.every).toBe(ROUNDS * 5);

    // What the graph holds now: each new case matched into a course with an agreement, none over its places, its
    // proposal answered INTERESTED, and an interaction with each teacher proposed to.
    const rows = await db.read(
      `MATCH (k:Case)<-[:FOR_CASE]-(:Sprint)-[:IN_COURSE]->(c:Course)
       WHERE k.title STARTS WITH 'Kopie van mix-K1 test-'
       RETURN k.status AS status, c.id AS course ORDER BY course`,
    );
    expect(rows.map((r) => r.status)).toEqual(Array(ROUNDS).fill("MATCHED"));
    const perCourse = rows.reduce<Record<string, number>>(
      (m, r) => ({ ...m, [String(r.course)]: (m[String(r.course)] ?? 0) + 1 }),
      {},
    );
    expect(perCourse["mix-C1"] ?? 0).toBeLessThanOrEqual(2);
    expect(perCourse["mix-C3"]).toBeUndefined();
    const proposals = await db.read(
      `MATCH (p:Proposal)-[:OF_CASE]->(k:Case) WHERE k.title STARTS WITH 'Kopie van mix-K1 test-'
       RETURN p.answer AS answer, count(*) AS n`,
    );
    expect(proposals.map((r) => [r.answer, Number(r.n)])).toEqual([["INTERESTED", ROUNDS]]);
    const interactions = await db.read(
      `MATCH (:Person {id: $coord})-[:INITIATED]->(i:Interaction)-[:WITH]->(t:Person) RETURN t.id AS teacher, count(i) AS n`,
      { coord: COORD },
    );
    expect(interactions.reduce((s, r) => s + Number(r.n), 0)).toBe(ROUNDS);

    // The undo: the graph is the one before the mix again, to the property and its type (bench/undo-write-mix.ts).
    expect(existsSync(pending)).toBe(true);
    expect(undo.counts()).toMatchObject({ cases: ROUNDS, smes: ROUNDS, interactions: ROUNDS });
    expect(undo.counts().pairs).toBeGreaterThanOrEqual(1);
    expect(await fingerprintWithoutTieVersion()).not.toBe(before);
    await undo.undo();
    expect(existsSync(pending)).toBe(false);
    expect(await fingerprintWithoutTieVersion()).toBe(before);
  });

  it("warms up with one round of every kind, kept out of the results; the next write is an intake again; the undo takes both out", async () => {
    const before = await fingerprintWithoutTieVersion();
    const folder = mkdtempSync(path.join(os.tmpdir(), "write-mix-warm-"));
    try {
      const undo = new WriteMixUndo(db, path.join(folder, "write-mix-pending.json"));
      const mix = new WriteMix(client(server), 10, COORD, "warm", ["mix-nothing", "mix-K1"], undo);
      const took = await mix.warmUpRound();
      expect(Object.keys(took)).toEqual(["intake", "proposal", "answer", "match", "interaction"]);
      for (const [kind, outcome] of Object.entries(took)) expect(typeof outcome, `${kind}: ${String(outcome)}`).toBe("number");
      const none = { intake: 0, proposal: 0, answer: 0, match: 0, interaction: 0 };
      expect(mix.result().writes).toEqual(none);
      expect(mix.result().errors).toEqual(none);
      expect(mix.result().latency).toBeNull();
      // The round written: a case matched, its proposal answered, an interaction logged.
      const cases = await db.read(
        `MATCH (k:Case) WHERE k.title STARTS WITH 'Kopie van mix-K1 warm-' RETURN k.status AS status ORDER BY k.title`,
      );
      expect(cases.map((r) => r.status)).toEqual(["MATCHED"]);
      // The measured round after it starts at intake.
      await mix.writeNext();
      expect(mix.result().writes).toEqual({ ...none, intake: 1 });
      expect(undo.counts()).toMatchObject({ cases: 2, smes: 2, interactions: 1 });
      await undo.undo();
      expect(await fingerprintWithoutTieVersion()).toBe(before);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("counts a kind it never wrote: with no case to copy, every kind is missing and each intake failed", async () => {
    const mix = new WriteMix(client(server), 50, COORD, "none", ["mix-nothing"]);
    for (let n = 0; n < 6; n++) await mix.beforeRead(n);
    const result = mix.result();
    expect(missingWriteKinds(result)).toEqual(["intake", "proposal", "answer", "match", "interaction"]);
    expect(result.errors.intake).toBe(3);
    expect(result.firstErrors[0]).toMatch(/none of the 1 template cases has a usable suggestion/);
  });
});
