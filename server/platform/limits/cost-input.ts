import type { GraphCounts } from "./graph-counts.js";

/**
 * What a custom field's cost is computed from: its arguments (defaults and variables applied, as
 * graphql-query-complexity hands them over), the cost of what is selected below it, and the graph's
 * counts (nodes per label, relationships per type) from Neo4j's count store.
 */
export interface CostInput {
  args: Record<string, unknown>;
  childComplexity: number;
  counts: GraphCounts;
}

export interface FieldCost {
  /** The field's cost in the units of MAX_QUERY_COST (about one value produced or one row touched). */
  cost: (input: CostInput) => number;
  /**
   * An analytic that runs long queries (warm paths, embedding…): it counts towards the cap of
   * expensive fields per operation, its request to the per-user cap of concurrent heavy requests,
   * and it runs under the shorter analytics transaction time limit (docs/security.md).
   */
  expensive?: boolean;
}

/** The number an argument holds, or the fallback when it is absent (null) or not a number. */
export function numberArg(args: Record<string, unknown>, name: string, fallback: number): number {
  const value = args[name];
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** A list of `items` results, each costing 1 plus what is selected in it. */
export function listCost(items: number, childComplexity: number): number {
  return Math.max(1, items) * (1 + childComplexity);
}
