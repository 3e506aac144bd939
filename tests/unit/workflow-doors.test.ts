import { readFileSync } from "node:fs";
import { buildSchema, isInputObjectType, Kind, parse, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { readTypeDefs } from "../../server/app/build-schema.js";
import {
  editableWorkflowLinks,
  initialValueFields,
  workflowOwnedFields,
  workflowOwnedLabels,
  workflowOwnedLinks,
  workflowOwnedTypes,
} from "../../server/platform/model/workflow-doors.js";

/**
 * One door per fact (docs/data-model.md#who-writes-what): walks the printed API schema
 * (client/schema.generated.graphql, which tests/unit/printed-schema.test.ts keeps equal to the
 * served one) and fails when a workflow-owned type, field or relationship gains a generated write
 * — a top-level create/update/delete, a field in a create or update input, or a nested
 * create/connect/update/delete/disconnect through any relationship that touches it.
 */
const printed = readFileSync(new URL("../../client/schema.generated.graphql", import.meta.url), "utf8");
const schema: GraphQLSchema = buildSchema(printed);
const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});

interface Relationship {
  owner: string;
  field: string;
  target: string;
}

/** Every relationship field of schema/graph.graphql, with the type at its other end. */
function relationships(): Relationship[] {
  const found: Relationship[] = [];
  for (const def of parse(readTypeDefs()).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of def.fields ?? []) {
      if (!(field.directives ?? []).some((d) => d.name.value === "relationship")) continue;
      let type = field.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      found.push({ owner: def.name.value, field: field.name.value, target: type.name.value });
    }
  }
  return found;
}

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const pluralOf = (type: string) => (type.endsWith("s") ? `${type}es` : `${type}s`);

function inputFields(name: string): string[] {
  const type = schema.getType(name);
  return isInputObjectType(type) ? Object.keys(type.getFields()) : [];
}

