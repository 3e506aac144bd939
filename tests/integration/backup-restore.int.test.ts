import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backupGraph } from "../../server/domains/backup/backup-graph.js";
import { DomainError } from "../../server/platform/graphql/domain-error.js";
import { graphFingerprint, type GraphFingerprint } from "../../server/domains/backup/graph-fingerprint.js";
import { restoreGraph } from "../../server/domains/backup/restore-graph.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";

let db: Database;
let dir: string;

/**
 * Every kind of value a property can hold, on nodes with one, several and no labels, with and
 * without an `id`, and relationships with typed properties, a self loop and two parallel ties.
 */
async function buildGraph(): Promise<void> {
  await db.write(
    `CREATE (a:Person {id: 'p-1', name: 'Anna "de" Vries\\nregel 2 — ë ✓', age: 42, negative: -7,
                      big: 9007199254740993, ratio: 0.1, whole: 1.0, huge: 1.0e300, active: true, retired: false,
                      tags: ['mentor', 'docent'], scores: [1, 2, 3], weights: [0.5, 1.0], flags: [true, false], nothing: [],
                      born: date('1983-04-05'), seen: datetime('2025-03-30T01:59:59.123456789+01:00[Europe/Amsterdam]'),
                      offsetSeen: datetime('2025-06-01T12:00:00-03:30'), utcSeen: datetime('2025-06-01T12:00:00Z'),
                      local: localdatetime('2025-06-01T08:30:00.5'), opens: localtime('08:30'), closes: time('17:00:00+02:00'),
                      notice: duration('P1Y2M10DT3H4M5.000000006S'), weekly: duration('P7D'),
                      home: point({x: 1.5, y: -2.25}), office: point({longitude: 4.9, latitude: 52.37, height: 12.0}),
                      holidays: [date('2025-12-25'), date('2025-12-26')], pins: [point({x: 0.0, y: 0.0}), point({x: 1.0, y: 1.0})],
                      nan: 0.0 / 0.0, infinite: 1.0 / 0.0})
     CREATE (b:Person:Teacher {id: 'p-2', name: 'Bram'})
     CREATE (c:Course {id: 'c-1', name: 'Data Sprint', themes: ['data']})
     CREATE (anon:Note {text: 'no id here'})
     CREATE (bare)
     CREATE (a)-[:KNOWS {strength: 0.8, channel: 'COLLEAGUE', since: date('2020-01-01'), count: 3}]->(b)
     CREATE (b)-[:TEACHES]->(c)
     CREATE (a)-[:MENTIONS {at: datetime('2025-01-01T00:00:00Z')}]->(anon)
     CREATE (anon)-[:ABOUT]->(bare)
     CREATE (anon)-[:ABOUT]->(bare)
     CREATE (bare)-[:SELF {note: 'loop'}]->(bare)`,
  );
}

beforeAll(async () => {
  db = await connectTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), "werkplaats-backup-test-"));
});

