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
