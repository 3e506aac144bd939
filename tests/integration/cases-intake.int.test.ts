import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { day, ok, refused, seedWorkspace, signedInAs } from "./cases-graph-fixtures.js";

/** Intake through the real endpoint: what it creates, and that it never duplicates an SME. */
let db: Database;
let server: TestServer;

const COORD = "coord-1";
const INTAKE = `mutation($input: CaseIntakeInput!) {
  intakeCase(input: $input) { caseId status smeId smeCreated contactId partnerId coordinatorId } }`;

interface IntakeResult {
  caseId: string;
  status: string;
  smeId: string;
  smeCreated: boolean;
  contactId: string | null;
  partnerId: string | null;
  coordinatorId: string | null;
}

function input(overrides: Record<string, unknown> = {}, sme: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sme: { name: "Bakkerij De Graaf", city: "Haarlem", ...sme },
    title: "Een webshop",
    topics: ["webshop", "data"],
    wantedLevels: ["HBO", "MBO"],
    effort: "SPRINT",
    earliestStart: day(10),
    deadline: day(120),
    ...overrides,
  };
}

async function intake(variables: Record<string, unknown>): Promise<IntakeResult> {
  return (await ok<{ intakeCase: IntakeResult }>(server, INTAKE, { input: variables })).intakeCase;
}

async function count(label: string): Promise<number> {
  const rows = await db.read(`MATCH (n:${label}) RETURN count(n) AS n`);
  return Number(rows[0]?.n);
}

async function counts(): Promise<Record<string, number>> {
  return {
    sme: await count("Sme"),
    case: await count("Case"),
    person: await count("Person"),
    partner: await count("Partner"),
    event: await count("CaseEvent"),
  };
}

beforeAll(async () => {
  db = await connectTestDatabase();
  server = await signedInAs(await startTestServer(db), COORD);
});

