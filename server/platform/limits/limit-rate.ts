import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { RequestUser } from "../auth/roles.js";
import { ErrorCode } from "../graphql/domain-error.js";

/**
 * How long a refusal of the rate limits is held before it is sent (issue #13). A client that waits for each answer —
 * a script looping on a request, the cost bench's attacker — then sends one request a second per connection instead of
 * hundreds of refusals a second, each costing the server (and the machine it shares) an HTTP exchange: measured, the
 * attacker's loop on 429s took 60–85 % of a core beside the API's 60–70 % on the 2-core machine. A held refusal costs a
 * timer and an open socket; a client that hangs up is forgotten. docs/security.md "Limits".
 */
export const REFUSAL_HOLD_MS = 1000;
/** At most this many refusals are held at once per limit; beyond, they are sent at once (a held socket is memory). */
export const MAX_HELD_REFUSALS = 1000;

/** Sends `send` after REFUSAL_HOLD_MS, unless too many are held already or the client has gone. */
function holdRefusal(res: Response, held: { count: number }, send: () => void): void {
  if (held.count >= MAX_HELD_REFUSALS) {
    send();
    return;
  }
  held.count++;
  const release = () => {
    clearTimeout(timer);
    res.off("close", release);
    held.count--;
  };
  const timer = setTimeout(() => {
    release();
    if (!res.writableEnded && !res.destroyed) send();
  }, REFUSAL_HOLD_MS);
  timer.unref?.();
  res.on("close", release);
}

/**
 * The anonymous limit per address: ANONYMOUS_RATE_LIMIT_PER_MINUTE, else the signed-in one. One address without a token
 * is often many people — an office or a school behind one NAT signing in at nine, a venue's Wi-Fi where several SMEs fill
 * in the public question form, whose topic autocomplete asks once per key typed — and a fifth of a user's rate (120 a
 * minute, 20 in 10 s) would refuse one typist after about four seconds at five keys a second. What the rate guarded against is bounded
 * elsewhere: an anonymous request's cost (ANONYMOUS_MAX_QUERY_COST), failed sign-ins (LOGIN_ATTEMPTS_PER_15_MIN),
 * public-form submissions (PUBLIC_FORM_PER_10_MIN), and a flood's refusals are held (REFUSAL_HOLD_MS). Measured with the
 * anonymous 1,500-alias flood at this rate: docs/performance.md "One user's worst requests", docs/security.md "Limits".
 */
export function anonymousRatePerMinute(perMinute: number, anonymousPerMinute?: number): number {
  return anonymousPerMinute ?? perMinute;
}

/**
 * The most of a minute's requests one caller may send within BURST_WINDOW_MS: a sixth (the minute's rate), at least 10
 * (and never more than the minute's). Without it a flood's first 600 requests of each minute passed the limit in about
 * two seconds — each parsed and refused further on (a 40 KB document with 1,500 aliases) — and that burst alone doubled
 * the other users' p95 in the window it fell in (docs/performance.md, issue #13).
 */
export const BURST_WINDOW_MS = 10_000;
export function burstLimit(perMinute: number): number {
  return Math.max(Math.ceil(perMinute / 6), Math.min(perMinute, 10));
}

/**
 * Requests to /graphql: per signed-in user (so people behind one office NAT do not share a budget), per IP address for
 * anonymous callers (sign-in attempts among them; by default one user's budget, see anonymousRatePerMinute). Two windows: `perMinute` a minute, and at most burstLimit(perMinute) of them in 10 s. In memory: one
 * process serves the API. Over either: 429 with a GraphQL-shaped error and Retry-After, held REFUSAL_HOLD_MS first; the
 * body is written once per limit (no JSON work per refusal) and the request's body is never parsed.
 */
export function limitRate(perMinute: number, anonymousPerMinute = anonymousRatePerMinute(perMinute)): RequestHandler[] {
  const held = { count: 0 };
  const keyGenerator = (req: Request, res: Response) => {
    const user = res.locals.user as RequestUser | undefined;
    return user ? `user:${user.id}` : `ip:${ipKeyGenerator(req.ip ?? "unknown")}`;
  };
  const window = (windowMs: number, signedIn: number, anonymous: number, per: string): RequestHandler => {
    const bodyFor = (limit: number) =>
      JSON.stringify({
        errors: [
          {
            message: `Too many requests: at most ${limit} ${per}. Try again shortly.`,
            extensions: { code: ErrorCode.TOO_MANY_REQUESTS },
          },
        ],
      });
    const signedInBody = bodyFor(signedIn);
    const anonymousBody = bodyFor(anonymous);
    return rateLimit({
      windowMs,
      limit: (_req, res) => (res.locals.user ? signedIn : anonymous),
      standardHeaders: "draft-8",
      legacyHeaders: false,
      identifier: `${windowMs / 1000}s`,
      keyGenerator,
      handler: (_req, res, _next, options) => {
        const body = res.locals.user ? signedInBody : anonymousBody;
        holdRefusal(res, held, () => res.status(options.statusCode).type("application/json").send(body));
      },
    });
  };
  return [
    window(60_000, perMinute, anonymousPerMinute, "a minute"),
    window(BURST_WINDOW_MS, burstLimit(perMinute), burstLimit(anonymousPerMinute), `in ${BURST_WINDOW_MS / 1000} seconds`),
  ];
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
