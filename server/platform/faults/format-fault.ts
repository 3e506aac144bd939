import type { GraphQLFormattedError } from "graphql";
import { isConnectivityError, isTransactionMemoryLimit, isTransactionTimeout } from "../neo4j/database.js";
import { ErrorCode } from "../graphql/domain-error.js";
import { ownerHint, workflowOwnedFields } from "../model/workflow-doors.js";

/**
 * The last step of error formatting (after server/platform/graphql/format-error.ts): every error a client
 * gets carries `extensions.code`, and where one input is to blame, `extensions.field`.
 * - Neo4j unreachable → SERVICE_UNAVAILABLE; a query past its time limit → QUERY_TIMEOUT; past its memory
 *   limit (NEO4J_TRANSACTION_MEMORY) → QUERY_TOO_LARGE;
 * - @neo4j/graphql's and type-graphql's access refusals → UNAUTHENTICATED / FORBIDDEN;
 * - GraphQL's own refusals (unknown enum value, wrong scalar, missing argument) get the input
 *   field named, read from the message or the document;
 * - in production, unexpected errors say only "Internal server error": messages of the layers
 *   below can hold data (and the details belong in the log, not the response).
 */
export interface FaultFormatOptions {
  production: boolean;
}

const internal = new Set<string | undefined>([ErrorCode.INTERNAL_SERVER_ERROR, undefined]);

/** What makes, re-weighs and removes ties: the generated API edits only a tie's note and since date (schema/graph.graphql). */
const TIE_WRITERS = "setTieStrength, logInteraction, the ties import (ties.csv), erasePerson or deletePeople (with the person)";

/** The owning mutation of a generated write that is not offered (a mutation, or a field of a write input). */
function workflowDoorHint(message: string, field: string): string | undefined {
  if (/^Cannot query field "\w+" on type "Mutation"/.test(message)) return ownerHint(field);
  const input = /is not defined by type "(\w+?)(?:Create|Update)Input"/.exec(message);
  const owners = input?.[1] ? workflowOwnedFields[`${input[1]}.${field}`] : undefined;
  if (owners) return `${input?.[1]}.${field} is not set through the generated API: use ${owners.join(" or ")}.`;
  // Ids never change (`@id`): other records, the tie version's followers and the clients refer to them (docs/network-analytics.md).
  const update = /is not defined by type "(\w+?)UpdateInput"/.exec(message);
  if (update?.[1] && field === "id") return `${update[1]}.id never changes: an id is given when the ${update[1]} is created.`;
  // A nested or cascading delete (schema/graph.graphql offers none): it would pass checkGenericDelete by.
  if (
    field === "delete" &&
    (/is not defined by type "\w+UpdateFieldInput"/.test(message) ||
      /^Unknown argument "delete" on field "Mutation\.delete\w+"/.test(message))
  ) {
    return "Nested and cascading deletes are not offered: delete each node with its own delete mutation (deletePeople, deleteCourses, …), which checks it for workflow records first; a person's data is removed with erasePerson.";
  }
  // A tie made, re-weighed or removed through a person's `knows` (its nested inputs, or a person created with ties).
  if (/is not defined by type "PersonKnows\w*Input"/.test(message) || (input?.[1] === "Person" && field === "knows")) {
    return `Ties are made, re-weighed and removed only by ${TIE_WRITERS}; through Person.knows only a tie's note and since date are edited.`;
  }
  return undefined;
}

function original(error: unknown): unknown {
  return (error as { originalError?: unknown })?.originalError ?? error;
}

