import { refreshSuggestionCounts } from "../suggestions/index.js";
import { linkStaleTopics } from "../vocabulary/index.js";
import { nowIso } from "../../platform/clock/read-clock.js";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { fileSpecs, type FileName, type FileSpec, type RefLabel } from "./csv-formats.js";
import { fileWriters, writerParams, type FileWriter, type ImportContext } from "./import-writers.js";
import { readCsvText, type RowProblem } from "./read-csv-text.js";
import { rowKeys, validateCells, validateRowRules, type ValidRow } from "./validate-csv-row.js";
import { READ_TIE_ROW_STATE, readExistingIdsStatement, readRowStateStatement } from "./statements.js";

export interface ImportProgress {
  file: FileName;
  /** Rows of this file handled so far, of `total`. */
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Check and report everything, then roll back: the graph is not changed. */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per write statement. */
  batchSize?: number;
}

export interface FileReport {
  file: FileName;
  /** False when the folder has no such file (it is optional). */
  found: boolean;
  /** Data rows in the file. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Header cells that match no documented column, not read. */
  ignoredColumns: string[];
}

export interface ImportReport {
  dir: string;
  dryRun: boolean;
  files: FileReport[];
  /** Every problem of every rejected row, in file order then line order. */
  problems: RowProblem[];
  /** Topic words of the imported cases and courses that no topic knew: kept as proposed topics (docs/matching.md). */
  unmatchedTopics: string[];
  ms: number;
}

/** Thrown inside the transaction to roll a dry run back with its report. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

interface PreparedFile {
  spec: FileSpec;
  report: FileReport;
  rows: ValidRow[];
  problems: RowProblem[];
  /** The id cell of every row by line, also of rows that failed their cells, to explain later references. */
  idsByLine: Map<number, string>;
}

/** Reads a file as UTF-8, or as Windows-1252 when it is not valid UTF-8 (older Excel "CSV"). */
function readText(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Everything that needs no database: parsing, cells, rules within a row, duplicates within a file. */
function prepareFile(spec: FileSpec, text: string | undefined): PreparedFile {
  const report: FileReport = {
    file: spec.file,
    found: false,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    ignoredColumns: [],
  };
  if (text === undefined) return { spec, report, rows: [], problems: [], idsByLine: new Map() };
  report.found = true;
  const csv = readCsvText(text, spec);
  report.rows = csv.dataLines;
  report.ignoredColumns = csv.ignoredColumns;
  const problems = [...csv.problems];
  const rows: ValidRow[] = [];
  const seen = new Map<string, number>();
  const idsByLine = new Map<number, string>();
  for (const row of csv.rows) {
    if (row.cells.id) idsByLine.set(row.line, row.cells.id);
    const { values, problems: cellProblems } = validateCells(spec, row);
    const rowProblems = cellProblems.length > 0 ? cellProblems : validateRowRules(spec, row.line, values);
    if (rowProblems.length === 0) {
      for (const { field, key } of rowKeys(spec, values)) {
        const first = seen.get(key);
        if (first !== undefined)
          rowProblems.push({
            file: spec.file,
            line: row.line,
            field,
            code: "DUPLICATE",
            reason: `duplicate ${key} (first on line ${first})`,
            detail: { key: "DUPLICATE_ROW", values: { first: String(first) } },
          });
      }
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    for (const { key } of rowKeys(spec, values)) seen.set(key, row.line);
    rows.push({ line: row.line, values });
  }
  return { spec, report, rows, problems, idsByLine };
}

/** Per label, the ids a rejected row of an earlier file would have created, to explain later references. */
type RejectedIds = Map<string, { file: string; line: number }>;

const labelOfFile: Partial<Record<FileName, RefLabel>> = {
  "institutions.csv": "Institution",
  "teaching-periods.csv": "TeachingPeriod",
  "partners.csv": "Partner",
  "programmes.csv": "Programme",
  "courses.csv": "Course",
  "people.csv": "Person",
};

/** The ids an id or id-list cell holds. */
function idsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];
}

