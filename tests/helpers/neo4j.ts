import { inject } from "vitest";
import { connectDatabase, type Database } from "../../server/platform/neo4j/database.js";
import { ensureConstraints } from "../../server/platform/neo4j/constraints.js";

/** Connects to the run's Neo4j (see tests/global-setup.ts). */
export async function connectTestDatabase(): Promise<Database> {
  const target = inject("neo4j");
  return connectDatabase({
    uri: target.uri,
    username: target.username,
    password: target.password,
    database: target.database,
    noAuth: target.noAuth,
  });
}

/**
 * Empties the graph for the next test and makes sure constraints exist. On a database the tests did
 * not start themselves, it refuses to wipe data that carries no mark of an earlier test run.
 */
export async function resetGraph(db: Database): Promise<void> {
  const target = inject("neo4j");
  if (!target.embedded) {
    const rows = await db.read(
      "OPTIONAL MATCH (m:TestRunMarker) WITH count(m) AS marks MATCH (n) RETURN marks, count(n) AS nodes",
    );
    const marks = Number(rows[0]?.marks ?? 0);
    const nodes = Number(rows[0]?.nodes ?? 0);
    if (nodes > 0 && marks === 0) {
      throw new Error(
        `NEO4J_URI ${target.uri} holds ${nodes} nodes the tests did not create; the tests empty the database they use, so point NEO4J_URI at an empty test database.`,
      );
    }
  }
  await db.autoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  await db.write("CREATE (:TestRunMarker)");
  await ensureConstraints(db);
}
