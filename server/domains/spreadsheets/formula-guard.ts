/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-` or `@` as a formula (and tab or carriage return can hide such a start), so a case titled
 * `=cmd|' /C calc'!A0` would run a command on the machine of whoever opens the export. Every export
 * cell that starts so gets a single quote in front (the spreadsheet shows it as text) and is quoted
 * (toCsv's `quoted_match`). A cell that already starts with quotes before such a character gets one
 * more, so the import (read-csv-text.ts) can take exactly one off and read back the original text.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The text as an export cell: `'` + text when a spreadsheet could read it as a formula. */
export function neutraliseFormula(cell: string): string {
  return GUARDED.test(cell) ? `'${cell}` : cell;
}

/** The inverse, for the import: the text an export cell was made from. */
export function restoreFormula(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** csv-stringify quotes the cells this matches: every neutralised cell, as OWASP's rule asks. */
export const NEUTRALISED_CELL = NEUTRALISED;
