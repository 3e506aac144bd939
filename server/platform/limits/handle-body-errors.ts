import type { ErrorRequestHandler } from "express";
import { log } from "../log.js";
import { ErrorCode } from "../graphql/domain-error.js";

/**
 * What /graphql answers when the body cannot be read (express.json): a GraphQL-shaped error with a
 * code, never an HTML page or a stack trace — too large → 413 PAYLOAD_TOO_LARGE, not JSON → 400
 * BAD_REQUEST. Anything else falls through to express's handler.
 */
export const handleBodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const type = (error as { type?: string }).type;
  const status = (error as { status?: number }).status;
  if (type === "entity.too.large") {
    res
      .status(413)
      .json({ errors: [{ message: "The request body is too large.", extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } }] });
    return;
  }
  if (type === "entity.parse.failed" || type === "encoding.unsupported" || type === "charset.unsupported" || status === 400) {
    res
      .status(400)
      .json({ errors: [{ message: "The request body is not valid JSON.", extensions: { code: ErrorCode.BAD_REQUEST } }] });
    return;
  }
  next(error);
};

/**
 * The last handler of /graphql: anything that escaped (a bug, a dropped connection) becomes a
 * coded 500 without details — express's default would send a stack trace outside production —
 * and the log gets the error's name only (its message may hold request data).
 */
export const handleUnexpectedErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  log.error("Request failed unexpectedly", { error: (error as { name?: string }).name ?? typeof error });
  res.status(500).json({ errors: [{ message: "Internal server error", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
};
