import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { buildGraphQLSchema } from "../../server/app/build-schema.js";
import { createOfflineDatabase } from "../../server/platform/neo4j/offline-database.js";

/**
 * The merged API schema (generated CRUD + custom resolvers), built without Neo4j exactly as
 * scripts/print-schema.ts builds it, written to tests/snapshots/schema.graphql: a change to the API
 * shows in review as a diff there. Update after a deliberate change with
 * `npx vitest run tests/unit/printed-schema.test.ts -u`.
 */
// The graphql that @neo4j/graphql and type-graphql build the schema with (CommonJS); vitest would
// otherwise hand this file the ES module copy, whose type checks refuse the other copy's types.
const { lexicographicSortSchema, printSchema } = createRequire(import.meta.url)("graphql") as typeof import("graphql");

describe("the printed API schema", () => {
  it("matches tests/snapshots/schema.graphql", async () => {
    const db = createOfflineDatabase();
    try {
      const schema = await buildGraphQLSchema(db);
      await expect(`${printSchema(lexicographicSortSchema(schema))}\n`).toMatchFileSnapshot("../snapshots/schema.graphql");
    } finally {
      await db.close();
    }
  });
});
