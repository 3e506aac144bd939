import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { refreshSuggestionCounts } from "../server/domains/suggestions/count-case-suggestions.js";
import { loadStarterVocabulary, migrateTopics } from "../server/domains/vocabulary/index.js";
import { nowIso } from "../server/platform/clock/read-clock.js";
import { ensureConstraints } from "../server/platform/neo4j/constraints.js";
import { forgetCatalogueVersion } from "../server/platform/neo4j/catalogue-version.js";
import { forgetTieVersion } from "../server/platform/neo4j/tie-version.js";
import type { Database, Tx } from "../server/platform/neo4j/database.js";
import { buildDemoData } from "./demo/build-demo-data.js";
import { temporalProperties, type NodeBatch, type RelBatch } from "./demo/DemoGraph.js";

/**
 * Loads the demo data set (seed/demo) into Neo4j. Idempotent: nodes are merged on their ids and
 * relationships on their end points, with all properties set, so loading twice leaves the same graph.
 * Each node label and each relationship type is one UNWIND statement in its own write transaction.
 */

const schemaDir = fileURLToPath(new URL("../schema/", import.meta.url));

/** Rows per statement; the demo's largest batch is under a thousand, larger data sets are split. */
const BATCH_ROWS = 5000;

export interface LoadDemoOptions {
  /** Delete all domain data first, then load. */
  reset?: boolean;
  /** One line per step, for a person watching. */
  onProgress?: (line: string) => void;
}

export interface LoadDemoResult {
  /** Nodes and relationships the demo data set consists of (all merged into the graph). */
  nodes: number;
  relationships: number;
  ms: number;
}

/** The node labels of the domain: every `type X @node` in schema/*.graphql. */
export function domainLabels(): string[] {
  const labels = new Set<string>();
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".graphql"))) {
    for (const match of readFileSync(path.join(schemaDir, file), "utf8").matchAll(/^\s*type\s+(\w+)\s+@node\b/gm)) {
      if (match[1]) labels.add(match[1]);
    }
  }
  return [...labels].sort();
}

/** True when the graph holds no domain node at all (other nodes, such as a test marker, do not count). */
export async function graphIsEmpty(db: Database): Promise<boolean> {
  const rows = await db.read("RETURN NOT EXISTS { MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels) } AS empty", {
    labels: domainLabels(),
  });
  return rows[0]?.empty === true;
}

/** Deletes every domain node with its relationships, in batches so a large graph does not need one huge transaction. */
export async function deleteDomainData(db: Database): Promise<void> {
  await db.autoCommit(
    `MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels)
     CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
    { labels: domainLabels() },
  );
}

export async function loadDemoData(db: Database, options: LoadDemoOptions = {}): Promise<LoadDemoResult> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  await ensureConstraints(db);
  // The demo's ties are written without the statements' bump: the tie version is forgotten, so the graph version stands in.
  await forgetTieVersion(db);
  if (options.reset) {
    progress("Deleting the domain data…");
    await deleteDomainData(db);
  }
  const graph = buildDemoData();
  const nodeBatches = graph.nodeBatches();
  const relBatches = graph.relBatches();
  const nodes = nodeBatches.reduce((sum, b) => sum + b.rows.length, 0);
  const relationships = relBatches.reduce((sum, b) => sum + b.rows.length, 0);
  // One transaction, all or nothing: a half-loaded database would look "not empty" at the next start
  // and never be seeded. The demo set is small enough (a few thousand rows) to commit at once.
  await db.writeTx(async (tx) => {
    // Nodes first: every relationship statement matches its end points by id.
    for (const batch of nodeBatches) await writeInChunks(tx, nodeStatement(batch), batch.rows);
    progress(`Demo data: ${nodes} nodes written (${nodeBatches.length} labels)`);
    for (const batch of relBatches) await writeInChunks(tx, relationshipStatement(batch), batch.rows);
    progress(`Demo data: ${relationships} relationships written (${relBatches.length} statements)`);
  });
  // The demo's words become topics of the starter vocabulary (matching reads the ABOUT links), then the case board's
  // stored suggestion counts are computed for the open cases.
  await loadStarterVocabulary(db, nowIso());
  await migrateTopics(db, nowIso());
  const [vocabulary] = await db.read(
    `RETURN COUNT { (:Topic) } AS topics,
            COUNT { (:Topic)-[:BROADER]->(:Topic) } + COUNT { (n)-[:ABOUT]->(:Topic) WHERE n:Case OR n:Course } AS links`,
  );
  await refreshSuggestionCounts(db, nowIso());
  // The demo's courses, periods and agreements too were written without the bump (the vocabulary's statements made the
  // node again after them): the catalogue version is forgotten last, so the graph version stands in until the next bump
  // (the API's start) and the counts below are the demo's alone.
  await forgetCatalogueVersion(db);
  // The counts include the vocabulary's topics and the links the demo's words made.
  return {
    nodes: nodes + Number(vocabulary?.topics ?? 0),
    relationships: relationships + Number(vocabulary?.links ?? 0),
    ms: Date.now() - started,
  };
}

async function writeInChunks(tx: Tx, cypher: string, rows: readonly unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await tx.run(cypher, { rows: rows.slice(i, i + BATCH_ROWS) });
  }
}

/** `SET x = row.props` writes every property; the temporal ones are then converted from their ISO strings. */
function temporalSets(variable: string, key: string): string {
  const spec = temporalProperties[key] ?? {};
  return [
    ...(spec.date ?? []).map((p) => `SET ${variable}.${p} = date(row.props.${p})`),
    ...(spec.datetime ?? []).map((p) => `SET ${variable}.${p} = datetime(row.props.${p})`),
  ].join("\n");
}

// Labels and types come from the demo's own constants, never from input, so they can be spliced in.
export function nodeStatement(batch: NodeBatch): string {
  return `UNWIND $rows AS row
MERGE (n:${batch.label} {id: row.id})
SET n = row.props
${temporalSets("n", batch.label)}`;
}

export function relationshipStatement(batch: RelBatch): string {
  const arrow = batch.undirected ? "-" : "->";
  return `UNWIND $rows AS row
MATCH (a:${batch.fromLabel} {id: row.from})
MATCH (b:${batch.toLabel} {id: row.to})
MERGE (a)-[r:${batch.type}]${arrow}(b)
SET r = row.props
${temporalSets("r", batch.type)}`;
}