describe("one door per fact: the printed schema offers no generated write of a workflow-owned fact", () => {
  it("offers only the listed top-level mutations of each workflow-owned type", () => {
    const offered: string[] = [];
    for (const [type, door] of Object.entries(workflowOwnedTypes)) {
      for (const verb of ["create", "update", "delete"] as const) {
        const name = `${verb}${pluralOf(type)}`;
        if (mutations.includes(name) && !door.generated.includes(verb.toUpperCase() as "CREATE")) offered.push(name);
        if (!mutations.includes(name) && door.generated.includes(verb.toUpperCase() as "CREATE"))
          offered.push(`${name} (missing)`);
      }
    }
    expect(offered).toEqual([]);
    // The owners named are real mutations of the served schema.
    const owners = [
      ...Object.values(workflowOwnedTypes).flatMap((d) => d.owners),
      ...Object.values(workflowOwnedFields).flat(),
      ...Object.values(workflowOwnedLinks).flat(),
      ...Object.values(workflowOwnedLabels).flat(),
    ];
    expect(owners.filter((o) => !mutations.includes(o))).toEqual([]);
  });

  it("keeps every workflow-owned field out of the create and update inputs", () => {
    const settable: string[] = [];
    for (const key of Object.keys(workflowOwnedFields)) {
      const [type, field] = key.split(".") as [string, string];
      const inputs = initialValueFields.includes(key) ? [`${type}UpdateInput`] : [`${type}CreateInput`, `${type}UpdateInput`];
      for (const input of inputs) {
        if (inputFields(input).includes(field)) settable.push(`${input}.${field}`);
      }
    }
    expect(settable).toEqual([]);
  });

  it("offers no nested write through a relationship that touches a workflow-owned type, beyond the listed ones", () => {
    const owned = new Set(Object.keys(workflowOwnedTypes));
    const doors: string[] = [];
    const verbs = { CONNECT: "Connect", DISCONNECT: "Disconnect", UPDATE: "Update", CREATE: "Create", DELETE: "Delete" };
    for (const rel of relationships()) {
      const key = `${rel.owner}.${rel.field}`;
      if (!owned.has(rel.owner) && !owned.has(rel.target) && !workflowOwnedLinks[key]) continue;
      const allowed = new Set<string>(editableWorkflowLinks[key] ?? []);
      const prefix = `${rel.owner}${upper(rel.field)}`;
      for (const [op, word] of Object.entries(verbs)) {
        if (allowed.has(op)) continue;
        const names = op === "UPDATE" ? [`${prefix}UpdateConnectionInput`] : [`${prefix}${word}FieldInput`];
        for (const name of names) if (schema.getType(name)) doors.push(`${key}: ${op} (${name})`);
      }
      // Nor through the owner's own create, update or delete input unless an operation is allowed.
      if (allowed.size === 0) {
        for (const input of [`${rel.owner}CreateInput`, `${rel.owner}UpdateInput`, `${rel.owner}DeleteInput`]) {
          if (inputFields(input).includes(rel.field)) doors.push(`${key}: in ${input}`);
        }
      }
      const updateField = schema.getType(`${prefix}UpdateFieldInput`);
      if (isInputObjectType(updateField)) {
        const extra = Object.keys(updateField.getFields()).filter((f) => !allowed.has(f.toUpperCase()));
        if (extra.length > 0) doors.push(`${key}: ${extra.join(", ")} in ${updateField.name}`);
      }
    }
    // No input anywhere creates a workflow-owned node (a nested create would skip its mutation).
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const named = String(field.type).replace(/[[\]!]/g, "");
        const made = /^(\w+)CreateInput$/.exec(named)?.[1];
        if (made && owned.has(made) && !workflowOwnedTypes[made]?.generated.includes("CREATE"))
          doors.push(`${type.name}.${field.name} creates a ${made}`);
      }
    }
    expect(doors).toEqual([]);
  });

  it("offers no nested or cascading delete anywhere: every delete is a top-level delete<Type>s, checked per node", () => {
    // checkGenericDelete (server/platform/validation/check-generic-delete.ts) checks the nodes a delete<Type>s selects;
    // a nested delete (`updateCourses(update: { teachers: [{ delete: … }] })`) or a cascade (`deletePartners(delete:
    // { employees: … })`) would remove a person with proposals, or a course with sprints, past it.
    const found: string[] = [];
    for (const name of mutations) {
      const field = schema.getMutationType()?.getFields()[name];
      if (field?.args.some((a) => a.name === "delete")) found.push(`${name}(delete: …)`);
    }
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type)) continue;
      if (/DeleteFieldInput$|DeleteInput$/.test(type.name)) found.push(type.name);
      if ("delete" in type.getFields()) found.push(`${type.name}.delete`);
    }
    expect(found).toEqual([]);
  });

  it("lets every generated create fill each required field: none is both defaulted and unsettable on create", () => {
    // @settable(onCreate: false) drops @default on create: createSprints stored sprints without a status (#12).
    const empty: string[] = [];
    for (const def of parse(readTypeDefs()).definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || !schema.getType(`${def.name.value}CreateInput`)) continue;
      for (const field of def.fields ?? []) {
        const names = (field.directives ?? []).map((d) => d.name.value);
        if (field.type.kind !== Kind.NON_NULL_TYPE || !names.includes("default")) continue;
        if (!inputFields(`${def.name.value}CreateInput`).includes(field.name.value))
          empty.push(`${def.name.value}.${field.name.value}`);
      }
    }
    expect(empty).toEqual([]);
  });

  it("fails on a bypass: the same walk finds one in a schema that still offers createSprints and Course.sprints", () => {
    // Guards the guard: without the directives, the checks above would have something to find.
    expect(printed).not.toMatch(/\bcreateSprints\(/);
    expect(printed).not.toMatch(/^input CourseSprintsCreateFieldInput/m);
    expect(inputFields("KnowsUpdateInput").sort()).toEqual(["note", "since"]);
    // The referral is intakeCase's (#12 part 4): no nested write from either end, Sme.referredBy derived.
    expect(printed).not.toMatch(/^input (CaseReferredBy|PartnerReferredCases|SmeReferredBy)\w*(Connect|Create)FieldInput/m);
    // Labels outside schema/graph.graphql stay outside (else they would need a row in workflowOwnedTypes).
    const nodeTypes = parse(readTypeDefs()).definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION ? [d.name.value] : [],
    );
    for (const label of Object.keys(workflowOwnedLabels)) expect(nodeTypes).not.toContain(label);
  });
});
