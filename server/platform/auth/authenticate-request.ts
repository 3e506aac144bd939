import type { RequestHandler } from "express";
import type { Config } from "../config.js";
import type { DisabledUsers } from "./DisabledUsers.js";
import { verifyToken } from "./verify-token.js";
import { ErrorCode } from "../graphql/domain-error.js";

/**
 * Reads the bearer token of a /graphql request. No token: an anonymous caller (who reaches only
 * PUBLIC fields). A token that is malformed, forged, expired or of a disabled account: 401 at once,
 * with UNAUTHENTICATED and a message the client can act on (sign in again) — never a silent
 * downgrade to anonymous. The verified user and payload go to `res.locals` for the context.
 */
export function authenticateRequest(
  config: Pick<Config, "JWT_SECRET" | "NODE_ENV">,
  disabledUsers: DisabledUsers,
): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) {
      next();
      return;
    }
    void (async () => {
      const check = await verifyToken(config, header);
      if (!check.ok) {
        const message =
          check.problem === "EXPIRED"
            ? "Your sign-in has expired: sign in again."
            : "The sign-in token is not valid: sign in again.";
        res.status(401).json({ errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED, reason: check.problem } }] });
        return;
      }
      if (await disabledUsers.has(check.user.id)) {
        res.status(401).json({
          errors: [{ message: "This account is disabled.", extensions: { code: ErrorCode.UNAUTHENTICATED, reason: "DISABLED" } }],
        });
        return;
      }
      res.locals.user = check.user;
      res.locals.jwt = check.payload;
      next();
    })().catch(next);
  };
}
