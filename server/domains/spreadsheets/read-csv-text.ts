import { parse } from "csv-parse/sync";
import type { ColumnSpec, FileSpec } from "./csv-formats.js";
import { restoreFormula } from "./formula-guard.js";
import { PARSE_REASON_KEYS } from "../../platform/validation/parse-values.js";

/** One problem with one row (or, at line 1, with the header): the unit of the import report. */
export interface RowProblem {
  file: string;
  /** 1-based line in the file where the row starts. */
  line: number;
  /** The column to blame, or null when the row as a whole is broken. */
  field: string | null;
  /** What kind of problem, for the client to name it in the user's language (absent: INVALID_VALUE). */
  code?: RowProblemCode;
  reason: string;
  /**
   * The specific reason as a key with the values it names (e.g. NOT_AN_EMAIL {value}), for the client to word in the
   * user's language (locale `spreadsheetReasons`); absent where the sentence comes from elsewhere (then the code's text).
   */
  detail?: RowReason;
}

/**
 * Every specific reason of a row problem (the cell parsers' and the import's own): the GraphQL report's `reasonKey`, worded
 * by the client under `spreadsheetReasons.<key>` (tests/unit/spreadsheet-reasons.test.ts keeps nl and en complete).
 */
export const ROW_REASON_KEYS = [
  ...PARSE_REASON_KEYS,
  "REQUIRED",
  "CSV_LINE",
  "MISSING_COLUMN",
  "FIELD_COUNT",
  "ACADEMIC_YEAR",
  "ENDS_BEFORE_START",
  "SAME_PERSON",
  "SME_ID_OR_KVK",
  "CASE_SME_ID_OR_KVK",
  "REQUIRED_WITH",
  "DATE_BEFORE",
  "SCOPE_NAMES_COVERED",
  "SCOPE_OTHER_EMPTY",
  "INTRODUCER_THIRD",
  "DUPLICATE_ROW",
  "REFERENCE_REJECTED",
  "REFERENCE_NOT_FOUND",
  "PERIOD_ELSEWHERE",
  "PROGRAMME_ELSEWHERE",
  "AGREEMENT_SCOPE_FIXED",
  "INTERACTION_LOGGED",
  "KVK_OF_OTHER_SME",
  "KVK_FIXED",
  "SME_NAME_AMBIGUOUS",
  "CASE_SME_NOT_FOUND",
  "CASE_START_STATUS",
  "CLOSE_REASON_REQUIRED",
  "CASE_SME_FIXED",
] as const;
export type RowReasonKey = (typeof ROW_REASON_KEYS)[number];

/** A specific reason and the values its sentence names (all as text). */
export interface RowReason {
  key: RowReasonKey;
  values?: Record<string, string>;
}

/**
 * The kinds of row problems: a broken line or missing column, an empty required cell, a value of the wrong
 * type or outside its rules, a second row for the same key, a reference to nothing, a conflict with the graph.
 */
export type RowProblemCode =
  "INVALID_CSV" | "MISSING_COLUMN" | "REQUIRED" | "INVALID_VALUE" | "DUPLICATE" | "NOT_FOUND" | "CONFLICT";

export interface CsvRow {
  line: number;
  /** Trimmed cell text by column name (as in the format), for the columns the file has. */
  cells: Record<string, string>;
}

export interface CsvFile {
  rows: CsvRow[];
  problems: RowProblem[];
  /** Header cells that match no column of the format; their values are not read. */
  ignoredColumns: string[];
  /** True when a required column is missing: no row of the file can be imported. */
  unusable: boolean;
  /** Lines holding data (also those that could not be parsed). */
  dataLines: number;
}

/** Header names compare without case, spaces, hyphens or underscores: "KvK number" = kvkNumber. */
const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The delimiter a spreadsheet used: Dutch Excel writes semicolons, most tools commas. Decided on
 * the header line (outside quotes): the most frequent of `,`, `;` and tab.
 */
