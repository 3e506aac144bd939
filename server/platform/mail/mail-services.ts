import { createHmac } from "node:crypto";
import type { Config } from "../config.js";
import { signingKey } from "../auth/sign-token.js";
import { systemClock, type Clock } from "../clock/clock.js";
import { createMailTransport, type MailTransport } from "./mail-transport.js";

/**
 * What sending needs besides the database, built once by the app (server/app/create-app.ts) and handed
 * to the resolvers in their context and to the schedule: the transport, the clock, where answer links
 * point, the key that signs them, and the retry settings.
 */
export interface MailServices {
  transport: MailTransport;
  clock: Clock;
  /** Base of the answer links, ending in "/". */
  publicUrl: string;
  /** HS256 key of the answer links. */
  linkKey: Uint8Array;
  from: string;
  retryMs: number;
  maxAttempts: number;
  reminderDaysBefore: number;
  /** Working hours in Amsterdam, Monday to Friday: [from, to). */
  hours: { from: number; to: number };
}

/**
 * The key of the answer links: ANSWER_LINK_SECRET, else one derived from the sign-in key (so a sign-in
 * token is never an answer link and the other way round, and neither key reveals the other).
 */
export function answerLinkKey(config: Pick<Config, "ANSWER_LINK_SECRET" | "JWT_SECRET" | "NODE_ENV">): Uint8Array {
  if (config.ANSWER_LINK_SECRET) return new TextEncoder().encode(config.ANSWER_LINK_SECRET);
  return new Uint8Array(createHmac("sha256", signingKey(config)).update("werkplaats answer links").digest());
}

/** The mail services the configuration describes; tests replace the clock or transport. */
export function mailServicesFrom(config: Config, listenUrl: string, overrides: Partial<MailServices> = {}): MailServices {
  const [from, to] = config.DIGEST_HOURS.split("-").map(Number) as [number, number];
  const base = config.PUBLIC_URL ?? listenUrl;
  return {
    transport: createMailTransport({ smtpUrl: config.SMTP_URL }),
    clock: systemClock,
    publicUrl: base.endsWith("/") ? base : `${base}/`,
    linkKey: answerLinkKey(config),
    from: config.MAIL_FROM,
    retryMs: config.MAIL_RETRY_MINUTES * 60_000,
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
    reminderDaysBefore: config.REMINDER_DAYS_BEFORE,
    hours: { from, to },
    ...overrides,
  };
}
