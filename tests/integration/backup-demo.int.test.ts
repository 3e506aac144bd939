import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupGraph } from "../../server/domains/backup/backup-graph.js";
import { graphFingerprint } from "../../server/domains/backup/graph-fingerprint.js";
import { restoreGraph } from "../../server/domains/backup/restore-graph.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { loadDemoData } from "../../seed/load-demo.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";

/** The promise on real data: backup → wipe → restore of the demo graph loses nothing. */
let db: Database;
const dir = mkdtempSync(path.join(os.tmpdir(), "werkplaats-backup-demo-"));

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await loadDemoData(db);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.close();
});

describe("backup and restore of the demo data", () => {
  it("round-trips: equal node, relationship and property counts and content hash", async () => {
    const before = await graphFingerprint(db);
    expect(before.nodes).toBeGreaterThan(1000);
    const file = path.join(dir, "demo.jsonl.gz");
    await backupGraph(db, file);

    await db.autoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
    expect((await graphFingerprint(db)).nodes).toBe(0);

    await restoreGraph(db, file, { wipe: false });
    const after = await graphFingerprint(db);
    expect(after).toEqual(before);
  });
});
