import { isRealDate } from "../clock/check-iso-date.js";

/**
 * Parsers for single values as people type them in spreadsheets and forms. Each returns the
 * normalised value or an error sentence; none throws. Shared by the CSV import and the GraphQL
 * arguments of outreach and figures, so both accept the same notations.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; why: string; reason?: ParseReason };

/**
 * Which kind of failure, with the values its sentence names: the spreadsheet import's report passes it on so the
 * client words it in the user's language (locale keys `spreadsheetReasons.<key>`); `why` stays the English sentence.
 */
export interface ParseReason {
  key: ParseReasonKey;
  values?: Record<string, string>;
}

/** Every kind of parse failure with a key (tests/unit/spreadsheet-reasons.test.ts: each has a Dutch and English text). */
export const PARSE_REASON_KEYS = [
  "NOT_A_DATE",
  "NOT_A_REAL_DATE",
  "NOT_A_DATETIME",
  "NOT_A_NUMBER",
  "NOT_A_WHOLE_NUMBER",
  "NOT_A_BOOLEAN",
  "NOT_IN_LIST",
  "KVK_DIGITS",
  "NOT_A_KVK_NUMBER",
  "NOT_AN_EMAIL",
  "OUT_OF_RANGE",
] as const;
export type ParseReasonKey = (typeof PARSE_REASON_KEYS)[number];

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(why: string, key?: ParseReasonKey, values?: Record<string, string>): Parsed<T> =>
  key ? { ok: false, why, reason: values ? { key, values } : { key } } : { ok: false, why };

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** A calendar date: 2025-09-01 (ISO), or 1-9-2025 / 01-09-2025 (Dutch day-month-year). Returns ISO. */
export function parseDate(text: string): Parsed<string> {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let parts: [number, number, number] | undefined;
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(s);
  if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!parts) return fail(`"${s}" is not a date (use YYYY-MM-DD, e.g. 2025-09-01)`, "NOT_A_DATE", { value: s });
  const [y, mo, d] = parts;
  if (!isRealDate(y, mo, d)) return fail(`"${s}" is not a real calendar date`, "NOT_A_REAL_DATE", { value: s });
  return ok(`${pad(y, 4)}-${pad(mo)}-${pad(d)}`);
}

/** A strict ISO date (YYYY-MM-DD), for API arguments. */
export function parseIsoDate(text: string): Parsed<string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return fail(`"${text}" is not an ISO date (YYYY-MM-DD)`);
  return parseDate(text);
}

/**
 * A moment: an ISO date-time with offset (2025-09-01T10:30:00Z, …+02:00), or a plain date, read as
 * midnight UTC. Returns an ISO string Neo4j's datetime() accepts.
 */
export function parseDateTime(text: string): Parsed<string> {
  const s = text.trim();
  const date = parseDate(s);
  if (date.ok) return ok(`${date.value}T00:00:00Z`);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (
    !m ||
    !isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ||
    Number(m[4]) > 23 ||
    Number(m[5]) > 59 ||
    Number(m[6] ?? 0) > 59
  ) {
    return fail(`"${s}" is not a date-time (use 2025-09-01T10:30:00Z or a date)`, "NOT_A_DATETIME", { value: s });
  }
  return ok(s);
}

/** A decimal number; a decimal comma (0,8) is accepted as Dutch spreadsheets write it. */
export function parseNumber(text: string): Parsed<number> {
  const s = text.trim().replace(/^(-?\d+),(\d+)$/, "$1.$2");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return fail(`"${text.trim()}" is not a number`, "NOT_A_NUMBER", { value: text.trim() });
  return ok(Number(s));
}

export function parseInteger(text: string): Parsed<number> {
  const s = text.trim();
  if (!/^-?\d+$/.test(s)) return fail(`"${s}" is not a whole number`, "NOT_A_WHOLE_NUMBER", { value: s });
  return ok(Number(s));
}

const truthy = new Set(["true", "yes", "ja", "1", "y", "j"]);
const falsy = new Set(["false", "no", "nee", "0", "n"]);

export function parseBoolean(text: string): Parsed<boolean> {
  const s = text.trim().toLowerCase();
  if (truthy.has(s)) return ok(true);
  if (falsy.has(s)) return ok(false);
  return fail(`"${text.trim()}" is not true/false (also yes/no, ja/nee, 1/0)`, "NOT_A_BOOLEAN", { value: text.trim() });
}

/** One of an enumeration's values, case-insensitive; spaces and hyphens read as underscores. */
export function parseEnum<T extends string>(values: readonly T[], text: string): Parsed<T> {
  const s = text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  const found = values.find((v) => v === s);
  return found
    ? ok(found)
    : fail(`"${text.trim()}" is not one of ${values.join(", ")}`, "NOT_IN_LIST", {
        value: text.trim(),
        allowed: values.join(", "),
      });
}

/** A KvK (chamber of commerce) number: exactly 8 digits; spaces and dots between digits are dropped. */
export function parseKvkNumber(text: string): Parsed<string> {
  const s = text.trim().replace(/[\s.]/g, "");
  if (/^\d{8}$/.test(s)) return ok(s);
  if (/^\d{5,7}$/.test(s)) {
    return fail(
      `"${text.trim()}" has ${s.length} digits, a KvK number has 8 (a leading zero lost? format the column as text)`,
      "KVK_DIGITS",
      { value: text.trim(), digits: String(s.length) },
    );
  }
  return fail(`"${text.trim()}" is not a KvK number (8 digits)`, "NOT_A_KVK_NUMBER", { value: text.trim() });
}

const emailPattern = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/;

export function parseEmail(text: string): Parsed<string> {
  const s = text.trim();
  return emailPattern.test(s) ? ok(s) : fail(`"${s}" is not an e-mail address`, "NOT_AN_EMAIL", { value: s });
}
