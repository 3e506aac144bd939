import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphFingerprint, type GraphFingerprint } from "../../server/domains/backup/graph-fingerprint.js";
import type { Database, Row } from "../../server/platform/neo4j/database.js";
import { describeSyntheticGraph, generateSyntheticGraph, type SyntheticSize } from "../../seed/synthetic/index.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";

/**
 * The fast generator (columns, internal ids, merged statements, two statements in flight) must
 * write exactly the graph that an obvious writer writes from the same rows: one statement per node
 * and per relationship, ends found by label and domain id.
 */

const size: SyntheticSize = { people: 80, ties: 240, institutions: 2, programmes: 4, courses: 10, cases: 14, smes: 8, seed: 11 };

let db: Database;
let reference: GraphFingerprint;
let referenceCounts: Row[];

/** Writes the graph row by row in one transaction: slow and obviously right. */
async function writeReference(): Promise<void> {
  const { nodes, relationships } = describeSyntheticGraph(size);
  await db.writeTx(async (tx) => {
    for (const phase of nodes) {
      const temporal = Object.entries(phase.temporal)
        .map(([k, kind]) => `, n.${k} = ${kind}($row.${k})`)
        .join("");
      for (const row of phase.rows()) await tx.run(`CREATE (n:${phase.label}) SET n = $row.p${temporal}`, { row });
    }
    for (const phase of relationships) {
      const properties = Object.entries(phase.properties)
        .map(([k, kind]) => `, k.${k} = ${kind === "value" ? `$row.${k}` : `${kind}($row.${k})`}`)
        .join("")
        .replace(/^, /, " SET ");
      for (const row of phase.rows()) {
        const written = await tx.run(
          `MATCH (a:${phase.from} {id: $row.a}) MATCH (b:${phase.to} {id: $row.b}) CREATE (a)-[k:${phase.type}]->(b)${properties} RETURN count(*) AS n`,
          { row },
        );
        expect(written[0]?.n).toBe(1);
      }
    }
  });
}

async function countsByKind(): Promise<Row[]> {
  return db.read(
    `CALL () { MATCH (n) RETURN 'node ' + labels(n)[0] AS kind, count(*) AS n
               UNION ALL MATCH ()-[r]->() RETURN 'rel ' + type(r) AS kind, count(*) AS n }
     RETURN kind, n ORDER BY kind`,
  );
}

async function strengthIndex(): Promise<Row[]> {
  return db.read(
    "SHOW INDEXES YIELD name, state, entityType, labelsOrTypes, properties WHERE name = 'knows_strength' RETURN state, entityType, labelsOrTypes, properties",
  );
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await writeReference();
  reference = await graphFingerprint(db);
  referenceCounts = await countsByKind();
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("the synthetic generator against an obvious writer", () => {
  it("the reference holds the asked size (so that the comparison means something)", () => {
    const byKind = Object.fromEntries(referenceCounts.map((r) => [r.kind, r.n]));
    expect(byKind).toMatchObject({
      "node Person": size.people,
      "node Case": size.cases,
      "node Sme": size.smes,
      "rel KNOWS": size.ties,
    });
    expect(Object.keys(byKind).filter((k) => k.startsWith("rel ")).length).toBeGreaterThan(15);
  });

  for (const options of [
    { batchSize: 7, concurrency: 2 },
    { batchSize: 20_000, concurrency: 1 },
    { batchSize: 13, concurrency: 3, rebuildStrengthIndex: true },
  ]) {
    it(`writes the same nodes, relationships and properties (${JSON.stringify(options)}), and leaves the strength index online`, async () => {
      await resetGraph(db);
      const result = await generateSyntheticGraph(db, size, options);
      expect(await countsByKind()).toEqual(referenceCounts);
      expect(await graphFingerprint(db)).toEqual(reference);
      expect(result.relationships).toBe(reference.relationships);
      // The test run's marker node is in the graph but not written by the generator.
      expect(result.nodes).toBe(reference.nodes - 1);
      expect(await strengthIndex()).toEqual([
        { state: "ONLINE", entityType: "RELATIONSHIP", labelsOrTypes: ["KNOWS"], properties: ["strength"] },
      ]);
    });
  }

  it("re-creates the strength index when the load fails after dropping it", async () => {
    await resetGraph(db);
    let knowsBatches = 0;
    let duringLoad: Promise<Row[]> | undefined;
    const run = generateSyntheticGraph(db, size, {
      batchSize: 50,
      concurrency: 1,
      rebuildStrengthIndex: true,
      onProgress: (_done, _total, step) => {
        if (step !== "KNOWS") return;
        knowsBatches++;
        if (knowsBatches === 1) duringLoad = strengthIndex();
        if (knowsBatches === 2) throw new Error("stopped on purpose");
      },
    });
    await expect(run).rejects.toThrow("stopped on purpose");
    // The index was really gone during the load.
    expect(await duringLoad).toEqual([]);
    // It did fail during KNOWS, with the index dropped: some ties were written, not all.
    const ties = Number((await db.read("MATCH ()-[k:KNOWS]->() RETURN count(k) AS n"))[0]?.n);
    expect(ties).toBeGreaterThan(0);
    expect(ties).toBeLessThan(size.ties);
    expect(await strengthIndex()).toEqual([
      { state: "ONLINE", entityType: "RELATIONSHIP", labelsOrTypes: ["KNOWS"], properties: ["strength"] },
    ]);
  });
});
