import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { inject } from "vitest";
import { connectDatabase, type Database } from "../../server/platform/neo4j/database.js";
import { constraintStatements, ensureConstraints } from "../../server/platform/neo4j/constraints.js";
import { holdOwnPart, holdWholeGraph } from "./graph-lock.js";

/**
 * JVM options for a Neo4j a test file starts of its own (tests/global-setup.ts): a quicker start for
 * JVMs that live seconds. Pass them as `jvmOptions`, or to a child process as NEO4J_JVM_OPTIONS.
 */
export function testJvmOptions(): string[] {
  const archive = inject("neo4jClassArchive");
  return [...inject("neo4jJvmOptions"), ...(existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : [])];
}

/** The same, as the NEO4J_JVM_OPTIONS of a process under test. */
export function testJvmOptionsEnv(): { NEO4J_JVM_OPTIONS: string } {
  // NEO4J_JVM_OPTIONS is split at spaces: an archive in a folder with a space in its path stays out.
  return {
    NEO4J_JVM_OPTIONS: testJvmOptions()
      .filter((option) => !/\s/.test(option))
      .join(" "),
  };
}

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
 * not start themselves, it refuses to wipe data that carries no mark of an earlier test run. The
 * calling file holds the whole graph from then until its end: no other file runs against it meanwhile.
 */
export async function resetGraph(db: Database): Promise<void> {
  await holdWholeGraph();
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
  if (!(await schemaIsInPlace(db))) await ensureConstraints(db);
}

/** The names schema/constraints.cypher gives its constraints and indexes (undefined: a statement without one). */
const schemaNames = constraintStatements().map((statement) => /^CREATE (?:CONSTRAINT|INDEX) (\w+)/.exec(statement)?.[1]);

/**
 * Whether every constraint and index of schema/constraints.cypher exists and every index is online —
 * what ensureConstraints would leave — in two reads instead of its ~30 schema statements, which
 * resetGraph would otherwise run before every test of a file that resets per test.
 */
async function schemaIsInPlace(db: Database): Promise<boolean> {
  if (schemaNames.some((name) => name === undefined)) return false;
  const constraints = await db.read("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names");
  const indexes = await db.read(
    "SHOW INDEXES YIELD name, state RETURN collect(name) AS names, all(s IN collect(state) WHERE s = 'ONLINE') AS online",
  );
  if (indexes[0]?.online !== true) return false;
  const present = new Set([...((constraints[0]?.names as string[]) ?? []), ...((indexes[0]?.names as string[]) ?? [])]);
  return schemaNames.every((name) => present.has(name!));
}

/**
 * A test file's own corner of the shared graph, for files that run side by side with others (see
 * tests/helpers/graph-lock.ts): every node it creates gets an id starting with `prefix`
 * (random per file, e.g. "t1a2b3c4d-"), its queries look only at those ids, and `clean` removes
 * only them, never the other files' data.
 */
export interface OwnScope {
  readonly prefix: string;
  /** The file's id for a local name: prefix + name. */
  id(name: string): string;
  /** Deletes this file's nodes (id starting with the prefix) and the nodes that hang only on them. */
  clean(): Promise<void>;
}

export async function ownScope(db: Database): Promise<OwnScope> {
  await holdOwnPart();
  const target = inject("neo4j");
  if (!target.embedded) {
    // The same guard as resetGraph: write only into a database the tests own.
    const rows = await db.read(
      "OPTIONAL MATCH (m:TestRunMarker) WITH count(m) AS marks MATCH (n) RETURN marks, count(n) AS nodes",
    );
    if (Number(rows[0]?.nodes ?? 0) > 0 && Number(rows[0]?.marks ?? 0) === 0) {
      throw new Error(`NEO4J_URI ${target.uri} holds nodes the tests did not create; point NEO4J_URI at an empty test database.`);
    }
    await db.write("MERGE (:TestRunMarker)");
    await ensureConstraints(db);
  }
  const prefix = `t${randomBytes(4).toString("hex")}-`;
  return {
    prefix,
    id: (name) => `${prefix}${name}`,
    async clean() {
      // Nodes without an id of the file's own (events, generated ids) go too when every neighbour is the file's.
      await db.write(
        `MATCH (n) WHERE n.id STARTS WITH $prefix
         OPTIONAL MATCH (n)--(m) WHERE m.id IS NULL OR NOT m.id STARTS WITH $prefix
         WITH collect(DISTINCT n) AS own, collect(DISTINCT m) AS around
         WITH own, [m IN around WHERE all(o IN [(m)--(x) | x] WHERE o.id STARTS WITH $prefix)] AS hanging
         FOREACH (x IN own + hanging | DETACH DELETE x)`,
        { prefix },
      );
    },
  };
}
