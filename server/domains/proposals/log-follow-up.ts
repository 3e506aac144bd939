import { randomUUID } from "node:crypto";
import { lockNode } from "../../platform/neo4j/lock-node.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import type { Database } from "../../platform/neo4j/database.js";
import type { InteractionChannel } from "../../platform/model/graph-enums.js";
import { checkSentAt } from "./propose-case.js";
import type { ProposalRecord } from "./proposal-types.js";
import { readProposals } from "./read-proposals.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { CREATE_PROPOSAL_FOLLOW_UP, READ_PROPOSAL_TO_ANSWER } from "./statements.js";

export interface ProposalFollowUpInput {
  proposalId: string;
  channel: InteractionChannel;
  note: string | null;
  /** When it happened, for a follow-up logged afterwards; default now. */
  at: string | null;
}

/** A note longer than this is not a follow-up but a document. */
export const MAX_FOLLOW_UP_NOTE = 2000;

/**
 * Logs a reminder or call on a proposal still waiting for an answer. It is a node of its own, so it
 * neither counts as a new proposal (figures, digests) nor moves the cooldown, which reads sentAt.
 * Refused on an answered or withdrawn proposal (nothing to chase), and before the proposal was sent.
 */
export async function logProposalFollowUp(
  db: Database,
  input: ProposalFollowUpInput,
  actor: Actor,
  now: string,
): Promise<ProposalRecord> {
  const at = checkSentAt(input.at, now, "at");
  const note = input.note?.trim() || null;
  if (note !== null && note.length > MAX_FOLLOW_UP_NOTE) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `A follow-up note has at most ${MAX_FOLLOW_UP_NOTE} characters.`, "note");
  }
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    if (!(await lockNode(tx, "Proposal", input.proposalId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `No proposal with id ${input.proposalId}.`, "proposal");
    const rows = await tx.run(READ_PROPOSAL_TO_ANSWER, { id: input.proposalId, answeredAt: at });
    const p = rows[0] ?? {};
    if (p.answer != null) {
      throw new DomainError(
        ErrorCode.ILLEGAL_TRANSITION,
        `This proposal was already answered (${String(p.answer)}).`,
        "proposal",
      );
    }
    if (p.withdrawnReason != null) {
      throw new DomainError(
        ErrorCode.ILLEGAL_TRANSITION,
        `This proposal was withdrawn (${String(p.withdrawnReason)}); there is nothing to follow up.`,
        "proposal",
      );
    }
    if (p.early === true) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `at is before the proposal was sent (${String(p.sentAt)}).`, "at");
    }
    await tx.run(CREATE_PROPOSAL_FOLLOW_UP, {
      proposalId: input.proposalId,
      id: randomUUID(),
      channel: input.channel,
      note,
      at,
      by: actor.id,
    });
    const [view] = await readProposals(tx, { proposalIds: [input.proposalId] }, now);
    if (!view) throw new Error(`Proposal ${input.proposalId} vanished.`);
    return view;
  });
}
