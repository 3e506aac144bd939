import { stringify } from "csv-stringify/sync";
import type { Database } from "../../platform/neo4j/database.js";
import { NEUTRALISED_CELL, neutraliseFormula } from "./formula-guard.js";
import { LIST_SEPARATOR } from "./validate-csv-row.js";
import { EXPORT_CASES } from "./statements.js";

/**
 * The columns of the cases export. The first ones are cases.csv's import columns, so an export
 * reads back in (the rest are ignored by the import); docs/spreadsheets.md describes them all.
 */
export const caseExportColumns = [
  "id",
  "title",
  "smeId",
  "smeKvkNumber",
  "question",
  "topics",
  "wantedLevels",
  "effort",
  "earliestStart",
  "deadline",
  "status",
  "closeReason",
  "created",
  "coordinatorId",
  "referringPartnerId",
  "referralDate",
  "referringPersonId",
  "smeName",
  "smeCity",
  "referredBy",
  "matchedAt",
  "completedAt",
  "closedAt",
  "courseId",
  "courseName",
  "programmeName",
  "institutionId",
  "institutionName",
  "teachingPeriod",
  "sprintStatus",
  "topicLabels",
] as const;

/**
 * Every case with its SME, status, dates, and — once matched — course, institution and period, oldest first. `topics` are
 * the words as typed (the import's column: they resolve to the same topics again); `topicLabels` are the vocabulary's
 * labels of the topics they resolved to, in the export's language (NL or EN).
 */
export async function exportCasesCsv(db: Database, language: "NL" | "EN" = "NL"): Promise<string> {
  const rows = await db.read(EXPORT_CASES, { language });
  return toCsv(rows, caseExportColumns);
}

/**
 * CSV text with a header, lists joined by semicolons, a byte-order mark so Excel reads UTF-8. Every
 * cell a spreadsheet could run as a formula is neutralised and quoted (formula-guard.ts); every CSV
 * export goes through here.
 */
export function toCsv(rows: Array<Record<string, unknown>>, columns: readonly string[]): string {
  const records = rows.map((row) =>
    columns.map((column) => {
      const value = row[column];
      if (value === null || value === undefined) return "";
      return neutraliseFormula(Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value));
    }),
  );
  return stringify(records, {
    header: true,
    columns: [...columns],
    bom: true,
    record_delimiter: "unix",
    quoted_match: NEUTRALISED_CELL,
  });
}
