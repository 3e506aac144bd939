import "reflect-metadata";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mergeSchemas } from "@graphql-tools/schema";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import type { Database } from "../neo4j/database.js";
import { SystemResolver } from "../system/SystemResolver.js";

const schemaDir = fileURLToPath(new URL("../../schema/", import.meta.url));

/** The custom resolvers merged into the one schema; each domain adds its own here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const customResolvers: NonEmptyArray<Function> = [SystemResolver];

/** Every schema/*.graphql file, in name order: the graph model. */
export function readTypeDefs(): string {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => readFileSync(path.join(schemaDir, f), "utf8"))
    .join("\n");
}

/**
 * One schema at /graphql: the CRUD that @neo4j/graphql generates from schema/graph.graphql, with
 * the type-graphql resolvers (analytics, case workflow, …) merged in.
 */
export async function buildGraphQLSchema(db: Database): Promise<GraphQLSchema> {
  const neo = new Neo4jGraphQL({ typeDefs: readTypeDefs(), driver: db.driver });
  const generated = await neo.getSchema();
  const custom = await buildSchema({ resolvers: customResolvers, validate: false });
  return mergeSchemas({ schemas: [generated, custom] });
}
