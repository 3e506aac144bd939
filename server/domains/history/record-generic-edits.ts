import {
  defaultFieldResolver,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { rootFieldPolicy } from "../../platform/auth/guard-schema.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { nowIso } from "../../platform/clock/read-clock.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { checkGenericDelete } from "../../platform/validation/check-generic-delete.js";
import { namedType } from "../../platform/validation/inspect-type.js";
import { readGraphShape } from "../../platform/validation/read-graph-shape.js";
import { selectGeneratedIds } from "../../platform/validation/select-generated-ids.js";
import { readGraphRelations, type GraphRelations } from "./graph-relations.js";
import { CREATE_EDIT_RECORDS, readNodePropertiesStatement, readRelatedStatement } from "./statements.js";

/**
 * Generic edits are recorded: every create, update and delete made through the generated API
 * leaves an append-only EditRecord per node it changed — who (the user's id and person id), when,
 * which node, and per field the old and the new value — written in the request's own transaction
 * (server/platform/graphql/request-transaction-plugin.ts), so a change and its record commit or
 * vanish together. `history(id)` reads them (read-history.ts).
 *
 * How: before the generated resolver runs, the nodes it will touch are found with the generated
 * list query and the same `where` (creates: their ids come back through an extra selection), and
 * their properties, plus the relationship fields the input names (nested node updates followed),
 * are read; after it ran, the same again; the difference is the record.
 */
export const MAX_RECORDED_NODES = 1000;

interface Link {
  id: string;
  edge?: Record<string, unknown>;
}

interface NodeState {
  label: string;
  props: Record<string, unknown>;
  links: Record<string, Link[]>;
  /** The part of the input that applied to this node (which relationship fields to read). */
  input: Input;
}

type Snapshot = Map<string, NodeState>;

/** One changed field: a property (old → new), or a relationship field (the linked ids before → after). */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
  /** For a relationship field with properties: their type (Knows), whose protected fields history hides. */
  edge?: string;
}

export interface EditRecordInput {
  nodeId: string;
  label: string;
  operation: "CREATE" | "UPDATE" | "DELETE";
  at: string;
  byUser: string | null;
  byPerson: string | null;
  changes: string;
}

type Resolver = GraphQLFieldResolver<unknown, GraphQLContext>;
type Input = Record<string, unknown>;

