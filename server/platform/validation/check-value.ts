import { MAX_ID_LENGTH, type FieldRule } from "./input-rules.js";

/**
 * Checks one value against its rule; returns what is wrong, or undefined. Pure functions: the
 * unit tests run them without a database.
 */

// Control characters other than tab, line feed and carriage return; never part of real text.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const lineBreaks = /[\r\n\u2028\u2029]/;
const emailPattern =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const phonePattern = /^\+?[0-9][0-9 ()./-]{5,28}[0-9]$/;
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

export function checkString(value: string, rule: FieldRule): string | undefined {
  if (controlCharacters.test(value)) return "Contains control characters.";
  switch (rule.kind) {
    case "name":
      if (value.trim().length === 0) return "May not be empty.";
      if (lineBreaks.test(value)) return "Must be one line.";
      if (value.length > rule.max) return `At most ${rule.max} characters.`;
      return undefined;
    case "line":
      if (lineBreaks.test(value)) return "Must be one line.";
      if (value.length > rule.max) return `At most ${rule.max} characters.`;
      return undefined;
    case "text":
      return value.length > rule.max ? `At most ${rule.max} characters.` : undefined;
    case "email":
      return value.length <= 254 && emailPattern.test(value) ? undefined : "Not an e-mail address (name@domain.tld).";
    case "phone":
      return phonePattern.test(value) ? undefined : "Not a phone number (digits, spaces, + ( ) - . /; 7 to 30 characters).";
    case "url":
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && value.length <= 500
          ? undefined
          : "Must be an http(s) address.";
      } catch {
        return "Must be an http(s) address.";
      }
    case "kvk":
      return /^\d{8}$/.test(value) ? undefined : "A KvK number has exactly 8 digits.";
    case "academicYear": {
      const match = /^(\d{4})-(\d{4})$/.exec(value);
      return match && Number(match[2]) === Number(match[1]) + 1 ? undefined : "An academic year looks like 2025-2026.";
    }
    default:
      return `Expected ${rule.kind}, got text.`;
  }
}

export function checkNumber(value: number, rule: FieldRule): string | undefined {
  if (!Number.isFinite(value)) return "Must be a finite number.";
  if (rule.kind === "int") {
    return value < rule.min || value > rule.max ? `Must be between ${rule.min} and ${rule.max}.` : undefined;
  }
  if (rule.kind === "float") {
    if (rule.minExclusive !== undefined && value <= rule.minExclusive)
      return `Must be above ${rule.minExclusive} and at most ${rule.max}.`;
    if (rule.min !== undefined && value < rule.min) return `Must be at least ${rule.min}.`;
    if (value > rule.max) return `Must be at most ${rule.max}.`;
  }
  return undefined;
}

export function checkLabels(values: readonly unknown[], rule: Extract<FieldRule, { kind: "labels" }>): string | undefined {
  if (values.length > rule.maxItems) return `At most ${rule.maxItems} items.`;
  for (const value of values) {
    if (typeof value !== "string") continue;
    if (value.trim().length === 0) return "Items may not be empty.";
    if (controlCharacters.test(value) || lineBreaks.test(value)) return "Items must be one line of text.";
    if (value.length > rule.maxLength) return `Items have at most ${rule.maxLength} characters.`;
  }
  return undefined;
}

/** Ids are generated UUIDs or the seed's readable ids: letters, digits, `_ . : -`. */
export function checkId(value: string): string | undefined {
  if (value.length === 0 || value.length > MAX_ID_LENGTH || !idPattern.test(value)) {
    return `Not an id (letters, digits, _ . : - ; at most ${MAX_ID_LENGTH} characters).`;
  }
  return undefined;
}

/** The generic check for any string argument, of any operation: size and control characters. */
export function checkAnyString(value: string, max: number): string | undefined {
  if (controlCharacters.test(value)) return "Contains control characters.";
  if (value.length > max) return `At most ${max} characters.`;
  return undefined;
}

/** A moment for ordering: Date ("2025-09-01") or DateTime; undefined when it cannot be read. */
export function toMillis(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value);
  // Neo4j DateTimes may carry nanoseconds and a zone id; JavaScript reads milliseconds and offsets.
  const trimmed = text.replace(/(\.\d{3})\d+/, "$1").replace(/\[[^\]]+\]$/, "");
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}
