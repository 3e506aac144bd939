import { lockNode } from "../../platform/neo4j/lock-node.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { ProposalAnswer } from "../../platform/model/graph-enums.js";
import { checkSentAt } from "./propose-case.js";
import type { ProposalRecord } from "./proposal-types.js";
import { readProposals } from "./read-proposals.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { ANSWER_PROPOSAL, READ_PROPOSAL_TO_ANSWER } from "./statements.js";

export interface AnswerProposalInput {
  proposalId: string;
  answer: ProposalAnswer;
  reason: string | null;
  /** When the teacher answered, for an answer logged afterwards; default now. */
  answeredAt: string | null;
}

/**
 * Records the teacher's answer. A proposal is answered once; after its expiry it can no longer be
 * answered (propose the case again — with force within the cooldown). DECLINED needs a reason;
 * the reason is kept (as declineReason) only for DECLINED.
 */
export async function answerProposal(
  db: Database,
  input: AnswerProposalInput,
  actor: Actor,
  now: string,
  /** More to record in the same transaction (an answer link records which link it was). */
  alsoRecord?: (tx: Tx) => Promise<void>,
): Promise<ProposalRecord> {
  const answeredAt = checkSentAt(input.answeredAt, now, "answeredAt");
  const reason = input.reason?.trim() || null;
  if (input.answer === ProposalAnswer.DECLINED && reason === null) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "A declined proposal needs the teacher's reason.", "reason");
  }
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    // Lock first, then read: two answers to one proposal cannot both pass the "not yet answered" check.
    if (!(await lockNode(tx, "Proposal", input.proposalId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `No proposal with id ${input.proposalId}.`, "proposal");
    const rows = await tx.run(READ_PROPOSAL_TO_ANSWER, { id: input.proposalId, answeredAt });
    const p = rows[0] ?? {};
    if (p.answer != null) {
      throw new DomainError(ErrorCode.CONFLICT, `This proposal was already answered (${String(p.answer)}).`, "proposal");
    }
    if (p.withdrawnReason != null) {
      throw new DomainError(
        ErrorCode.ILLEGAL_TRANSITION,
        `This proposal was withdrawn (${String(p.withdrawnReason)}): its case was matched or closed before the answer.`,
        "proposal",
      );
    }
    if (p.early === true) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `answeredAt is before the proposal was sent (${String(p.sentAt)}).`,
        "answeredAt",
      );
    }
    if (p.expired === true) {
      throw new DomainError(
        ErrorCode.ILLEGAL_TRANSITION,
        `This proposal expired on ${String(p.expiresAt).slice(0, 10)} without an answer; propose the case again (with force: true within the cooldown).`,
        "proposal",
      );
    }
    await tx.run(ANSWER_PROPOSAL, {
      id: input.proposalId,
      answer: input.answer,
      answeredAt,
      declineReason: input.answer === ProposalAnswer.DECLINED ? reason : null,
      by: actor.id,
    });
    await alsoRecord?.(tx);
    const [view] = await readProposals(tx, { proposalIds: [input.proposalId] }, now);
    if (!view) throw new Error(`Proposal ${input.proposalId} vanished.`);
    return view;
  });
}
