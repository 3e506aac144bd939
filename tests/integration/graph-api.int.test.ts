import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("the generated GraphQL API over the real graph", () => {
  it("creates an institution with a programme and course by nested create, and reads it back", async () => {
    const created = await server.graphql<{ createInstitutions: { institutions: Array<{ id: string }> } }>(
      `mutation {
        createInstitutions(input: [{
          name: "Hogeschool Test", kind: HBO, city: "Amsterdam",
          programmes: { create: [{ node: {
            name: "HBO-ICT", level: BACHELOR,
            courses: { create: [{ node: { name: "Data Sprint", kind: PROJECT, themes: ["data", "dashboards"], studyYear: 2 } }] }
          } }] }
        }]) { institutions { id } }
      }`,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.createInstitutions.institutions[0]?.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    // Read the graph back with raw Cypher: the nested create made real nodes and relationships.
    const rows = await db.read(
      `MATCH (c:Course)-[:PART_OF]->(p:Programme)-[:OFFERED_BY]->(i:Institution {id: $id})
       RETURN i.name AS institution, p.name AS programme, p.mappingStatus AS mapping, c.themes AS themes`,
      { id },
    );
    expect(rows).toEqual([
      { institution: "Hogeschool Test", programme: "HBO-ICT", mapping: "NOT_APPROACHED", themes: ["data", "dashboards"] },
    ]);

    const read = await server.graphql<{
      institutions: Array<{ name: string; programmes: Array<{ courses: Array<{ name: string }> }> }>;
    }>(`query { institutions(where: { kind: { eq: HBO } }) { name programmes { courses { name } } } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data?.institutions).toEqual([{ name: "Hogeschool Test", programmes: [{ courses: [{ name: "Data Sprint" }] }] }]);
  });

  it("serves the custom resolvers from the same schema", async () => {
    const result = await server.graphql<{ databaseStatus: { reachable: boolean; version: string; edition: string } }>(
      `{ databaseStatus { reachable version edition } }`,
    );
    expect(result.data?.databaseStatus.reachable).toBe(true);
    expect(result.data?.databaseStatus.version).toMatch(/^5\.26\./);
  });

  it("refuses a duplicate KvK number with a clear error and writes nothing", async () => {
    const first = await server.graphql(
      `mutation { createSmes(input: [{ name: "Bakkerij A", kvkNumber: "12345678" }]) { smes { id } } }`,
    );
    expect(first.errors).toBeUndefined();
    const second = await server.graphql(
      `mutation { createSmes(input: [{ name: "Bakkerij B", kvkNumber: "12345678" }]) { smes { id } } }`,
    );
    expect(second.errors?.[0]?.message).toMatch(/KvK number already exists/);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "kvkNumber" });
    const rows = await db.read("MATCH (s:Sme {kvkNumber: '12345678'}) RETURN s.name AS name");
    expect(rows).toEqual([{ name: "Bakkerij A" }]);
  });

  it("answers /health with the Neo4j version", async () => {
    const response = await fetch(`${server.http.url}health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; neo4j: { version: string } };
    expect(body.status).toBe("ok");
    expect(body.neo4j.version).toMatch(/^5\.26\./);
  });
});
