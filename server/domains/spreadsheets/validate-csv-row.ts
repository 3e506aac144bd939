import type { ColumnSpec, FileSpec } from "./csv-formats.js";
import {
  parseBoolean,
  parseDate,
  parseDateTime,
  parseEmail,
  parseEnum,
  parseInteger,
  parseKvkNumber,
  parseNumber,
  type Parsed,
} from "../../platform/validation/parse-values.js";
import type { CsvRow, RowProblem, RowReasonKey } from "./read-csv-text.js";
import { dateOrder, MAX_TEXT, ruleFor } from "../../platform/validation/input-rules.js";
import { checkString } from "../../platform/validation/check-value.js";

/** Which list names what an agreement of each scope covers (one list, the others empty). */
export const AGREEMENT_COVERS = { COURSE: "courses", PROGRAMME: "programmes", INSTITUTION: "institutions" } as const;

/** A row whose cells all parsed: normalised values by column (absent or empty cells are null). */
export interface ValidRow {
  line: number;
  values: Record<string, unknown>;
}

/** Values in list columns are separated by semicolons (quote the cell in a semicolon-delimited file). */
export const LIST_SEPARATOR = ";";

function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function parseCell(column: ColumnSpec, text: string): Parsed<unknown> {
  switch (column.type) {
    case "id":
    case "text":
      return { ok: true, value: text };
    case "integer":
    case "number": {
      const parsed = column.type === "integer" ? parseInteger(text) : parseNumber(text);
      if (!parsed.ok) return parsed;
      const n = parsed.value;
      const low = column.min !== undefined && (column.minExclusive ? n <= column.min : n < column.min);
      const high = column.max !== undefined && n > column.max;
      if (low || high) {
        const range = `${column.minExclusive ? "(" : "["}${column.min ?? "-∞"}, ${column.max ?? "∞"}]`;
        return {
          ok: false,
          why: `${n} is outside ${range}`,
          reason: { key: "OUT_OF_RANGE", values: { value: String(n), range } },
        };
      }
      return parsed;
    }
    case "boolean":
      return parseBoolean(text);
    case "date":
      return parseDate(text);
    case "datetime":
      return parseDateTime(text);
    case "enum":
      return parseEnum(column.values ?? [], text);
    case "list":
    case "idList":
      return { ok: true, value: splitList(text) };
    case "enumList": {
      const values: string[] = [];
      for (const item of splitList(text)) {
        const parsed = parseEnum(column.values ?? [], item);
        if (!parsed.ok) return parsed;
        values.push(parsed.value);
      }
      return { ok: true, value: values };
    }
    case "kvk":
      return parseKvkNumber(text);
    case "email":
      return parseEmail(text);
  }
}

/** Checks each cell of a row against its column: required, type, enumeration, range, format. */
export function validateCells(spec: FileSpec, row: CsvRow): { values: Record<string, unknown>; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const column of spec.columns) {
    const text = row.cells[column.name] ?? "";
    if (text === "") {
      values[column.name] = null;
      if (column.required)
        problems.push({
          file: spec.file,
          line: row.line,
          field: column.name,
          code: "REQUIRED",
          reason: "is required",
          detail: { key: "REQUIRED" },
        });
      continue;
    }
    const parsed = parseCell(column, text);
    if (parsed.ok) values[column.name] = parsed.value;
    else
      problems.push({
        file: spec.file,
        line: row.line,
        field: column.name,
        code: "INVALID_VALUE",
        reason: parsed.why,
        ...(parsed.reason ? { detail: parsed.reason } : {}),
      });
  }
  return { values, problems };
}

