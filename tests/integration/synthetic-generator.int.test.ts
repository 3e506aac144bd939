import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import {
  generateSyntheticGraph,
  GraphNotEmptyError,
  type GenerateResult,
  type SyntheticSize,
} from "../../seed/synthetic/index.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";

const size: SyntheticSize = {
  people: 500,
  ties: 3_000,
  institutions: 5,
  programmes: 15,
  courses: 50,
  cases: 100,
  smes: 60,
  seed: 7,
};

let db: Database;
let result: GenerateResult;

/** A content hash of everything the generator wrote, read back in id order. */
async function graphHash(): Promise<string> {
  const nodes = await db.read(
    "MATCH (n) WHERE n.id IS NOT NULL WITH n ORDER BY n.id RETURN labels(n) AS labels, properties(n) AS props",
  );
  const relationships = await db.read(
    `MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL
     WITH a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to
     RETURN from, type, to, props`,
  );
  const hash = createHash("sha256");
  for (const row of [...nodes, ...relationships]) hash.update(`${canonical(row)}\n`);
  return hash.digest("hex");
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

async function count(cypher: string): Promise<number> {
  const rows = await db.read(cypher);
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  result = await generateSyntheticGraph(db, size, { batchSize: 700 });
});

afterAll(async () => {
  await db?.close();
});