export function detectDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const unquoted = header.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ",";
}

interface ParsedRecord {
  record: string[];
  /** 1-based line where the record starts. */
  line: number;
}

/**
 * csv-parse stops at the first malformed record; its resynchronising skip option can swallow good
 * rows after it. So on an error we report the line and parse again from the next line.
 */
function parseRecords(text: string, delimiter: string, onError: (line: number, message: string) => void): ParsedRecord[] {
  const lines = text.split("\n");
  const records: ParsedRecord[] = [];
  let offset = 0;
  while (offset < lines.length) {
    const base = offset;
    try {
      parse(lines.slice(base).join("\n"), {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (record: string[], context: { lines: number }) => {
          // `lines` is where the record ends; newlines inside quoted cells tell where it began.
          const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
          records.push({ record, line: base + context.lines - inner });
          return record;
        },
      });
      break;
    } catch (error) {
      const at = Number((error as { lines?: number }).lines ?? 0);
      const line = base + Math.max(at, 1);
      onError(line, (error as Error).message.split(":")[0] ?? "parse error");
      offset = line;
    }
  }
  return records;
}

/** Parses one CSV file against its format: maps the header, keeps lines, reports parse errors. */
export function readCsvText(input: string, spec: FileSpec): CsvFile {
  const problems: RowProblem[] = [];
  const file = spec.file;
  // One line ending (Excel on Windows writes CRLF), no byte-order mark: line numbers stay exact.
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records = parseRecords(text, detectDelimiter(text), (line, message) => {
    problems.push({
      file,
      line,
      field: null,
      code: "INVALID_CSV",
      reason: `the line is not valid CSV: ${message}`,
      detail: { key: "CSV_LINE" },
    });
  });

  const [header, ...body] = records;
  if (!header) return { rows: [], problems, ignoredColumns: [], unusable: false, dataLines: problems.length };

  const byName = new Map(spec.columns.map((c) => [normalise(c.name), c] as const));
  const positions: Array<ColumnSpec | undefined> = header.record.map((h) => byName.get(normalise(h)));
  const ignoredColumns = header.record.filter((h, i) => h.trim() !== "" && !positions[i]).map((h) => h.trim());
  const present = new Set(positions.filter((c): c is ColumnSpec => Boolean(c)).map((c) => c.name));
  const missing = spec.columns.filter((c) => c.required && !present.has(c.name));
  const dataRows = body.filter((r) => r.record.some((cell) => cell.trim() !== ""));
  const dataLines = dataRows.length + problems.length;
  if (missing.length > 0) {
    for (const column of missing) {
      problems.push({
        file,
        line: header.line,
        field: column.name,
        code: "MISSING_COLUMN",
        reason: `required column "${column.name}" is missing: no row of this file is imported`,
        detail: { key: "MISSING_COLUMN", values: { column: column.name } },
      });
    }
    return { rows: [], problems, ignoredColumns, unusable: true, dataLines };
  }

  const rows: CsvRow[] = [];
  for (const record of dataRows) {
    const { line } = record;
    const extra = record.record.slice(header.record.length).filter((c) => c.trim() !== "");
    if (extra.length > 0) {
      problems.push({
        file,
        line,
        field: null,
        code: "INVALID_CSV",
        reason: `the row has ${record.record.length} fields, the header ${header.record.length} (an unquoted delimiter in a value?)`,
        detail: { key: "FIELD_COUNT", values: { fields: String(record.record.length), header: String(header.record.length) } },
      });
      continue;
    }
    const cells: Record<string, string> = {};
    positions.forEach((column, i) => {
      // An export neutralised formula-like cells with a leading quote (formula-guard.ts): read the original.
      if (column) cells[column.name] = restoreFormula((record.record[i] ?? "").trim()).trim();
    });
    rows.push({ line, cells });
  }
  return { rows, problems, ignoredColumns, unusable: false, dataLines };
}
