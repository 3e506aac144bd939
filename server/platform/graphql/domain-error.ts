import { GraphQLError } from "graphql";

/**
 * Every code a client can find in `extensions.code`, declared once. Clients branch on these
 * strings, so a value never changes (docs/case-workflow.md and docs/security.md say when each comes).
 */
export enum ErrorCode {
  // Refusals of an input or of the state of the graph (DomainError).
  BAD_USER_INPUT = "BAD_USER_INPUT",
  NOT_FOUND = "NOT_FOUND",
  CONFLICT = "CONFLICT",
  ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION",
  CAPACITY_EXHAUSTED = "CAPACITY_EXHAUSTED",
  COOLDOWN = "COOLDOWN",
  // A sanity check a coordinator may override with force + reason (extensions.overridable: true).
  LEVEL_MISMATCH = "LEVEL_MISMATCH",
  BEFORE_PERIOD = "BEFORE_PERIOD",
  // Who is asking.
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS",
  // A signed link (an invitation, docs/security.md "Invitations"): forged or not for this, past its time, or used.
  LINK_INVALID = "LINK_INVALID",
  LINK_EXPIRED = "LINK_EXPIRED",
  LINK_USED = "LINK_USED",
  // The public question form (docs/security.md "The public question form"): too many attempts from one address
  // (extensions.retryAfterSeconds), or a submission that looks automated (a filled honeypot, sent too fast).
  RATE_LIMITED = "RATE_LIMITED",
  SUBMISSION_REFUSED = "SUBMISSION_REFUSED",
  // The request as a whole (server/platform/limits/).
  BAD_REQUEST = "BAD_REQUEST",
  PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE",
  QUERY_TOO_DEEP = "QUERY_TOO_DEEP",
  PAGE_TOO_LARGE = "PAGE_TOO_LARGE",
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  TOO_MANY_ALIASES = "TOO_MANY_ALIASES",
  TOO_MANY_DIRECTIVES = "TOO_MANY_DIRECTIVES",
  // The server and its database (server/platform/faults/).
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  QUERY_TIMEOUT = "QUERY_TIMEOUT",
  QUERY_TOO_LARGE = "QUERY_TOO_LARGE",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
  // Raised by graphql-js/Apollo and @neo4j/graphql; formatFault reads them and maps UNAUTHORIZED to FORBIDDEN.
  GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED",
  UNAUTHORIZED = "UNAUTHORIZED",
  // A backup or restore that cannot go on (npm run backup / restore; never over GraphQL).
  NOT_EMPTY = "NOT_EMPTY",
  BAD_FILE = "BAD_FILE",
  INCOMPLETE_FILE = "INCOMPLETE_FILE",
  UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE",
  COUNT_MISMATCH = "COUNT_MISMATCH",
  FILE_NOT_FOUND = "FILE_NOT_FOUND",
  INTERRUPTED = "INTERRUPTED",
}

/** One thing wrong with an input: the domain field to blame and where in the arguments it sits. */
export interface InputProblem {
  code: ErrorCode.BAD_USER_INPUT | ErrorCode.NOT_FOUND;
  message: string;
  /** The field's name in the domain (e.g. `kvkNumber`), what a form puts the message next to. */
  field: string;
  /** Where in the arguments, e.g. `input.0.sme.create.0.node.kvkNumber`. */
  argumentPath: string;
}

/**
 * A refusal the client can act on: a stable `code` and, when one input is to blame, its `field`
 * (both in `extensions`, built here and nowhere else). Thrown inside a write transaction it rolls
 * the transaction back, so a refused mutation changes nothing.
 */
export class DomainError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** More for the client beside code and field (e.g. `retryAfterSeconds`, `http`). */
    more: Readonly<Record<string, unknown>> = {},
  ) {
    // A refusal that says when to try again says it in HTTP too: Apollo sets `extensions.http.headers` on the
    // response (and leaves `http` out of the answer), so a client or proxy honours Retry-After without reading the body.
    const retryAfter = more.retryAfterSeconds;
    const http =
      typeof retryAfter === "number"
        ? { ...(more.http as object | undefined), headers: new Map([["retry-after", String(retryAfter)]]) }
        : more.http;
    super(message, { extensions: { code, ...(field ? { field } : {}), ...more, ...(http ? { http } : {}) } });
    this.name = "DomainError";
  }

  /** The first problem as the error; all of them in `extensions.problems` (a form can mark each field). */
  static ofProblems(problems: readonly InputProblem[]): DomainError {
    const [first] = problems;
    if (!first) return new DomainError(ErrorCode.BAD_USER_INPUT, "Invalid input.");
    return new DomainError(first.code, first.message, first.field, {
      argumentPath: first.argumentPath,
      ...(problems.length > 1
        ? { problems: problems.map(({ message, field, argumentPath, code }) => ({ code, message, field, argumentPath })) }
        : {}),
    });
  }
}
