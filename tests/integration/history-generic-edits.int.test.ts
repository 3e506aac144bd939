import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../../server/platform/auth/sign-token.js";
import type { Role } from "../../server/platform/auth/roles.js";
import { loadConfig } from "../../server/platform/config.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { noteTestAccount } from "../helpers/test-accounts.js";
import { gql, type RawResponse } from "../helpers/trust-requests.js";

/**
 * Generic edits are recorded (#12): every change through the generated API leaves an append-only
 * record — who, when, which node, each field's old and new value — in the request's transaction,
 * readable per node with `history(id)` (a case's status changes included), hidden where the
 * caller's role may not read the field, and erased with the person it is about.
 */
let db: Database;
let server: TestServer;
let url: string;
let scope: OwnScope;
let coordinator: string;
let viewer: string;
let admin: string;
const createdIds: string[] = [];

interface Change {
  field: string;
  old: string | null;
  new: string | null;
  hidden: boolean;
}
interface Entry {
  kind: string;
  label: string;
  at: string;
  byUser: string | null;
  byPerson: string | null;
  changes: Change[];
  note: string | null;
}

const HISTORY = `query($id: ID!) { history(id: $id) { kind label at byUser byPerson note changes { field old new hidden } } }`;

async function history(id: string, token = coordinator): Promise<Entry[]> {
  const response = await gql(url, HISTORY, { id }, token);
  expect(response.body.errors).toBeUndefined();
  return (response.body.data?.history ?? []) as Entry[];
}

async function ok(response: Promise<RawResponse>): Promise<Record<string, unknown>> {
  const result = await response;
  expect(result.body.errors).toBeUndefined();
  return result.body.data ?? {};
}

async function token(id: string, roles: Role[], personId?: string): Promise<string> {
  const config = loadConfig({ NODE_ENV: "test" });
  noteTestAccount(id); // an account the test server accepts without a (:User) node (tests/helpers/test-accounts.ts)
  return (await signToken(config, { id, roles, ...(personId ? { personId } : {}) })).token;
}

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  server = await startTestServer(db);
  url = server.http.url;
  coordinator = await token(scope.id("user-kees"), ["COORDINATOR"], scope.id("kees"));
  viewer = await token(scope.id("user-viewer"), ["VIEWER"]);
  admin = await token(scope.id("user-admin"), ["ADMIN"]);
  await db.write(
    `CREATE (:Person {id: $kees, name: 'Kees Coordinator'})
     CREATE (:Sme {id: $sme, name: 'Bakkerij Bol', kvkNumber: $kvk})
     CREATE (:Person {id: $anna, name: 'Anna de Vries', email: 'anna.old@example.test'})
     CREATE (c:Case {id: $case, title: 'Webshop', topics: ['web'], wantedLevels: ['HBO'], status: 'QUALIFIED', created: datetime('2025-09-01T10:00:00Z')})
     CREATE (c)-[:HAD_EVENT]->(:CaseEvent {id: $ev1, to: 'INTAKE', at: datetime('2025-09-01T10:00:00Z'), by: $kees, note: 'From the bank'})
     CREATE (c)-[:HAD_EVENT]->(:CaseEvent {id: $ev2, from: 'INTAKE', to: 'QUALIFIED', at: datetime('2025-09-02T10:00:00Z'), by: $kees})`,
    {
      kees: scope.id("kees"),
      sme: scope.id("sme"),
      kvk: String(30_000_000 + Math.floor(Math.random() * 60_000_000)),
      anna: scope.id("anna"),
      case: scope.id("case"),
      ev1: scope.id("ev-1"),
      ev2: scope.id("ev-2"),
    },
  );
});

afterAll(async () => {
  await db.write("MATCH (r:EditRecord) WHERE r.nodeId STARTS WITH $prefix OR r.nodeId IN $ids DETACH DELETE r", {
    prefix: scope.prefix,
    ids: createdIds,
  });
  await db.write("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", { ids: createdIds });
  await scope.clean();
  await server?.http.close();
  await db?.close();
});

