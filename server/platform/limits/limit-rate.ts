import type { RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { RequestUser } from "../auth/roles.js";
import { ErrorCode } from "../graphql/domain-error.js";

/**
 * Requests per minute to /graphql: per signed-in user (so people behind one office NAT do not
 * share a budget), per IP address for anonymous callers (sign-in attempts among them). In memory:
 * one process serves the API. Over the limit: 429 with a GraphQL-shaped error and Retry-After.
 */
export function limitRate(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const user = res.locals.user as RequestUser | undefined;
      return user ? `user:${user.id}` : `ip:${ipKeyGenerator(req.ip ?? "unknown")}`;
    },
    handler: (_req, res, _next, options) => {
      res.status(options.statusCode).json({
        errors: [
          {
            message: `Too many requests: at most ${perMinute} a minute. Try again shortly.`,
            extensions: { code: ErrorCode.TOO_MANY_REQUESTS },
          },
        ],
      });
    },
  });
}

/**
 * Requests per minute to the answer links in messages (/answer/…: no sign-in, so per IP address). A link
 * holds a signed token, but each request still verifies it and may read the proposal: without a limit one
 * address could make the server verify and look up tokens as fast as it sends them. Over the limit: 429,
 * a short page in both languages (the reader's language is not known before the token is read) and Retry-After.
 */
export function limitAnswerLinks(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? "unknown")}`,
    handler: (_req, res, _next, options) => {
      res
        .status(options.statusCode)
        .set({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
        .send(
          '<!doctype html><html lang="nl"><meta charset="utf-8"><title>Even geduld</title>' +
            "<p>Te veel verzoeken vanaf dit adres. Probeer het over een minuut opnieuw.</p>" +
            '<p lang="en">Too many requests from this address. Please try again in a minute.</p></html>',
        );
    },
  });
}
