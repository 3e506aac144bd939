import { describe, expect, it } from "vitest";
import { toCsv } from "../../server/domains/spreadsheets/export-cases-csv.js";
import { neutraliseFormula, restoreFormula } from "../../server/domains/spreadsheets/formula-guard.js";
import { readCsvText } from "../../server/domains/spreadsheets/read-csv-text.js";

describe("CSV formula guard (OWASP CSV injection)", () => {
  const risky = ["=1+1", "+31 20 555 0101", "-2", "@SUM(A1)", "\tcmd", "\rcmd", "'=already", "''@twice"];
  const plain = ["Data Sprint", "'quoted", "a=b", "", "2025-01-01", "06 1234"];

  it("prefixes every cell a spreadsheet could run with a single quote, and leaves other text alone", () => {
    for (const cell of risky) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of plain) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it("restores the original text of every exported cell", () => {
    for (const cell of [...risky, ...plain]) expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
  });

  it("quotes neutralised cells in the CSV text, and the import reads the original back", () => {
    const csv = toCsv([{ id: "k1", name: "=cmd|' /C calc'!A0" }], ["id", "name"]);
    expect(csv).toBe(`\uFEFFid,name\nk1,"'=cmd|' /C calc'!A0"\n`);
    const read = readCsvText(csv, {
      file: "institutions.csv",
      columns: [
        { name: "id", type: "id" },
        { name: "name", type: "text" },
      ],
    });
    expect(read.rows[0]?.cells).toEqual({ id: "k1", name: "=cmd|' /C calc'!A0" });
  });
});
