import type { RequestHandler, Response } from "express";
import type { Config } from "../config.js";
import type { AccountStates } from "./AccountStates.js";
import { readSessionCookie, sessionCookieHeader } from "./session-cookie.js";
import { verifyToken } from "./verify-token.js";
import { ErrorCode } from "../graphql/domain-error.js";

/** Why a token was refused (`extensions.reason` of the 401), and what the client is told. */
const refusals = {
  MALFORMED: "The sign-in token is not valid: sign in again.",
  INVALID: "The sign-in token is not valid: sign in again.",
  EXPIRED: "Your sign-in has expired: sign in again.",
  ISSUED_IN_FUTURE: "The sign-in token is not valid (issued in the future): sign in again.",
  UNKNOWN_USER: "This account does not exist: sign in again.",
  DISABLED: "This account is disabled.",
  REVOKED: "Your sign-in was ended (new password, changed roles or signed out everywhere): sign in again.",
} as const;

function refuse(res: Response, reason: keyof typeof refusals): void {
  res.status(401).json({ errors: [{ message: refusals[reason], extensions: { code: ErrorCode.UNAUTHENTICATED, reason } }] });
}

/**
 * Reads the bearer token of a /graphql request. No token: an anonymous caller (who reaches only
 * PUBLIC fields). A token that is malformed, forged, expired or issued in the future, or whose
 * account is unknown, disabled, or changed since (older token version: new password, changed roles,
 * signed out everywhere): 401 at once, with UNAUTHENTICATED and a message the client can act on
 * (sign in again) — never a silent downgrade to anonymous. The request then acts with the roles the
 * token names that the account still has. The user and payload go to `res.locals` for the context.
 *
 * Without an Authorization header, the browser's session cookie (session-cookie.ts) carries the same token.
 * A cookie that no longer holds (expired, revoked, …) is cleared and the request goes on as anonymous: it
 * reaches only PUBLIC fields, so anything else still answers UNAUTHENTICATED, while `login` works at once
 * (a stale cookie must not stand in the way of signing in again).
 */
export function authenticateRequest(
  config: Pick<Config, "JWT_SECRET" | "NODE_ENV">,
  accounts: AccountStates,
  options: { secureCookie?: boolean } = {},
): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization;
    const cookie = header ? undefined : readSessionCookie(req.headers.cookie);
    if (!header && !cookie) {
      next();
      return;
    }
    const fromCookie = cookie !== undefined;
    const refuseOrForget = (reason: keyof typeof refusals): void => {
      if (!fromCookie) return refuse(res, reason);
      res.append("Set-Cookie", sessionCookieHeader("", 0, req.secure || options.secureCookie === true));
      res.locals.sessionEnded = reason;
      next();
    };
    void (async () => {
      const check = await verifyToken(config, header ?? `Bearer ${cookie}`);
      if (!check.ok) {
        refuseOrForget(check.problem === "MISSING" ? "MALFORMED" : check.problem);
        return;
      }
      const account = await accounts.get(check.user.id);
      if (account === "unavailable") {
        res.status(503).json({
          errors: [
            {
              message: "The database is not reachable now; try again shortly.",
              extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
            },
          ],
        });
        return;
      }
      if (!account) return refuseOrForget("UNKNOWN_USER");
      if (account.disabled) return refuseOrForget("DISABLED");
      // Never more than the account has now: a demotion bites even if its version bump was missed.
      const roles = check.user.roles.filter((role) => account.roles.includes(role));
      if (check.tokenVersion !== account.tokenVersion || roles.length === 0) return refuseOrForget("REVOKED");
      res.locals.user = { ...check.user, roles };
      res.locals.jwt = { ...check.payload, roles };
      next();
    })().catch(next);
  };
}
