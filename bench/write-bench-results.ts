import { writeFileSync } from "node:fs";
import path from "node:path";
import type { ScaleName, SyntheticSize } from "../seed/synthetic/index.js";
import type { LatencySummary } from "./summarise-latencies.js";
import type { WriteMixResult } from "./write-mix.js";

export interface OperationResult {
  name: string;
  /** What the raw side runs: the same service code / Cypher, on the driver in the bench process. */
  rawLabel: string;
  graphql: LatencySummary;
  raw: LatencySummary;
  memory: LatencySummary | null;
  ratioP50: number;
  ratioP95: number;
  /** GraphQL p50 over the in-memory p50 (warmPaths only). */
  memoryGapP50: number | null;
  /** Cypher statements and transactions the API sent per GraphQL request (median, min, max). */
  statementsPerRequest: { median: number; min: number; max: number };
  transactionsPerRequest: { median: number; min: number; max: number };
  compared: number;
  disagreements: number;
  disagreementExamples: string[];
  /** Samples that failed on either side (not timed, not compared), with the first messages; absent: none. */
  errors?: { graphql: number; raw: number; examples: string[] };
  note?: string;
  /** The GraphQL samples with the write mix off and on, alternate blocks of the same run (bench/write-mix.ts). */
  withMix?: { off: LatencySummary; on: LatencySummary };
  /** The API thread's event-loop delay while this operation was measured (bench/api-process.ts; older results: none). */
  apiEventLoop?: { p99Ms: number; maxMs: number };
  /** Every sample in the order taken, ms to 0.01 (older results: none): how a figure moved during the operation. */
  samples?: { graphql: number[]; raw: number[]; memory: number[] };
}

export interface ThroughputResult {
  name: string;
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  /** The failed requests by what they said (code and the start of the message), so that refusals can be told from faults. */
  errorKinds?: Record<string, number>;
  perSecond: number;
  latency: LatencySummary;
}

