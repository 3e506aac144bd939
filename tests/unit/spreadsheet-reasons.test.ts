import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { specOf } from "../../server/domains/spreadsheets/csv-formats.js";
import { readCsvText, ROW_REASON_KEYS, type RowProblem } from "../../server/domains/spreadsheets/read-csv-text.js";
import { validateCells, validateRowRules } from "../../server/domains/spreadsheets/validate-csv-row.js";

/**
 * The import page words each rejected row in the user's language (ImportPage.tsx, ProblemReason): the server sends a
 * reason key with the values it names, the locales hold a sentence per key. Every key has a Dutch and an English
 * sentence, and a sentence asks only for values the server sends with that key.
 */
type Reasons = Record<string, unknown>;
const locales = Object.fromEntries(
  ["nl", "en"].map((language) => {
    const locale = JSON.parse(readFileSync(`client/src/app/locales/${language}.json`, "utf8")) as { spreadsheetReasons: Reasons };
    return [language, locale.spreadsheetReasons];
  }),
) as Record<"nl" | "en", Reasons>;
const placeholders = (sentence: string): string[] => [...sentence.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? "");

/** Problems of rows that break most rules the reasons name: cells that do not parse, rules across cells, the file's shape. */
function sampleProblems(): RowProblem[] {
  const rows = (file: Parameters<typeof specOf>[0], text: string): RowProblem[] => {
    const spec = specOf(file);
    const csv = readCsvText(text, spec);
    return [
      ...csv.problems,
      ...csv.rows.flatMap((row) => {
        const cells = validateCells(spec, row);
        return cells.problems.length > 0 ? cells.problems : validateRowRules(spec, row.line, cells.values);
      }),
    ];
  };
  return [
    ...rows("people.csv", "id,name,email\np1,,not-an-e-mail\n"),
    ...rows("institutions.csv", "id,name,kind\ni1,A,UNIVERSITY\ni2,B,HBO,extra\n"),
    ...rows("institutions.csv", "id,name\ni1,A\n"),
    ...rows("teaching-periods.csv", "id,institutionId,name,academicYear,startDate,endDate\nt1,i1,P,2025,2025-09-01,2025-08-01\n"),
    ...rows("teaching-periods.csv", "id,institutionId,name,academicYear,startDate,endDate\nt2,i1,P,2025-2026,31-02-2025,soon\n"),
    ...rows("courses.csv", "id,name,kind,programmeId,studyYear\nc1,C,PROJECT,g1,9\nc2,C,PROJECT,g1,two\n"),
    ...rows("ties.csv", "personA,personB,strength,channel,manual\na,a,0.5,COLLEAGUE,\nb,c,0,COLLEAGUE,perhaps\n"),
    ...rows("smes.csv", "id,name,kvkNumber\n,Bakkerij,\n,Bakkerij,1234567\n,Bakkerij,12a\n"),
  ];
}

describe("the import report's reasons in the user's language", () => {
  it("have a Dutch and an English sentence for every reason key the server sends", () => {
    for (const language of ["nl", "en"] as const) {
      for (const key of ROW_REASON_KEYS) {
        const sentence = locales[language][key];
        expect(typeof sentence === "string" && sentence.trim().length > 0, `${language} ${key}`).toBe(true);
      }
      const extra = Object.keys(locales[language]).filter(
        (k) => !(ROW_REASON_KEYS as readonly string[]).includes(k) && k !== "labels" && k !== "serverSentence",
      );
      expect(extra, language).toEqual([]);
      // Both languages ask for the same values.
      for (const key of ROW_REASON_KEYS)
        expect(placeholders(String(locales.nl[key])).sort(), key).toEqual(placeholders(String(locales.en[key])).sort());
    }
  });

  it("send with each problem the values its sentence names", () => {
    const problems = sampleProblems();
    const seen = new Set(problems.map((p) => p.detail?.key));
    for (const key of [
      "REQUIRED",
      "NOT_AN_EMAIL",
      "NOT_IN_LIST",
      "FIELD_COUNT",
      "MISSING_COLUMN",
      "ACADEMIC_YEAR",
      "NOT_A_REAL_DATE",
      "NOT_A_DATE",
      "OUT_OF_RANGE",
      "NOT_A_WHOLE_NUMBER",
      "SAME_PERSON",
      "NOT_A_BOOLEAN",
      "SME_ID_OR_KVK",
      "KVK_DIGITS",
      "NOT_A_KVK_NUMBER",
    ])
      expect(seen.has(key as never), key).toBe(true);
    for (const p of problems) {
      expect(p.detail, `${p.file}:${p.line} ${p.reason}`).toBeDefined();
      const key = p.detail?.key ?? "";
      for (const name of placeholders(String(locales.nl[key]))) expect(p.detail?.values?.[name], `${key} ${name}`).toBeDefined();
    }
    const email = problems.find((p) => p.detail?.key === "NOT_AN_EMAIL");
    expect(email).toMatchObject({ field: "email", code: "INVALID_VALUE", detail: { values: { value: "not-an-e-mail" } } });
    const range = problems.find((p) => p.detail?.key === "OUT_OF_RANGE");
    expect(range?.detail?.values).toEqual({ value: "9", range: "[1, 6]" });
  });
});
