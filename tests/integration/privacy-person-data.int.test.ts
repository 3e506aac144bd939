import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UserStore } from "../../server/platform/auth/UserStore.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { codeOf, gql, tokenFor } from "../helpers/trust-requests.js";

/**
 * A person's data on request: export everything held about them, and erase them — personal
 * fields, ties and notes gone, the anonymous structure that counts need kept — with nothing
 * about them in the log. One hand-built graph around Anna de Vries, whose every fact is known.
 */
let db: Database;
let server: TestServer;
let url: string;
const stderr: string[] = [];

const ANNA = {
  id: "person-anna-de-vries",
  name: "Anna de Vries",
  email: "anna.devries@hva.example",
  phone: "+31 6 1111 2222",
  note: "Prefers calls on Fridays",
};

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await startTestServer(db, { roles: null });
  url = server.http.url;
  await db.write(
    `CREATE (anna:Person {id: $id, name: $name, email: $email, phone: $phone, note: $note, jobTitle: 'Docent', digestEveryDays: 14, language: 'NL'})
     CREATE (bram:Person {id: 'person-bram', name: 'Bram Jansen', email: 'bram@example.test'})
     CREATE (cora:Person {id: 'person-cora', name: 'Cora Smit'})
     CREATE (coord:Person {id: 'person-coord', name: 'Coordinator Kees'})
     CREATE (course:Course {id: 'course-data', name: 'Data Sprint', kind: 'PROJECT', themes: ['data'], mappingStatus: 'AGREEMENT'})
     CREATE (prog:Programme {id: 'prog-ict', name: 'HBO-ICT', level: 'BACHELOR', mappingStatus: 'AGREEMENT'})
     CREATE (sme:Sme {id: 'sme-bakker', name: 'Bakkerij Bol', kvkNumber: '12345678'})
     CREATE (c:Case {id: 'case-shop', title: 'Webshop', question: 'Anna asked about a shop', topics: ['webshop'], wantedLevels: ['HBO'], status: 'PROPOSED', created: datetime('2025-09-01T10:00:00Z')})
     CREATE (c2:Case {id: 'case-data', title: 'Dashboards', topics: [], wantedLevels: [], status: 'INTAKE', created: datetime('2025-09-02T10:00:00Z')})
     CREATE (anna)-[:TEACHES]->(course)
     CREATE (anna)-[:COORDINATES]->(prog)
     CREATE (anna)-[:CONTACT_FOR]->(sme)-[:ASKED]->(c)
     CREATE (c2)-[:HANDLED_BY]->(anna)
     CREATE (anna)-[:KNOWS {strength: 0.9, channel: 'COLLEAGUE', since: date('2020-01-01'), note: 'Close colleague of Anna'}]->(bram)
     CREATE (cora)-[:KNOWS {strength: 0.4, channel: 'EVENT', note: 'Met Anna at a fair'}]->(anna)
     CREATE (bram)-[:KNOWS {strength: 0.7, channel: 'COLLEAGUE'}]->(cora)
     CREATE (coord)-[:INITIATED]->(i1:Interaction {id: 'int-1', date: date('2025-09-03'), channel: 'EMAIL', result: 'INTERESTED', note: 'Anna wants two cases'})-[:WITH]->(anna)
     CREATE (anna)-[:INITIATED]->(i2:Interaction {id: 'int-2', date: date('2025-09-04'), channel: 'PHONE', result: 'REPLIED', note: 'Anna called back'})-[:WITH]->(bram)
     CREATE (coord)-[:INITIATED]->(i3:Interaction {id: 'int-3', date: date('2025-09-05'), channel: 'EMAIL', note: 'About Bram only'})-[:WITH]->(bram)
     CREATE (p:Proposal {id: 'prop-1', sentAt: datetime('2025-09-06T09:00:00Z'), channel: 'EMAIL', answer: 'NOT_NOW', declineReason: 'Anna is on leave', expiresAt: datetime('2025-09-20T09:00:00Z')})
     CREATE (p)-[:OF_CASE]->(c)
     CREATE (p)-[:TO_TEACHER]->(anna)
     CREATE (c)-[:HAD_EVENT]->(:CaseEvent {id: 'ev-1', from: 'QUALIFIED', to: 'PROPOSED', at: datetime('2025-09-06T09:00:00Z'), by: $id})`,
    ANNA,
  );
  await new UserStore(db).ensureConstraints();
  await new UserStore(db).create({
    email: "anna@werkplaats.test",
    name: "Anna (account)",
    password: "anna's long password",
    roles: ["COORDINATOR"],
    personId: ANNA.id,
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await server?.http.close();
  await db?.close();
});

