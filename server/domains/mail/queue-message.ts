import { randomUUID } from "node:crypto";
import type { Tx } from "../../platform/neo4j/database.js";
import type { MailServices } from "../../platform/mail/mail-services.js";
import type { MailKind } from "./mail-types.js";
import { CREATE_MAIL_MESSAGE } from "./statements.js";

export interface NewMessage {
  kind: MailKind;
  personId: string;
  to: string;
  toName: string;
  subject: string;
  text: string;
  html: string;
  language: string;
}

/**
 * Composes a message and keeps it in the outbox as QUEUED, in the caller's transaction: what goes out
 * is stored before any attempt, so a failed or repeated attempt sends the very same bytes.
 */
export async function queueMessage(tx: Tx, mail: MailServices, message: NewMessage, now: string): Promise<string> {
  const id = randomUUID();
  const domain = /@([^>\s]+)>?\s*$/.exec(mail.from)?.[1] ?? "werkplaats.localhost";
  const messageId = `<${id}@${domain}>`;
  const raw = await mail.transport.compose({
    from: mail.from,
    to: message.toName ? `"${message.toName.replace(/["\\]/g, "")}" <${message.to}>` : message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId,
    headers: { "Auto-Submitted": "auto-generated", "X-Werkplaats-Kind": message.kind },
  });
  await tx.run(CREATE_MAIL_MESSAGE, {
    ...message,
    id,
    raw: raw.toString("utf8"),
    messageId,
    now,
    transport: mail.transport.kind,
  });
  return id;
}
