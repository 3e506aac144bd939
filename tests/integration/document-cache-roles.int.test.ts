import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/platform/auth/roles.js";
import { signToken } from "../../server/platform/auth/sign-token.js";
import { loadConfig } from "../../server/platform/config.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { noteTestAccount } from "../helpers/test-accounts.js";

/**
 * What is cached per document must not carry one role's answer to another (#19 part 3). Apollo keeps
 * every parsed and validated document (its documentStore, on by default) and hands the same
 * DocumentNode to every request with the same text; the operation limits keep their Armor verdict per
 * DocumentNode (limit-operations.ts). The access checks (guard-schema.ts) depend on the caller's roles
 * and the variables, so they run per request. One server (one document cache) answers each document
 * first for one role, then for another, in both orders.
 */
let db: Database;
let scope: OwnScope;
let server: TestServer;
const tokens = new Map<Role, string>();

async function ask(role: Role, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${server.http.url}graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${tokens.get(role)}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions?: Record<string, unknown> }> };
}

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  server = await startTestServer(db);
  const config = loadConfig({ NODE_ENV: "test" });
  for (const role of ["COORDINATOR", "VIEWER", "ANALYST"] as const) {
    const id = `doc-cache-${role.toLowerCase()}`;
    noteTestAccount(id);
    tokens.set(role, (await signToken(config, { id, roles: [role] })).token);
  }
  await db.write(
    `CREATE (:Person {id: $person, name: 'Anna', email: 'anna@example.test'})
     CREATE (:Sme {id: $sme, name: 'Bakkerij'})-[:ASKED]->(:Case {id: $case, title: 'Webshop', question: 'vrije tekst', status: 'INTAKE'})`,
    { person: scope.id("anna"), sme: scope.id("sme"), case: scope.id("case") },
  );
});

afterAll(async () => {
  await scope?.clean();
  await server?.http.close();
  await db?.close();
});

describe("documents cached across roles", () => {
  it("still refuses a viewer the forbidden field after a coordinator's identical document was answered", async () => {
    const query = `query ($id: ID!) { people(where: { id: { eq: $id } }) { name email } }`;
    const variables = { id: scope.id("anna") };
    const coordinator = await ask("COORDINATOR", query, variables);
    expect(coordinator).toEqual({ data: { people: [{ name: "Anna", email: "anna@example.test" }] } });
    for (let n = 0; n < 2; n++) {
      const viewer = await ask("VIEWER", query, variables);
      expect(viewer.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "email" });
      expect(JSON.stringify(viewer)).not.toContain("anna@example.test");
    }
    // And back: the refusal is not kept for the coordinator either.
    expect(await ask("COORDINATOR", query, variables)).toEqual(coordinator);
  });

  it("answers a coordinator after a viewer's identical document was refused", async () => {
    const query = `query ($id: ID!) { cases(where: { id: { eq: $id } }) { title question } }`;
    const variables = { id: scope.id("case") };
    expect((await ask("VIEWER", query, variables)).errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      field: "question",
    });
    expect((await ask("ANALYST", query, variables)).errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      field: "question",
    });
    expect(await ask("COORDINATOR", query, variables)).toEqual({
      data: { cases: [{ title: "Webshop", question: "vrije tekst" }] },
    });
  });

  it("decides @include per request: one cached document, the variables and the role decide", async () => {
    const query = `query ($id: ID!, $text: Boolean!) { cases(where: { id: { eq: $id } }) { title question @include(if: $text) } }`;
    const id = scope.id("case");
    expect(await ask("VIEWER", query, { id, text: false })).toEqual({ data: { cases: [{ title: "Webshop" }] } });
    expect((await ask("VIEWER", query, { id, text: true })).errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    expect(await ask("COORDINATOR", query, { id, text: true })).toEqual({
      data: { cases: [{ title: "Webshop", question: "vrije tekst" }] },
    });
    expect((await ask("VIEWER", query, { id, text: true })).errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps a filter on a protected field refused for a viewer after a coordinator's identical document", async () => {
    const query = `query ($email: String!) { people(where: { email: { eq: $email } }) { name } }`;
    const variables = { email: "anna@example.test" };
    expect(await ask("COORDINATOR", query, variables)).toEqual({ data: { people: [{ name: "Anna" }] } });
    expect((await ask("VIEWER", query, variables)).errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "email" });
  });
});
