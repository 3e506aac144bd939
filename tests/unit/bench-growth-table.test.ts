import { describe, expect, it } from "vitest";
import { columnLabel, renderGrowthTable, replaceBetweenMarkers } from "../../bench/write-growth-table.js";
import type { BenchResults } from "../../bench/write-bench-results.js";
import { benchOperation } from "../helpers/bench-results.js";
import { scales, sizeLikeXl } from "../../seed/synthetic/index.js";

/** The S-to-XL growth table (issue 19 part 4) reads the bench's JSON results: one column per run, ordered by people. */

function run(scale: string, people: number, ties: number, warmP50: number, peakRssMb: number): BenchResults {
  const operation = benchOperation("warmPaths (k=3, maxHops=4)", warmP50, warmP50 * 2, { rawLabel: "findWarmPaths" });
  const size = scale in scales ? scales[scale as keyof typeof scales] : sizeLikeXl(people, ties);
  return {
    scale,
    size,
    command: `npm run bench -- ${scale}`,
    date: "2026-12-07T01:00:00.000Z",
    machine: { cpus: 2, model: "x", memoryGb: 24, node: "v20", loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [2, 2, 2] },
    graph: {
      reused: false,
      generatedAt: "2026-12-07T01:00:00.000Z",
      nodes: 1,
      relationships: ties,
      loadSeconds: 10,
      relationshipsPerSecond: 1,
      knowsPerSecond: 1,
      path: "bulk",
      neo4jStartSeconds: 1,
      relationshipsPerSecondWithoutStart: 1,
      suggestionCountsMs: 1500,
    },
    inMemoryLoadMs: 2000,
    embeddingRefresh: null,
    embeddingRefreshEstimate: { ms: 600_000, programmes: 10_000, oneProgrammeMs: 240 },
    apiMemory: { idleRssMb: 100, afterRssMb: 150, peakRssMb },
    operations: [operation],
    throughput: [],
    totalSeconds: 100,
  };
}

describe("the S-to-XL growth table", () => {
  it("has a column per run, ordered by people, with each operation's p50 / p95 and the API's memory", () => {
    const table = renderGrowthTable([
      run("L", 100_000, 1_000_000, 5, 246),
      run("S", 300, 1_500, 1, 221),
      run("custom-300000-3000000", 300_000, 3_000_000, 9, 300),
    ]);
    const lines = table.split("\n");
    expect(lines[0]).toBe("| | S | L | 300k people |");
    expect(lines).toContain("| warmPaths (k=3, maxHops=4): p50 / p95 ms | 1 / 2 | 5 / 10 | 9 / 18 |");
    expect(lines).toContain("| API RSS: idle / after / peak MB | 100 / 150 / 221 | 100 / 150 / 246 | 100 / 150 / 300 |");
    expect(table).toContain("≥ 600 (lower bound, not run)");
    expect(columnLabel({ scale: "XL", size: scales.XL })).toBe("XL");
  });

  it("replaces only the text between its markers, and adds them once when missing", () => {
    const first = replaceBetweenMarkers("# Doc\n\nText.\n", "TABLE 1");
    expect(first).toContain("TABLE 1");
    const second = replaceBetweenMarkers(`${first}\n## Later\n`, "TABLE 2");
    expect(second).not.toContain("TABLE 1");
    expect(second).toContain("TABLE 2");
    expect(second).toContain("## Later");
    expect(second.match(/growth-table:start/g)).toHaveLength(1);
  });
});
