import neo4j from "neo4j-driver";
import { Database } from "./database.js";

/**
 * A Database whose driver points at a port nobody listens on and never connects: enough for
 * @neo4j/graphql to build the schema (it only connects on the first query), so the schema can be
 * printed for client code generation without a running Neo4j.
 */
export function createOfflineDatabase(): Database {
  return new Database(neo4j.driver("bolt://127.0.0.1:1"), "neo4j");
}