interface Exported {
  person: Record<string, unknown>;
  relationships: Array<{ relationship: string; direction: string; otherId: string }>;
  ties: Array<{ personId: string; properties: Record<string, unknown> }>;
  interactions: Array<{ role: string; properties: Record<string, unknown> }>;
  casesAsContact: Array<{ caseId: string; sme: string }>;
  casesHandled: Array<{ caseId: string }>;
  caseEvents: Array<{ caseId: string }>;
  userAccounts: Array<Record<string, unknown>>;
}

describe("exportPerson", () => {
  it("gives a coordinator everything held about the person, and nothing about others", async () => {
    const token = await tokenFor(["COORDINATOR"]);
    const response = await gql(
      url,
      `query($id: ID!) { exportPerson(id: $id) { personId exportedAt document } }`,
      { id: ANNA.id },
      token,
    );
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data?.exportPerson as { personId: string; document: string };
    const doc = JSON.parse(result.document) as Exported;
    expect(doc.person).toEqual({ ...ANNA, jobTitle: "Docent", digestEveryDays: 14, language: "NL" });
    expect(doc.relationships.map((r) => `${r.relationship}:${r.direction}:${r.otherId}`).sort()).toEqual(
      [
        "CONTACT_FOR:OUT:sme-bakker",
        "COORDINATES:OUT:prog-ict",
        "HANDLED_BY:IN:case-data",
        "INITIATED:OUT:int-2",
        "TEACHES:OUT:course-data",
        "TO_TEACHER:IN:prop-1",
        "WITH:IN:int-1",
      ].sort(),
    );
    expect(doc.ties.map((t) => [t.personId, t.properties.note]).sort()).toEqual([
      ["person-bram", "Close colleague of Anna"],
      ["person-cora", "Met Anna at a fair"],
    ]);
    expect(doc.interactions.map((i) => [i.role, i.properties.note]).sort()).toEqual([
      ["initiated", "Anna called back"],
      ["with", "Anna wants two cases"],
    ]);
    expect(doc.casesAsContact).toEqual([{ caseId: "case-shop", title: "Webshop", status: "PROPOSED", sme: "Bakkerij Bol" }]);
    expect(doc.casesHandled).toEqual([{ caseId: "case-data", title: "Dashboards", status: "INTAKE" }]);
    expect(doc.caseEvents.map((e) => e.caseId)).toEqual(["case-shop"]);
    expect(doc.userAccounts).toEqual([
      { id: expect.any(String), email: "anna@werkplaats.test", name: "Anna (account)", roles: ["COORDINATOR"], disabled: false },
    ]);
    expect(result.document).not.toContain("passwordHash");
    expect(result.document).not.toContain("About Bram only");
    expect(result.document).not.toContain("bram@example.test");
  });

  it("is refused to analysts and viewers, and says NOT_FOUND for an unknown person", async () => {
    for (const role of ["ANALYST", "VIEWER"] as const) {
      const response = await gql(url, `{ exportPerson(id: "${ANNA.id}") { document } }`, undefined, await tokenFor([role]));
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "exportPerson" });
      expect(response.text).not.toContain(ANNA.email);
    }
    const missing = await gql(
      url,
      `{ exportPerson(id: "person-nobody") { document } }`,
      undefined,
      await tokenFor(["COORDINATOR"]),
    );
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });
});

