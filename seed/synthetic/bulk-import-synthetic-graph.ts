import { once } from "node:events";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { ensureConstraints } from "../../server/platform/neo4j/constraints.js";
import { connectDatabase, type Database, type Row } from "../../server/platform/neo4j/database.js";
import {
  EmbeddedNeo4jError,
  runBulkImport,
  startEmbeddedNeo4j,
  type BulkImportSummary,
  type EmbeddedNeo4j,
  type EmbeddedNeo4jOptions,
} from "../../server/platform/neo4j/embedded.js";
import { BulkImportRefusedError } from "./BulkImportRefusedError.js";
import {
  describeSyntheticGraph,
  type GenerateResult,
  type NodePhase,
  type PhaseTiming,
  type RelationshipPhase,
  type Temporal,
} from "./generate-synthetic-graph.js";
import { validateSize, type SyntheticSize } from "./scales.js";

export interface BulkImportSyntheticOptions {
  /** The embedded Neo4j to load: its data folder is imported into while it is stopped, then it is started with these options. */
  neo4j: EmbeddedNeo4jOptions;
  /** Replace a store that holds data; without it, a store holding any node is refused. */
  reset?: boolean;
  /** YYYY-MM-DD, as for generateSyntheticGraph (default today). */
  referenceDate?: string;
  /** Heap of the importer's JVM (default: the Neo4j heap). */
  importerHeap?: string;
  /** Where the temporary CSV folder goes (default: the OS temp folder). */
  tempDir?: string;
  /** Rows written to CSV over all rows, then the importer's progress (percent over its four stages). */
  onProgress?: (done: number, total: number, phase: string) => void;
  /** Steps and the importer's summary, for a person watching. */
  onLog?: (line: string) => void;
}

export interface BulkImportSyntheticResult {
  /** As for the Cypher path; `ms` runs from the first CSV line to the indexes being online. */
  generation: GenerateResult & { importer: BulkImportSummary };
  /** The started Neo4j holding the graph, and a connection to it: the caller stops and closes them. */
  embedded: EmbeddedNeo4j;
  db: Database;
}

const databaseName = "neo4j";

/**
 * Loads a synthetic graph into an empty embedded Neo4j with Neo4j's offline bulk importer: the
 * graph (describeSyntheticGraph, the same rows the Cypher path writes) goes to CSV files in a
 * temporary folder, `neo4j-admin database import full` writes the store files from them while
 * Neo4j is stopped, the CSVs are deleted, and Neo4j starts and builds schema/constraints.cypher's
 * constraints and indexes. All of it counts in the reported time. Neo4j must not be running on
 * the data folder; a store that holds nodes is refused unless `reset`.
 */
