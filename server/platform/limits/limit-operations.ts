import type { ApolloServerPlugin } from "@apollo/server";
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { DomainError, ErrorCode } from "../graphql/domain-error.js";
import { isListOf, namedType } from "../validation/inspect-type.js";

/**
 * Limits on what one GraphQL operation may ask, checked after parsing and before anything runs
 * (OWASP GraphQL guidance; GitHub and Shopify do the same with their own numbers):
 * - depth: the deepest chain of nested fields, fragments followed (MAX_QUERY_DEPTH, 12);
 * - page size: no `limit`/`first` above MAX_PAGE_SIZE (1000) and none below 0;
 * - cost: an estimate of the values an operation can produce (MAX_QUERY_COST, 2,000,000): each field
 *   costs 1, and a list multiplies what it holds by its `limit`/`first`, or — without one — by
 *   MAX_PAGE_SIZE for a top-level list (the cap @limit applies) and by 20 for a nested list.
 * Introspection (`__schema`, `__type`) is not counted; production turns introspection off.
 * Refusals are 400 responses with codes QUERY_TOO_DEEP, PAGE_TOO_LARGE, QUERY_TOO_COMPLEX.
 */
export interface OperationLimits {
  maxDepth: number;
  maxCost: number;
  maxPageSize: number;
}

/** The assumed size of a nested list asked without `limit` (most people have fewer ties). */
export const NESTED_LIST_ESTIMATE = 20;

function refusal(message: string, code: ErrorCode, field: string | undefined, extra: Record<string, unknown>): DomainError {
  return new DomainError(code, message, field, { ...extra, http: { status: 400 } });
}

/** The deepest field nesting of the operation, following fragment spreads; introspection skipped. */
export function operationDepth(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const depthOf = (set: SelectionSetNode | undefined, visiting: Set<string>): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) continue;
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, visiting));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || visiting.has(name)) continue;
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...visiting, name])));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}

/** Where a `limit`/`first` comes from: a literal in the document, or a variable read per request. */
type PageSize = { value: number } | { variable: string };

/** Sums the cost of a selection for one request's variables. */
type CostOf = (variables: Record<string, unknown> | undefined) => number;

/**
 * What the limits need from one operation of one document, worked out once: the depth, every
 * `limit`/`first` in the order the walk meets them, and the cost as a function of the variables.
 * Apollo hands the same parsed DocumentNode to every request with the same query text, so the
 * plugin keeps the plan per document and only the variable-dependent part runs per request.
 */
export interface OperationPlan {
  depth: number;
  pageArguments: ReadonlyArray<{ field: string; argument: string; size: PageSize }>;
  cost: CostOf;
}

function sizeOf(size: PageSize | undefined, variables: Record<string, unknown> | undefined): unknown {
  if (!size) return undefined;
  return "value" in size ? size.value : variables?.[size.variable];
}

/** Plans the named (or first) operation of the document; undefined when there is none. */
export function planOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  limits: OperationLimits,
): OperationPlan | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return undefined;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const depth = operationDepth(operation, fragments);

  const rootType = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  const pageArguments: Array<{ field: string; argument: string; size: PageSize }> = [];
  const pageSize = (node: FieldNode, name: string): PageSize | undefined => {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!arg) return undefined;
    if (arg.value.kind === Kind.INT) return { value: Number(arg.value.value) };
    if (arg.value.kind === Kind.VARIABLE) return { variable: arg.value.name.value };
    return undefined;
  };
  // Field by field, fragments followed: see the rule at the top of this file. Returns undefined
  // for a selection with no counted field (cost 0), else the function that sums it.
  const plan = (
    set: SelectionSetNode | undefined,
    parent: unknown,
    isRoot: boolean,
    visiting: Set<string>,
  ): CostOf | undefined => {
    if (!set || !parent || typeof (parent as { getFields?: unknown }).getFields !== "function") return undefined;
    const parentType = parent as {
      name: string;
      getFields(): Record<string, { type: unknown; args: ReadonlyArray<{ name: string }> }>;
    };
    const parts: CostOf[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const cond = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        const part = plan(selection.selectionSet, cond, isRoot, visiting);
        if (part) parts.push(part);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const part = plan(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value),
          isRoot,
          new Set([...visiting, fragment.name.value]),
        );
        if (part) parts.push(part);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__")) continue; // introspection is not counted
      const def = parentType.getFields()[name];
      if (!def) continue;
      // The children first: their page arguments are checked before this field's own.
      const child = plan(selection.selectionSet, namedType(def.type), false, visiting);
      const argument = def.args.some((a) => a.name === "limit")
        ? "limit"
        : def.args.some((a) => a.name === "first")
          ? "first"
          : undefined;
      const size = argument ? pageSize(selection, argument) : undefined;
      if (argument && size) pageArguments.push({ field: name, argument, size });
      const isEdges = name === "edges" && parentType.name.endsWith("Connection");
      const isConnection = namedType(def.type).name.endsWith("Connection") && argument === "first";
      // A counted child always costs at least 1, so "has a counted field" is "costs more than 0".
      const isObjectList = isListOf(def.type) && child !== undefined;
      if (isEdges || (!isConnection && !isObjectList)) {
        parts.push(child ? (variables) => 1 + child(variables) : () => 1);
        continue;
      }
      const fallback = isRoot ? limits.maxPageSize : NESTED_LIST_ESTIMATE;
      parts.push((variables) => {
        const requested = sizeOf(size, variables);
        const items = typeof requested === "number" ? Math.max(0, requested) : fallback;
        return Math.max(1, items) * (1 + (child ? child(variables) : 0));
      });
    }
    if (parts.length === 0) return undefined;
    return (variables) => {
      let total = 0;
      for (const part of parts) total += part(variables);
      return total;
    };
  };
  const cost = plan(operation.selectionSet, rootType, true, new Set()) ?? (() => 0);
  return { depth, pageArguments, cost };
}