export interface BenchResults {
  /** A named scale, or "custom-<people>-<ties>" (bench --people/--ties, XL's proportions). */
  scale: string;
  size: SyntheticSize;
  command: string;
  date: string;
  machine: {
    cpus: number;
    model: string;
    memoryGb: number;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  graph: {
    reused: boolean;
    generatedAt: string;
    nodes: number;
    relationships: number;
    loadSeconds: number;
    relationshipsPerSecond: number;
    knowsPerSecond: number;
    /** "bulk": Neo4j's offline importer; "cypher": UNWIND batches into a running Neo4j. */
    path: "bulk" | "cypher";
    /** The Neo4j start the bulk path counts (0 for Cypher), and the rate without it. */
    neo4jStartSeconds: number;
    relationshipsPerSecondWithoutStart: number;
    suggestionCountsMs: number;
  };
  inMemoryLoadMs: number;
  /** null when run with --no-embedding. */
  embeddingRefresh: { ms: number; programmes: number; institutions: number } | null;
  /**
   * When the refresh was skipped (--refresh skip, default at XL): programmes × one programme's raw p50 ÷ 4 at a time, a lower
   * bound (at 300,000 people the real refresh ran over 634 s, estimated 235 s).
   */
  embeddingRefreshEstimate?: { ms: number; programmes: number; oneProgrammeMs: number } | null;
  /** withTiesRssMb: once the analytics worker said it holds every tie, before the warm-up (older results: none). */
  apiMemory: { idleRssMb: number; withTiesRssMb?: number; afterRssMb: number; peakRssMb: number };
  /** The analytics worker's read of every tie, as it logged it; null: it did not say so in time (older results: absent). */
  tieGraphRead?: { people: number; ties: number; ms: number } | null;
  operations: OperationResult[];
  throughput: ThroughputResult[];
  /** The day's writes among the reads (bench/write-mix.ts); null: --write-mix 0. */
  writeMix?: WriteMixResult | null;
  totalSeconds: number;
  /** Seconds per step of the run (older results: none). */
  steps?: Array<{ step: string; seconds: number }>;
}

export interface TargetCheck {
  target: string;
  /** The scale the target is stated for; at another scale the check is only indicative. */
  at: ScaleName | "any";
  measured: string;
  met: boolean;
}

/** Issue 7's targets, checked against what this run measured. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const op = (prefix: string): OperationResult | undefined => r.operations.find((o) => o.name.startsWith(prefix));
  const checks: TargetCheck[] = [];
  // The floor and the whole-service row explain the ratios; they are not operations of the issue.
  for (const o of r.operations.filter((x) => !x.name.startsWith("floor") && !x.name.includes("whole service"))) {
    checks.push({ target: `${o.name}: GraphQL/raw p50 ≤ 1.3`, at: "any", measured: `${o.ratioP50}`, met: o.ratioP50 <= 1.3 });
  }
  const warm = op("warmPaths");
  if (warm) {
    checks.push({
      target: "warmPaths via /graphql: p50 ≤ 10 ms, p95 ≤ 50 ms",
      at: "L",
      measured: `p50 ${warm.graphql.p50} ms, p95 ${warm.graphql.p95} ms`,
      met: warm.graphql.p50 <= 10 && warm.graphql.p95 <= 50,
    });
  }
  const ranking = op("embeddingRanking");
  if (ranking)
    checks.push({
      target: "embeddingRanking ≤ 2 s (p50)",
      at: "L",
      measured: `p50 ${ranking.graphql.p50} ms`,
      met: ranking.graphql.p50 <= 2000,
    });
  const embedding = op("embedding (");
  if (embedding)
    checks.push({
      target: "embedding of one programme ≤ 100 ms (p50)",
      at: "L",
      measured: `p50 ${embedding.graphql.p50} ms`,
      met: embedding.graphql.p50 <= 100,
    });
  const suggestions = op("caseSuggestions");
  if (suggestions)
    checks.push({
      target: "caseSuggestions p95 ≤ 100 ms",
      at: "L",
      measured: `p95 ${suggestions.graphql.p95} ms`,
      met: suggestions.graphql.p95 <= 100,
    });
  const board32 = r.throughput.find((t) => t.name.includes("graphql") && t.clients === 32);
  if (board32)
    checks.push({
      target: "case board ≥ 500 requests/s with 32 clients",
      at: "M",
      measured: `${board32.perSecond}/s`,
      met: board32.perSecond >= 500,
    });
  checks.push({
    target: "synthetic load ≥ 50,000 relationships/s",
    at: "any",
    measured: `${r.graph.relationshipsPerSecondWithoutStart}/s (${r.graph.path}; ${r.graph.relationshipsPerSecond}/s counting the Neo4j start)`,
    met: r.graph.relationshipsPerSecondWithoutStart >= 50_000,
  });
  checks.push({
    target: "API resident memory ≤ 300 MB",
    at: "L",
    measured: `peak ${r.apiMemory.peakRssMb} MB`,
    met: r.apiMemory.peakRssMb <= 300,
  });
  checks.push(...checkIssue19Targets(r));
  // Issue 19's XL targets.
  if (warm)
    checks.push({
      target: "warmPaths via /graphql: p95 ≤ 50 ms",
      at: "XL",
      measured: `p95 ${warm.graphql.p95} ms`,
      met: warm.graphql.p95 <= 50,
    });
  checks.push({
    target: "API resident memory ≤ 400 MB",
    at: "XL",
    measured: `peak ${r.apiMemory.peakRssMb} MB`,
    met: r.apiMemory.peakRssMb <= 400,
  });
  checks.push({
    target: "the whole run under 60 minutes",
    at: "XL",
    measured: `${Math.round(r.totalSeconds / 6) / 10} min`,
    met: r.totalSeconds <= 3600,
  });
  return checks;
}

/**
 * Issue 19's targets at L and M (the XL ones follow in checkTargets). "Under the write mix" reads the samples taken in
 * the mix's on-blocks (bench/write-mix.ts); a run without the mix cannot meet it. The event loop is the API thread's
 * p99 delay while each analytics operation was measured (the worker's own loop is not the API's).
 */
export function checkIssue19Targets(r: BenchResults): TargetCheck[] {
  const op = (prefix: string): OperationResult | undefined => r.operations.find((o) => o.name.startsWith(prefix));
  const checks: TargetCheck[] = [];
  const programme = op("embedding (one programme)");
  if (programme)
    checks.push({
      target: "embedding(programme) under the 10 % write mix: p95 ≤ 100 ms",
      at: "L",
      measured: programme.withMix ? `p95 ${programme.withMix.on.p95} ms (mix on)` : "no write mix in this run",
      met: programme.withMix !== undefined && programme.withMix.on.p95 <= 100,
    });
  const institution = op("embedding (one institution)");
  if (institution)
    checks.push({
      target: "embedding(institution), warm: p50 ≤ 300 ms",
      at: "L",
      measured: `p50 ${institution.graphql.p50} ms`,
      met: institution.graphql.p50 <= 300,
    });
  const analytics = r.operations.filter((o) => o.name.startsWith("embedding (") || o.name.startsWith("warmPaths to a"));
  const measuredLoops = analytics.filter((o) => o.apiEventLoop);
  if (measuredLoops.length > 0) {
    const worst = Math.max(...measuredLoops.map((o) => o.apiEventLoop!.p99Ms));
    checks.push({
      target: "API event-loop delay ≤ 20 ms p99 during analytics requests",
      at: "L",
      measured: `worst p99 ${worst} ms (${measuredLoops.map((o) => `${o.name.split(" (")[0]} ${o.apiEventLoop!.p99Ms}`).join(", ")})`,
      met: worst <= 20,
    });
  }
  const hubs = op("warmPaths to a programme");
  if (hubs)
    checks.push({
      target: "warmPaths to a programme from the hub coordinators: p50 ≤ 20 ms",
      at: "L",
      measured: `p50 ${hubs.graphql.p50} ms`,
      met: hubs.graphql.p50 <= 20,
    });
  const person = op("warmPaths (k=3");
  if (person)
    checks.push({
      target: "warmPaths person to person: p50 ≤ 5 ms",
      at: "L",
      measured: `p50 ${person.graphql.p50} ms`,
      met: person.graphql.p50 <= 5,
    });
  const board = r.throughput.find((t) => t.name.includes("graphql") && t.clients === 32);
  const driver = r.throughput.find((t) => !t.name.includes("graphql") && t.clients === 32);
  if (board && driver) {
    const share = Math.round((board.perSecond / Math.max(driver.perSecond, 1)) * 100) / 100;
    checks.push({
      target: "case board with 32 clients: ≥ 500 requests/s, or ≥ 0.9 of the driver alone",
      at: "M",
      measured: `${board.perSecond}/s, ${share} of the driver's ${driver.perSecond}/s`,
      met: board.perSecond >= 500 || share >= 0.9,
    });
  }
  return checks;
}

const fmt = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? "–" : String(x));

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  lines.push(`## Benchmark, scale ${r.scale} (${r.date.slice(0, 16).replace("T", " ")} UTC)`);
  lines.push("");
  lines.push(`Command: \`${r.command}\` — ${r.totalSeconds} s in all.`);
  lines.push(
    `Machine: ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memoryGb} GB, Node ${r.machine.node}; load average ${r.machine.loadAverageAtStart.join(" / ")} at the start, ${r.machine.loadAverageAtEnd.join(" / ")} at the end (1/5/15 min).`,
  );
  lines.push(
    `Graph: ${r.size.people} people, ${r.size.ties} ties, ${r.size.courses} courses, ${r.size.cases} cases (seed ${r.size.seed}); ${r.graph.nodes} nodes, ${r.graph.relationships} relationships, ` +
      `${r.graph.reused ? `reused (generated ${r.graph.generatedAt.slice(0, 16).replace("T", " ")})` : "generated in this run"}.`,
  );
  lines.push("");
  lines.push(
    "Latency in ms. GraphQL = a POST to /graphql on loopback (API in a child process); raw = the same service code and Cypher through the driver in the bench process; the two are interleaved sample by sample.",
  );
  lines.push("");
  lines.push(
    "| operation | GraphQL p50 | GraphQL p95 | raw p50 | raw p95 | ratio p50 | ratio p95 | in-memory p50 / p95 | statements / tx per request | samples (GraphQL / raw where they differ) | answers differ | API event loop p99 / max |",
  );
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const o of r.operations) {
    lines.push(
      `| ${o.name} | ${fmt(o.graphql.p50)} | ${fmt(o.graphql.p95)} | ${fmt(o.raw.p50)} | ${fmt(o.raw.p95)} | ${fmt(o.ratioP50)} | ${fmt(o.ratioP95)} | ` +
        `${o.memory ? `${fmt(o.memory.p50)} / ${fmt(o.memory.p95)}` : "–"} | ${o.statementsPerRequest.median} / ${o.transactionsPerRequest.median}` +
        `${o.statementsPerRequest.min !== o.statementsPerRequest.max ? ` (${o.statementsPerRequest.min}–${o.statementsPerRequest.max})` : ""} | ` +
        `${o.graphql.samples === o.raw.samples ? o.graphql.samples : `${o.graphql.samples} / ${o.raw.samples}`} | ${o.disagreements} of ${o.compared} | ` +
        `${o.apiEventLoop ? `${fmt(o.apiEventLoop.p99Ms)} / ${fmt(o.apiEventLoop.maxMs)}` : "–"} |`,
    );
  }
  lines.push("");
  for (const o of r.operations) {
    if (o.note) lines.push(`- ${o.name}: raw side = ${o.rawLabel}; ${o.note}.`);
    for (const e of o.disagreementExamples) lines.push(`- ${o.name}, differing answer: ${e}`);
    if (o.errors)
      lines.push(
        `- ${o.name}: **failed samples** GraphQL ${o.errors.graphql}, raw ${o.errors.raw} (not timed): ${o.errors.examples.join("; ")}`,
      );
  }
  const warm = r.operations.find((o) => o.memoryGapP50 !== null);
  if (warm)
    lines.push(`- warmPaths: GraphQL p50 is ${warm.memoryGapP50}× the in-memory search's p50 (the price of a shared database).`);
  if (r.writeMix) {
    const m = r.writeMix;
    const counts = (c: Record<string, number>) =>
      Object.entries(c)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ");
    lines.push(
      `- Write mix: in every other block of ${Math.max(1, Math.round(100 / m.percent) - 1)} reads, ${m.percent} % of requests ` +
        `were the day's writes, among every operation above except the warm-path ones ` +
        `compared with the in-memory search (loaded once, it cannot follow tie writes): ${counts(m.writes)}; failed: ` +
        `${counts(m.errors)}${m.latency ? `; write p50 ${fmt(m.latency.p50)}, p95 ${fmt(m.latency.p95)}` : ""}.`,
    );
    const byKind = Object.entries(m.latencyByKind ?? {})
      .map(([k, l]) => (l ? `${k} ${fmt(l.p50)}/${fmt(l.p95)}` : `${k} –`))
      .join(", ");
    if (byKind)
      lines.push(
        `- Write mix, p50/p95 per kind (intake = intakeCase + qualifyCase; proposal = the new case's caseSuggestions + ` +
          `proposeCase; answer, match, interaction = one mutation each): ${byKind}` +
          `${m.template ? `; the intakes copy case ${m.template}` : ""}.`,
      );
    for (const e of m.firstErrors) lines.push(`- Write mix, a failed write: ${e}`);
  } else lines.push("- Write mix: none (--write-mix 0).");
  const mixed = r.operations.filter((o) => o.withMix);
  if (mixed.length > 0) {
    lines.push("");
    lines.push(
      "| GraphQL reads, write mix off / on (alternate blocks of one run) | samples off / on | p50 off | p50 on | p95 off | p95 on | p50 on/off |",
    );
    lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const o of mixed) {
      const { off, on } = o.withMix!;
      lines.push(
        `| ${o.name} | ${off.samples} / ${on.samples} | ${fmt(off.p50)} | ${fmt(on.p50)} | ${fmt(off.p95)} | ${fmt(on.p95)} | ${Math.round((on.p50 / Math.max(off.p50, 0.001)) * 100) / 100} |`,
      );
    }
  }
  lines.push("");
  lines.push("| throughput | clients | requests | errors | seconds | requests/s | p50 | p95 |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const t of r.throughput) {
    lines.push(
      `| ${t.name} | ${t.clients} | ${t.requests} | ${t.errors} | ${t.seconds} | ${t.perSecond} | ${fmt(t.latency.p50)} | ${fmt(t.latency.p95)} |`,
    );
  }
  for (const t of r.throughput) {
    const kinds = Object.entries(t.errorKinds ?? {}).sort((a, b) => b[1] - a[1]);
    if (kinds.length > 0)
      lines.push(`- ${t.name}, ${t.clients} clients, failed: ${kinds.map(([kind, n]) => `${n} × ${kind}`).join("; ")}.`);
  }
  lines.push("");
  lines.push("| other figure | value |");
  lines.push("| --- | --- |");
  lines.push(
    r.graph.path === "bulk"
      ? `| synthetic load (Neo4j's bulk importer: CSV files, import, constraints and indexes online) | ${r.graph.relationships} relationships in ${Math.round((r.graph.loadSeconds - r.graph.neo4jStartSeconds) * 10) / 10} s = ${r.graph.relationshipsPerSecondWithoutStart}/s; with the ${r.graph.neo4jStartSeconds} s Neo4j start the bulk path needs, ${r.graph.loadSeconds} s = ${r.graph.relationshipsPerSecond}/s |`
      : `| synthetic load (Cypher batches into a running Neo4j) | ${r.graph.relationships} relationships in ${r.graph.loadSeconds} s = ${r.graph.relationshipsPerSecond}/s overall; KNOWS alone ${r.graph.knowsPerSecond}/s |`,
  );
  lines.push(`| suggestion counts after loading (refreshSuggestionCounts) | ${r.graph.suggestionCountsMs} ms |`);
  lines.push(
    r.embeddingRefresh
      ? `| full embedding recomputation (refreshEmbedding) | ${r.embeddingRefresh.ms} ms for ${r.embeddingRefresh.programmes} programmes and ${r.embeddingRefresh.institutions} institutions |`
      : r.embeddingRefreshEstimate
        ? `| full embedding recomputation (refreshEmbedding) | not run (--refresh skip); at least ${Math.round(r.embeddingRefreshEstimate.ms / 1000)} s = ${r.embeddingRefreshEstimate.programmes} programmes × ${r.embeddingRefreshEstimate.oneProgrammeMs} ms (one programme's raw p50) ÷ 4 at a time — a lower bound: at 300,000 people the real refresh ran over 634 s against 235 s so estimated |`
        : "| full embedding recomputation (refreshEmbedding) | not run (--no-embedding) |",
  );
  lines.push(`| in-memory baseline: load the KNOWS graph | ${r.inMemoryLoadMs} ms |`);
  if (r.tieGraphRead !== undefined)
    lines.push(
      r.tieGraphRead
        ? `| the analytics worker's read of every tie (at the API's start, beside the baseline's load) | ${r.tieGraphRead.ms} ms for ${r.tieGraphRead.people} people and ${r.tieGraphRead.ties} ties |`
        : "| the analytics worker's read of every tie | not reported within the wait: the API answered from Neo4j's search until it held them |",
    );
  lines.push(
    `| API resident memory (RSS of the API process) | ${r.apiMemory.idleRssMb} MB idle, ` +
      `${r.apiMemory.withTiesRssMb !== undefined ? `${r.apiMemory.withTiesRssMb} MB holding every tie, ` : ""}` +
      `${r.apiMemory.afterRssMb} MB after the run, peak ${r.apiMemory.peakRssMb} MB |`,
  );
  lines.push("");
  if (r.steps?.length) {
    lines.push("| step of the run | seconds |");
    lines.push("| --- | ---: |");
    for (const st of r.steps) lines.push(`| ${st.step} | ${st.seconds} |`);
    lines.push("");
  }
  lines.push("| target (issues 7 and 19) | stated at | measured here | met here |");
  lines.push("| --- | --- | --- | --- |");
  for (const c of checkTargets(r)) {
    const indicative = c.at !== "any" && c.at !== r.scale;
    lines.push(`| ${c.target} | ${c.at} | ${c.measured} | ${c.met ? "yes" : "no"}${indicative ? " (indicative only)" : ""} |`);
  }
  lines.push("");
  return lines.join("\n");
}

/** Writes bench-<scale>.json and bench-<scale>.md into `dir`. */
export function writeBenchResults(r: BenchResults, dir: string): { json: string; markdown: string } {
  const json = path.join(dir, `bench-${r.scale}.json`);
  const markdown = path.join(dir, `bench-${r.scale}.md`);
  writeFileSync(json, `${JSON.stringify({ ...r, targets: checkTargets(r) }, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(r));
  return { json, markdown };
}
