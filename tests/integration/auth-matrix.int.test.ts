import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessFamilies, allows, protectedGraphFields, type AccessFamily } from "../../server/platform/auth/access-policy.js";
import { rootFieldPolicy, type RootFieldPolicy } from "../../server/platform/auth/guard-schema.js";
import { hasPortalRole, ROLES, type Role } from "../../server/platform/auth/roles.js";
import { UserStore } from "../../server/platform/auth/UserStore.js";
import { graphFingerprint } from "../../server/domains/backup/graph-fingerprint.js";
import { readTypeDefs } from "../../server/app/build-schema.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { isEnum, isInputObject, isList, isNonNull, isObject, namedType } from "../../server/platform/validation/inspect-type.js";
import { workflowOwnedTypes } from "../../server/platform/model/workflow-doors.js";
import { readGraphShape } from "../../server/platform/validation/read-graph-shape.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { gql, type RawResponse } from "../helpers/trust-requests.js";

/**
 * The authorization matrix: every Query and Mutation field of the served schema — generated and
 * custom, including those added after this test was written — must belong to a family of
 * server/platform/auth/access-policy.ts; then every role (and an anonymous caller) is sent every field, and
 * is let through exactly when the table says so. Field-level protections (contact details, case
 * text) are checked the same way for reading, filtering, sorting and aggregating.
 */
type Caller = Role | "ANONYMOUS";
const callers: Caller[] = ["ANONYMOUS", ...ROLES];

let db: Database;
let server: TestServer;
let schema: GraphQLSchema;
const tokens = new Map<Caller, string | undefined>();
const policies: Array<{ operation: "query" | "mutation"; field: GraphQLField<unknown, unknown>; policy: RootFieldPolicy }> = [];

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await startTestServer(db, { roles: null });
  // The schema the server serves (built once per process, server/app/create-app.ts appSchema), not a second build.
  schema = server.http.app.schema;
  const shape = readGraphShape(readTypeDefs());
  for (const [operation, type] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {}))
      policies.push({ operation, field, policy: rootFieldPolicy(operation, field, shape) });
  }
  // Real accounts, signed in through the API, one per role.
  const store = new UserStore(db);
  await store.ensureConstraints();
  tokens.set("ANONYMOUS", undefined);
  for (const role of ROLES) {
    // A portal account (INSTITUTION_CONTACT, TEACHER) always has its person (issue #18).
    const personId = hasPortalRole([role]) ? `matrix-person-${role.toLowerCase()}` : undefined;
    if (personId) await db.write(`CREATE (:Person {id: $personId, name: $role})`, { personId, role });
    await store.create({
      email: `${role.toLowerCase()}@matrix.test`,
      name: role,
      password: `matrix password ${role}`,
      roles: [role],
      ...(personId ? { personId } : {}),
    });
    await signIn(role);
  }
});

async function signIn(role: Role): Promise<void> {
  const login = await gql(
    server.http.url,
    `mutation { login(email: "${role.toLowerCase()}@matrix.test", password: "matrix password ${role}") { token } }`,
  );
  tokens.set(role, (login.body.data?.login as { token: string }).token);
}

/** Ends the caller's own tokens: sent last, on its own (below), so the sweep's other calls keep a working token. */
const ENDS_SIGN_IN = "signOutEverywhere";

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