describe("erasePerson", () => {
  it("is for admins only", async () => {
    const response = await gql(
      url,
      `mutation { erasePerson(id: "${ANNA.id}") { erasedId } }`,
      undefined,
      await tokenFor(["COORDINATOR"]),
    );
    expect(codeOf(response)).toBe("FORBIDDEN");
    expect((await db.read("MATCH (p:Person {id: $id}) RETURN p.email AS email", { id: ANNA.id }))[0]?.email).toBe(ANNA.email);
  });

  it("removes personal fields, ties and notes, keeps the anonymous structure, and the counts that need it", async () => {
    const structure = `MATCH (p:Person) WITH count(p) AS people
      MATCH (:Person)-[t:TEACHES]->(:Course) WITH people, count(t) AS teaches
      MATCH (i:Interaction) WITH people, teaches, count(i) AS interactions
      MATCH (:Proposal)-[tt:TO_TEACHER]->() WITH people, teaches, interactions, count(tt) AS proposals
      MATCH (:Person)-[c:COORDINATES]->() RETURN people, teaches, interactions, proposals, count(c) AS coordinates`;
    const before = (await db.read(structure))[0];

    const response = await gql(
      url,
      `mutation { erasePerson(id: "${ANNA.id}") { erasedId tiesRemoved interactionNotesRemoved proposalReasonsRemoved caseEventsRelinked accountsUnlinked accountsRemoved } }`,
      undefined,
      await tokenFor(["ADMIN"]),
    );
    expect(response.body.errors).toBeUndefined();
    const erased = response.body.data?.erasePerson as { erasedId: string };
    expect(erased).toEqual({
      erasedId: expect.stringMatching(/^erased-[0-9a-f-]{36}$/),
      tiesRemoved: 2,
      interactionNotesRemoved: 2,
      proposalReasonsRemoved: 1,
      caseEventsRelinked: 1,
      accountsUnlinked: 1,
      accountsRemoved: 0,
    });

    // The node is there, anonymous; the old (name-bearing) id is gone.
    const node = await db.read("MATCH (p:Person {id: $id}) RETURN properties(p) AS props", { id: erased.erasedId });
    expect(node[0]?.props).toEqual({ id: erased.erasedId, name: "Erased person", erasedAt: expect.any(String) });
    expect(await db.read("MATCH (p:Person {id: $id}) RETURN p", { id: ANNA.id })).toEqual([]);

    // Nothing in the whole graph still holds her e-mail, phone, note or the notes about her.
    for (const text of [
      ANNA.email,
      ANNA.phone,
      ANNA.note,
      "Close colleague of Anna",
      "Met Anna at a fair",
      "Anna wants two cases",
      "Anna called back",
      "Anna is on leave",
      ANNA.id,
    ]) {
      const rows = await db.read(
        `MATCH (n) WHERE any(k IN keys(n) WHERE (n[k] IS :: STRING AND n[k] CONTAINS $text) OR (n[k] IS :: LIST<STRING> AND any(x IN n[k] WHERE x CONTAINS $text))) RETURN count(n) AS nodes`,
        { text },
      );
      const rels = await db.read(
        `MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE r[k] IS :: STRING AND r[k] CONTAINS $text) RETURN count(r) AS rels`,
        { text },
      );
      expect([text, rows[0]?.nodes, rels[0]?.rels]).toEqual([text, 0, 0]);
    }
    // Ties with her are gone; the tie between Bram and Cora stays; notes of others' interactions stay.
    expect(await db.read("MATCH (:Person {id: $id})-[k:KNOWS]-() RETURN k", { id: erased.erasedId })).toEqual([]);
    expect(
      (await db.read("MATCH (:Person {id: 'person-bram'})-[k:KNOWS]-(:Person {id: 'person-cora'}) RETURN count(k) AS n"))[0]?.n,
    ).toBe(1);
    expect((await db.read("MATCH (i:Interaction {id: 'int-3'}) RETURN i.note AS note"))[0]?.note).toBe("About Bram only");

    // The structure analytics count is unchanged; the case timeline points at the new id.
    expect((await db.read(structure))[0]).toEqual(before);
    expect((await db.read("MATCH (e:CaseEvent {id: 'ev-1'}) RETURN e.by AS by"))[0]?.by).toBe(erased.erasedId);
    expect(
      await db.read("MATCH (:Person {id: $id})-[:TEACHES]->(c:Course) RETURN c.id AS course", { id: erased.erasedId }),
    ).toEqual([{ course: "course-data" }]);
    expect(
      (await db.read("MATCH (u:User {email: 'anna@werkplaats.test'}) RETURN u.personId AS personId"))[0]?.personId,
    ).toBeNull();

    // Erasing again by the old id finds no one.
    const again = await gql(url, `mutation { erasePerson(id: "${ANNA.id}") { erasedId } }`, undefined, await tokenFor(["ADMIN"]));
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });

  it("wrote nothing personal to the log while signing in, exporting, refusing and erasing", async () => {
    // A failed and a good sign-in with personal e-mail addresses, and a refused filter on e-mail.
    await gql(url, `mutation { login(email: "anna@werkplaats.test", password: "wrong password here") { token } }`);
    await gql(url, `mutation { login(email: "anna@werkplaats.test", password: "anna's long password") { token } }`);
    await gql(url, `{ people(where: { email: { eq: "bram@example.test" } }) { id } }`, undefined, await tokenFor(["ANALYST"]));
    const logged = stderr.join("");
    expect(logged).toMatch(/Personal data exported/);
    expect(logged).toMatch(/Person erased/);
    expect(logged).toMatch(/Sign-in refused/);
    for (const text of [
      ANNA.name,
      ANNA.email,
      ANNA.phone,
      ANNA.id,
      "anna@werkplaats.test",
      "bram@example.test",
      "Bram Jansen",
      "anna's long password",
    ]) {
      expect(logged, text).not.toContain(text);
    }
  });
});