export async function bulkImportSyntheticGraph(
  size: SyntheticSize,
  options: BulkImportSyntheticOptions,
): Promise<BulkImportSyntheticResult> {
  validateSize(size);
  const log = options.onLog ?? (() => {});
  const home = path.resolve(options.neo4j.home);
  const graph = describeSyntheticGraph(size, { referenceDate: options.referenceDate });
  if (!options.reset && existsSync(path.join(home, "data/databases", databaseName))) {
    log(`Checking that the database in ${home} is empty…`);
    const held = await countStoredNodes(options.neo4j);
    if (held > 0) {
      throw new BulkImportRefusedError(
        `The database in ${home} holds ${held} nodes: the bulk import replaces the whole store, so it loads only an empty one (add --reset to replace it, or drop --bulk).`,
      );
    }
  }

  const started = performance.now();
  const phases: PhaseTiming[] = [];
  const timed = async <T>(phase: string, rows: number, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await work();
    phases.push({ phase, rows, ms: Math.round(performance.now() - t0) });
    return value;
  };

  const dir = mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), "werkplaats-bulk-"));
  let importer: BulkImportSummary;
  let nodeCount = 0;
  let relationshipCount = 0;
  try {
    const args = await timed("CSV files", 0, async () => {
      const written = await writeSyntheticCsvFiles(graph, dir, size.ties, options.onProgress, log);
      nodeCount = written.nodes;
      relationshipCount = written.relationships;
      return written.args;
    });
    phases[phases.length - 1]!.rows = nodeCount + relationshipCount;

    log(`Running Neo4j's bulk importer on ${path.join(home, "data/databases", databaseName)}…`);
    importer = await timed("import", nodeCount + relationshipCount, async () => {
      let stage = 0;
      try {
        return await runBulkImport({
          home,
          runtimeDir: options.neo4j.runtimeDir,
          heap: options.importerHeap ?? options.neo4j.heap,
          javaHome: options.neo4j.javaHome,
          ...(options.neo4j.jvmOptions ? { jvmOptions: options.neo4j.jvmOptions } : {}),
          args: [...args, `--report-file=${path.join(dir, "import.report")}`, "--overwrite-destination=true", databaseName],
          onOutput: (line) => {
            const stageMatch = /^\((\d)\/4\) (.+?) \d{4}-\d\d-\d\d/.exec(line);
            if (stageMatch) {
              stage = Number(stageMatch[1]);
              options.onProgress?.((stage - 1) * 100, 400, `import ${stage}/4 ${stageMatch[2]}`);
            }
            const percent = /(\d+)% ∆/.exec(line);
            if (percent && stage > 0) options.onProgress?.((stage - 1) * 100 + Number(percent[1]), 400, `import ${stage}/4`);
          },
        });
      } catch (error) {
        if (error instanceof EmbeddedNeo4jError && error.code === "IMPORT_FAILED") {
          throw new EmbeddedNeo4jError(
            "IMPORT_FAILED",
            `${error.message} (the store may be unusable now: fix the cause, then run again with --reset).`,
          );
        }
        throw error;
      }
    });
  } finally {
    const t0 = performance.now();
    rmSync(dir, { recursive: true, force: true });
    phases.push({ phase: "delete CSV files", rows: 0, ms: Math.round(performance.now() - t0) });
  }
  log(
    `Imported ${importer.nodes} nodes, ${importer.relationships} relationships, ${importer.properties} properties ` +
      `(importer: ${(importer.importerMs / 1000).toFixed(1)} s, peak memory ${importer.peakMemory}).`,
  );
  if (importer.nodes !== nodeCount || importer.relationships !== relationshipCount) {
    throw new Error(
      `Synthetic graph, bulk: the importer wrote ${importer.nodes} nodes and ${importer.relationships} relationships, expected ${nodeCount} and ${relationshipCount}.`,
    );
  }

  const embedded = await timed("start Neo4j", 0, () => startEmbeddedNeo4j(options.neo4j));
  let db: Database | undefined;
  try {
    db = await connectDatabase({ uri: embedded.uri, database: databaseName, noAuth: true, connectionTimeoutMs: 30_000 });
    const connected = db;
    log("Creating the constraints and indexes of schema/constraints.cypher and waiting for them to be online…");
    await timed("constraints and indexes", 0, () => ensureConstraints(connected));
  } catch (error) {
    await db?.close().catch(() => {});
    await embedded.stop().catch(() => {});
    throw error;
  }

  const ms = Math.round(performance.now() - started);
  return {
    generation: {
      path: "bulk",
      calendar: graph.calendar,
      nodes: nodeCount,
      relationships: relationshipCount,
      ms,
      relationshipsPerSecond: perSecond(relationshipCount, ms),
      knows: { relationships: size.ties, ms, relationshipsPerSecond: perSecond(size.ties, ms) },
      phases,
      importer,
    },
    embedded,
    db,
  };
}

export interface SyntheticCsvFiles {
  /** The importer's --nodes= and --relationships= arguments, one per file. */
  args: string[];
  files: string[];
  nodes: number;
  relationships: number;
}

/**
 * Writes the graph's CSV files into `dir` without holding its rows: every phase's rows are generated twice, once to
 * count them and learn their columns (which properties occur, of which type) and once to write them, so memory stays
 * flat at XL (1M people, 10M ties; materialised, the nodes and non-KNOWS relationships alone took gigabytes). The
 * phases are deterministic (describeSyntheticGraph: the same rows on every iteration; a unit test holds it to that).
 * KNOWS's columns are fixed, so it is generated once. Progress: rows written over all rows, per step.
 */