beforeEach(async () => {
  await resetGraph(db);
  await buildGraph();
});

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("round-trips the whole graph: backup, wipe, restore gives equal counts and an equal content hash", async () => {
    const before = await graphFingerprint(db);
    // Marker + 5 nodes; 6 relationships.
    expect(before).toMatchObject({ nodes: 6, relationships: 6 });
    const file = path.join(dir, "round-trip.jsonl.gz");

    const backup = await backupGraph(db, file);
    expect(backup).toMatchObject({ nodes: 6, relationships: 6 });
    expect(gunzipSync(readFileSync(file)).toString("utf8").split("\n").filter(Boolean)).toHaveLength(1 + 6 + 6 + 1);

    const restored = await restoreGraph(db, file, { wipe: true });
    expect(restored).toMatchObject({ nodes: 6, relationships: 6 });
    const after: GraphFingerprint = await graphFingerprint(db);
    expect(after).toEqual(before);

    // The types themselves survived, not only their text.
    const rows = await db.read(
      `MATCH (a:Person {id: 'p-1'})
       RETURN a.big = 9007199254740993 AS bigExact, valueType(a.whole) AS whole, valueType(a.age) AS age,
              valueType(a.born) AS born, valueType(a.seen) AS seen, a.seen = datetime('2025-03-30T01:59:59.123456789+01:00[Europe/Amsterdam]') AS seenExact,
              valueType(a.local) AS local, valueType(a.opens) AS opens, valueType(a.closes) AS closes,
              a.notice = duration('P1Y2M10DT3H4M5.000000006S') AS noticeExact, a.office = point({longitude: 4.9, latitude: 52.37, height: 12.0}) AS officeExact,
              valueType(a.scores) AS scores, valueType(a.weights) AS weights, valueType(a.holidays) AS holidays,
              isNaN(a.nan) AS nan, a.infinite = 1.0 / 0.0 AS infinite, a.name AS name, size(a.nothing) AS nothing`,
    );
    expect(rows[0]).toEqual({
      bigExact: true,
      whole: "FLOAT NOT NULL",
      age: "INTEGER NOT NULL",
      born: "DATE NOT NULL",
      seen: "ZONED DATETIME NOT NULL",
      seenExact: true,
      local: "LOCAL DATETIME NOT NULL",
      opens: "LOCAL TIME NOT NULL",
      closes: "ZONED TIME NOT NULL",
      noticeExact: true,
      officeExact: true,
      scores: "LIST<INTEGER NOT NULL> NOT NULL",
      weights: "LIST<FLOAT NOT NULL> NOT NULL",
      holidays: "LIST<DATE NOT NULL> NOT NULL",
      nan: true,
      infinite: true,
      name: 'Anna "de" Vries\nregel 2 — ë ✓',
      nothing: 0,
    });
    const rel = await db.read(
      "MATCH (:Person {id: 'p-1'})-[k:KNOWS]->(:Person {id: 'p-2'}) RETURN valueType(k.since) AS since, valueType(k.count) AS count",
    );
    expect(rel).toEqual([{ since: "DATE NOT NULL", count: "INTEGER NOT NULL" }]);
    // Nothing of the restore's own bookkeeping is left behind.
    expect(await db.read("MATCH (n) WHERE n:__RestoreNode OR n.__restoreKey IS NOT NULL RETURN count(n) AS n")).toEqual([
      { n: 0 },
    ]);
    expect(await db.read("SHOW INDEXES YIELD name WHERE name = 'werkplaats_restore_key' RETURN count(*) AS n")).toEqual([
      { n: 0 },
    ]);
  });

  it("restores into an empty database without --wipe", async () => {
    const before = await graphFingerprint(db);
    const file = path.join(dir, "into-empty.jsonl.gz");
    await backupGraph(db, file);
    await db.autoCommit("MATCH (n) DETACH DELETE n");
    await restoreGraph(db, file);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it("changes the hash when one property changes, even only in type, and not when it changes back", async () => {
    const original = await graphFingerprint(db);
    await db.write("MATCH (b:Person {id: 'p-2'}) SET b.name = 'Bram!'");
    const renamed = await graphFingerprint(db);
    expect(renamed.hash).not.toBe(original.hash);
    expect(renamed).toMatchObject({
      nodes: original.nodes,
      relationships: original.relationships,
      properties: original.properties,
    });

    await db.write("MATCH (b:Person {id: 'p-2'}) SET b.name = 'Bram'");
    expect((await graphFingerprint(db)).hash).toBe(original.hash);

    // 1.0 (a float) and 1 (an integer) are different values.
    await db.write("MATCH (a:Person {id: 'p-1'}) SET a.whole = 1");
    expect((await graphFingerprint(db)).hash).not.toBe(original.hash);
    await db.write("MATCH (a:Person {id: 'p-1'}) SET a.whole = 1.0");

    // A relationship property and a relationship's direction count too.
    await db.write("MATCH ()-[k:KNOWS]->() SET k.strength = 0.7");
    expect((await graphFingerprint(db)).hash).not.toBe(original.hash);
    await db.write("MATCH ()-[k:KNOWS]->() SET k.strength = 0.8");
    expect((await graphFingerprint(db)).hash).toBe(original.hash);
    await db.write("MATCH (b:Teacher)-[t:TEACHES]->(c:Course) DELETE t CREATE (c)-[:TEACHES]->(b)");
    expect((await graphFingerprint(db)).hash).not.toBe(original.hash);
  });

  it("refuses to restore into a database that holds nodes unless told to wipe it, and leaves it alone", async () => {
    const file = path.join(dir, "not-empty.jsonl.gz");
    await backupGraph(db, file);
    await db.write("CREATE (:Person {id: 'p-3', name: 'Cas'})");
    const before = await graphFingerprint(db);

    const refused = await restoreGraph(db, file).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: "NOT_EMPTY", message: expect.stringMatching(/holds 7 nodes.*--wipe/) });
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it("refuses a cut-off backup file before deleting or writing anything", async () => {
    const file = path.join(dir, "cut.jsonl.gz");
    await backupGraph(db, file);
    const bytes = readFileSync(file);
    const lines = gunzipSync(bytes).toString("utf8").split("\n").filter(Boolean);
    // Drop the end line and the last relationship: a backup that stopped part way.
    writeFileSync(file, gzipSync(`${lines.slice(0, -2).join("\n")}\n`));
    const before = await graphFingerprint(db);

    await expect(restoreGraph(db, file, { wipe: true })).rejects.toMatchObject({ code: "INCOMPLETE_FILE" });
    expect(await graphFingerprint(db)).toEqual(before);

    // A gzip stream cut in the middle is refused the same way.
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreGraph(db, file, { wipe: true })).rejects.toBeInstanceOf(DomainError);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it("writes owner-only files without password hashes unless asked; encrypts with a key, and names a wrong one", async () => {
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    await db.write(
      "CREATE (:User {id: 'u-1', email: 'beheer@voorbeeld.example', name: 'Beheer', roles: ['ADMIN'], passwordHash: $hash})",
      { hash },
    );

    // Default: mode 0600 in a folder made 0700, no password hash (not the property, not the value).
    const file = path.join(dir, "private", "plain.jsonl.gz");
    const plain = await backupGraph(db, file);
    expect(plain).toMatchObject({ encrypted: false, passwordHashes: false, nodes: 7 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    expect(text).toContain("beheer@voorbeeld.example");
    expect(text).not.toContain('["passwordHash"');
    expect(text).not.toContain("argon2");
    // Restored, the account is there without a password: it needs a new one (docs/security.md).
    expect(await restoreGraph(db, file, { wipe: true })).toMatchObject({ nodes: 7, accountsWithoutPassword: 1 });

    // Asked for: the hashes are kept, and the round trip is exact.
    await resetGraph(db);
    await buildGraph();
    await db.write(
      "CREATE (:User {id: 'u-1', email: 'beheer@voorbeeld.example', name: 'Beheer', roles: ['ADMIN'], passwordHash: $hash})",
      { hash },
    );
    const withHashes = path.join(dir, "with-hashes.jsonl.gz");
    expect(await backupGraph(db, withHashes, undefined, { withPasswordHashes: true })).toMatchObject({ passwordHashes: true });
    expect(gunzipSync(readFileSync(withHashes)).toString("utf8")).toContain(hash);

    // Encrypted with BACKUP_KEY: neither gzip nor readable; restores with the key to the same graph.
    const key = "correct horse battery staple 42";
    const sealed = path.join(dir, "sealed.jsonl.gz.enc");
    expect(await backupGraph(db, sealed, undefined, { withPasswordHashes: true, key })).toMatchObject({ encrypted: true });
    const bytes = readFileSync(sealed);
    expect(bytes.subarray(0, 8).toString("latin1")).toBe("WPBKENC1");
    expect(bytes.includes(Buffer.from("beheer@voorbeeld.example"))).toBe(false);
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    await expect(restoreGraph(db, sealed, { wipe: true, key: "another key of some length" })).rejects.toMatchObject({
      message: expect.stringMatching(/^BACKUP_KEY does not open .*: it was encrypted with another key\.$/),
    });
    await expect(restoreGraph(db, sealed, { wipe: true })).rejects.toMatchObject({
      message: expect.stringMatching(/is encrypted: set BACKUP_KEY/),
    });
    expect(await restoreGraph(db, sealed, { wipe: true, key })).toMatchObject({ nodes: 7, accountsWithoutPassword: 0 });
    const restored = await db.read("MATCH (u:User {id: 'u-1'}) RETURN u.passwordHash AS hash");
    expect(restored[0]?.hash).toBe(hash);

    // One changed byte in the middle: the authentication fails before anything is written.
    const altered = Buffer.from(bytes);
    altered[Math.floor(altered.length / 2)] = (altered[Math.floor(altered.length / 2)] ?? 0) ^ 0xff;
    writeFileSync(sealed, altered);
    const fingerprint = await graphFingerprint(db);
    await expect(restoreGraph(db, sealed, { wipe: true, key })).rejects.toMatchObject({ code: "INCOMPLETE_FILE" });
    expect(await graphFingerprint(db)).toEqual(fingerprint);
  });
});
