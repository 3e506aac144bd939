import type { Tx } from "../../platform/neo4j/database.js";
import type { MailMessageRecord, MailStatus, OutboxCount } from "./mail-types.js";
import { COUNT_OUTBOX, READ_MAIL_MESSAGE, READ_OUTBOX } from "./statements.js";

function toRecord(row: Record<string, unknown>): MailMessageRecord {
  return {
    ...(row as unknown as MailMessageRecord),
    attempts: Number(row.attempts ?? 0),
    proposals: Number(row.proposals ?? 0),
    transport: String(row.transport ?? "outbox"),
    language: String(row.language ?? "NL"),
  };
}

/** The outbox, newest first: every message sent or kept, with its attempts. */
export async function readOutbox(
  tx: Tx,
  input: { status: MailStatus | null; first: number; offset: number },
): Promise<MailMessageRecord[]> {
  return (await tx.run(READ_OUTBOX, input)).map(toRecord);
}

export async function readMailMessage(tx: Tx, id: string): Promise<MailMessageRecord | null> {
  const row = (await tx.run(READ_MAIL_MESSAGE, { id }))[0];
  return row ? toRecord(row) : null;
}

export async function countOutbox(tx: Tx): Promise<OutboxCount[]> {
  return (await tx.run(COUNT_OUTBOX)).map((r) => ({ status: r.status as MailStatus, count: Number(r.n) }));
}