function isInput(value: unknown): value is Input {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

async function snapshot(
  ctx: GraphQLContext,
  relations: GraphRelations,
  label: string,
  ids: string[],
  input: Input,
  into: Snapshot,
): Promise<void> {
  if (ids.length === 0) return;
  for (const row of await ctx.db.read(readNodePropertiesStatement(label), { ids })) {
    const id = String(row.id);
    const known = into.get(id);
    into.set(id, { label, props: (row.props ?? {}) as Record<string, unknown>, links: known?.links ?? {}, input });
  }
  for (const [field, value] of Object.entries(input)) {
    const relation = relations.get(label)?.get(field);
    if (!relation) continue;
    const byNode = new Map<string, Link[]>(ids.map((id) => [id, []]));
    for (const row of await ctx.db.read(readRelatedStatement(label, relation.type, relation.direction, relation.target), {
      ids,
    })) {
      const link: Link = { id: String(row.other) };
      if (relation.properties) link.edge = (row.edge ?? {}) as Record<string, unknown>;
      byNode.get(String(row.id))?.push(link);
    }
    for (const [id, links] of byNode) {
      const state = into.get(id);
      if (state) state.links[field] = links.sort((a, b) => a.id.localeCompare(b.id));
    }
    // Nested updates of the nodes at the other end: follow them, with their own input.
    const nested = items(value)
      .map((item) => (isInput(item) && isInput(item.update) && isInput(item.update.node) ? item.update.node : undefined))
      .filter(isInput);
    if (nested.length > 0) {
      const others = [...new Set([...byNode.values()].flat().map((l) => l.id))];
      await snapshot(ctx, relations, relation.target, others, Object.assign({}, ...nested) as Input, into);
    }
  }
}

const json = (value: unknown) => JSON.stringify(value ?? null);

function diff(
  relations: GraphRelations,
  before: Snapshot,
  after: Snapshot,
  who: Pick<EditRecordInput, "at" | "byUser" | "byPerson">,
) {
  const records: EditRecordInput[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(id);
    const now = after.get(id);
    const label = (now ?? old)?.label ?? "";
    const changes: FieldChange[] = [];
    for (const field of new Set([...Object.keys(old?.props ?? {}), ...Object.keys(now?.props ?? {})])) {
      const a = old?.props[field];
      const b = now?.props[field];
      if (json(a) !== json(b)) changes.push({ field, old: a ?? null, new: b ?? null });
    }
    for (const field of new Set([...Object.keys(old?.links ?? {}), ...Object.keys(now?.links ?? {})])) {
      const a = old?.links[field] ?? [];
      const b = now?.links[field] ?? [];
      const edge = relations.get(label)?.get(field)?.properties;
      if (json(a) !== json(b)) changes.push({ field, old: a, new: b, ...(edge ? { edge } : {}) });
    }
    if (changes.length === 0) continue;
    const operation = !old ? "CREATE" : !now ? "DELETE" : "UPDATE";
    records.push({ nodeId: id, label, operation, ...who, changes: JSON.stringify(changes) });
  }
  return records;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The node type a generated write works on, from its arguments' input types. */
function labelOf(field: GraphQLField<unknown, unknown>): string | undefined {
  for (const arg of field.args) {
    const match = /^(\w+?)(CreateInput|Where)$/.exec(namedType(arg.type).name);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function idField(): FieldNode {
  return { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "id" } };
}

/**
 * The same resolve info, selecting the written nodes' ids too: `id` is added to the caller's own
 * selection of the list field (or the list field is added, when not selected), so the generated
 * resolver returns them; GraphQL answers only what the caller asked. (A second, aliased selection
 * of the same list makes @neo4j/graphql's create translation fail.) Returns the key to read them at.
 */
function withRecordedIds(info: GraphQLResolveInfo, listField: string): { info: GraphQLResolveInfo; key: string } {
  const [first, ...rest] = info.fieldNodes;
  if (!first) return { info, key: listField };
  const selections = [...(first.selectionSet?.selections ?? [])];
  const index = selections.findIndex((s) => s.kind === Kind.FIELD && s.name.value === listField);
  const found = selections[index];
  let key = listField;
  if (found?.kind === Kind.FIELD) {
    key = found.alias?.value ?? listField;
    const inner: SelectionSetNode = {
      kind: Kind.SELECTION_SET,
      selections: [...(found.selectionSet?.selections ?? []), idField()],
    };
    selections[index] = { ...found, selectionSet: inner };
  } else {
    selections.push({
      kind: Kind.FIELD,
      name: { kind: Kind.NAME, value: listField },
      selectionSet: { kind: Kind.SELECTION_SET, selections: [idField()] },
    });
  }
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
  const fieldNodes: FieldNode[] = [{ ...first, selectionSet }, ...rest];
  return { info: { ...info, fieldNodes }, key };
}

/** Ids of the nodes a `where` selects (the generated list query's filter), refused beyond MAX_RECORDED_NODES. */
async function targetIds(
  schema: GraphQLSchema,
  listName: string,
  where: unknown,
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<string[]> {
  const ids = await selectGeneratedIds(listName, where, MAX_RECORDED_NODES, ctx, info, schema);
  if (ids.length > MAX_RECORDED_NODES) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `A generic edit may change at most ${MAX_RECORDED_NODES} nodes at once, so that each change is recorded; narrow the filter.`,
      "where",
    );
  }
  return ids;
}

/**
 * Wraps every generated create/update/delete of the schema (in place) so that it records what it
 * changed. Apply before guardSchema, so the guard's access and input checks run first.
 */
export function recordGenericEdits(schema: GraphQLSchema, typeDefs: string): GraphQLSchema {
  const shape = readGraphShape(typeDefs);
  const relations = readGraphRelations(typeDefs);
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    if (rootFieldPolicy("mutation", field, shape).kind !== "generated-write") continue;
    const verb = /^(create|update|delete)/.exec(field.name)?.[1];
    const label = labelOf(field);
    const listName = lowerFirst(field.name.replace(/^(create|update|delete)/, ""));
    const listResolve = queryFields[listName]?.resolve as Resolver | undefined;
    if (!verb || !label || !listResolve) continue;
    const original = (field.resolve ?? defaultFieldResolver) as Resolver;
    field.resolve = async (source, args: Input, ctx: GraphQLContext, info) => {
      const before: Snapshot = new Map();
      const after: Snapshot = new Map();
      let result: unknown;
      if (verb === "create") {
        const tracked = withRecordedIds(info, listName);
        result = await original(source, args, ctx, tracked.info);
        const created = ((result as Record<string, unknown> | null)?.[tracked.key] ?? []) as Array<{ id: string }>;
        const input = Object.assign({}, ...items(args.input).filter(isInput)) as Input;
        await snapshot(
          ctx,
          relations,
          label,
          created.map((n) => String(n.id)),
          input,
          after,
        );
      } else {
        const ids = await targetIds(info.schema, listName, args.where, ctx, info);
        if (verb === "delete") await checkGenericDelete(ctx.db, label, ids);
        const input = verb === "update" && isInput(args.update) ? args.update : {};
        await snapshot(ctx, relations, label, ids, input, before);
        result = await original(source, args, ctx, info);
        await snapshot(ctx, relations, label, ids, input, after);
        // A nested node the update unlinked is no longer reached from the roots: read it by its id.
        for (const [id, state] of before) {
          if (!after.has(id) && id !== "" && verb === "update")
            await snapshot(ctx, relations, state.label, [id], state.input, after);
        }
      }
      const records = diff(relations, before, after, editAuthor(ctx));
      if (records.length > 0) await ctx.db.write(CREATE_EDIT_RECORDS, { records });
      return result;
    };
  }
  return schema;
}

/** Who made an edit and when, as every EditRecord holds it. */
export type EditAuthor = Pick<EditRecordInput, "at" | "byUser" | "byPerson">;

/** The request's user (and the person their account is linked to) as an edit's author, at `at` (now by default). */
export function editAuthor(ctx: GraphQLContext, at: string = nowIso()): EditAuthor {
  const personId = ctx.user?.personId;
  return { at, byUser: ctx.user?.id ?? null, byPerson: typeof personId === "string" && personId ? personId : null };
}