/** References to other nodes must exist now: in the database, or written from an earlier file in this transaction. */
async function checkReferences(tx: Tx, prepared: PreparedFile, rejected: RejectedIds): Promise<RowProblem[]> {
  const refColumns = prepared.spec.columns.filter((c) => c.refersTo && c.refersTo !== "Sme");
  const wanted = new Map<RefLabel, Set<string>>();
  for (const row of prepared.rows) {
    for (const column of refColumns) {
      for (const id of idsIn(row.values[column.name])) {
        const label = column.refersTo as RefLabel;
        if (!wanted.has(label)) wanted.set(label, new Set());
        wanted.get(label)?.add(id);
      }
    }
  }
  const existing = new Map<RefLabel, Set<string>>();
  for (const [label, ids] of wanted) {
    const rows = await tx.run(readExistingIdsStatement(label), { ids: [...ids] });
    existing.set(label, new Set(rows.map((r) => String(r.id))));
  }
  const problems: RowProblem[] = [];
  for (const row of prepared.rows) {
    for (const column of refColumns) {
      const label = column.refersTo as RefLabel;
      for (const id of idsIn(row.values[column.name])) {
        if (existing.get(label)?.has(id)) continue;
        const earlier = rejected.get(`${label}:${id}`);
        problems.push({
          file: prepared.spec.file,
          line: row.line,
          field: column.name,
          code: "NOT_FOUND",
          reason: earlier
            ? `${label} ${id} was rejected in ${earlier.file} line ${earlier.line}`
            : `no ${label} with id ${id} in the database or an earlier file`,
          detail: earlier
            ? { key: "REFERENCE_REJECTED", values: { label, id, file: earlier.file, line: String(earlier.line) } }
            : { key: "REFERENCE_NOT_FOUND", values: { label, id } },
        });
      }
    }
  }
  return problems;
}

/**
 * A comparable picture of what a row touches — the node's properties and its relationships (type,
 * direction, other end, and a referral's date), or the tie's properties — to tell created, updated
 * and unchanged rows apart. null: not there yet.
 */
