import { GraphQLError } from "graphql";

/** The codes clients get from the outreach, figures and spreadsheet operations. */
export type UserErrorCode = "NOT_FOUND" | "BAD_USER_INPUT" | "ILLEGAL_TRANSITION";

/** An error the client can act on: a stable code and, where one argument is to blame, its name. */
export function userError(code: UserErrorCode, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } });
}