describe("history(id): generic edits, recorded", () => {
  it("shows a generic edit with its old and new value, who made it and when", async () => {
    const sme = scope.id("sme");
    const [stored] = await db.read("MATCH (s:Sme {id: $sme}) RETURN s.kvkNumber AS kvk", { sme });
    await ok(
      gql(
        url,
        `mutation($id: ID!) { updateSmes(where: { id: { eq: $id } }, update: { kvkNumber: { set: "87654321" }, city: { set: "Zaandam" } }) { smes { id } } }`,
        { id: sme },
        coordinator,
      ),
    );
    const entries = await history(sme);
    expect(entries).toHaveLength(1);
    const [edit] = entries;
    expect(edit).toMatchObject({ kind: "UPDATE", label: "Sme", byUser: scope.id("user-kees"), byPerson: scope.id("kees") });
    expect(Date.now() - Date.parse(edit?.at ?? "")).toBeLessThan(60_000);
    expect(edit?.changes).toEqual(
      expect.arrayContaining([
        { field: "kvkNumber", old: JSON.stringify(stored?.kvk), new: '"87654321"', hidden: false },
        { field: "city", old: "null", new: '"Zaandam"', hidden: false },
      ]),
    );
  });

  it("records creates, relationship changes, and writes no record when the request fails", async () => {
    const created = await ok(
      gql(
        url,
        `mutation { createInstitutions(input: [{ name: "Hogeschool Historie", kind: HBO }]) { institutions { name } } }`,
        {},
        coordinator,
      ),
    );
    expect(created).toEqual({ createInstitutions: { institutions: [{ name: "Hogeschool Historie" }] } });
    const [row] = await db.read("MATCH (i:Institution {name: 'Hogeschool Historie'}) RETURN i.id AS id");
    const id = String(row?.id);
    createdIds.push(id);
    const [creation] = await history(id);
    expect(creation?.kind).toBe("CREATE");
    expect(creation?.changes).toEqual(
      expect.arrayContaining([{ field: "name", old: "null", new: '"Hogeschool Historie"', hidden: false }]),
    );

    const caseId = scope.id("case");
    await ok(
      gql(
        url,
        `mutation($id: ID!, $kees: ID!) { updateCases(where: { id: { eq: $id } }, update: { coordinator: [{ connect: [{ where: { node: { id: { eq: $kees } } } }] }] }) { cases { id } } }`,
        { id: caseId, kees: scope.id("kees") },
        coordinator,
      ),
    );
    // A failing request: the edit and its record roll back together.
    const failed = await gql(
      url,
      `mutation($id: ID!) { updateCases(where: { id: { eq: $id } }, update: { title: { set: "Nieuw" } }) { cases { id } }
         broken: updateInstitutions(where: { id: { eq: "${scope.id("missing")}" } }, update: { city: { set: "X" } }) { institutions { id } } }`,
      { id: caseId },
      coordinator,
    );
    expect(failed.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const entries = await history(caseId);
    // Newest first: the coordinator link, then the two status changes of the timeline.
    expect(entries.map((e) => e.kind)).toEqual(["UPDATE", "STATUS", "STATUS"]);
    expect(entries[0]?.changes).toEqual([
      { field: "coordinator", old: "[]", new: JSON.stringify([{ id: scope.id("kees") }]), hidden: false },
    ]);
    expect(entries[1]?.changes).toEqual([{ field: "status", old: '"INTAKE"', new: '"QUALIFIED"', hidden: false }]);
    expect(entries[2]).toMatchObject({ byPerson: scope.id("kees"), note: "From the bank" });
  });

  it("hides personal data from roles that may not read it, and erasure removes the old values", async () => {
    const anna = scope.id("anna");
    await ok(
      gql(
        url,
        `mutation($id: ID!) { updatePeople(where: { id: { eq: $id } }, update: { email: { set: "anna.new@example.test" }, jobTitle: { set: "Docent" } }) { people { id } } }`,
        { id: anna },
        coordinator,
      ),
    );
    const seenByCoordinator = (await history(anna))[0]?.changes ?? [];
    expect(seenByCoordinator).toEqual(
      expect.arrayContaining([{ field: "email", old: '"anna.old@example.test"', new: '"anna.new@example.test"', hidden: false }]),
    );
    const seenByViewer = (await history(anna, viewer))[0]?.changes ?? [];
    expect(seenByViewer).toEqual(
      expect.arrayContaining([
        { field: "email", old: null, new: null, hidden: true },
        { field: "jobTitle", old: "null", new: '"Docent"', hidden: false },
      ]),
    );
    expect(JSON.stringify(seenByViewer)).not.toContain("anna.");

    const erased = await ok(gql(url, `mutation($id: ID!) { erasePerson(id: $id) { erasedId } }`, { id: anna }, admin));
    const erasedId = String((erased.erasePerson as { erasedId: string }).erasedId);
    createdIds.push(erasedId);
    const leftovers = await db.read(
      "MATCH (r:EditRecord) WHERE r.changes CONTAINS 'anna.' OR r.nodeId = $anna RETURN count(r) AS n",
      { anna },
    );
    expect(leftovers[0]?.n).toBe(0);
    const [afterErasure] = await history(erasedId, admin);
    expect(afterErasure?.changes).toEqual(expect.arrayContaining([{ field: "email", old: "null", new: "null", hidden: false }]));
  });

  it("refuses a generic delete that would rewire a workflow fact (a course with a sprint), and records nothing", async () => {
    const course = scope.id("course");
    await db.write(
      `CREATE (c:Course {id: $course, name: 'Webdesign', kind: 'COURSE', themes: [], mappingStatus: 'NOT_APPROACHED'})
       CREATE (:Sprint {id: $sprint, status: 'PLANNED'})-[:IN_COURSE]->(c)`,
      { course, sprint: scope.id("sprint") },
    );
    const response = await gql(
      url,
      `mutation($id: ID!) { deleteCourses(where: { id: { eq: $id } }) { nodesDeleted } }`,
      { id: course },
      coordinator,
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(response.body.errors?.[0]?.message).toContain("matchCase");
    expect(
      (
        await db.read("MATCH (:Sprint {id: $s})-[:IN_COURSE]->(:Course {id: $c}) RETURN count(*) AS n", {
          s: scope.id("sprint"),
          c: course,
        })
      )[0]?.n,
    ).toBe(1);
    expect(await history(course)).toEqual([]);
  });

  it("offers no write on the records: they are append-only", async () => {
    const response = await gql(url, `mutation { deleteEditRecords { nodesDeleted } }`, {}, admin);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const query = await gql(url, `{ editRecords { id } }`, {}, admin);
    expect(query.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
