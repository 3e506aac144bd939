import { randomBytes } from "node:crypto";
import type { Neo4jGraphQLConstructor } from "@neo4j/graphql";

type Neo4jFeaturesSettings = NonNullable<Neo4jGraphQLConstructor["features"]>;
import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
} from "graphql";
import { protectedGraphFields, rolesFor, type AccessFamily } from "./access-policy.js";
import { ROLES } from "./roles.js";

/**
 * Adds @neo4j/graphql's own access rules to the type definitions, from access-policy.ts, so
 * schema/graph.graphql stays the plain domain model and the table stays the one source:
 * - every @node type: @authentication (no anonymous read or write), @authorization validate rules
 *   (reads: GRAPH_READ roles, writes: GRAPH_WRITE roles) and @limit(max) (the page-size cap);
 * - every protected field of a @node type (Person.email, Case.question, …): a READ validate rule
 *   for its family. (Relationship properties such as Knows.note cannot carry @authorization; the
 *   guard around the root fields covers them, and covers filters on protected fields.)
 * The rules test `jwt.roles`, which the verified token carries (see the JWT type below).
 */
const readOperations = ["READ", "AGGREGATE"];
const writeOperations = ["CREATE", "UPDATE", "DELETE", "CREATE_RELATIONSHIP", "DELETE_RELATIONSHIP"];

function rolesOf(family: AccessFamily): readonly string[] {
  const roles = rolesFor(family);
  return roles === "anyone" ? ROLES : roles;
}

/** `{ operations: [...], where: { jwt: { roles: { includes: "X" } } } }`, one rule per role (rules are OR'ed). */
function validateRules(operations: string[], roles: readonly string[]): string {
  return roles
    .map((role) => `{ operations: [${operations.join(", ")}], where: { jwt: { roles: { includes: "${role}" } } } }`)
    .join(", ");
}

function directives(sdl: string): ConstDirectiveNode[] {
  const doc = parse(`type X ${sdl} { x: Int }`);
  const def = doc.definitions[0] as ObjectTypeDefinitionNode;
  return [...(def.directives ?? [])];
}

function hasDirective(node: { directives?: readonly ConstDirectiveNode[] | undefined }, name: string): boolean {
  return (node.directives ?? []).some((d) => d.name.value === name);
}

export interface AccessRuleOptions {
  /** The page-size cap: lists asked without `limit` get at most this many, and never more. */
  maxPageSize: number;
}

export function applyAccessRules(typeDefs: string, options: AccessRuleOptions): DocumentNode {
  const doc = parse(typeDefs);
  const typeRules = directives(
    `@authentication @authorization(validate: [${validateRules(readOperations, rolesOf("GRAPH_READ"))}, ${validateRules(writeOperations, rolesOf("GRAPH_WRITE"))}])`,
  );
  const definitions: DefinitionNode[] = doc.definitions.map((def) => {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || !hasDirective(def, "node")) return def;
    const protectedFields = protectedGraphFields[def.name.value] ?? {};
    const fields = (def.fields ?? []).map((field): FieldDefinitionNode => {
      const family = protectedFields[field.name.value];
      if (!family) return field;
      const rule = directives(`@authorization(validate: [${validateRules(["READ", "AGGREGATE"], rolesOf(family))}])`);
      return { ...field, directives: [...(field.directives ?? []), ...rule] };
    });
    const limit = hasDirective(def, "limit") ? [] : directives(`@limit(max: ${Math.floor(options.maxPageSize)})`);
    return { ...def, fields, directives: [...(def.directives ?? []), ...typeRules, ...limit] };
  });
  const jwt = parse(`"The claims of a sign-in token that access rules read." type JWT @jwt { roles: [String!]! }`).definitions;
  return { ...doc, definitions: [...definitions, ...jwt] };
}

/** The typeDefs as text (for a reader, or a test that prints them). */
export function printWithAccessRules(typeDefs: string, options: AccessRuleOptions): string {
  return print(applyAccessRules(typeDefs, options));
}

/**
 * @neo4j/graphql's features: authorization on (the server verifies tokens itself and hands the
 * library the verified payload as `context.jwt`, so the key here is never used to verify anything;
 * it only switches the directives on), and no deprecated mutation forms (`name_SET`,
 * `strength_ADD`, …) so every write goes through the inputs the validation knows.
 */
export function neo4jGraphQLFeatures(): Neo4jFeaturesSettings {
  return {
    authorization: { key: randomBytes(32).toString("hex") },
    excludeDeprecatedFields: { mutationOperations: true },
  };
}
