import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
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

function refusal(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status: 400 } } });
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

/** Checks one operation against the limits; throws the refusal. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): { depth: number; cost: number } {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return { depth: 0, cost: 0 };
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const depth = operationDepth(operation, fragments);
  if (depth > limits.maxDepth) {
    throw refusal(`This operation nests ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, "QUERY_TOO_DEEP", { depth, maxDepth: limits.maxDepth });
  }

  const rootType = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  let tooLarge: { field: string; argument: string; value: number } | undefined;
  const argumentValue = (node: FieldNode, name: string): unknown => {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!arg) return undefined;
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    if (arg.value.kind === Kind.VARIABLE) return variables?.[arg.value.name.value];
    return undefined;
  };
  // Field by field, fragments followed: see the rule at the top of this file.
  const costOf = (set: SelectionSetNode | undefined, parent: unknown, isRoot: boolean, visiting: Set<string>): number => {
    if (!set || !parent || typeof (parent as { getFields?: unknown }).getFields !== "function") return 0;
    const parentType = parent as { name: string; getFields(): Record<string, { type: unknown; args: ReadonlyArray<{ name: string }> }> };
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const cond = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        total += costOf(selection.selectionSet, cond, isRoot, visiting);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || visiting.has(fragment.name.value)) continue;
        total += costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), isRoot, new Set([...visiting, fragment.name.value]));
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__")) continue; // introspection is not counted
      const def = parentType.getFields()[name];
      if (!def) continue;
      const child = costOf(selection.selectionSet, namedType(def.type), false, visiting);
      const argument = def.args.some((a) => a.name === "limit") ? "limit" : def.args.some((a) => a.name === "first") ? "first" : undefined;
      const requested = argument ? argumentValue(selection, argument) : undefined;
      if (typeof requested === "number" && (requested > limits.maxPageSize || requested < 0) && !tooLarge) {
        tooLarge = { field: name, argument: argument ?? "limit", value: requested };
      }
      const isEdges = name === "edges" && parentType.name.endsWith("Connection");
      const isConnection = namedType(def.type).name.endsWith("Connection") && argument === "first";
      const isObjectList = isListOf(def.type) && child > 0;
      if (isEdges || (!isConnection && !isObjectList)) {
        total += 1 + child;
        continue;
      }
      const size = typeof requested === "number" ? Math.max(0, requested) : isRoot ? limits.maxPageSize : NESTED_LIST_ESTIMATE;
      total += Math.max(1, size) * (1 + child);
    }
    return total;
  };
  const cost = costOf(operation.selectionSet, rootType, true, new Set());
  if (tooLarge) {
    throw refusal(
      `${tooLarge.field}: ${tooLarge.argument} must be between 0 and ${limits.maxPageSize} (asked ${tooLarge.value}); page with offset/after.`,
      "PAGE_TOO_LARGE",
      { field: tooLarge.argument, maxPageSize: limits.maxPageSize },
    );
  }
  if (cost > limits.maxCost) {
    throw refusal(
      `This operation could cost ${cost} (at most ${limits.maxCost}): ask fewer items (limit/first) or fewer nested lists.`,
      "QUERY_TOO_COMPLEX",
      { cost, maxCost: limits.maxCost },
    );
  }
  return { depth, cost };
}

/** The Apollo plugin that applies the limits to every operation. */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          checkOperationLimits(schema, document, request.operationName, request.variables, limits);
        },
      };
    },
  };
}
