import type { GraphQLArgument, GraphQLInputType } from "graphql";
import type { Database } from "../neo4j/database.js";
import { checkAnyString, checkId, checkLabels, checkNumber, checkString, toMillis } from "./check-value.js";
import { DomainError, ErrorCode, type InputProblem } from "../graphql/domain-error.js";
import { dateOrder, MAX_TEXT, ruleFor } from "./input-rules.js";
import { isEnum, isInputObject, isList, isScalar, namedType, withoutNonNull } from "./inspect-type.js";
import type { GraphShape } from "./read-graph-shape.js";
import { readFoundIdsStatement, readStoredOtherDateStatement } from "./statements.js";

/**
 * Checks the arguments of a generated create/update/delete mutation before it runs, walking them
 * along their GraphQL input types: every field value against input-rules.ts, the date order
 * within a node, ids in filters, and — with one read — that every id a mutation pins (the root
 * `where` of update/delete, every `connect`) exists, and that an update of one end of a date pair
 * keeps the order with the stored other end. Refusals throw one DomainError (BAD_USER_INPUT or
 * NOT_FOUND, with `field` and `argumentPath`) and the mutation does not run: nothing is written.
 */
interface PinnedId {
  label: string;
  id: string;
  path: string;
}

interface StoredDateCheck {
  label: string;
  set: "start" | "end";
  field: string;
  other: string;
  value: number;
  message: string;
  path: string;
}

interface WalkState {
  shape: GraphShape;
  problems: InputProblem[];
  pinned: PinnedId[];
  /** Date-order checks an update needs the stored values for (root update only). */
  storedDates: StoredDateCheck[];
}

const typeSuffix = /^(\w+?)(CreateInput|UpdateInput)$/;

function problem(
  state: WalkState,
  message: string,
  field: string,
  path: string[],
  code: InputProblem["code"] = ErrorCode.BAD_USER_INPUT,
): void {
  state.problems.push({ code, message: `${field}: ${message}`, field, argumentPath: path.join(".") });
}

function unwrap(type: GraphQLInputType): GraphQLInputType {
  return withoutNonNull(type);
}

function isDomainType(state: WalkState, name: string): boolean {
  return state.shape.nodeTypes.has(name) || state.shape.relationshipPropertyTypes.has(name);
}

/** Checks a scalar (or list of scalars) value of a domain field against its rule. */
function checkField(
  state: WalkState,
  owner: string,
  field: string,
  type: GraphQLInputType,
  value: unknown,
  path: string[],
): void {
  if (value === null || value === undefined) return;
  const named = namedType(type);
  if (isEnum(named)) return; // GraphQL itself refuses unknown enum values
  const scalar = named.name;
  const rule = ruleFor(owner, field, scalar);
  if (Array.isArray(value)) {
    if (rule?.kind === "labels") {
      const wrong = checkLabels(value, rule);
      if (wrong) problem(state, wrong, field, path);
    } else {
      value.forEach((item, i) => checkField(state, owner, field, named as GraphQLInputType, item, [...path, String(i)]));
    }
    return;
  }
  if (typeof value === "string") {
    if (scalar === "ID") {
      const wrong = checkId(value);
      if (wrong) problem(state, wrong, field, path);
      return;
    }
    if (scalar !== "String") {
      const wrong = checkAnyString(value, MAX_TEXT);
      if (wrong) problem(state, wrong, field, path);
      return;
    }
    const wrong = checkString(value, rule ?? { kind: "text", max: MAX_TEXT });
    if (wrong) problem(state, wrong, field, path);
    return;
  }
  if (typeof value === "number" && rule) {
    const wrong = checkNumber(value, rule);
    if (wrong) problem(state, wrong, field, path);
  }
}

function dateRules(owner: string): Array<{ start: string; end: string; message: string }> {
  return dateOrder[owner] ?? [];
}

function walkCreate(
  state: WalkState,
  owner: string,
  type: GraphQLInputType,
  value: Record<string, unknown>,
  path: string[],
): void {
  const object = unwrap(type);
  if (!isInputObject(object)) return;
  const fields = object.getFields();
  for (const [key, fieldValue] of Object.entries(value)) {
    const def = fields[key];
    if (!def) continue;
    const named = namedType(def.type);
    if (isInputObject(named)) walk(state, def.type, fieldValue, [...path, key], {});
    else checkField(state, owner, key, def.type, fieldValue, [...path, key]);
  }
  for (const order of dateRules(owner)) {
    const start = toMillis(value[order.start]);
    const end = toMillis(value[order.end]);
    if (start !== undefined && end !== undefined && end < start) problem(state, order.message, order.end, [...path, order.end]);
  }
}