/**
 * The open doors (#18): an SME contact's own words on a question they sent through the public form (how they heard of
 * us) are theirs — in their export, cleared on their erasure; a portal account exists only for its person — erasure
 * removes it with its invitations, and neither the password nor a token signed before works again.
 */
describe("the open doors' personal data (#18)", () => {
  const NOOR = { id: "person-noor-visser", name: "Noor Visser", heardOf: "Mijn accountmanager Jan Smit bij de bank" };
  const PIET = {
    id: "person-piet-portal",
    name: "Piet Portal",
    email: "piet.portal@hva.example",
    password: "piet's long password",
  };

  beforeAll(async () => {
    await db.write(
      `CREATE (noor:Person {id: $noor, name: $noorName, email: 'noor@visser.example'})
       CREATE (sanne:Person {id: 'person-sanne', name: 'Sanne Visser'})
       CREATE (sme:Sme {id: 'sme-visser', name: 'Kaashandel Visser', kvkNumber: '87654321'})
       CREATE (noor)-[:CONTACT_FOR]->(sme), (sanne)-[:CONTACT_FOR]->(sme)
       CREATE (sme)-[:ASKED]->(own:Case {id: 'case-self-noor', title: 'Voorraad koppelen', question: 'Wij tellen de voorraad met de hand.',
         topics: [], wantedLevels: [], status: 'INTAKE', created: datetime('2026-11-01T10:00:00Z'), selfSubmitted: true,
         heardOf: $heardOf, submissionLanguage: 'NL', consentVersion: '2026-12-v1', consentText: 'Ik geef toestemming',
         consentAt: datetime('2026-11-01T10:00:00Z')})
       CREATE (own)-[:HAD_EVENT]->(:CaseEvent {id: 'ev-self-noor', to: 'INTAKE', at: datetime('2026-11-01T10:00:00Z'), by: $noor,
         note: 'self-submitted'})
       CREATE (sme)-[:ASKED]->(other:Case {id: 'case-self-sanne', title: 'Kassa', question: 'Een nieuwe kassa.', topics: [],
         wantedLevels: [], status: 'INTAKE', created: datetime('2026-11-02T10:00:00Z'), selfSubmitted: true,
         heardOf: 'Via de buurman van Sanne', submissionLanguage: 'NL', consentVersion: '2026-12-v1', consentText: 'Ik geef toestemming',
         consentAt: datetime('2026-11-02T10:00:00Z')})
       CREATE (other)-[:HAD_EVENT]->(:CaseEvent {id: 'ev-self-sanne', to: 'INTAKE', at: datetime('2026-11-02T10:00:00Z'),
         by: 'person-sanne', note: 'self-submitted'})
       CREATE (piet:Person {id: $piet, name: $pietName, email: $pietEmail})-[:TEACHES]->(:Course {id: 'course-piet', name: 'Minor Data',
         kind: 'PROJECT', themes: [], mappingStatus: 'AGREEMENT'})
       CREATE (:Invitation {id: 'invitation-piet', email: $pietEmail, role: 'TEACHER', status: 'PENDING', language: 'NL',
         createdAt: datetime()})-[:INVITES]->(piet)`,
      { noor: NOOR.id, noorName: NOOR.name, heardOf: NOOR.heardOf, piet: PIET.id, pietName: PIET.name, pietEmail: PIET.email },
    );
    await new UserStore(db).create({
      email: PIET.email,
      name: PIET.name,
      password: PIET.password,
      roles: ["TEACHER"],
      personId: PIET.id,
    });
  });

  it("exports the questions a contact sent through the public form, with how they heard of us and the consent", async () => {
    const response = await gql(
      url,
      `query($id: ID!) { exportPerson(id: $id) { document } }`,
      { id: NOOR.id },
      await tokenFor(["COORDINATOR"]),
    );
    expect(response.body.errors).toBeUndefined();
    const doc = JSON.parse((response.body.data?.exportPerson as { document: string }).document) as {
      submissions: Array<Record<string, unknown>>;
    };
    expect(doc.submissions).toEqual([
      {
        caseId: "case-self-noor",
        title: "Voorraad koppelen",
        question: "Wij tellen de voorraad met de hand.",
        heardOf: NOOR.heardOf,
        language: "NL",
        consentVersion: "2026-12-v1",
        consentText: "Ik geef toestemming",
        consentAt: "2026-11-01T10:00:00Z",
      },
    ]);
    // Sanne's question at the same SME is hers, not Noor's.
    expect(JSON.stringify(doc)).not.toContain("buurman van Sanne");
  });

  it("clears how they heard of us on the contact's own questions when erasing them; another contact's stays", async () => {
    const response = await gql(
      url,
      `mutation($id: ID!) { erasePerson(id: $id) { erasedId caseEventsRelinked accountsRemoved } }`,
      { id: NOOR.id },
      await tokenFor(["ADMIN"]),
    );
    expect(response.body.errors).toBeUndefined();
    const erased = response.body.data?.erasePerson as { erasedId: string; caseEventsRelinked: number; accountsRemoved: number };
    expect(erased).toMatchObject({ caseEventsRelinked: 1, accountsRemoved: 0 });
    const cases = await db.read(
      `MATCH (k:Case) WHERE k.id IN ['case-self-noor', 'case-self-sanne']
       RETURN k.id AS id, k.heardOf AS heardOf, k.consentVersion AS consentVersion ORDER BY id`,
    );
    expect(cases).toEqual([
      { id: "case-self-noor", heardOf: null, consentVersion: "2026-12-v1" },
      { id: "case-self-sanne", heardOf: "Via de buurman van Sanne", consentVersion: "2026-12-v1" },
    ]);
    const [left] = await db.read(
      "MATCH (n) WHERE any(k IN keys(n) WHERE n[k] IS :: STRING AND n[k] CONTAINS 'Jan Smit') RETURN count(n) AS n",
    );
    expect(left?.n).toBe(0);
    // The timeline entry of the question stays, by the erased id.
    expect((await db.read("MATCH (e:CaseEvent {id: 'ev-self-noor'}) RETURN e.by AS by"))[0]?.by).toBe(erased.erasedId);
  });

  it("removes a portal account with its invitations in the erasure; its password and its tokens no longer work", async () => {
    const login = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
    const signedIn = await gql(url, login, { email: PIET.email, password: PIET.password });
    expect(signedIn.body.errors).toBeUndefined();
    const token = (signedIn.body.data?.login as { token: string }).token;
    const before = await gql(url, `{ me { id roles } }`, undefined, token);
    expect(before.body.errors).toBeUndefined();

    const response = await gql(
      url,
      `mutation($id: ID!) { erasePerson(id: $id) { erasedId accountsRemoved accountsUnlinked mentionsToReview { nodeType field } } }`,
      { id: PIET.id },
      await tokenFor(["ADMIN"]),
    );
    expect(response.body.errors).toBeUndefined();
    const erased = response.body.data?.erasePerson as {
      erasedId: string;
      accountsRemoved: number;
      accountsUnlinked: number;
      mentionsToReview: Array<{ nodeType: string }>;
    };
    expect(erased).toMatchObject({ accountsRemoved: 1, accountsUnlinked: 0 });
    // Nothing of the account or the invitation is left to review: they went in the same transaction.
    expect(erased.mentionsToReview.filter((m) => m.nodeType === "User" || m.nodeType === "Invitation")).toEqual([]);
    const [left] = await db.read(
      `OPTIONAL MATCH (u:User {email: $email}) WITH count(u) AS users
       OPTIONAL MATCH (i:Invitation {id: 'invitation-piet'}) RETURN users, count(i) AS invitations`,
      { email: PIET.email },
    );
    expect(left).toEqual({ users: 0, invitations: 0 });
    // The erased person keeps their anonymous role in the graph.
    expect(
      await db.read("MATCH (:Person {id: $id})-[:TEACHES]->(c:Course) RETURN c.id AS course", { id: erased.erasedId }),
    ).toEqual([{ course: "course-piet" }]);

    // Signing in again is refused with the code of an unknown or disabled account; the old token is refused at once.
    const again = await gql(url, login, { email: PIET.email, password: PIET.password });
    expect(again.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(again.body.errors?.[0]?.message).toBe("E-mail or password is not right, or the account is disabled.");
    const after = await gql(url, `{ me { id } }`, undefined, token);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "UNKNOWN_USER" });
  });
});
