import type { RequestHandler } from "express";
import { ErrorCode } from "../graphql/domain-error.js";

/**
 * The shape of a POST to /graphql, checked before Apollo so every refusal is a GraphQL-shaped
 * JSON error with a code (Apollo answers some of these in plain text): JSON only (which also
 * keeps simple cross-site form posts out, next to Apollo's CSRF prevention), one operation per
 * request (batching is off), a `query` string, `variables` an object. GET is left to Apollo,
 * which allows it for queries only and demands a preflight header.
 */
export const checkRequestShape: RequestHandler = (req, res, next) => {
  if (req.method !== "POST") {
    next();
    return;
  }
  const refuse = (message: string): void => {
    res.status(400).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_REQUEST } }] });
  };
  if (!req.is("application/json")) return refuse("Send the operation as JSON (content-type: application/json).");
  const body: unknown = req.body;
  if (Array.isArray(body)) return refuse("Batched operations are turned off: send one operation per request.");
  if (!body || typeof body !== "object") return refuse("The body must be a JSON object with a `query`.");
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== "string" || query.trim() === "") return refuse("The body needs a `query` string.");
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) {
    return refuse("`variables` must be a JSON object.");
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") {
    return refuse("`operationName` must be a string.");
  }
  next();
};