function walkUpdate(
  state: WalkState,
  owner: string,
  type: GraphQLInputType,
  value: Record<string, unknown>,
  path: string[],
  rootLabel: string | undefined,
): void {
  const object = unwrap(type);
  if (!isInputObject(object)) return;
  const fields = object.getFields();
  const setValues: Record<string, unknown> = {};
  for (const [key, fieldValue] of Object.entries(value)) {
    const def = fields[key];
    if (!def || fieldValue === null || fieldValue === undefined) continue;
    const named = namedType(def.type);
    // Scalar fields are updated through `{ set | add | subtract | … | push | pop }` objects.
    if (isInputObject(named) && /Mutations$/.test(named.name) && typeof fieldValue === "object" && !Array.isArray(fieldValue)) {
      const operations = fieldValue as Record<string, unknown>;
      const opFields = named.getFields();
      const rule = ruleFor(owner, key, namedType(opFields.set?.type ?? def.type).name);
      const bounded = rule?.kind === "int" || rule?.kind === "float";
      for (const [op, operand] of Object.entries(operations)) {
        const opDef = opFields[op];
        if (!opDef) continue;
        if (op === "set") {
          checkField(state, owner, key, opDef.type, operand, [...path, key, op]);
          setValues[key] = operand;
        } else if (bounded && ["add", "subtract", "multiply", "divide"].includes(op)) {
          problem(state, `Set it with \`set\`; arithmetic (${op}) could take it out of its range.`, key, [...path, key, op]);
        } else if (op === "push") {
          const current = Array.isArray(operand) ? operand : [operand];
          checkField(state, owner, key, opDef.type, current, [...path, key, op]);
        }
      }
      continue;
    }
    if (isInputObject(named)) walk(state, def.type, fieldValue, [...path, key], {});
    else checkField(state, owner, key, def.type, fieldValue, [...path, key]);
  }
  for (const order of dateRules(owner)) {
    const start = toMillis(setValues[order.start]);
    const end = toMillis(setValues[order.end]);
    if (start !== undefined && end !== undefined) {
      if (end < start) problem(state, order.message, order.end, [...path, order.end]);
    } else if (rootLabel && (start !== undefined || end !== undefined)) {
      // Only one end changes: compare with what the pinned nodes hold (after the walk).
      const setStart = start !== undefined;
      state.storedDates.push({
        label: rootLabel,
        set: setStart ? "start" : "end",
        field: setStart ? order.start : order.end,
        other: setStart ? order.end : order.start,
        value: (setStart ? start : end) as number,
        message: order.message,
        path: [...path, setStart ? order.start : order.end].join("."),
      });
    }
  }
}

/** Collects the ids a `where` pins: `id: { eq }` or `id: { in }` at its top level. */
function collectPinned(state: WalkState, label: string, where: unknown, path: string[]): void {
  if (!where || typeof where !== "object") return;
  const id = (where as Record<string, unknown>).id;
  if (!id || typeof id !== "object") return;
  const { eq, in: list } = id as { eq?: unknown; in?: unknown };
  if (typeof eq === "string") state.pinned.push({ label, id: eq, path: [...path, "id", "eq"].join(".") });
  if (Array.isArray(list)) {
    list.forEach((item, i) => {
      if (typeof item === "string") state.pinned.push({ label, id: item, path: [...path, "id", "in", String(i)].join(".") });
    });
  }
}

