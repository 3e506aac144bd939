import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { buildGraphQLSchema } from "../../server/app/build-schema.js";
import { createOfflineDatabase } from "../../server/platform/neo4j/offline-database.js";

/**
 * The merged API schema (generated CRUD + custom resolvers), built without Neo4j exactly as
 * scripts/print-schema.ts builds it, must equal the committed client/schema.generated.graphql (less
 * the header that script writes): the one printed schema, so a change to the API shows in review as
 * a diff there. After a deliberate change run `npm run codegen` and commit what it writes.
 */
// The graphql that @neo4j/graphql and type-graphql build the schema with (CommonJS); vitest would
// otherwise hand this file the ES module copy, whose type checks refuse the other copy's types.
const { lexicographicSortSchema, printSchema } = createRequire(import.meta.url)("graphql") as typeof import("graphql");

const committedPath = new URL("../../client/schema.generated.graphql", import.meta.url);

/** The committed file without the comment lines and blank line print-schema.ts writes above the schema. */
function committedSchema(): string {
  return readFileSync(committedPath, "utf8").replace(/^(#[^\n]*\n)+\n/, "");
}

describe("the printed API schema", () => {
  it("matches client/schema.generated.graphql (run `npm run codegen` after a deliberate change)", async () => {
    const db = createOfflineDatabase();
    try {
      const schema = await buildGraphQLSchema(db);
      expect(`${printSchema(lexicographicSortSchema(schema))}\n`).toBe(committedSchema());
    } finally {
      await db.close();
    }
  });
});
