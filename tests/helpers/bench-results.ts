import type { OperationResult } from "../../bench/write-bench-results.js";

/** Hand-made parts of the bench's results (bench/write-bench-results.ts), for the tests of what reads them. */
export const benchLatency = (p50: number, p95: number) => ({ samples: 10, p50, p95, max: p95, mean: p50 });

/** One measured operation whose GraphQL and raw sides took the same time; `extra` sets the rest. */
export function benchOperation(name: string, p50: number, p95: number, extra: Partial<OperationResult> = {}): OperationResult {
  return {
    name,
    rawLabel: "raw",
    graphql: benchLatency(p50, p95),
    raw: benchLatency(p50, p95),
    memory: null,
    ratioP50: 1,
    ratioP95: 1,
    memoryGapP50: null,
    statementsPerRequest: { median: 1, min: 1, max: 1 },
    transactionsPerRequest: { median: 1, min: 1, max: 1 },
    compared: 10,
    disagreements: 0,
    disagreementExamples: [],
    ...extra,
  };
}