function walk(
  state: WalkState,
  type: GraphQLInputType,
  value: unknown,
  path: string[],
  options: { rootUpdateLabel?: string },
): void {
  if (value === null || value === undefined) return;
  const inner = unwrap(type);
  if (isList(inner)) {
    if (Array.isArray(value))
      value.forEach((item, i) => walk(state, inner.ofType as GraphQLInputType, item, [...path, String(i)], options));
    else walk(state, inner.ofType as GraphQLInputType, value, path, options);
    return;
  }
  if (isScalar(inner) || isEnum(inner)) {
    if (typeof value === "string") {
      const wrong = inner.name === "ID" ? checkId(value) : checkAnyString(value, MAX_TEXT);
      if (wrong)
        problem(
          state,
          wrong,
          path.at(-1) === "eq" || path.at(-1) === "in" ? (path.at(-2) ?? "id") : (path.at(-1) ?? "value"),
          path,
        );
    }
    return;
  }
  if (!isInputObject(inner) || typeof value !== "object" || Array.isArray(value)) return;
  const record = value as Record<string, unknown>;
  const name = inner.name;

  const match = typeSuffix.exec(name);
  if (match?.[1] && isDomainType(state, match[1])) {
    if (match[2] === "CreateInput") walkCreate(state, match[1], inner, record, path);
    else walkUpdate(state, match[1], inner, record, path, options.rootUpdateLabel);
    return;
  }
  // `connect: [{ where: { node: <T>Where } }]`: the ids there must exist.
  const connect = /^(\w+)ConnectWhere$/.exec(name);
  if (connect?.[1] && state.shape.nodeTypes.has(connect[1])) collectPinned(state, connect[1], record.node, [...path, "node"]);

  const fields = inner.getFields();
  for (const [key, fieldValue] of Object.entries(record)) {
    const def = fields[key];
    if (def) walk(state, def.type, fieldValue, [...path, key], {});
  }
}

async function checkPinnedIds(db: Database, state: WalkState): Promise<void> {
  const byLabel = new Map<string, PinnedId[]>();
  for (const pin of state.pinned) byLabel.set(pin.label, [...(byLabel.get(pin.label) ?? []), pin]);
  for (const [label, pins] of byLabel) {
    if (!state.shape.nodeTypes.has(label)) continue; // labels come from the type definitions only
    const rows = await db.read(readFoundIdsStatement(label), {
      ids: [...new Set(pins.map((p) => p.id))],
    });
    const found = new Set((rows[0]?.found as string[] | undefined) ?? []);
    for (const pin of pins) {
      if (!found.has(pin.id)) {
        state.problems.push({
          code: ErrorCode.NOT_FOUND,
          message: `id: no ${label} with id "${pin.id.slice(0, 80)}".`,
          field: "id",
          argumentPath: pin.path,
        });
      }
    }
  }
}

async function checkStoredDates(db: Database, state: WalkState, rootPins: PinnedId[]): Promise<void> {
  for (const check of state.storedDates) {
    const ids = rootPins.filter((p) => p.label === check.label).map((p) => p.id);
    if (ids.length === 0 || !state.shape.nodeTypes.has(check.label)) continue;
    const rows = await db.read(readStoredOtherDateStatement(check.label), { ids, other: check.other });
    for (const row of rows) {
      const other = toMillis(row.other);
      if (other === undefined) continue;
      const wrong = check.set === "start" ? other < check.value : check.value < other;
      if (wrong) {
        state.problems.push({
          code: ErrorCode.BAD_USER_INPUT,
          message: `${check.field}: ${check.message}`,
          field: check.field,
          argumentPath: check.path,
        });
        break;
      }
    }
  }
}

export async function validateGraphInput(
  db: Database,
  shape: GraphShape,
  mutationName: string,
  argDefs: readonly GraphQLArgument[],
  args: Record<string, unknown>,
): Promise<void> {
  const state: WalkState = { shape, problems: [], pinned: [], storedDates: [] };
  const operation = /^(update|delete)/.exec(mutationName)?.[1];
  let rootPins: PinnedId[] = [];
  for (const def of argDefs) {
    const value = args[def.name];
    if (value === undefined || value === null) continue;
    const named = namedType(def.type);
    const whereOf = /^(\w+)Where$/.exec(named.name)?.[1];
    if (def.name === "where" && operation && whereOf && shape.nodeTypes.has(whereOf)) {
      const before = state.pinned.length;
      collectPinned(state, whereOf, value, ["where"]);
      rootPins = state.pinned.slice(before);
    }
    const updateOf = def.name === "update" ? typeSuffix.exec(named.name)?.[1] : undefined;
    walk(state, def.type, value, [def.name], updateOf ? { rootUpdateLabel: updateOf } : {});
  }
  if (state.problems.length > 0) throw DomainError.ofProblems(state.problems);
  if (state.pinned.length > 0) await checkPinnedIds(db, state);
  if (state.problems.length > 0) throw DomainError.ofProblems(state.problems);
  if (state.storedDates.length > 0) await checkStoredDates(db, state, rootPins);
  if (state.problems.length > 0) throw DomainError.ofProblems(state.problems);
}