describe("the synthetic graph generator", () => {
  it("writes exactly the asked number of each node and of KNOWS ties, and reports what it wrote", async () => {
    const labels = await db.read("MATCH (n) WHERE NOT n:TestRunMarker RETURN labels(n)[0] AS label, count(*) AS n");
    const byLabel = Object.fromEntries(labels.map((r) => [r.label, r.n]));
    expect(byLabel).toMatchObject({
      Person: size.people,
      Institution: size.institutions,
      Programme: size.programmes,
      Course: size.courses,
      Case: size.cases,
      Sme: size.smes,
      Workspace: 1,
    });
    expect(await count("MATCH ()-[k:KNOWS]->() RETURN count(k) AS n")).toBe(size.ties);
    expect(result.nodes).toBe(labels.reduce((sum, r) => sum + Number(r.n), 0));
    expect(result.relationships).toBe(await count("MATCH ()-[r]->() RETURN count(r) AS n"));
    expect(result.knows.relationships).toBe(size.ties);
    expect(result.relationshipsPerSecond).toBeGreaterThan(0);
  });

  it("builds the domain structure: 3 coordinators, every course in a programme of an institution, with a teacher and a period", async () => {
    expect(await count("MATCH (:Person)-[:COORDINATOR_OF]->(w:Workspace) RETURN count(*) AS n")).toBe(3);
    expect(
      await count(
        "MATCH (c:Course) WHERE NOT EXISTS { (c)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(:Institution) } RETURN count(c) AS n",
      ),
    ).toBe(0);
    expect(await count("MATCH (c:Course) WHERE NOT EXISTS { (:Person)-[:TEACHES]->(c) } RETURN count(c) AS n")).toBe(0);
    expect(await count("MATCH (c:Course) WHERE NOT EXISTS { (c)-[:RUNS_IN]->(:TeachingPeriod) } RETURN count(c) AS n")).toBe(0);
    // A course runs only in periods of its own institution.
    expect(
      await count(
        `MATCH (c:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution), (c)-[:RUNS_IN]->(tp:TeachingPeriod)
         WHERE NOT (i)-[:HAS_PERIOD]->(tp) RETURN count(*) AS n`,
      ),
    ).toBe(0);
    expect(
      await count(
        "MATCH (p:Programme) WHERE NOT EXISTS { (:Person)-[:COORDINATES]->(p) } OR NOT EXISTS { (:Person)-[:DIRECTS]->(p) } RETURN count(p) AS n",
      ),
    ).toBe(0);
    expect(await count("MATCH (i:Institution) WHERE NOT i.kind IN ['WO', 'HBO', 'MBO'] RETURN count(i) AS n")).toBe(0);
    expect(await count("MATCH (c:Case) WHERE NOT EXISTS { (:Sme)-[:ASKED]->(c) } RETURN count(c) AS n")).toBe(0);
    // KvK numbers: eight digits, unique.
    const kvk = await db.read(
      "MATCH (s:Sme) RETURN count(s) AS smes, count(DISTINCT s.kvkNumber) AS distinct, all(x IN collect(s.kvkNumber) WHERE x =~ '[0-9]{8}') AS wellFormed",
    );
    expect(kvk[0]).toEqual({ smes: size.smes, distinct: size.smes, wellFormed: true });
    expect(
      await count(
        "MATCH (s:Sprint) WHERE NOT EXISTS { (s)-[:FOR_CASE]->(:Case) } OR NOT EXISTS { (s)-[:IN_COURSE]->(:Course) } RETURN count(s) AS n",
      ),
    ).toBe(0);
    expect(await count("MATCH (s:Sprint) RETURN count(s) AS n")).toBeGreaterThan(0);
    expect(await count("MATCH (a:Agreement)-[:MADE_BY]->(:Workspace) RETURN count(a) AS n")).toBeGreaterThan(0);
  });

  it("stores dates as Neo4j temporal values", async () => {
    const rows = await db.read(
      `MATCH (tp:TeachingPeriod) WITH valueType(tp.startDate) AS periodStart LIMIT 1
       MATCH (c:Case) WITH periodStart, valueType(c.created) AS created LIMIT 1
       MATCH ()-[k:KNOWS]->() WITH periodStart, created, valueType(k.since) AS since LIMIT 1
       RETURN periodStart, created, since`,
    );
    expect(rows[0]).toEqual({ periodStart: "DATE NOT NULL", created: "ZONED DATETIME NOT NULL", since: "DATE NOT NULL" });
  });

  it("never ties a person to themselves and never writes a pair twice, in either direction", async () => {
    expect(await count("MATCH (a)-[k:KNOWS]->(a) RETURN count(k) AS n")).toBe(0);
    expect(
      await count(
        `MATCH (a:Person)-[:KNOWS]->(b:Person)
         WITH CASE WHEN a.id < b.id THEN a.id + '|' + b.id ELSE b.id + '|' + a.id END AS pair, count(*) AS times
         WHERE times > 1 RETURN count(*) AS n`,
      ),
    ).toBe(0);
  });

  it("gives every tie a strength in (0, 1], a known channel and a start date", async () => {
    const rows = await db.read(
      `MATCH ()-[k:KNOWS]->()
       RETURN min(k.strength) AS min, max(k.strength) AS max, count(k.strength) AS withStrength, count(k.since) AS withSince,
              count(CASE WHEN k.channel IN ['COLLEAGUE', 'WARM_INTRODUCTION', 'EVENT', 'WEBSITE', 'LINKEDIN', 'SPRINT', 'OTHER'] THEN 1 END) AS knownChannel`,
    );
    const row = rows[0]!;
    expect(Number(row.min)).toBeGreaterThan(0);
    expect(Number(row.max)).toBeLessThanOrEqual(1);
    expect(row).toMatchObject({ withStrength: size.ties, withSince: size.ties, knownChannel: size.ties });
  });

  it("clusters ties inside institutions: intra-institution density well above inter-institution density", async () => {
    // A teacher's institution, read from the graph: TEACHES → PART_OF → OFFERED_BY.
    const staff = await db.read(
      `MATCH (p:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
       RETURN p.id AS person, collect(DISTINCT i.id) AS institutions`,
    );
    const institutionOf = new Map<string, string>();
    for (const row of staff) {
      const list = row.institutions as string[];
      expect(list).toHaveLength(1);
      institutionOf.set(row.person as string, list[0]!);
    }
    const sizes = new Map<string, number>();
    for (const inst of institutionOf.values()) sizes.set(inst, (sizes.get(inst) ?? 0) + 1);
    expect(sizes.size).toBe(size.institutions);

    const ties = await db.read("MATCH (a:Person)-[:KNOWS]->(b:Person) RETURN a.id AS a, b.id AS b");
    let intra = 0;
    let inter = 0;
    for (const tie of ties) {
      const ia = institutionOf.get(tie.a as string);
      const ib = institutionOf.get(tie.b as string);
      if (!ia || !ib) continue;
      if (ia === ib) intra++;
      else inter++;
    }
    const n = institutionOf.size;
    const intraPairs = [...sizes.values()].reduce((sum, k) => sum + (k * (k - 1)) / 2, 0);
    const interPairs = (n * (n - 1)) / 2 - intraPairs;
    const intraDensity = intra / intraPairs;
    const interDensity = inter / interPairs;
    expect(inter).toBeGreaterThan(0);
    expect(intraDensity).toBeGreaterThan(5 * interDensity);
  });

  it("has hubs: the best connected people have many times the mean degree", async () => {
    const rows = await db.read(
      `MATCH (p:Person) WITH p, COUNT { (p)-[:KNOWS]-() } AS degree
       RETURN avg(degree) AS mean, max(degree) AS max, percentileDisc(degree, 0.5) AS median`,
    );
    const { mean, max } = rows[0] as { mean: number; max: number };
    expect(mean).toBeCloseTo((2 * size.ties) / size.people, 5);
    expect(max).toBeGreaterThan(5 * mean);
  });

  it("refuses to write into a graph that already holds domain data", async () => {
    await expect(generateSyntheticGraph(db, size)).rejects.toBeInstanceOf(GraphNotEmptyError);
  });

  it("is deterministic: the same seed gives the same graph, another seed a different one", { timeout: 300_000 }, async () => {
    const first = await graphHash();
    await resetGraph(db);
    // Another batch size: batching must not change the content.
    await generateSyntheticGraph(db, size, { batchSize: 5_000 });
    expect(await graphHash()).toBe(first);

    await resetGraph(db);
    await generateSyntheticGraph(db, { ...size, seed: size.seed + 1 });
    expect(await graphHash()).not.toBe(first);
  });
});
