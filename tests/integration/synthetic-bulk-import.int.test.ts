import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphFingerprint, type GraphFingerprint } from "../../server/domains/backup/graph-fingerprint.js";
import { loadConfig } from "../../server/platform/config.js";
import { constraintStatements } from "../../server/platform/neo4j/constraints.js";
import { connectDatabase, type Database, type Row } from "../../server/platform/neo4j/database.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4jOptions } from "../../server/platform/neo4j/embedded.js";
import {
  BulkImportRefusedError,
  bulkImportSyntheticGraph,
  generateSyntheticGraph,
  scales,
  type BulkImportSyntheticResult,
} from "../../seed/synthetic/index.js";
import { testJvmOptions } from "../helpers/neo4j.js";
import { builtEntry, freePort, projectRoot } from "../helpers/processes.js";

/**
 * The bulk path (CSV files → neo4j-admin import → start → constraints) must load exactly the graph
 * the Cypher path writes. It needs a Neo4j of its own that it can stop and import into: one data
 * folder, first loaded through Cypher (the reference), then replaced by the bulk import (--reset).
 */
const config = loadConfig();
const size = scales.S;
const referenceDate = "2026-11-28";
const home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-bulk-test-"));
const csvParent = mkdtempSync(path.join(os.tmpdir(), "werkplaats-bulk-test-csv-"));

let neo4j: EmbeddedNeo4jOptions;
let reference: { fingerprint: GraphFingerprint; counts: Row[] };
let bulk: BulkImportSyntheticResult | undefined;

function countsByKind(db: Database): Promise<Row[]> {
  return db.read(
    `CALL () { MATCH (n) RETURN 'node ' + labels(n)[0] AS kind, count(*) AS n
               UNION ALL MATCH ()-[r]->() RETURN 'rel ' + type(r) AS kind, count(*) AS n }
     RETURN kind, n ORDER BY kind`,
  );
}

beforeAll(async () => {
  neo4j = {
    home,
    runtimeDir: config.NEO4J_RUNTIME_DIR,
    boltPort: await freePort(),
    heap: "512m",
    pagecache: "64m",
    startTimeoutMs: 120_000,
    jvmOptions: testJvmOptions(),
  };
  const embedded = await startEmbeddedNeo4j(neo4j);
  try {
    const db = await connectDatabase({ uri: embedded.uri, database: "neo4j", noAuth: true });
    try {
      await generateSyntheticGraph(db, size, { referenceDate });
      reference = { fingerprint: await graphFingerprint(db), counts: await countsByKind(db) };
    } finally {
      await db.close();
    }
  } finally {
    await embedded.stop();
  }
}, 240_000);

afterAll(async () => {
  await bulk?.db.close().catch(() => {});
  await bulk?.embedded.stop();
  rmSync(home, { recursive: true, force: true });
  rmSync(csvParent, { recursive: true, force: true });
});

