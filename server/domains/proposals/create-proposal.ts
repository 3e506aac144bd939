import { randomUUID } from "node:crypto";
import type { Tx } from "../../platform/neo4j/database.js";
import type { InteractionChannel } from "../../platform/model/graph-enums.js";
import { CREATE_PROPOSAL } from "./statements.js";

export interface NewProposal {
  caseId: string;
  teacherId: string;
  courseId: string;
  channel: InteractionChannel;
  /** ISO instant. */
  sentAt: string;
  expiryDays: number;
  by: string | null;
  /** Chosen beforehand when a message links to it before it is written; default a new one. */
  id?: string;
  /** For a proposal sent by the API's own mail: QUEUED until the message goes out (docs/mail.md). */
  delivery?: string | null;
}

/** Writes one Proposal with its expiry (sentAt + expiryDays) in the caller's transaction. */
export async function createProposal(tx: Tx, proposal: NewProposal): Promise<string> {
  const id = proposal.id ?? randomUUID();
  await tx.run(CREATE_PROPOSAL, { ...proposal, id, delivery: proposal.delivery ?? null });
  return id;
}
