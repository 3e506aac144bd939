import { GraphQLError } from "graphql";

/** The codes a client gets from the case lifecycle and intake (in `extensions.code`). */
export enum CaseErrorCode {
  NOT_FOUND = "NOT_FOUND",
  BAD_USER_INPUT = "BAD_USER_INPUT",
  ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION",
  CONFLICT = "CONFLICT",
}

/**
 * A refusal of the case domain. Thrown inside the write transaction, it rolls the transaction back,
 * so a refused mutation changes nothing; `field` names the input to blame, when there is one.
 */
export class CaseError extends GraphQLError {
  constructor(
    readonly code: CaseErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message, { extensions: field ? { code, field } : { code } });
    this.name = "CaseError";
  }
}
