import type { ComplexityEstimator, ComplexityEstimatorArgs } from "graphql-query-complexity";
import { DomainError, ErrorCode } from "../graphql/domain-error.js";
import { isListOf, namedType } from "../validation/inspect-type.js";
import type { FieldCost } from "./cost-input.js";
import type { GraphCounts } from "./graph-counts.js";

/**
 * The cost of one field, for graphql-query-complexity (which walks the operation with the request's
 * variables, default values applied, and hands each field its arguments and the cost of what is
 * selected below it). The rules, in docs/security.md "Cost":
 * - a custom field: the cost its `@Cost` gives from its arguments and the graph's counts;
 * - a generated list of nodes: 1 + what it holds, times its `limit`/`first`, or without one times
 *   the label's node count (top level, at most the page cap) or the relationship's fan-out
 *   (nested: twice the mean per node, from Neo4j's count store); `…Connection` the same, its
 *   `edges` counted once;
 * - any other list of objects: times NESTED_LIST_ESTIMATE; anything else 1 (+ what it holds);
 * - introspection: `__schema` INTROSPECTION_COST, with its lists counted like the schema's own
 *   sizes, so that one introspection fits and a flood of them does not; `__typename` is free.
 * It also refuses a `limit`/`first`/`k` outside 0 … MAX_PAGE_SIZE (PAGE_TOO_LARGE, field = the argument).
 */

/** What the estimator reads per request (graphql-query-complexity's `context`). */
export interface CostContext {
  counts: GraphCounts;
  maxPageSize: number;
  /** Node type names of the generated API (their label is their name). */
  nodeTypes: ReadonlySet<string>;
  /** Per introspection list (`__Schema.types`, `__Type.fields`, …), how many items to count. */
  introspectionSizes: ReadonlyMap<string, number>;
  /** Fields marked expensive met in the operation, in order (filled by the walk). */
  expensive: string[];
}

/** The assumed size of a nested list nothing else tells the size of (custom result lists). */
export const NESTED_LIST_ESTIMATE = 20;
/** What `__schema` costs by itself (the lists below it are counted on top). */
export const INTROSPECTION_COST = 1_000;

const PAGE_ARGUMENTS = ["limit", "first", "k"] as const;

function checkPageArguments(field: string, args: Record<string, unknown>, maxPageSize: number): void {
  for (const argument of PAGE_ARGUMENTS) {
    const value = args[argument];
    if (typeof value === "number" && (value > maxPageSize || value < 0)) {
      throw new DomainError(
        ErrorCode.PAGE_TOO_LARGE,
        `${field}: ${argument} must be between 0 and ${maxPageSize} (asked ${value}); page with offset/after.`,
        argument,
        { maxPageSize, http: { status: 400 } },
      );
    }
  }
}

function pageSize(args: Record<string, unknown>): number | undefined {
  const value = args.limit ?? args.first;
  return typeof value === "number" ? Math.max(0, value) : undefined;
}

export const estimateCost: ComplexityEstimator = (options: ComplexityEstimatorArgs): number => {
  const { type, field, args, childComplexity } = options;
  const context = options.context as CostContext;
  const name = field.name;
  if (name === "__typename") return 0;
  if (name === "__schema") {
    context.expensive.push("__schema");
    return INTROSPECTION_COST + childComplexity;
  }
  if (type.name.startsWith("__")) {
    const size = context.introspectionSizes.get(`${type.name}.${name}`);
    return size === undefined ? 1 + childComplexity : Math.max(1, size) * (1 + childComplexity);
  }
  checkPageArguments(name, args, context.maxPageSize);

  const custom = (field.extensions as { cost?: FieldCost } | undefined)?.cost;
  if (custom) {
    if (custom.expensive) context.expensive.push(name);
    return Math.ceil(custom.cost({ args, childComplexity, counts: context.counts }));
  }

  const returned = namedType(field.type).name;
  const isRoot = type.name === "Query" || type.name === "Mutation";
  const isConnection = returned.endsWith("Connection") && name.endsWith("Connection");
  const isNodeList = isListOf(field.type) && context.nodeTypes.has(returned);
  if (isNodeList || isConnection) {
    const relationship = isConnection ? name.slice(0, -"Connection".length) : name;
    const requested = pageSize(args);
    let items: number;
    if (requested !== undefined) items = requested;
    else if (isRoot) {
      // `peopleConnection` counts what `people` lists.
      const label = isConnection ? listedType(type, relationship) : returned;
      const count = label === undefined ? undefined : context.counts.nodes(label);
      items = Math.min(context.maxPageSize, count ?? context.maxPageSize);
    } else items = Math.min(context.maxPageSize, context.counts.fanOut(type.name, relationship) ?? NESTED_LIST_ESTIMATE);
    return Math.max(1, items) * (1 + childComplexity);
  }
  if (isListOf(field.type) && childComplexity > 0 && name !== "edges") {
    return NESTED_LIST_ESTIMATE * (1 + childComplexity);
  }
  return 1 + childComplexity;
};

/** The named type of the root list field `name` (`people` → `Person`), if there is one. */
function listedType(root: ComplexityEstimatorArgs["type"], name: string): string | undefined {
  const fields = (root as { getFields?: () => Record<string, { type: unknown }> }).getFields?.();
  const field = fields?.[name];
  return field ? namedType(field.type).name : undefined;
}
