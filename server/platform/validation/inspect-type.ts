import type { GraphQLInputObjectType, GraphQLInterfaceType, GraphQLNamedType, GraphQLObjectType } from "graphql";

/**
 * Type tests that do not depend on which copy of `graphql` built the schema. graphql's own
 * predicates (isObjectType, …) use instanceof, and under vitest the project's sources load the
 * ESM build while @neo4j/graphql and Apollo load the CommonJS one; Symbol.toStringTag is the same
 * in both.
 */
function tag(type: unknown): string | undefined {
  return type && typeof type === "object" ? (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] : undefined;
}

export function isNonNull(type: unknown): type is { ofType: unknown } {
  return tag(type) === "GraphQLNonNull";
}

export function isList(type: unknown): type is { ofType: unknown } {
  return tag(type) === "GraphQLList";
}

/** True for `[X]`, `[X]!`, `[X!]!`. */
export function isListOf(type: unknown): boolean {
  return isList(isNonNull(type) ? type.ofType : type);
}

/** The named type inside list and non-null wrappers. */
export function namedType(type: unknown): GraphQLNamedType {
  let current = type;
  while (isNonNull(current) || isList(current)) current = current.ofType;
  return current as GraphQLNamedType;
}

export function withoutNonNull<T>(type: T): T {
  return (isNonNull(type) ? type.ofType : type) as T;
}

export function isInputObject(type: unknown): type is GraphQLInputObjectType {
  return tag(type) === "GraphQLInputObjectType";
}

export function isObject(type: unknown): type is GraphQLObjectType {
  return tag(type) === "GraphQLObjectType";
}

export function isInterface(type: unknown): type is GraphQLInterfaceType {
  return tag(type) === "GraphQLInterfaceType";
}

export function isEnum(type: unknown): boolean {
  return tag(type) === "GraphQLEnumType";
}

export function isScalar(type: unknown): boolean {
  return tag(type) === "GraphQLScalarType";
}