export async function writeSyntheticCsvFiles(
  graph: Pick<ReturnType<typeof describeSyntheticGraph>, "nodes" | "relationships">,
  dir: string,
  ties: number,
  onProgress?: (done: number, total: number, phase: string) => void,
  log: (line: string) => void = () => {},
): Promise<SyntheticCsvFiles> {
  const knowsPhase = graph.relationships.find((phase) => phase.type === "KNOWS");
  const otherPhases = graph.relationships.filter((phase) => phase.type !== "KNOWS");
  log(`Scanning ${graph.nodes.length + otherPhases.length} node and relationship kinds for their columns…`);
  const nodePlans = graph.nodes.map((phase) => ({ phase, ...nodeColumns(phase, phase.rows()) }));
  const relationshipPlans = otherPhases.map((phase) => ({ phase, ...relationshipColumns(phase, phase.rows()) }));
  const nodes = nodePlans.reduce((sum, p) => sum + p.rows, 0);
  const relationships = relationshipPlans.reduce((sum, p) => sum + p.rows, 0) + (knowsPhase ? ties : 0);
  const total = nodes + relationships;
  let done = 0;
  const report = (count: number, phase: string): void => {
    done += count;
    onProgress?.(done, total, phase);
  };
  onProgress?.(0, total, "CSV nodes");
  const args: string[] = [];
  const files: string[] = [];
  for (const [i, { phase, columns, rows }] of nodePlans.entries()) {
    const file = path.join(dir, `nodes-${i}-${phase.label}.csv`);
    const written = await writeCsv(file, columns, phase.rows(), (n) => report(n, "CSV nodes"));
    if (written !== rows) throw new Error(`Synthetic graph, bulk: ${phase.label} gave ${rows} rows, then ${written}.`);
    args.push(`--nodes=${phase.label}=${file}`);
    files.push(file);
  }
  for (const [i, { phase, columns, rows }] of relationshipPlans.entries()) {
    const file = path.join(dir, `relationships-${i}-${phase.type}.csv`);
    const written = await writeCsv(file, columns, phase.rows(), (n) => report(n, "CSV relationships"));
    if (written !== rows) throw new Error(`Synthetic graph, bulk: ${phase.type} gave ${rows} rows, then ${written}.`);
    args.push(`--relationships=${file}`);
    files.push(file);
  }
  if (knowsPhase) {
    const file = path.join(dir, "relationships-KNOWS.csv");
    const { columns } = relationshipColumns(knowsPhase, [], { strength: "double", channel: "string" });
    const written = await writeCsv(file, columns, knowsPhase.rows(), (n) => report(n, "CSV KNOWS"));
    if (written !== ties) throw new Error(`Synthetic graph, bulk: expected ${ties} ties, wrote ${written}.`);
    args.push(`--relationships=${file}`);
    files.push(file);
  }
  return { args, files, nodes, relationships };
}

function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count * 1000) / ms) : 0;
}

/** Starts Neo4j on the folder, counts its nodes, stops it again. */
async function countStoredNodes(neo4j: EmbeddedNeo4jOptions): Promise<number> {
  const embedded = await startEmbeddedNeo4j(neo4j);
  try {
    const db = await connectDatabase({ uri: embedded.uri, database: databaseName, noAuth: true, connectionTimeoutMs: 30_000 });
    try {
      return Number((await db.read("MATCH (n) RETURN count(n) AS n"))[0]?.n ?? 0);
    } finally {
      await db.close();
    }
  } finally {
    await embedded.stop();
  }
}

// --- CSV -------------------------------------------------------------------------------------------

/**
 * Importer column types that store what the Cypher path stores: the driver sends every JavaScript
 * number as a 64-bit FLOAT, hence `double` (the importer's `float` is 32-bit unless normalised).
 */
type CsvType = "string" | "double" | "boolean" | "string[]" | "double[]" | "boolean[]" | Temporal;

interface Column {
  header: string;
  value: (row: Row) => unknown;
  type: CsvType;
}

/** One pass over a phase's rows: how many there are and the columns they need. */
function nodeColumns(phase: NodePhase, rows: Iterable<Row>): { columns: Column[]; rows: number } {
  const value = (key: string) => (row: Row) => (row.p as Row)[key] ?? row[key];
  const types = new Map<string, Set<CsvType>>(Object.keys(phase.temporal).map((key) => [key, new Set<CsvType>()]));
  let count = 0;
  for (const row of rows) {
    count++;
    for (const key of Object.keys(row.p as Row)) {
      if (key === "id" || key in phase.temporal) continue;
      let seen = types.get(key);
      if (!seen) types.set(key, (seen = new Set()));
      noteType(seen, value(key)(row), `${phase.label}.${key}`);
    }
  }
  types.delete("id");
  return {
    rows: count,
    columns: [
      { header: `id:ID(${phase.label})`, value: value("id"), type: "string" },
      ...[...types.keys()]
        .sort()
        .map((key) => typedColumn(key, phase.temporal[key] ?? oneType(types.get(key)!, `${phase.label}.${key}`), value(key))),
    ],
  };
}