/** A literal that passes GraphQL validation for a required argument or input field. */
function minimalLiteral(type: unknown, depth = 0): string {
  if (isNonNull(type)) return minimalLiteral(type.ofType, depth);
  if (isList(type)) return `[${minimalLiteral(type.ofType, depth)}]`;
  const named = namedType(type);
  if (isEnum(named)) return (named as unknown as { getValues(): Array<{ name: string }> }).getValues()[0]?.name ?? "X";
  if (isInputObject(named)) {
    if (depth > 4) return "{}";
    const required = Object.values(named.getFields()).filter((f) => isNonNull(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${minimalLiteral(f.type, depth + 1)}`).join(", ")} }`;
  }
  switch (named.name) {
    case "Int":
      return "1";
    case "Float":
      return "0.5";
    case "Boolean":
      return "true";
    case "Date":
      return `"2025-01-01"`;
    case "DateTime":
      return `"2025-01-01T00:00:00Z"`;
    case "ID":
      return `"matrix-missing-id"`;
    default:
      return `"matrix"`;
  }
}

function minimalOperation(operation: "query" | "mutation", field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .filter((a) => isNonNull(a.type) && a.defaultValue === undefined)
    .map((a) => `${a.name}: ${minimalLiteral(a.type)}`);
  const selection = isObject(namedType(field.type)) || !("serialize" in namedType(field.type)) ? " { __typename }" : "";
  return `${operation} { ${field.name}${args.length ? `(${args.join(", ")})` : ""}${selection} }`;
}

/** Refused by the access guard (not by a later check such as a wrong current password). */
function refusedByGuard(response: RawResponse, fieldName: string): boolean {
  return (response.body.errors ?? []).some(
    (e) =>
      (e.extensions?.code === "FORBIDDEN" && e.extensions.field === fieldName) ||
      (e.extensions?.code === "UNAUTHENTICATED" && /^Sign in first/.test(e.message)),
  );
}

/** Runs the requests a few at a time: the server is real, the machine small. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>, size = 6): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

function rolesOf(caller: Caller): Role[] | undefined {
  return caller === "ANONYMOUS" ? undefined : [caller];
}

describe("the authorization matrix", () => {
  it("has a family in access-policy.ts for every Query and Mutation field", () => {
    expect(policies.length).toBeGreaterThan(60);
    const unlisted = policies.filter((p) => p.policy.kind === "unlisted").map((p) => `${p.operation} ${p.field.name}`);
    expect(
      unlisted,
      `fields without an access family — add @Access("<FAMILY>") to their resolvers: ${unlisted.join(", ")}`,
    ).toEqual([]);
  });

  it("recognises every generated field as GRAPH_READ or GRAPH_WRITE", () => {
    const generated = policies.filter((p) => p.policy.kind.startsWith("generated"));
    const nodeTypes = readGraphShape(readTypeDefs()).nodeTypes.size;
    expect(generated.filter((p) => p.operation === "query")).toHaveLength(nodeTypes * 2); // list + connection
    // create, update, delete — less those the workflow owns (server/platform/model/workflow-doors.ts, #12).
    const withheld = Object.values(workflowOwnedTypes).reduce((sum, door) => sum + 3 - door.generated.length, 0);
    expect(generated.filter((p) => p.operation === "mutation")).toHaveLength(nodeTypes * 3 - withheld);
  });

  it("refuses every field to every caller the table leaves out, changing nothing", async () => {
    const before = await graphFingerprint(db);
    const mistakes: string[] = [];
    const cases = policies.flatMap((p) =>
      callers.filter((c) => !allows(p.policy.family, rolesOf(c))).map((caller) => ({ ...p, caller })),
    );
    await inBatches(cases, async ({ operation, field, caller }) => {
      const response = await gql(server.http.url, minimalOperation(operation, field), undefined, tokens.get(caller));
      if (!refusedByGuard(response, field.name))
        mistakes.push(`${caller} ${field.name}: ${JSON.stringify(response.body).slice(0, 200)}`);
    });
    expect(mistakes).toEqual([]);
    expect(cases.length).toBeGreaterThan(100);
    expect(await graphFingerprint(db)).toEqual(before);
  }, 300_000);

  it("lets every field through to every caller the table allows", async () => {
    const mistakes: string[] = [];
    const cases = policies
      .filter((p) => p.field.name !== ENDS_SIGN_IN)
      .flatMap((p) => callers.filter((c) => allows(p.policy.family, rolesOf(c))).map((caller) => ({ ...p, caller })));
    const slowest: Array<[number, string]> = [];
    await inBatches(cases, async ({ operation, field, caller }) => {
      const started = Date.now();
      const response = await gql(server.http.url, minimalOperation(operation, field), undefined, tokens.get(caller));
      slowest.push([Date.now() - started, `${caller} ${field.name}`]);
      if (refusedByGuard(response, field.name) || response.status >= 500) {
        mistakes.push(`${caller} ${field.name}: ${JSON.stringify(response.body).slice(0, 200)}`);
      }
    });
    const endsSignIn = policies.find((p) => p.field.name === ENDS_SIGN_IN);
    expect(endsSignIn).toBeDefined();
    for (const role of ROLES.filter((r) => allows(endsSignIn!.policy.family, [r]))) {
      const response = await gql(server.http.url, minimalOperation("mutation", endsSignIn!.field), undefined, tokens.get(role));
      if (refusedByGuard(response, ENDS_SIGN_IN) || response.status >= 500)
        mistakes.push(`${role} ${ENDS_SIGN_IN}: ${JSON.stringify(response.body).slice(0, 200)}`);
      await signIn(role);
    }
    expect(mistakes).toEqual([]);
    expect(cases.length).toBeGreaterThan(100);
    slowest.sort((a, b) => b[0] - a[0]);
    process.stderr.write(
      `[matrix] ${cases.length} allowed calls; slowest: ${slowest
        .slice(0, 5)
        .map(([ms, what]) => `${what} ${ms} ms`)
        .join(", ")}\n`,
    );
  }, 300_000);

  it("guards contact details and case text in selections, filters, sorting and aggregates", async () => {
    await db.write(
      `CREATE (a:Person {id: 'm-a', name: 'A', email: 'a@example.test', phone: '+31 6 1234 5678', note: 'private'})
       CREATE (b:Person {id: 'm-b', name: 'B'})
       CREATE (a)-[:KNOWS {strength: 0.5, channel: 'COLLEAGUE', note: 'met at a fair'}]->(b)
       CREATE (:Case {id: 'm-c', title: 'Webshop', question: 'free text', topics: [], wantedLevels: [], status: 'INTAKE', created: datetime()})`,
    );
    const probes: Array<{ family: AccessFamily; what: string; query: string }> = [];
    for (const [type, fields] of Object.entries(protectedGraphFields)) {
      const root = policies.find(
        (p) => p.operation === "query" && p.policy.kind === "generated-read" && namedType(p.field.type).name === type,
      );
      for (const [field, family] of Object.entries(fields)) {
        if (root) {
          probes.push({ family, what: `read ${type}.${field}`, query: `{ ${root.field.name}(limit: 5) { id ${field} } }` });
          probes.push({
            family,
            what: `filter ${type}.${field}`,
            query: `{ ${root.field.name}(where: { ${field}: { contains: "a" } }) { id } }`,
          });
          probes.push({
            family,
            what: `sort ${type}.${field}`,
            query: `{ ${root.field.name}(sort: [{ ${field}: ASC }], limit: 5) { id } }`,
          });
          probes.push({
            family,
            what: `aggregate ${type}.${field}`,
            query: `{ ${root.field.name}Connection { aggregate { node { ${field} { longest } } } } }`,
          });
        }
      }
    }
    probes.push({
      family: "CONTACT_DETAILS",
      what: "read Knows.note",
      query: `{ people { knowsConnection { edges { properties { note } } } } }`,
    });
    probes.push({
      family: "CONTACT_DETAILS",
      what: "filter Knows.note",
      query: `{ people { knowsConnection(where: { edge: { note: { contains: "fair" } } }) { totalCount } } }`,
    });
    probes.push({
      family: "CONTACT_DETAILS",
      what: "fragment Person.email",
      query: `{ people { ...P } } fragment P on Person { email }`,
    });

    const mistakes: string[] = [];
    for (const probe of probes) {
      for (const caller of ROLES) {
        const response = await gql(server.http.url, probe.query, undefined, tokens.get(caller));
        const forbidden = response.body.errors?.some((e) => e.extensions?.code === "FORBIDDEN") ?? false;
        const expected = !allows(probe.family, [caller]);
        if (forbidden !== expected) mistakes.push(`${caller} ${probe.what}: ${JSON.stringify(response.body).slice(0, 160)}`);
        if (!expected && response.body.errors)
          mistakes.push(`${caller} ${probe.what} failed: ${JSON.stringify(response.body.errors).slice(0, 160)}`);
      }
    }
    expect(mistakes).toEqual([]);
    expect(probes.length).toBeGreaterThanOrEqual(40);
  });

  it("names a field in the refusal and leaks no protected value", async () => {
    const analyst = await gql(server.http.url, `{ people { name email } }`, undefined, tokens.get("ANALYST"));
    expect(analyst.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "email" });
    expect(analyst.text).not.toContain("a@example.test");
    const viewerCase = await gql(server.http.url, `{ cases { title question } }`, undefined, tokens.get("VIEWER"));
    expect(viewerCase.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "question" });
    const coordinator = await gql(
      server.http.url,
      `{ people(where: { id: { eq: "m-a" } }) { email } }`,
      undefined,
      tokens.get("COORDINATOR"),
    );
    expect(coordinator.body.data?.people).toEqual([{ email: "a@example.test" }]);
  });

  it("leaves out protected fields that @include/@skip leave out, so one document serves every role (issue #17)", async () => {
    const query = `query ($text: Boolean!) { cases(where: { id: { eq: "m-c" } }) { title question @include(if: $text) } }`;
    const without = await gql(server.http.url, query, { text: false }, tokens.get("VIEWER"));
    expect(without.body).toEqual({ data: { cases: [{ title: "Webshop" }] } });
    const asked = await gql(server.http.url, query, { text: true }, tokens.get("VIEWER"));
    expect(asked.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "question" });
    expect(asked.text).not.toContain("free text");
    const notSkipped = await gql(
      server.http.url,
      `{ cases(where: { id: { eq: "m-c" } }) { question @skip(if: false) } }`,
      undefined,
      tokens.get("ANALYST"),
    );
    expect(notSkipped.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "question" });
    const coordinator = await gql(server.http.url, query, { text: true }, tokens.get("COORDINATOR"));
    expect(coordinator.body.data?.cases).toEqual([{ title: "Webshop", question: "free text" }]);
  });

  it("lets the portal roles (#18) reach their own account and the portal's fields, and nothing else", () => {
    for (const role of ["INSTITUTION_CONTACT", "TEACHER"] as const) {
      const reachable = policies
        .filter((p) => p.policy.family !== "PUBLIC" && allows(p.policy.family, [role]))
        .map((p) => p.field.name)
        .sort();
      expect(reachable, role).toEqual(
        ["answerMyProposal", "changePassword", "claimCase", "forwardCase", "me", "myPortal", "signOutEverywhere"].sort(),
      );
    }
  });

  it("gives the portal roles (#18) no contact detail or case text of anyone in any type their fields reach", async () => {
    // Every object type the portal roles' root fields return, to any depth, and every field of it by name.
    const reachable = policies.filter(
      (p) =>
        p.policy.family !== "PUBLIC" && allows(p.policy.family, ["INSTITUTION_CONTACT"]) && allows(p.policy.family, ["TEACHER"]),
    );
    const seen = new Map<string, GraphQLObjectType>();
    const visit = (type: unknown): void => {
      const named = namedType(type);
      if (!isObject(named) || seen.has(named.name)) return;
      seen.set(named.name, named);
      for (const field of Object.values(named.getFields())) visit(field.type);
    };
    for (const { field } of reachable) visit(field.type);
    expect([...seen.keys()]).toEqual(expect.arrayContaining(["Portal", "FittingCase", "ProposalRecord", "PortalAgreement"]));
    // What counts as a contact detail or a person's words by its name, and what the portal shows on purpose.
    const sensitive = /email|phone|note|address|question|heardOf|reason|feedback|outcome|^body$|^html$|^text$/i;
    const deliberate = new Map([
      ["UserAccount.email", "the caller's own account (me, changePassword)"],
      ["FittingCase.question", "a fitting case's question, as a teacher's digest quotes it (docs/security.md)"],
      ["FittingCase.reason", "why the case fits the course: the suggestion's own words, no person's"],
      ["FittingCase.reasonEn", "the same in English"],
      ["FittingCase.reasonNl", "the same in Dutch"],
      ["ProposalRecord.withdrawnReason", "an enum (the case was matched or closed), no free text"],
    ]);
    const readable: string[] = [];
    for (const [typeName, type] of seen) {
      for (const field of Object.values(type.getFields())) {
        if (!sensitive.test(field.name) || deliberate.has(`${typeName}.${field.name}`)) continue;
        const family = (field.extensions as { access?: AccessFamily } | undefined)?.access;
        for (const role of ["INSTITUTION_CONTACT", "TEACHER"] as const) {
          if (!family || allows(family, [role])) readable.push(`${role} ${typeName}.${field.name}`);
        }
      }
    }
    expect(readable).toEqual([]);
    // …and the guard refuses such a field when asked for, with the field named.
    for (const role of ["INSTITUTION_CONTACT", "TEACHER"] as const) {
      const asked = await gql(
        server.http.url,
        `{ myPortal(language: EN) { proposals { id declineReason followUps { note } } } }`,
        undefined,
        tokens.get(role),
      );
      expect(asked.body.errors?.[0]?.extensions, role).toMatchObject({ code: "FORBIDDEN", field: "declineReason" });
    }
  });

  it("lists every family with roles (the matrix in docs/security.md)", () => {
    for (const [family, { roles }] of Object.entries(accessFamilies)) {
      expect(roles === "anyone" || roles.length > 0, family).toBe(true);
      if (roles !== "anyone") expect(roles, family).toContain("ADMIN");
    }
  });
});
