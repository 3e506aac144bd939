import { GraphQLError } from "graphql";

/** The codes of sign-in and access errors (in `extensions.code`). */
export type AuthErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "BAD_USER_INPUT" | "CONFLICT" | "NOT_FOUND" | "TOO_MANY_REQUESTS";

/** An error the client can act on: a stable code, and the field when one input or field is to blame. */
export function authError(code: AuthErrorCode, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } });
}