/** Rules across the cells of one row, per file. */
export function validateRowRules(spec: FileSpec, line: number, v: Record<string, unknown>): RowProblem[] {
  const problems: RowProblem[] = [];
  // `key` and `values`: the reason for the client to word (locale `spreadsheetReasons`); none where another module wrote it.
  const problem = (field: string | null, reason: string, key?: RowReasonKey, values?: Record<string, string>) =>
    problems.push({
      file: spec.file,
      line,
      field,
      code: "INVALID_VALUE",
      reason,
      ...(key ? { detail: values ? { key, values } : { key } } : {}),
    });
  switch (spec.file) {
    case "teaching-periods.csv":
      if (typeof v.academicYear === "string" && !/^\d{4}-\d{4}$/.test(v.academicYear))
        problem("academicYear", `"${v.academicYear}" is not an academic year like 2025-2026`, "ACADEMIC_YEAR", {
          value: v.academicYear,
        });
      if (v.startDate && v.endDate && String(v.endDate) < String(v.startDate))
        problem("endDate", `ends (${String(v.endDate)}) before it starts (${String(v.startDate)})`, "ENDS_BEFORE_START", {
          start: String(v.startDate),
          end: String(v.endDate),
        });
      break;
    case "ties.csv":
      if (v.personA && v.personA === v.personB) problem("personB", "a tie needs two different people", "SAME_PERSON");
      break;
    case "smes.csv":
      if (!v.id && !v.kvkNumber) problem("id", "an SME needs an id or a KvK number", "SME_ID_OR_KVK");
      break;
    case "cases.csv":
      if (!v.smeId && !v.smeKvkNumber) problem("smeId", "give smeId or smeKvkNumber", "CASE_SME_ID_OR_KVK");
      if (v.referringPartnerId && !v.referralDate)
        problem("referralDate", "is required with referringPartnerId", "REQUIRED_WITH", { other: "referringPartnerId" });
      if (!v.referringPartnerId && v.referralDate)
        problem("referringPartnerId", "is required with referralDate", "REQUIRED_WITH", { other: "referralDate" });
      if (v.referringPersonId && !v.referringPartnerId)
        problem("referringPersonId", "needs referringPartnerId", "REQUIRED_WITH", { other: "referringPartnerId" });
      if (v.earliestStart && v.deadline && String(v.deadline) < String(v.earliestStart)) {
        problem("deadline", `${String(v.deadline)} is before earliestStart ${String(v.earliestStart)}`, "DATE_BEFORE", {
          value: String(v.deadline),
          other: "earliestStart",
          otherValue: String(v.earliestStart),
        });
      }
      break;
    case "agreements.csv": {
      // The rules the generated createAgreements/updateAgreements get (validate-graph-input.ts): text sizes, date order.
      for (const field of ["planning", "process", "supervision"]) {
        const rule = ruleFor("Agreement", field, "String");
        const why = typeof v[field] === "string" && rule ? checkString(v[field], rule) : undefined;
        if (why) problem(field, why);
      }
      for (const order of dateOrder.Agreement ?? []) {
        if (v[order.start] && v[order.end] && String(v[order.end]) < String(v[order.start])) problem(order.end, order.message);
      }
      const scope = v.scope as keyof typeof AGREEMENT_COVERS | null;
      if (scope && AGREEMENT_COVERS[scope]) {
        const wanted = AGREEMENT_COVERS[scope];
        if (!Array.isArray(v[wanted]) || (v[wanted] as unknown[]).length === 0)
          problem(wanted, `an agreement of scope ${scope} names what it covers in ${wanted}`, "SCOPE_NAMES_COVERED", {
            scope,
            column: wanted,
          });
        for (const other of Object.values(AGREEMENT_COVERS)) {
          if (other !== wanted && Array.isArray(v[other]) && (v[other] as unknown[]).length > 0)
            problem(other, `an agreement of scope ${scope} covers ${wanted} only; leave ${other} empty`, "SCOPE_OTHER_EMPTY", {
              scope,
              column: wanted,
            });
        }
      }
      break;
    }
    case "interactions.csv": {
      // As logInteraction (server/domains/outreach/log-interaction.ts) refuses them.
      if (v.by && v.by === v.with) problem("with", "An interaction is between two different people.", "SAME_PERSON");
      if (v.introducedBy && (v.introducedBy === v.by || v.introducedBy === v.with))
        problem(
          "introducedBy",
          "The introducer is a third person, neither who made the contact nor who was contacted.",
          "INTRODUCER_THIRD",
        );
      const note = typeof v.note === "string" ? checkString(v.note, { kind: "text", max: MAX_TEXT }) : undefined;
      if (note) problem("note", note);
      break;
    }
    default:
      break;
  }
  return problems;
}

/** The keys a row must not share with an earlier row of the same file. */
export function rowKeys(spec: FileSpec, v: Record<string, unknown>): Array<{ field: string; key: string }> {
  switch (spec.file) {
    case "ties.csv": {
      const pair = [String(v.personA), String(v.personB)].sort().join(" & ");
      return [{ field: "personB", key: `tie ${pair}` }];
    }
    case "smes.csv":
      return [
        ...(v.id ? [{ field: "id", key: `id ${String(v.id)}` }] : []),
        ...(v.kvkNumber ? [{ field: "kvkNumber", key: `KvK number ${String(v.kvkNumber)}` }] : []),
      ];
    default:
      return [{ field: "id", key: `id ${String(v.id)}` }];
  }
}