/** The input field a GraphQL coercion or validation error is about, when it can be told. */
export function fieldOfGraphQLError(formatted: GraphQLFormattedError, error: unknown): string | undefined {
  // Variables: `Variable "$input" got invalid value "X" at "input[0].status"; …`
  const at = /got invalid value .*? at "([^"]+)"/.exec(formatted.message);
  if (at?.[1]) {
    const parts = at[1].split(/[.[\]]/).filter((p) => p && !/^\d+$/.test(p));
    return parts.at(-1);
  }
  // A whole variable is wrong: the variable's name is what the client can map to its field.
  const variable = /^Variable "\$(\w+)" got invalid value/.exec(formatted.message);
  if (variable?.[1]) return variable[1];
  // A field the schema does not offer: `Cannot query field "createSprints" on type "Mutation".`
  const missing = /^Cannot query field "(\w+)" on type "Mutation"/.exec(formatted.message);
  if (missing?.[1]) return missing[1];
  // An argument the field does not take: `Unknown argument "delete" on field "Mutation.deletePartners".`
  const argument = /^Unknown argument "(\w+)" on field/.exec(formatted.message);
  if (argument?.[1]) return argument[1];
  // `Field "[Type.]X" of required type … was not provided.` / `Field "X" is not defined by type …`
  const named = /^Field "(?:\w+\.)?(\w+)"(?: of required type| is not defined by type)/.exec(formatted.message);
  if (named?.[1]) return named[1];
  // A literal in the document: the name before the offending value, e.g. `deadline: "2025-13-01"`.
  const source = (error as { source?: { body?: string } })?.source?.body;
  const location = formatted.locations?.[0];
  if (
    source &&
    location &&
    /^(Expected value of type|Value "|Enum "|Int cannot|Float cannot|String cannot|Boolean cannot|ID cannot)/.test(
      formatted.message,
    )
  ) {
    const lines = source.split("\n");
    const offset = lines.slice(0, location.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + location.column - 1;
    const before = source.slice(Math.max(0, offset - 120), offset);
    // `teamSize: { set: 99999999999 }`: the field, not the generated operator that wraps its value.
    const wrapped = /(\w+)\s*:\s*\{\s*(?:set|push|add|eq|in)\s*:\s*\[?\s*(?:[^:]*,\s*)?$/.exec(before);
    if (wrapped?.[1]) return wrapped[1];
    const name = /(\w+)\s*:\s*\[?\s*(?:[^:]*,\s*)?$/.exec(before);
    return name?.[1];
  }
  return undefined;
}

export function formatFault(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FaultFormatOptions,
): GraphQLFormattedError {
  const cause = original(error);
  const name = (cause as { name?: string })?.name;
  const code = formatted.extensions?.code as string | undefined;

  if (isConnectivityError(cause)) {
    return {
      ...formatted,
      message: "The database is not reachable right now; the server reconnects by itself. Try again shortly.",
      extensions: { ...formatted.extensions, code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  if (isTransactionTimeout(cause)) {
    return {
      ...formatted,
      message: "The request took too long and was stopped; ask for less (a smaller limit, fewer nested lists).",
      extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TIMEOUT },
    };
  }
  if (isTransactionMemoryLimit(cause)) {
    return {
      ...formatted,
      message:
        "The request needed more database memory than one request may use and was stopped; ask for less (a smaller limit, fewer nested lists).",
      extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TOO_LARGE },
    };
  }
  if (name === "Neo4jGraphQLForbiddenError" || (code === ErrorCode.UNAUTHORIZED && name === "AuthorizationError")) {
    return {
      ...formatted,
      message: formatted.message === "Forbidden" ? "Your role may not do this." : formatted.message,
      extensions: { ...formatted.extensions, code: ErrorCode.FORBIDDEN },
    };
  }
  if (name === "Neo4jGraphQLAuthenticationError" || (internal.has(code) && formatted.message === "Unauthenticated")) {
    return {
      ...formatted,
      message: "Sign in first (mutation login).",
      extensions: { ...formatted.extensions, code: ErrorCode.UNAUTHENTICATED },
    };
  }
  if (
    (code === ErrorCode.BAD_USER_INPUT || code === ErrorCode.GRAPHQL_VALIDATION_FAILED) &&
    formatted.extensions?.field === undefined
  ) {
    const field = fieldOfGraphQLError(formatted, error);
    if (!field) return formatted;
    // A write the generated API leaves to a workflow mutation: say which one (server/platform/model/workflow-doors.ts).
    const hint = workflowDoorHint(formatted.message, field);
    return { ...formatted, ...(hint ? { message: hint } : {}), extensions: { ...formatted.extensions, field } };
  }
  if (options.production && internal.has(code)) {
    return {
      message: "Internal server error",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  }
  if (code === undefined) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
  return formatted;
}
