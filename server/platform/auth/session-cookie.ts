import type { Request, Response } from "express";

/**
 * The browser's sign-in: the same JWT that API clients send as `Authorization: Bearer`, kept in a cookie
 * that scripts cannot read (HttpOnly) and that the browser sends only with requests from this site
 * (SameSite=Strict), for /graphql only. Every tab of the browser shares it, so a new tab or a pasted link is
 * signed in, and clearing it signs every tab out. Secure when the request came over HTTPS (or in production,
 * which must run behind HTTPS): a local http://127.0.0.1 setup still works. docs/security.md "Browser sessions".
 */
export const SESSION_COOKIE = "werkplaats_session";
const COOKIE_PATH = "/graphql";

/** What the sign-in resolvers use to start and end the browser's session (absent for non-HTTP callers). */
export interface SessionCookie {
  /** Sets the cookie with the token, expiring with it. */
  start(token: string, expiresAt: string): void;
  /** Clears the cookie. */
  end(): void;
}

/** The session token of a request's Cookie header, if any. */
export function readSessionCookie(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // A JWT is base64url with dots: anything else is not ours (and is not decoded).
    return /^[A-Za-z0-9_.-]{1,4096}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/** The Set-Cookie header value; `maxAgeSeconds` 0 clears the cookie. */
export function sessionCookieHeader(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    "HttpOnly",
    "SameSite=Strict",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** The session cookie of one HTTP exchange. */
export function sessionCookieFor(req: Request, res: Response, production: boolean): SessionCookie {
  const secure = req.secure || production;
  return {
    start(token, expiresAt) {
      const seconds = (Date.parse(expiresAt) - Date.now()) / 1000;
      res.append("Set-Cookie", sessionCookieHeader(token, seconds, secure));
    },
    end() {
      res.append("Set-Cookie", sessionCookieHeader("", 0, secure));
    },
  };
}
