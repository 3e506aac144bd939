/**
 * A chosen file's text as the command-line import reads it (server/domains/spreadsheets/import-spreadsheets.ts,
 * readText): UTF-8, or Windows-1252 when it is not valid UTF-8 (an older Excel "CSV").
 */
export async function readCsvFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The files the import reads, in its order (server/domains/spreadsheets/csv-formats.ts, fileSpecs). */
export const DOCUMENTED_FILES = [
  "institutions.csv",
  "teaching-periods.csv",
  "partners.csv",
  "programmes.csv",
  "courses.csv",
  "people.csv",
  "agreements.csv",
  "interactions.csv",
  "ties.csv",
  "smes.csv",
  "cases.csv",
] as const;

/** The most characters one upload may hold (MAX_UPLOAD_CHARACTERS in SpreadsheetsResolver.ts). */
export const MAX_UPLOAD_CHARACTERS = 900_000;