async function snapshot(tx: Tx, writer: FileWriter, rows: ValidRow[]): Promise<Map<number, string | null>> {
  const result = new Map<number, string | null>();
  if ("tie" in writer.entity) {
    const found = await tx.run(READ_TIE_ROW_STATE, {
      rows: rows.map((r) => ({ line: r.line, a: r.values.personA, b: r.values.personB })),
    });
    for (const hit of found) {
      const ties = hit.ties as unknown[];
      result.set(Number(hit.line), ties.length === 0 ? null : stableJson(ties));
    }
    return result;
  }
  const { label, id } = writer.entity;
  const found = await tx.run(readRowStateStatement(label), { rows: rows.map((r) => ({ line: r.line, id: id(r) })) });
  for (const hit of found) {
    result.set(
      Number(hit.line),
      hit.props === null ? null : stableJson({ props: hit.props, rels: [...(hit.rels as string[])].sort() }),
    );
  }
  return result;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

async function importFile(
  tx: Tx,
  prepared: PreparedFile,
  context: ImportContext,
  rejected: RejectedIds,
  options: ImportOptions,
): Promise<RowProblem[]> {
  const { spec, report } = prepared;
  const writer = fileWriters[spec.file];
  const problems = [...prepared.problems];
  const refProblems = await checkReferences(tx, prepared, rejected);
  const refused = new Set(refProblems.map((p) => p.line));
  let rows = prepared.rows.filter((r) => !refused.has(r.line));
  problems.push(...refProblems);
  if (writer.prepare && rows.length > 0) {
    // A problem the graph shows (a move, a second SME, …) is a conflict unless the writer names it otherwise.
    const conflicts = (await writer.prepare(tx, rows, context)).map((p): RowProblem => ({ code: "CONFLICT", ...p }));
    const conflicting = new Set(conflicts.map((p) => p.line));
    rows = rows.filter((r) => !conflicting.has(r.line));
    problems.push(...conflicts);
  }

  const batchSize = options.batchSize ?? 500;
  options.onProgress?.({ file: spec.file, done: 0, total: rows.length });
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const before = await snapshot(tx, writer, batch);
    if (writer.write) await writer.write(tx, batch);
    else if (writer.cypher)
      await tx.run(writer.cypher, {
        ...writerParams,
        rows: batch.map((r) => ({ ...r.values, line: r.line, isNew: before.get(r.line) === null })),
      });
    const after = await snapshot(tx, writer, batch);
    for (const row of batch) {
      const was = before.get(row.line);
      if (was === null || was === undefined) report.created += 1;
      else if (was === after.get(row.line)) report.unchanged += 1;
      else report.updated += 1;
    }
    options.onProgress?.({ file: spec.file, done: Math.min(start + batchSize, rows.length), total: rows.length });
  }

  const label = labelOfFile[spec.file];
  const rejectedLines = new Set(problems.map((p) => p.line));
  report.rejected = rejectedLines.size;
  if (label) {
    for (const [line, id] of prepared.idsByLine) {
      // A duplicate row does not hide the first one, which was imported.
      if (rejectedLines.has(line) && !rejected.has(`${label}:${id}`)) rejected.set(`${label}:${id}`, { file: spec.file, line });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

/**
 * Imports the documented CSV files of a folder (docs/spreadsheets.md) in one write transaction:
 * valid rows are merged on their ids (SMEs on their KvK number), rejected rows are reported with
 * file, line, field and why. A dry run does the same work and rolls it back.
 */
export async function importSpreadsheets(db: Database, dir: string, options: ImportOptions = {}): Promise<ImportReport> {
  if (!existsSync(dir)) throw new Error(`No folder ${dir}.`);
  const texts: Partial<Record<FileName, string>> = {};
  for (const spec of fileSpecs) {
    const fullPath = path.join(dir, spec.file);
    if (existsSync(fullPath)) texts[spec.file] = readText(fullPath);
  }
  return importSpreadsheetTexts(db, texts, options, dir);
}

/**
 * The same import from the files' texts, by file name (the client's upload, `importSpreadsheets` the
 * mutation): a file not given is not read. `source` names where they came from in the report.
 */
export async function importSpreadsheetTexts(
  db: Database,
  texts: Partial<Record<FileName, string>>,
  options: ImportOptions = {},
  source = "upload",
): Promise<ImportReport> {
  const started = Date.now();
  const dir = source;
  const prepared = fileSpecs.map((spec) => prepareFile(spec, texts[spec.file]));
  const dryRun = options.dryRun ?? false;
  try {
    const report = await db.writeTx(async (tx) => {
      // A retried transaction starts over: fresh counters.
      const files = prepared.map((p) => ({ ...p, report: { ...p.report, created: 0, updated: 0, unchanged: 0, rejected: 0 } }));
      const context: ImportContext = { smeAlias: new Map() };
      const rejected: RejectedIds = new Map();
      const problems: RowProblem[] = [];
      for (const file of files) {
        if (!file.report.found) continue;
        problems.push(...(await importFile(tx, file, context, rejected, options)));
      }
      // Words in, topics out: the imported cases' and courses' words are linked to the vocabulary in the same transaction.
      const linking = await linkStaleTopics(tx, nowIso());
      const report: ImportReport = {
        dir,
        dryRun,
        files: files.map((f) => f.report),
        problems,
        unmatchedTopics: linking.unmatched,
        ms: Date.now() - started,
      };
      if (dryRun) throw new DryRunRollback(report);
      return report;
    });
    // Imported cases get the suggestion counts the case board shows (stored, not live).
    await refreshSuggestionCounts(db, nowIso());
    return report;
  } catch (error) {
    if (error instanceof DryRunRollback) return { ...error.report, ms: Date.now() - started };
    throw error;
  }
}
