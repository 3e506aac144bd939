import { describe, expect, it } from "vitest";
import { specOf } from "../../server/domains/spreadsheets/csv-formats.js";
import { detectDelimiter, readCsvText } from "../../server/domains/spreadsheets/read-csv-text.js";
import { validateCells, validateRowRules } from "../../server/domains/spreadsheets/validate-csv-row.js";

describe("reading a CSV file against its format", () => {
  it("detects comma, semicolon (Dutch Excel) and tab from the header", () => {
    expect(detectDelimiter("id,name,kind\n1,a;b,HBO")).toBe(",");
    expect(detectDelimiter("\uFEFFid;name;kind\n")).toBe(";");
    expect(detectDelimiter('"a,b";c;d\n')).toBe(";");
    expect(detectDelimiter("id\tname\n")).toBe("\t");
    expect(detectDelimiter("id\n1\n")).toBe(",");
  });

  it("maps header names loosely, reports unknown columns, keeps the line where each row starts", () => {
    const text = '\uFEFFID;Name;Kind;Short name;Colour\r\ni1;"Hogeschool\r\nvan Amsterdam";hbo;HvA;blue\r\n\r\ni2;UvA;WO;;\r\n';
    const csv = readCsvText(text, specOf("institutions.csv"));
    expect(csv.ignoredColumns).toEqual(["Colour"]);
    expect(csv.problems).toEqual([]);
    expect(csv.rows).toEqual([
      { line: 2, cells: { id: "i1", name: "Hogeschool\nvan Amsterdam", kind: "hbo", shortName: "HvA" } },
      { line: 5, cells: { id: "i2", name: "UvA", kind: "WO", shortName: "" } },
    ]);
    expect(csv.dataLines).toBe(2);
  });

  it("refuses the whole file when a required column is missing", () => {
    const csv = readCsvText("id,name\ni1,A\n", specOf("institutions.csv"));
    expect(csv.unusable).toBe(true);
    expect(csv.rows).toEqual([]);
    expect(csv.problems).toEqual([
      {
        file: "institutions.csv",
        line: 1,
        field: "kind",
        code: "MISSING_COLUMN",
        reason: expect.stringMatching(/required column "kind" is missing/),
        detail: { key: "MISSING_COLUMN", values: { column: "kind" } },
      },
    ]);
  });

  it("reports a row with more fields than the header, and unparseable lines, by line", () => {
    const csv = readCsvText('id,name,kind\ni1,A,HBO,oops\ni2,"B"x,WO\ni3,C,MBO\n', specOf("institutions.csv"));
    expect(csv.rows.map((r) => r.line)).toEqual([4]);
    expect(csv.problems).toEqual([
      {
        file: "institutions.csv",
        line: 3,
        field: null,
        code: "INVALID_CSV",
        reason: expect.stringMatching(/not valid CSV/),
        detail: { key: "CSV_LINE" },
      },
      {
        file: "institutions.csv",
        line: 2,
        field: null,
        code: "INVALID_CSV",
        reason: expect.stringMatching(/4 fields, the header 3/),
        detail: { key: "FIELD_COUNT", values: { fields: "4", header: "3" } },
      },
    ]);
    expect(csv.dataLines).toBe(3);
  });

  it("validates cells: required, types, ranges, lists, and rules across cells", () => {
    const spec = specOf("ties.csv");
    const row = (cells: Record<string, string>) => validateCells(spec, { line: 7, cells });
    expect(row({ personA: "a", personB: "b", strength: "0,5", channel: "event", manual: "ja" })).toEqual({
      values: {
        personA: "a",
        personB: "b",
        strength: 0.5,
        channel: "EVENT",
        since: null,
        lastContact: null,
        note: null,
        manual: true,
      },
      problems: [],
    });
    expect(row({ personA: "a", personB: "", strength: "0", channel: "phone" }).problems).toEqual([
      { file: "ties.csv", line: 7, field: "personB", code: "REQUIRED", reason: "is required", detail: { key: "REQUIRED" } },
      {
        file: "ties.csv",
        line: 7,
        field: "strength",
        code: "INVALID_VALUE",
        reason: "0 is outside (0, 1]",
        detail: { key: "OUT_OF_RANGE", values: { value: "0", range: "(0, 1]" } },
      },
      {
        file: "ties.csv",
        line: 7,
        field: "channel",
        code: "INVALID_VALUE",
        reason: expect.stringMatching(/not one of COLLEAGUE/),
        detail: { key: "NOT_IN_LIST", values: { value: "phone", allowed: expect.stringContaining("COLLEAGUE") } },
      },
    ]);
    expect(validateRowRules(spec, 7, { personA: "a", personB: "a" })).toEqual([
      {
        file: "ties.csv",
        line: 7,
        field: "personB",
        code: "INVALID_VALUE",
        reason: "a tie needs two different people",
        detail: { key: "SAME_PERSON" },
      },
    ]);

    const cases = specOf("cases.csv");
    const parsed = validateCells(cases, {
      line: 2,
      cells: { id: "k", title: "T", smeId: "s", topics: " web ; data;;web", wantedLevels: "hbo;WO" },
    });
    expect(parsed.values).toMatchObject({ topics: ["web", "data"], wantedLevels: ["HBO", "WO"] });
    expect(validateCells(cases, { line: 2, cells: { id: "k", title: "T", wantedLevels: "HBO;HAVO" } }).problems[0]).toMatchObject(
      { field: "wantedLevels" },
    );
    expect(validateRowRules(cases, 2, { earliestStart: "2025-09-01", deadline: "2025-08-31", smeId: "s" })).toEqual([
      {
        file: "cases.csv",
        line: 2,
        field: "deadline",
        code: "INVALID_VALUE",
        reason: "2025-08-31 is before earliestStart 2025-09-01",
        detail: { key: "DATE_BEFORE", values: { value: "2025-08-31", other: "earliestStart", otherValue: "2025-09-01" } },
      },
    ]);
  });
});
