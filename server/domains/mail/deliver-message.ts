import type { Database, Tx } from "../../platform/neo4j/database.js";
import type { MailServices } from "../../platform/mail/mail-services.js";
import { log } from "../../platform/log.js";
import { CLAIM_MAIL_MESSAGE, MARK_MAIL_FAILED, MARK_MAIL_SENT, READ_MAIL_TO_RETRY } from "./statements.js";
import { MailStatus } from "./mail-types.js";

export type DeliveryOutcome =
  | { status: MailStatus.SENT | MailStatus.OUTBOX; attempts: number }
  | { status: MailStatus.FAILED | MailStatus.GAVE_UP; attempts: number; error: string; nextAttemptAt: string | null }
  | { status: "SKIPPED" };

/** What the message's owner records in the same transaction as the outcome (the proposals it carries). */
export interface DeliveryHooks {
  onSent?(tx: Tx, messageId: string, sentAt: string): Promise<void>;
  onFailed?(tx: Tx, messageId: string, error: string, gaveUp: boolean): Promise<void>;
}

/** Wait before attempt n+1 after n failed ones: retryMs, doubling, at most a day. */
export function retryDelayMs(failedAttempts: number, retryMs: number): number {
  return Math.min(retryMs * 2 ** Math.max(0, failedAttempts - 1), 86_400_000);
}

/**
 * One attempt to send a queued (or failed) message: claimed first, so no two senders send it; then
 * handed to the transport outside any transaction (a slow mail server holds no lock); then the outcome
 * recorded with the owner's hooks in one transaction. A refusal schedules the next attempt with
 * back-off (retryDelayMs) until MAIL_MAX_ATTEMPTS, then GAVE_UP.
 */
export async function deliverMessage(
  db: Database,
  mail: MailServices,
  messageId: string,
  hooks: DeliveryHooks = {},
): Promise<DeliveryOutcome> {
  const claimedAt = mail.clock.now().toISOString();
  const claimed = await db.writeTx(async (tx) => (await tx.run(CLAIM_MAIL_MESSAGE, { id: messageId, now: claimedAt }))[0]);
  if (!claimed) return { status: "SKIPPED" };
  const attempts = Number(claimed.attempts ?? 0) + 1;
  try {
    const delivery = await mail.transport.send(Buffer.from(String(claimed.raw), "utf8"), {
      from: /<([^>]+)>/.exec(mail.from)?.[1] ?? mail.from,
      to: String(claimed.to),
    });
    const status = mail.transport.kind === "smtp" ? MailStatus.SENT : MailStatus.OUTBOX;
    const sentAt = mail.clock.now().toISOString();
    await db.writeTx(async (tx) => {
      await tx.run(MARK_MAIL_SENT, { id: messageId, status, now: sentAt, response: delivery.response.slice(0, 500) });
      await hooks.onSent?.(tx, messageId, sentAt);
    });
    return { status, attempts };
  } catch (error) {
    // The server's words only (no stack): they say why, and hold no personal data of ours beyond the address.
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const gaveUp = attempts >= mail.maxAttempts;
    const now = mail.clock.now();
    const next = gaveUp ? null : new Date(now.getTime() + retryDelayMs(attempts, mail.retryMs)).toISOString();
    await db.writeTx(async (tx) => {
      await tx.run(MARK_MAIL_FAILED, { id: messageId, error: message, gaveUp, now: now.toISOString(), next });
      await hooks.onFailed?.(tx, messageId, message, gaveUp);
    });
    log.warn(gaveUp ? "Message given up" : "Message not sent; retrying later", { messageId, attempts, kind: claimed.kind });
    return gaveUp
      ? { status: MailStatus.GAVE_UP, attempts, error: message, nextAttemptAt: null }
      : { status: MailStatus.FAILED, attempts, error: message, nextAttemptAt: next };
  }
}

/** The messages whose next attempt is due now, oldest first. */
export async function readMessagesToRetry(db: Database, now: string, limit = 100): Promise<string[]> {
  const rows = await db.read(READ_MAIL_TO_RETRY, { now, limit });
  return rows.map((r) => String(r.id));
}
