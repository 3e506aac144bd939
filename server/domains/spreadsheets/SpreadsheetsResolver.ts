import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { exportCasesCsv } from "./export-cases-csv.js";
import { exportContactsCsv } from "./export-contacts-csv.js";
import { Cost } from "../../platform/limits/Cost.js";
import { Language } from "../../platform/model/graph-enums.js";
import { fileSpecs, type FileName } from "./csv-formats.js";
import { importSpreadsheetTexts } from "./import-spreadsheets.js";
import { SpreadsheetFileInput, SpreadsheetImportReport } from "./import-types.js";

/**
 * Most characters one upload may hold, all files together: within the request body limit (MAX_BODY_SIZE,
 * 1 MB by default) and one transaction's memory; a larger sheet goes through `npm run import`.
 */
export const MAX_UPLOAD_CHARACTERS = 900_000;

/** CSV downloads for the client's buttons (the same text as `npm run export`), and the client's upload. */
@Resolver()
export class SpreadsheetsResolver {
  @Query(() => String, { description: "All cases as CSV (docs/spreadsheets.md, cases export)." })
  @Access("DATA_TRANSFER")
  @Cost("exportCasesCsv")
  async exportCasesCsv(
    @Ctx() ctx: GraphQLContext,
    @Arg("language", () => Language, { defaultValue: Language.NL, description: "The language of the topic labels." })
    language: Language = Language.NL,
  ): Promise<string> {
    return exportCasesCsv(ctx.db, language === Language.EN ? "EN" : "NL");
  }

  @Query(() => String, { description: "The contact list as CSV: personal data (names, e-mail, phone) — handle it as such." })
  @Access("DATA_TRANSFER")
  @Cost("exportContactsCsv")
  async exportContactsCsv(@Ctx() ctx: GraphQLContext): Promise<string> {
    return exportContactsCsv(ctx.db);
  }

  @Mutation(() => SpreadsheetImportReport, {
    description:
      "Imports the documented CSV files (docs/spreadsheets.md) as `npm run import` does, in one transaction: valid rows are merged, rejected rows reported by file, line, field and code. dryRun: true checks and reports everything and writes nothing. At most 900,000 characters in all (PAYLOAD_TOO_LARGE).",
  })
  @Access("DATA_TRANSFER")
  @Cost("importSpreadsheets")
  async importSpreadsheets(
    @Ctx() ctx: GraphQLContext,
    @Arg("files", () => [SpreadsheetFileInput]) files: SpreadsheetFileInput[],
    @Arg("dryRun", () => Boolean) dryRun: boolean,
  ): Promise<SpreadsheetImportReport> {
    const texts = uploadedTexts(files);
    const report = await importSpreadsheetTexts(ctx.db, texts, { dryRun }, "upload");
    return {
      dryRun: report.dryRun,
      files: report.files.filter((f) => f.found),
      // The reason's key and values for the client to word (locale `spreadsheetReasons`); `reason` stays the English sentence.
      problems: report.problems.map(({ detail, ...p }) => ({
        ...p,
        code: p.code ?? "INVALID_VALUE",
        reasonKey: detail?.key ?? null,
        reasonValues: Object.entries(detail?.values ?? {}).map(([name, value]) => ({ name, value })),
      })),
      unmatchedTopics: report.unmatchedTopics,
    };
  }
}

/** The upload by documented file name: unknown or repeated names and an oversized upload are refused before any work. */
function uploadedTexts(files: SpreadsheetFileInput[]): Partial<Record<FileName, string>> {
  const known = new Set<string>(fileSpecs.map((s) => s.file));
  const texts: Partial<Record<FileName, string>> = {};
  let size = 0;
  for (const file of files) {
    const name = file.name.trim().toLowerCase();
    if (!known.has(name))
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `${file.name} is not one of the documented files (${fileSpecs.map((s) => s.file).join(", ")}).`,
        "files",
        { fileName: file.name },
      );
    if (texts[name as FileName] !== undefined)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${name} is given twice.`, "files", { fileName: name });
    size += file.text.length;
    texts[name as FileName] = file.text;
  }
  if (files.length === 0) throw new DomainError(ErrorCode.BAD_USER_INPUT, "Choose at least one file.", "files");
  if (size > MAX_UPLOAD_CHARACTERS)
    throw new DomainError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `The files hold ${size} characters; at most ${MAX_UPLOAD_CHARACTERS} go in one upload (use npm run import for more).`,
      "files",
    );
  return texts;
}
