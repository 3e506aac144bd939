import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "./domain-error.js";

/**
 * Turns the errors the layers below raise into errors a client can act on: a stable `code` in
 * `extensions`, and the `field` when one input field is to blame.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const name = (original as { name?: string })?.name;
  const operation = String(formatted.path?.[0] ?? "");

  // @neo4j/graphql reports any unique-constraint hit as "Constraint validation failed". Ids are
  // generated, so on SMEs the only unique value a caller sets is the KvK number.
  if (name === "Neo4jGraphQLConstraintValidationError" || formatted.message === "Constraint validation failed") {
    const onSme = /smes$/i.test(operation);
    return {
      ...formatted,
      message: onSme
        ? "An SME with this KvK number already exists; find it and link the case to it instead."
        : "This would duplicate a value that must be unique.",
      extensions: { ...formatted.extensions, code: ErrorCode.CONFLICT, ...(onSme ? { field: "kvkNumber" } : {}) },
    };
  }
  return formatted;
}