function relationshipColumns(
  phase: RelationshipPhase,
  rows: Iterable<Row>,
  known: Record<string, CsvType> = {},
): { columns: Column[]; rows: number } {
  const where = `${phase.from}-${phase.type}->${phase.to}`;
  const inferred = Object.entries(phase.properties)
    .filter(([key, kind]) => kind === "value" && known[key] === undefined)
    .map(([key]) => ({ key, seen: new Set<CsvType>() }));
  let count = 0;
  for (const row of rows) {
    count++;
    for (const { key, seen } of inferred) noteType(seen, row[key], `${where}.${key}`);
  }
  const inferredType = new Map(inferred.map(({ key, seen }) => [key, oneType(seen, `${where}.${key}`)]));
  return {
    rows: count,
    columns: [
      { header: `:START_ID(${phase.from})`, value: (row) => row.a, type: "string" },
      { header: `:END_ID(${phase.to})`, value: (row) => row.b, type: "string" },
      { header: ":TYPE", value: () => phase.type, type: "string" },
      ...Object.entries(phase.properties).map(([key, kind]) => {
        const type = kind !== "value" ? kind : (known[key] ?? inferredType.get(key) ?? "string");
        return typedColumn(key, type, (row: Row) => row[key]);
      }),
    ],
  };
}

function typedColumn(key: string, type: CsvType, value: (row: Row) => unknown): Column {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key))
    throw new Error(`Synthetic graph, bulk: property name "${key}" cannot go in a CSV header as is.`);
  return { header: type === "string" ? key : `${key}:${type}`, value, type };
}

/** Notes the importer type of one value of a property; missing values (null) do not count. */
function noteType(types: Set<CsvType>, value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  if (typeof value === "string") types.add("string");
  else if (typeof value === "number") types.add("double");
  else if (typeof value === "boolean") types.add("boolean");
  else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === typeof value[0])) {
    const element = typeof value[0];
    if (element === "string") types.add("string[]");
    else if (element === "number") types.add("double[]");
    else if (element === "boolean") types.add("boolean[]");
    else throw new Error(`Synthetic graph, bulk: ${where} holds a list of ${element}, which the CSV path does not write.`);
  } else throw new Error(`Synthetic graph, bulk: ${where} holds ${JSON.stringify(value)}, which the CSV path does not write.`);
}

/** The one importer type of a property's values (string when it never had one). */
function oneType(types: ReadonlySet<CsvType>, where: string): CsvType {
  if (types.size > 1) throw new Error(`Synthetic graph, bulk: ${where} mixes ${[...types].join(" and ")}.`);
  return [...types][0] ?? "string";
}

/**
 * One CSV field. Strings are always quoted, so that "" is an empty string and an empty field a
 * missing property (as a null is in Cypher); quotes are doubled. Values the importer would read
 * differently (line breaks, the array delimiter inside a list item, an empty list) are refused.
 */
function field(value: unknown, type: CsvType, where: string): string {
  if (value === null || value === undefined) return "";
  switch (type) {
    case "string":
      return quote(String(value), where);
    case "double":
      if (typeof value !== "number" || !Number.isFinite(value))
        throw new Error(`Synthetic graph, bulk: ${where} is ${String(value)}, not a finite number.`);
      return String(value);
    case "boolean":
      return value === true ? "true" : "false";
    case "date":
    case "datetime":
      return String(value);
    default: {
      const items = value as unknown[];
      if (items.length === 0)
        throw new Error(`Synthetic graph, bulk: ${where} is an empty list, which an importer field cannot hold.`);
      const text = items.map(String);
      if (text.some((t) => t.includes(";")))
        throw new Error(`Synthetic graph, bulk: an item of ${where} holds ";", the importer's array delimiter.`);
      return quote(text.join(";"), where);
    }
  }
}

function quote(text: string, where: string): string {
  if (/[\r\n]/.test(text))
    throw new Error(`Synthetic graph, bulk: ${where} holds a line break (the importer would need --multiline-fields).`);
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

/** Writes the header and one line per row, in ~1 MB chunks with back-pressure; returns the rows written. */
async function writeCsv(
  file: string,
  columns: readonly Column[],
  rows: Iterable<Row>,
  report: (rows: number) => void,
): Promise<number> {
  const out = createWriteStream(file, { encoding: "utf8" });
  let buffer = `${columns.map((c) => c.header).join(",")}\n`;
  const where = columns.map((c) => `${path.basename(file)} ${c.header}`);
  let written = 0;
  let pending = 0;
  for (const row of rows) {
    buffer += `${columns.map((c, i) => field(c.value(row), c.type, where[i]!)).join(",")}\n`;
    written++;
    pending++;
    if (buffer.length >= 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
      report(pending);
      pending = 0;
    }
  }
  out.end(buffer);
  await finished(out);
  report(pending);
  return written;
}
