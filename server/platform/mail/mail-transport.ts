import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

/**
 * How messages leave the API (docs/mail.md). With SMTP_URL a nodemailer SMTP transport sends them;
 * without it nothing leaves the machine and every message stays in the outbox in the graph (the mail
 * domain keeps each message there in either case). Composing is always nodemailer's, so the outbox's
 * .eml is byte for byte what an SMTP server would have received.
 */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A Message-ID we choose, so the stored message and the sent one are the same. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface MailDelivery {
  /** What the server said ("250 OK …"), or for the outbox that it stays there. */
  response: string;
}

export interface MailTransport {
  /** "smtp": sent to SMTP_URL; "outbox": kept in the graph only. */
  readonly kind: "smtp" | "outbox";
  /** The whole message as RFC 5322 text (.eml). */
  compose(mail: OutgoingMail): Promise<Buffer>;
  /** Sends a composed message; throws when the server refuses it or cannot be reached. */
  send(raw: Buffer, envelope: { from: string; to: string }): Promise<MailDelivery>;
  close(): void;
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" });

async function compose(mail: OutgoingMail): Promise<Buffer> {
  const info = await composer.sendMail({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    ...(mail.headers ? { headers: mail.headers } : {}),
  });
  return info.message as Buffer;
}

/** The transport SMTP_URL names (nodemailer: smtp://user:pass@host:587, smtps://…:465), or the outbox. */
export function createMailTransport(options: { smtpUrl?: string | undefined; timeoutMs?: number }): MailTransport {
  if (!options.smtpUrl) {
    return {
      kind: "outbox",
      compose,
      send: () => Promise.resolve({ response: "kept in the outbox (no SMTP_URL)" }),
      close: () => {},
    };
  }
  const timeout = options.timeoutMs ?? 30_000;
  const smtpOptions: SMTPTransport.Options & { url: string } = {
    url: options.smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  };
  const smtp = nodemailer.createTransport(smtpOptions);
  return {
    kind: "smtp",
    compose,
    async send(raw, envelope) {
      const info = await smtp.sendMail({ envelope, raw });
      if (info.rejected.length > 0) throw new Error(`The mail server refused ${info.rejected.length} recipient(s).`);
      return { response: String(info.response ?? "sent") };
    },
    close: () => smtp.close(),
  };
}