beforeEach(async () => {
  await resetGraph(db);
  await seedWorkspace(db, { id: "ws", coordinators: [{ id: COORD, name: "Carla" }] });
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("intakeCase", () => {
  it("creates the SME, its contact, the referring partner and the case in INTAKE with its first event", async () => {
    const result = await intake(
      input({
        contact: { name: "Anna de Graaf", email: "Anna@DeGraaf.nl", phone: "0612345678" },
        partner: { name: "Rabobank Haarlem", kind: "BANK" },
        referredOn: day(-3),
        question: "Hoe verkopen we online?",
      }),
    );
    expect(result).toMatchObject({ status: "INTAKE", smeCreated: true, coordinatorId: COORD });
    const rows = await db.read(
      `MATCH (p:Partner)-[r:REFERRED]->(k:Case {id: $id})<-[:ASKED]-(s:Sme), (k)-[:HAD_EVENT]->(e:CaseEvent),
             (c:Person)-[:CONTACT_FOR]->(s), (k)-[:HANDLED_BY]->(co:Person)
       RETURN s.name AS sme, s.city AS city, c.name AS contact, c.email AS email, p.name AS partner, p.kind AS kind,
              toString(r.date) AS referred, k.title AS title, k.topics AS topics, k.wantedLevels AS levels, k.effort AS effort,
              toString(k.earliestStart) AS start, toString(k.deadline) AS deadline, k.status AS status, k.question AS question,
              e.from AS from, e.to AS to, e.by AS by, co.id AS coordinator`,
      { id: result.caseId },
    );
    expect(rows).toEqual([
      {
        sme: "Bakkerij De Graaf",
        city: "Haarlem",
        contact: "Anna de Graaf",
        email: "anna@degraaf.nl",
        partner: "Rabobank Haarlem",
        kind: "BANK",
        referred: day(-3),
        title: "Een webshop",
        topics: ["webshop", "data"],
        levels: ["HBO", "MBO"],
        effort: "SPRINT",
        start: day(10),
        deadline: day(120),
        status: "INTAKE",
        question: "Hoe verkopen we online?",
        from: null,
        to: "INTAKE",
        by: COORD,
        coordinator: COORD,
      },
    ]);
  });

  it("finds the SME by KvK number, however the name is spelled, and fills in what was missing", async () => {
    const first = await intake(input({}, { name: "Bakkerij De Graaf", kvkNumber: "12345678", city: null }));
    const second = await intake(
      input({ title: "Boekhouding" }, { name: "De Graaf Brood B.V.", kvkNumber: "1234 5678", city: "Haarlem", sector: "Food" }),
    );
    expect(second.smeId).toBe(first.smeId);
    expect([first.smeCreated, second.smeCreated]).toEqual([true, false]);
    const rows = await db.read(
      "MATCH (s:Sme)-[:ASKED]->(k:Case) RETURN s.name AS name, s.city AS city, s.sector AS sector, count(k) AS cases",
    );
    expect(rows).toEqual([{ name: "Bakkerij De Graaf", city: "Haarlem", sector: "Food", cases: 2 }]);
  });

  it("finds the SME by name + city, case-insensitive and trimmed, when no KvK number is given", async () => {
    const first = await intake(input());
    const second = await intake(input({ title: "Tweede vraag" }, { name: "  bakkerij de graaf ", city: "HAARLEM" }));
    expect(second).toMatchObject({ smeId: first.smeId, smeCreated: false });
    const other = await intake(input({ title: "Andere stad" }, { city: "Leiden" }));
    expect(other).toMatchObject({ smeCreated: true });
    expect(other.smeId).not.toBe(first.smeId);
    expect(await count("Sme")).toBe(2);
  });

  it("gives an SME found by name + city the KvK number it did not have yet", async () => {
    const first = await intake(input());
    const second = await intake(input({ title: "Met KvK" }, { kvkNumber: "87654321" }));
    expect(second.smeId).toBe(first.smeId);
    expect(await db.read("MATCH (s:Sme) RETURN s.kvkNumber AS kvk")).toEqual([{ kvk: "87654321" }]);
  });

  it("finds the contact by e-mail and the partner by name or id", async () => {
    const first = await intake(
      input({ contact: { name: "Anna", email: "anna@degraaf.nl" }, partner: { name: "Rabobank", kind: "BANK" } }),
    );
    const second = await intake(
      input({ title: "Nog een", contact: { name: "Anna de Graaf", email: " ANNA@degraaf.nl" }, partner: { name: " rabobank " } }),
    );
    expect(second.contactId).toBe(first.contactId);
    expect(second.partnerId).toBe(first.partnerId);
    const third = await intake(input({ title: "Derde", partner: { id: first.partnerId } }));
    expect(third.partnerId).toBe(first.partnerId);
    // One referral per case: the partner referred each of the three questions.
    expect(await db.read("MATCH (p:Partner)-[r:REFERRED]->(:Case) RETURN p.name AS name, count(r) AS referrals")).toEqual([
      { name: "Rabobank", referrals: 3 },
    ]);
  });

  it.each([
    ["BAD_USER_INPUT", "sme.kvkNumber", input({}, { kvkNumber: "1234567" })],
    ["BAD_USER_INPUT", "title", input({ title: " " })],
    ["BAD_USER_INPUT", "wantedLevels", input({ wantedLevels: [] })],
    ["BAD_USER_INPUT", "deadline", input({ earliestStart: day(30), deadline: day(29) })],
    ["BAD_USER_INPUT", "contact.email", input({ contact: { name: "Anna", email: "anna.degraaf.nl" } })],
    ["NOT_FOUND", "partner.id", input({ partner: { id: "no-such-partner" } })],
    ["NOT_FOUND", "coordinator", input({ coordinator: "no-such-person" })],
  ] as Array<[string, string, Record<string, unknown>]>)(
    "refuses with %s on %s and writes nothing",
    async (code, field, variables) => {
      const before = await counts();
      const error = await refused(server, INTAKE, { input: variables });
      expect(error.extensions).toMatchObject({ code, field });
      expect(await counts()).toEqual(before);
    },
  );
});

describe("concurrent intakes of the same SME", () => {
  it("make one SME by KvK number when ten arrive at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        server.graphql<{ intakeCase: IntakeResult }>(INTAKE, {
          input: input({ title: `Vraag ${i}` }, { kvkNumber: "11223344" }),
        }),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data?.intakeCase.smeId)).size).toBe(1);
    expect(results.filter((r) => r.data?.intakeCase.smeCreated)).toHaveLength(1);
    expect(await db.read("MATCH (s:Sme) RETURN s.kvkNumber AS kvk, COUNT { (s)-[:ASKED]->() } AS cases")).toEqual([
      { kvk: "11223344", cases: 10 },
    ]);
  });

  it("make one SME, one contact and one partner by name + city when ten arrive at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        server.graphql<{ intakeCase: IntakeResult }>(INTAKE, {
          input: input(
            {
              title: `Vraag ${i}`,
              contact: { name: "Piet" },
              partner: { name: "KvK Noord-Holland", kind: "CHAMBER_OF_COMMERCE" },
            },
            { name: i % 2 ? "Fietsenmaker Jansen" : "fietsenmaker jansen " },
          ),
        }),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(await count("Sme")).toBe(1);
    expect(await count("Partner")).toBe(1);
    expect(await db.read("MATCH (p:Person)-[:CONTACT_FOR]->(:Sme) RETURN p.name AS name")).toEqual([{ name: "Piet" }]);
    expect(await count("Case")).toBe(10);
  });
});
