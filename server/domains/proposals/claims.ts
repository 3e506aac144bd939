import { randomUUID } from "node:crypto";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { lockNode } from "../../platform/neo4j/lock-node.js";
import { CaseAction, checkTransition, lockCase, recordStatusChange } from "../case-workflow/index.js";
import type { ProposalRecord } from "./proposal-types.js";
import { readProposals } from "./read-proposals.js";
import { CREATE_CLAIM, CREATE_FORWARD, DECIDE_CLAIM, READ_CLAIM_TO_DECIDE, READ_LIVE_CLAIM } from "./statements.js";

/** Notes of claims and forwards, and the reasons of declined claims: at most this many characters. */
export const MAX_CLAIM_TEXT = 2000;

function checkText(value: string | null | undefined, field: string): string | null {
  const text = value?.trim() || null;
  if (text !== null && text.length > MAX_CLAIM_TEXT)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} has at most ${MAX_CLAIM_TEXT} characters.`, field);
  return text;
}

/**
 * A claim (issue #18): the person of the institution portal says "this one is for us" for a course. Written in the
 * caller's transaction, after the caller has locked the case and checked that the case and the course are in the
 * person's scope (server/domains/portal). A second live (pending or confirmed) claim of the case for the course is
 * refused (CONFLICT, field courseId). The case's status is left alone: the coordinator's confirmation moves it.
 */
export async function writeClaim(
  tx: Tx,
  input: { caseId: string; courseId: string; personId: string; note: string | null; now: string; expiryDays: number },
): Promise<ProposalRecord> {
  const note = checkText(input.note, "note");
  const live = await tx.run(READ_LIVE_CLAIM, { caseId: input.caseId, courseId: input.courseId });
  if (live[0])
    throw new DomainError(
      ErrorCode.CONFLICT,
      `This case is claimed for this course already (${String(live[0].claimState)}).`,
      "courseId",
    );
  const id = randomUUID();
  await tx.run(CREATE_CLAIM, { ...input, note, id });
  const [view] = await readProposals(tx, { proposalIds: [id] }, input.now);
  if (!view) throw new Error(`Claim ${id} was not written.`);
  return view;
}

/**
 * A forward (issue #18): a case passed on to a colleague, as an open proposal to them sent by the forwarder, in the
 * caller's transaction (the portal checks the scope and records the introduction beside it).
 */
export async function writeForward(
  tx: Tx,
  input: {
    caseId: string;
    colleagueId: string;
    forwarderId: string;
    courseId: string | null;
    note: string | null;
    now: string;
    expiryDays: number;
  },
): Promise<ProposalRecord> {
  const note = checkText(input.note, "note");
  const id = randomUUID();
  await tx.run(CREATE_FORWARD, { ...input, note, id });
  const [view] = await readProposals(tx, { proposalIds: [id] }, input.now);
  if (!view) throw new Error(`Forward ${id} was not written.`);
  return view;
}

/**
 * A coordinator confirms or declines a pending claim, in one transaction. Confirming moves a QUALIFIED case to
 * PROPOSED (as a first proposal does); the claim stays an INTERESTED answer, so the case is then matched as usual.
 * Declining needs a reason (BAD_USER_INPUT, field reason) and takes the claim off the coordinators' to-do list.
 * Refused: no such proposal (NOT_FOUND, proposalId), a proposal that is not a claim (BAD_USER_INPUT, proposalId),
 * a claim decided already (CONFLICT, proposalId).
 */
export async function decideClaim(
  db: Database,
  input: { proposalId: string; confirm: boolean; reason: string | null },
  actor: Actor,
  now: string,
): Promise<ProposalRecord> {
  const reason = checkText(input.reason, "reason");
  if (!input.confirm && reason === null)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "Declining a claim needs a reason for the claimer.", "reason");
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    const found = await tx.run(READ_CLAIM_TO_DECIDE, { id: input.proposalId });
    const caseId = found[0]?.caseId;
    if (typeof caseId !== "string")
      throw new DomainError(ErrorCode.NOT_FOUND, `No proposal with id ${input.proposalId}.`, "proposalId");
    // The case first, then the proposal: the order proposeCase and matchCase lock in.
    const locked = await lockCase(tx, caseId, "proposalId");
    await lockNode(tx, "Proposal", input.proposalId);
    const claim = (await tx.run(READ_CLAIM_TO_DECIDE, { id: input.proposalId }))[0] ?? {};
    if (claim.origin !== "CLAIM") throw new DomainError(ErrorCode.BAD_USER_INPUT, "This proposal is not a claim.", "proposalId");
    if (claim.claimState !== "PENDING")
      throw new DomainError(ErrorCode.CONFLICT, `This claim was decided already (${String(claim.claimState)}).`, "proposalId");
    if (input.confirm) {
      const to = checkTransition(CaseAction.PROPOSE, locked.status);
      if (to !== null)
        await recordStatusChange(tx, { caseId, from: locked.status, to: CaseStatus.PROPOSED, at: now, by: actor.id, note: null });
    }
    await tx.run(DECIDE_CLAIM, {
      id: input.proposalId,
      state: input.confirm ? "CONFIRMED" : "DECLINED",
      now,
      by: actor.id,
      reason: input.confirm ? null : reason,
    });
    const [view] = await readProposals(tx, { proposalIds: [input.proposalId] }, now);
    if (!view) throw new Error(`Claim ${input.proposalId} vanished.`);
    return view;
  });
}
