import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSyntheticCsvFiles } from "../../seed/synthetic/bulk-import-synthetic-graph.js";
import {
  describeSyntheticGraph,
  scales,
  sizeLikeXl,
  SyntheticSizeError,
  validateSize,
  type SyntheticSize,
} from "../../seed/synthetic/index.js";

/**
 * The bulk importer's CSV files are written from the generator's rows without holding them (two passes over each
 * phase: columns, then lines), so XL's million people fit in memory. Written that way they must equal the files
 * written from rows held in memory, and hold exactly the counts the size asks for.
 */
const size: SyntheticSize = { ...scales.S, people: 600, ties: 3_000, seed: 11 };
const referenceDate = "2026-12-07";
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "werkplaats-csv-test-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function filesOf(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), "utf8")]),
  );
}

const dataLines = (text: string): number => text.split("\n").filter((line) => line.length > 0).length - 1;

describe("the synthetic graph's CSV files for the bulk importer", () => {
  it("streamed from the generator equal the files written from rows held in memory", async () => {
    const streamedDir = tempDir();
    const streamed = await writeSyntheticCsvFiles(describeSyntheticGraph(size, { referenceDate }), streamedDir, size.ties);

    const graph = describeSyntheticGraph(size, { referenceDate });
    const held = {
      nodes: graph.nodes.map((phase) => {
        const rows = [...phase.rows()];
        return { ...phase, rows: () => rows };
      }),
      relationships: graph.relationships.map((phase) => {
        const rows = [...phase.rows()];
        return { ...phase, rows: () => rows };
      }),
    };
    const heldDir = tempDir();
    const inMemory = await writeSyntheticCsvFiles(held, heldDir, size.ties);

    expect(streamed.nodes).toBe(inMemory.nodes);
    expect(streamed.relationships).toBe(inMemory.relationships);
    const a = filesOf(streamedDir);
    const b = filesOf(heldDir);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of a) expect(text, name).toBe(b.get(name));
    // And the counts are the rows the generator describes, each phase's file one line per row.
    expect(streamed.nodes).toBe(held.nodes.reduce((sum, p) => sum + [...p.rows()].length, 0));
    expect(streamed.relationships).toBe(held.relationships.reduce((sum, p) => sum + [...p.rows()].length, 0));
  });

  it("holds exactly the size's people, ties, institutions, programmes, courses and cases", async () => {
    const dir = tempDir();
    const progress: Array<[number, number]> = [];
    const written = await writeSyntheticCsvFiles(describeSyntheticGraph(size, { referenceDate }), dir, size.ties, (done, total) =>
      progress.push([done, total]),
    );
    const files = filesOf(dir);
    const lines = (pattern: RegExp): number => {
      const name = [...files.keys()].find((n) => pattern.test(n));
      expect(name, String(pattern)).toBeDefined();
      return dataLines(files.get(name!)!);
    };
    expect(lines(/^nodes-\d+-Person\.csv$/)).toBe(size.people);
    expect(lines(/^nodes-\d+-Institution\.csv$/)).toBe(size.institutions);
    expect(lines(/^nodes-\d+-Programme\.csv$/)).toBe(size.programmes);
    expect(lines(/^nodes-\d+-Course\.csv$/)).toBe(size.courses);
    expect(lines(/^nodes-\d+-Case\.csv$/)).toBe(size.cases);
    expect(lines(/^relationships-KNOWS\.csv$/)).toBe(size.ties);
    // Every file's lines add up to the counts returned; progress ends at the total.
    const allLines = [...files.values()].reduce((sum, text) => sum + dataLines(text), 0);
    expect(allLines).toBe(written.nodes + written.relationships);
    expect(progress.at(-1)).toEqual([written.nodes + written.relationships, written.nodes + written.relationships]);
    expect(written.args).toHaveLength(files.size);
  });
});

describe("scale XL", () => {
  it("is a million people and ten million ties with L's 110 institutions, and passes the size check", () => {
    expect(scales.XL).toMatchObject({ people: 1_000_000, ties: 10_000_000, institutions: 110, programmes: 10_000 });
    expect(() => validateSize(scales.XL)).not.toThrow();
    // Ids carry six digits from 0: one more person than a million does not fit.
    expect(() => validateSize({ ...scales.XL, people: 1_000_001 })).toThrow(SyntheticSizeError);
  });

  it("sizes in between keep XL's proportions", () => {
    expect(sizeLikeXl(300_000, 3_000_000)).toEqual({
      people: 300_000,
      ties: 3_000_000,
      institutions: 110,
      programmes: 3_000,
      courses: 30_000,
      cases: 150_000,
      seed: 42,
    });
    expect(() => validateSize(sizeLikeXl(300_000, 3_000_000))).not.toThrow();
    expect(sizeLikeXl(200, 1_000).institutions).toBe(25);
  });
});