/** Applies a plan to one request's variables; throws the refusal. */
export function applyOperationPlan(
  plan: OperationPlan | undefined,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): { depth: number; cost: number } {
  if (!plan) return { depth: 0, cost: 0 };
  const { depth } = plan;
  if (depth > limits.maxDepth) {
    throw refusal(
      `This operation nests ${depth} levels deep; at most ${limits.maxDepth} are allowed.`,
      ErrorCode.QUERY_TOO_DEEP,
      undefined,
      { depth, maxDepth: limits.maxDepth },
    );
  }
  for (const { field, argument, size } of plan.pageArguments) {
    const requested = sizeOf(size, variables);
    if (typeof requested === "number" && (requested > limits.maxPageSize || requested < 0)) {
      throw refusal(
        `${field}: ${argument} must be between 0 and ${limits.maxPageSize} (asked ${requested}); page with offset/after.`,
        ErrorCode.PAGE_TOO_LARGE,
        argument,
        { maxPageSize: limits.maxPageSize },
      );
    }
  }
  const cost = plan.cost(variables);
  if (cost > limits.maxCost) {
    throw refusal(
      `This operation could cost ${cost} (at most ${limits.maxCost}): ask fewer items (limit/first) or fewer nested lists.`,
      ErrorCode.QUERY_TOO_COMPLEX,
      undefined,
      { cost, maxCost: limits.maxCost },
    );
  }
  return { depth, cost };
}

/** Checks one operation against the limits; throws the refusal. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): { depth: number; cost: number } {
  return applyOperationPlan(planOperation(schema, document, operationName, limits), variables, limits);
}

/**
 * Plans kept per parsed document (and operation name). Keyed weakly: when Apollo's document cache
 * drops a document, its plans go with it. Only what the document and schema fix is kept; the
 * variables are read again on every request.
 */
export class OperationPlans {
  private readonly plans = new WeakMap<DocumentNode, Map<string, { schema: GraphQLSchema; plan: OperationPlan | undefined }>>();

  constructor(private readonly limits: OperationLimits) {}

  planFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined | null): OperationPlan | undefined {
    let byName = this.plans.get(document);
    if (!byName) {
      byName = new Map();
      this.plans.set(document, byName);
    }
    const key = operationName ?? "";
    const known = byName.get(key);
    if (known && known.schema === schema) return known.plan;
    const plan = planOperation(schema, document, operationName, this.limits);
    byName.set(key, { schema, plan });
    return plan;
  }

  check(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | undefined | null,
    variables: Record<string, unknown> | undefined,
  ): { depth: number; cost: number } {
    return applyOperationPlan(this.planFor(schema, document, operationName), variables, this.limits);
  }
}

/** The Apollo plugin that applies the limits to every operation. */
export function operationLimitsPlugin(
  limits: OperationLimits,
  plans: OperationPlans = new OperationPlans(limits),
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          plans.check(schema, document, request.operationName, request.variables);
        },
      };
    },
  };
}
