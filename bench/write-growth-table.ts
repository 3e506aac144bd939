import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResults } from "./write-bench-results.js";

/**
 * `npm run bench:growth`: how each operation's p50/p95 (through /graphql) and the API's memory grow from S to XL,
 * from the bench/results/bench-<scale>.json the runs left (named scales and --people/--ties sizes in between),
 * ordered by people. Written between the growth-table markers of docs/performance.md, with each run's date,
 * load average and command, since the files come from different runs (issue 19, part 4).
 */

const projectRoot = fileURLToPath(new URL("../", import.meta.url));
const START = "<!-- growth-table:start (bench/write-growth-table.ts) -->";
const END = "<!-- growth-table:end -->";

const fmt = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? "–" : String(x));
const thousands = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1_000 ? `${n / 1_000}k` : String(n));

/** The label of a run's column: its scale name, or "300k" for a size in between. */
export function columnLabel(r: Pick<BenchResults, "scale" | "size">): string {
  return r.scale.startsWith("custom-") ? `${thousands(r.size.people)} people` : r.scale;
}

export function renderGrowthTable(runs: readonly BenchResults[]): string {
  const sorted = [...runs].sort((a, b) => a.size.people - b.size.people || a.size.ties - b.size.ties);
  const lines: string[] = [];
  const header = sorted.map(columnLabel);
  lines.push(`| | ${header.join(" | ")} |`);
  lines.push(`| --- | ${sorted.map(() => "---:").join(" | ")} |`);
  const row = (label: string, cell: (r: BenchResults) => string): void => {
    lines.push(`| ${label} | ${sorted.map(cell).join(" | ")} |`);
  };
  row("people / ties", (r) => `${thousands(r.size.people)} / ${thousands(r.size.ties)}`);
  row("run on (UTC)", (r) => r.date.slice(0, 16).replace("T", " "));
  row("load average at start / end (1 min)", (r) => `${r.machine.loadAverageAtStart[0]} / ${r.machine.loadAverageAtEnd[0]}`);
  const names: string[] = [];
  for (const r of sorted) for (const o of r.operations) if (!names.includes(o.name)) names.push(o.name);
  for (const name of names) {
    row(`${name}: p50 / p95 ms`, (r) => {
      const o = r.operations.find((x) => x.name === name);
      return o ? `${fmt(o.graphql.p50)} / ${fmt(o.graphql.p95)}` : "–";
    });
  }
  row(
    "API RSS: idle / after / peak MB",
    (r) => `${r.apiMemory.idleRssMb} / ${r.apiMemory.afterRssMb} / ${r.apiMemory.peakRssMb}`,
  );
  row("bulk load s (with Neo4j start)", (r) => `${fmt(r.graph.loadSeconds)}${r.graph.reused ? " (reused)" : ""}`);
  row("suggestion counts s", (r) => fmt(Math.round(r.graph.suggestionCountsMs / 100) / 10));
  row("refreshEmbedding s", (r) =>
    r.embeddingRefresh
      ? fmt(Math.round(r.embeddingRefresh.ms / 100) / 10)
      : r.embeddingRefreshEstimate
        ? `≥ ${fmt(Math.round(r.embeddingRefreshEstimate.ms / 1000))} (lower bound, not run)`
        : "not run",
  );
  row("in-memory baseline load s", (r) => fmt(Math.round(r.inMemoryLoadMs / 100) / 10));
  row("whole run s", (r) => fmt(r.totalSeconds));
  lines.push("");
  for (const r of sorted) lines.push(`- ${columnLabel(r)}: \`${r.command}\`.`);
  return lines.join("\n");
}

export function readBenchRuns(dir: string): BenchResults[] {
  return readdirSync(dir)
    .filter((name) => /^bench-.+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as BenchResults)
    .filter((r) => Array.isArray(r.operations) && r.size && r.apiMemory);
}

/** Replaces the text between the markers (appends them with a heading when the file has none). */
export function replaceBetweenMarkers(doc: string, table: string): string {
  const block = `${START}\n${table}\n${END}`;
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start >= 0 && end > start) return `${doc.slice(0, start)}${block}${doc.slice(end + END.length)}`;
  return `${doc.trimEnd()}\n\n## How cost grows from S to XL (issue 19)\n\n${block}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = path.join(projectRoot, "bench/results");
  const doc = path.join(projectRoot, "docs/performance.md");
  const table = renderGrowthTable(readBenchRuns(results));
  writeFileSync(doc, replaceBetweenMarkers(readFileSync(doc, "utf8"), table));
  process.stdout.write(`${table}\n`);
}
