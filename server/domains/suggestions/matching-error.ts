import { GraphQLError } from "graphql";

/** The codes a client gets from suggestions, proposals, digests, capacity and sprints. */
export enum MatchingErrorCode {
  NOT_FOUND = "NOT_FOUND",
  BAD_USER_INPUT = "BAD_USER_INPUT",
  ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION",
  CAPACITY_EXHAUSTED = "CAPACITY_EXHAUSTED",
  COOLDOWN = "COOLDOWN",
  CONFLICT = "CONFLICT",
}

/**
 * A refusal of the matching domain. Thrown inside the write transaction, it rolls the transaction
 * back, so a refused mutation changes nothing; `field` names the input to blame.
 */
export class MatchingError extends GraphQLError {
  constructor(
    readonly code: MatchingErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message, { extensions: field ? { code, field } : { code } });
    this.name = "MatchingError";
  }
}