describe("the synthetic graph through Neo4j's bulk importer", () => {
  it("refuses a store that holds data unless reset, and leaves it untouched", { timeout: 180_000 }, async () => {
    const attempt = bulkImportSyntheticGraph(size, { neo4j, referenceDate, tempDir: csvParent });
    await expect(attempt).rejects.toBeInstanceOf(BulkImportRefusedError);
    await expect(attempt).rejects.toThrow(
      new RegExp(
        `^The database in ${home.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} holds ${reference.fingerprint.nodes} nodes: .*add --reset`,
      ),
    );
    expect(readdirSync(csvParent)).toEqual([]);
  });

  it(
    "loads the same nodes, relationships and typed properties as the Cypher path (S), and deletes its CSV files",
    { timeout: 300_000 },
    async () => {
      bulk = await bulkImportSyntheticGraph(size, { neo4j, referenceDate, reset: true, tempDir: csvParent });
      expect(await countsByKind(bulk.db)).toEqual(reference.counts);
      expect(await graphFingerprint(bulk.db)).toEqual(reference.fingerprint);
      expect(readdirSync(csvParent)).toEqual([]);

      const g = bulk.generation;
      expect(g).toMatchObject({
        path: "bulk",
        nodes: reference.fingerprint.nodes,
        relationships: reference.fingerprint.relationships,
      });
      expect(g.calendar).toEqual({ referenceDate, academicYear: "2026-2027", yearShift: 1 });
      // Both paths moved the calendar to the reference date's academic year (equal fingerprints above).
      expect(
        await bulk.db.read(
          "MATCH (tp:TeachingPeriod) RETURN collect(DISTINCT tp.academicYear) AS years, toString(min(tp.startDate)) AS first, toString(max(tp.endDate)) AS last",
        ),
      ).toEqual([{ years: ["2026-2027"], first: "2026-09-01", last: "2027-07-03" }]);
      expect(g.importer).toMatchObject({
        nodes: reference.fingerprint.nodes,
        relationships: reference.fingerprint.relationships,
        properties: reference.fingerprint.properties,
      });
      // Every part is in the reported time.
      expect(g.phases.map((p) => p.phase)).toEqual([
        "CSV files",
        "import",
        "delete CSV files",
        "start Neo4j",
        "constraints and indexes",
      ]);
      expect(g.ms).toBeGreaterThanOrEqual(g.phases.reduce((sum, p) => sum + p.ms, 0));
      expect(g.relationshipsPerSecond).toBe(Math.round((g.relationships * 1000) / g.ms));
    },
  );

  it("leaves every constraint and index of schema/constraints.cypher online, the KNOWS strength index among them", async () => {
    const db = bulk!.db;
    const names = constraintStatements().map((s) => /^CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+)/.exec(s)?.[1]);
    const constraints = (await db.read("SHOW CONSTRAINTS YIELD name RETURN name")).map((r) => r.name);
    const indexes = await db.read("SHOW INDEXES YIELD name, state, type WHERE type <> 'LOOKUP' RETURN name, state");
    for (const name of names) expect([...constraints, ...indexes.map((r) => r.name)]).toContain(name);
    expect(indexes.filter((r) => r.state !== "ONLINE")).toEqual([]);
    expect(
      await db.read(
        "SHOW INDEXES YIELD name, state, entityType, labelsOrTypes, properties WHERE name = 'knows_strength' RETURN state, entityType, labelsOrTypes, properties",
      ),
    ).toEqual([{ state: "ONLINE", entityType: "RELATIONSHIP", labelsOrTypes: ["KNOWS"], properties: ["strength"] }]);
    // The uniqueness constraints hold on the imported data.
    await expect(db.write("MATCH (p:Person {id: 'p-000001'}) CREATE (:Person {id: p.id})")).rejects.toThrow(/already exists/);
  });

  it(
    "refuses, in one line, a running Neo4j's store, an external server, and Cypher-only options",
    { timeout: 180_000 },
    async () => {
      // bulk.embedded is running on `home`: the CLI must not import under it.
      const cli = await builtEntry("seed/generate-cli.ts");
      const run = (args: string[], env: Record<string, string>) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [...cli, ...args], {
            cwd: projectRoot,
            env: { ...process.env, NEO4J_URI: "", NEO4J_HOME: home, NEO4J_RUNTIME_DIR: config.NEO4J_RUNTIME_DIR, ...env },
            stdio: ["ignore", "pipe", "pipe"],
          });
          let stderr = "";
          child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
          child.on("exit", (code) => resolve({ code, stderr: stderr.trim() }));
        });
      const port = new URL(bulk!.embedded.uri.replace("bolt:", "http:")).port;
      // The three refusals are independent: their CLI processes start side by side.
      const [running, external, tuned] = await Promise.all([
        run(["--bulk", "--reset"], { NEO4J_BOLT_PORT: port }),
        run(["--bulk"], { NEO4J_URI: "bolt://127.0.0.1:1" }),
        run(["--bulk", "--concurrency", "4"], { NEO4J_BOLT_PORT: port }),
      ]);
      expect(running.code).toBe(1);
      expect(running.stderr).toMatch(
        new RegExp(
          `^A Neo4j is running at bolt://127.0.0.1:${port} \\(npm start\\?\\): --bulk writes the store files .* stop it first, or drop --bulk\\.$`,
        ),
      );

      expect(external.code).toBe(1);
      expect(external.stderr).toBe(
        "--bulk writes the embedded Neo4j's store files and cannot load the server at NEO4J_URI (bolt://127.0.0.1:1): drop --bulk to load it through Cypher.",
      );

      expect(tuned.stderr).toBe("--concurrency tunes the Cypher path and means nothing with --bulk.");
      // The running graph is untouched.
      expect(await countsByKind(bulk!.db)).toEqual(reference.counts);
    },
  );
});
