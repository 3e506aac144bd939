import {
  defaultFieldResolver,
  type FieldNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  valueFromASTUntyped,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import type { GraphQLContext } from "../graphql/context.js";
import { checkArgumentText } from "../validation/check-argument-text.js";
import { isInputObject, isInterface, isList, isListOf, isObject, namedType, withoutNonNull } from "../validation/inspect-type.js";
import type { GraphShape } from "../validation/read-graph-shape.js";
import { validateGraphInput } from "../validation/validate-graph-input.js";
import {
  allows,
  customFieldFamilies,
  isAccessFamily,
  protectedGraphFields,
  UNLISTED_FIELD_FAMILY,
  type AccessFamily,
} from "./access-policy.js";
import type { Role } from "./roles.js";
import { DomainError, ErrorCode } from "../graphql/domain-error.js";
import { BoundedCache } from "../graphql/bounded-cache.js";

/**
 * The guard around every Query and Mutation field of the served schema, generated and custom
 * alike, in this order:
 *  1. access: the field's family (access-policy.ts) must allow the caller's roles — anonymous
 *     callers reach PUBLIC fields only, and a field without a family only ADMIN/COORDINATOR;
 *  2. protected fields: no selection, filter, sort or aggregate of a field the role may not read
 *     (Person.email, Knows.note, Case.question, …), with FORBIDDEN naming the field;
 *  3. input: no control characters in any argument; generated mutations checked against the
 *     validation rules (server/platform/validation) before they run;
 *  4. faults: while Neo4j is known to be gone, SERVICE_UNAVAILABLE at once.
 * @neo4j/graphql's own @authentication/@authorization rules and type-graphql's @Authorized stay
 * in force behind it, from the same table.
 */

export type RootFieldKind = "generated-read" | "generated-write" | "custom" | "unlisted";

export interface RootFieldPolicy {
  family: AccessFamily;
  kind: RootFieldKind;
}

/** Fields that must answer while Neo4j is away (they report on it). */
const answersWithoutDatabase = new Set(["databaseStatus"]);

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function connectionNodeType(type: GraphQLNamedType): string | undefined {
  if (!isObject(type)) return undefined;
  const edges = type.getFields().edges;
  if (!edges) return undefined;
  const edge = namedType(edges.type);
  if (!isObject(edge)) return undefined;
  const node = edge.getFields().node;
  return node ? namedType(node.type).name : undefined;
}

/** Which family a root field belongs to, and whether @neo4j/graphql generated it. */
export function rootFieldPolicy(
  operation: "query" | "mutation",
  field: GraphQLField<unknown, unknown>,
  shape: GraphShape,
): RootFieldPolicy {
  const declared = field.extensions?.access;
  if (isAccessFamily(declared)) return { family: declared, kind: "custom" };
  const listed = customFieldFamilies[field.name];
  if (listed) return { family: listed, kind: "custom" };
  const returned = namedType(field.type);
  if (operation === "query") {
    if (shape.nodeTypes.has(returned.name) && isListOf(field.type)) return { family: "GRAPH_READ", kind: "generated-read" };
    if (returned.name.endsWith("Connection") && field.name === lowerFirst(returned.name)) {
      const node = connectionNodeType(returned);
      if (node && shape.nodeTypes.has(node)) return { family: "GRAPH_READ", kind: "generated-read" };
    }
  } else {
    const match = /^(create|update|delete)([A-Z]\w*)$/.exec(field.name);
    if (match?.[1] && match[2]) {
      const expected =
        match[1] === "delete" ? "DeleteInfo" : `${match[1] === "create" ? "Create" : "Update"}${match[2]}MutationResponse`;
      if (returned.name === expected) return { family: "GRAPH_WRITE", kind: "generated-write" };
    }
  }
  return { family: UNLISTED_FIELD_FAMILY, kind: "unlisted" };
}

/** Protected field names of any generated type, for aggregate types (PersonAggregateNode.email, …). */
const protectedByName = new Map<string, AccessFamily>();
for (const fields of Object.values(protectedGraphFields)) {
  for (const [name, family] of Object.entries(fields)) if (!protectedByName.has(name)) protectedByName.set(name, family);
}
const protectedOwners = Object.keys(protectedGraphFields).sort((a, b) => b.length - a.length);

function protectedFamily(
  typeName: string,
  fieldName: string,
  extensions: Record<string, unknown> | undefined,
): AccessFamily | undefined {
  const table = protectedGraphFields[typeName]?.[fieldName];
  if (table) return table;
  if (isAccessFamily(extensions?.access)) return extensions.access;
  if (typeName.includes("Aggregate")) return protectedByName.get(fieldName);
  return undefined;
}

/**
 * Whether a selection is executed: `@skip(if: true)` and `@include(if: false)` leave it out, as graphql-js does.
 * A client asks for a protected field only for roles that may read it (`question @include(if: $caseText)`),
 * so one document serves every role.
 */
function isIncluded(node: SelectionNode, variables: GraphQLResolveInfo["variableValues"]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
  return true;
}

/**
 * The first selected field the roles may not read, following fragments — or the first argument of
 * a nested field (`knowsConnection(where: …)`) that filters or sorts on one.
 */
function findForbiddenSelection(
  info: GraphQLResolveInfo,
  roles: readonly Role[] | undefined,
): { type: string; field: string; how: "read" | "filter" } | undefined {
  const seen = new Set<string>();
  const visit = (
    set: SelectionSetNode | undefined,
    parent: GraphQLNamedType,
  ): { type: string; field: string; how: "read" | "filter" } | undefined => {
    if (!set) return undefined;
    for (const selection of set.selections) {
      if (!isIncluded(selection, info.variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith("__") || !(isObject(parent) || isInterface(parent))) continue;
        const def = parent.getFields()[name];
        if (!def) continue;
        const family = protectedFamily(parent.name, name, def.extensions as Record<string, unknown> | undefined);
        if (family && !allows(family, roles)) return { type: parent.name, field: name, how: "read" };
        for (const arg of selection.arguments ?? []) {
          const argDef = def.args.find((a) => a.name === arg.name.value);
          const filtered = argDef
            ? findForbiddenInput(argDef.type, valueFromASTUntyped(arg.value, info.variableValues), roles)
            : undefined;
          if (filtered) return { type: parent.name, field: filtered, how: "filter" };
        }
        const found = visit(selection.selectionSet, namedType(def.type));
        if (found) return found;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const cond = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : parent;
        const found = cond ? visit(selection.selectionSet, cond) : undefined;
        if (found) return found;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        const cond = info.schema.getType(fragment.typeCondition.name.value);
        const found = cond ? visit(fragment.selectionSet, cond) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const node of info.fieldNodes) {
    const found = visit(node.selectionSet, namedType(info.returnType));
    if (found) return found;
  }
  return undefined;
}

/** The first filter/sort/aggregate-filter key on a protected field the roles may not read. */
function findForbiddenArgument(
  argDefs: readonly GraphQLArgument[],
  args: Record<string, unknown>,
  roles: readonly Role[] | undefined,
): string | undefined {
  for (const def of argDefs) {
    const found = findForbiddenInput(def.type, args[def.name], roles);
    if (found) return found;
  }
  return undefined;
}

function findForbiddenInput(type: GraphQLInputType, input: unknown, roles: readonly Role[] | undefined): string | undefined {
  const visit = (type: GraphQLInputType, value: unknown): string | undefined => {
    if (value === null || value === undefined) return undefined;
    const inner = withoutNonNull(type);
    if (isList(inner)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        const found = visit(inner.ofType as GraphQLInputType, item);
        if (found) return found;
      }
      return undefined;
    }
    if (!isInputObject(inner) || typeof value !== "object") return undefined;
    // Writes are not reads: create/update inputs are the GRAPH_WRITE roles' business.
    if (/(CreateInput|UpdateInput)$/.test(inner.name)) return undefined;
    const owner = protectedOwners.find((name) => inner.name.startsWith(name));
    const fields = inner.getFields();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const base = key.split("_")[0] ?? key;
      const family =
        (owner ? protectedGraphFields[owner]?.[base] : undefined) ??
        (inner.name.includes("Aggregat") ? protectedByName.get(base) : undefined);
      if (family && !allows(family, roles)) return base;
      const def = fields[key];
      const found = def ? visit(def.type, item) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return visit(type, input);
}

export interface GuardOptions {
  shape: GraphShape;
}

/** What the guard refuses in a root field's selection and arguments (steps 2 and 3's filter check), or null: nothing. */
type SelectionVerdict = { type: string; field: string; how: "read" | "filter" } | { field: string; how: "argument" } | null;

/** Per root field node: at most this many verdicts (one per roles and variables met). */
const VERDICTS_PER_FIELD = 64;
/** Variables longer than this as JSON are not a key: their verdict is worked out every time. */
const MAX_VARIABLES_KEY = 4_000;

/** The coerced variables as a key; undefined when they are too long or not JSON (a BigInt): then no key. */
function variablesKey(values: GraphQLResolveInfo["variableValues"]): string | undefined {
  if (Object.keys(values).length === 0) return "";
  try {
    const text = JSON.stringify(values);
    return text.length > MAX_VARIABLES_KEY ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * Steps 2 and 3's protected-field walk depends only on the root field's node in the document (with its fragments), the
 * caller's roles and the variables (`@include`/`@skip`, argument values): Apollo hands every request with the same text
 * the same parsed document, so the verdict is kept per field node (weakly: it goes when Apollo's document cache drops
 * the document), then per roles and variables (#19 part 3; tests/unit/guard-verdict-cache.test.ts). Refusals are kept
 * as well as passes: the same key always gets the same verdict, as the walk would give.
 */
export class SelectionVerdicts {
  private readonly byNode = new WeakMap<FieldNode, BoundedCache<string, SelectionVerdict>>();

  verdict(info: GraphQLResolveInfo, roles: readonly Role[] | undefined, compute: () => SelectionVerdict): SelectionVerdict {
    const [node] = info.fieldNodes;
    // A field asked twice under one response name (`a { x } a { y }`) is merged from several nodes: worked out each time.
    if (!node || info.fieldNodes.length !== 1) return compute();
    const variables = variablesKey(info.variableValues);
    if (variables === undefined) return compute();
    const key = `${roles ? [...roles].sort().join(",") : "-"}\u0000${variables}`;
    let verdicts = this.byNode.get(node);
    if (!verdicts) {
      verdicts = new BoundedCache(VERDICTS_PER_FIELD);
      this.byNode.set(node, verdicts);
    }
    const found = verdicts.get(key);
    if (found !== undefined) return found;
    const made = compute();
    verdicts.set(key, made);
    return made;
  }
}

/** Wraps every root field's resolver in the guard (in place) and returns the schema. */
export function guardSchema(schema: GraphQLSchema, options: GuardOptions): GraphQLSchema {
  const roots = [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const;
  const verdicts = new SelectionVerdicts();
  for (const [operation, type] of roots) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const policy = rootFieldPolicy(operation, field, options.shape);
      const original = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source: unknown, args: Record<string, unknown>, ctx: GraphQLContext, info: GraphQLResolveInfo) => {
        const roles = ctx.user?.roles;
        if (!allows(policy.family, roles)) {
          if (!ctx.user)
            throw new DomainError(
              ErrorCode.UNAUTHENTICATED,
              "Sign in first (mutation login), then send the token as `Authorization: Bearer …`.",
            );
          throw new DomainError(ErrorCode.FORBIDDEN, `Your role may not use ${field.name}.`, field.name);
        }
        const selected = verdicts.verdict(info, roles, () => {
          const inSelection = findForbiddenSelection(info, roles);
          if (inSelection) return inSelection;
          // The arguments are the variables' and the document's values, coerced: the same key, the same arguments.
          if (policy.kind !== "generated-read" && policy.kind !== "generated-write") return null;
          const filtered = findForbiddenArgument(field.args, args, roles);
          return filtered ? { field: filtered, how: "argument" } : null;
        });
        if (selected?.how === "read")
          throw new DomainError(
            ErrorCode.FORBIDDEN,
            `Your role may not read ${selected.type}.${selected.field}.`,
            selected.field,
          );
        if (selected)
          throw new DomainError(ErrorCode.FORBIDDEN, `Your role may not filter or sort on ${selected.field}.`, selected.field);
        checkArgumentText(args);
        if (!answersWithoutDatabase.has(field.name)) ctx.monitor?.assertUp();
        try {
          if (policy.kind === "generated-write") await validateGraphInput(ctx.db, options.shape, field.name, field.args, args);
          return await original(source, args, ctx, info);
        } catch (error) {
          ctx.monitor?.report(error);
          throw error;
        }
      };
    }
  }
  return schema;
}
