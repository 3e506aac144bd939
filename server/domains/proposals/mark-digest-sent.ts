import { todayIso } from "../../platform/clock/read-clock.js";
import { CaseStatus, InteractionChannel } from "../../platform/model/graph-enums.js";
import { isIsoDate } from "../../platform/clock/check-iso-date.js";
import { CaseAction, checkTransition, lockCase, recordStatusChange } from "../case-workflow/index.js";
import { refreshSuggestionCount, type MatchingSettings } from "../suggestions/index.js";
import { lockNode } from "../../platform/neo4j/lock-node.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import type { Database } from "../../platform/neo4j/database.js";
import { buildDigest } from "./build-digest.js";
import { createProposal } from "./create-proposal.js";
import type { DigestEntry, DigestSent } from "./proposal-types.js";
import { readProposals } from "./read-proposals.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { MARK_DIGEST_SENT } from "./statements.js";

/**
 * Records a digest as sent, in one transaction: the digest is built again inside it (so it is what
 * the graph says now), one EMAIL proposal per listed case for its best course, QUALIFIED cases move
 * to PROPOSED, and the teacher's lastDigestSentOn becomes `date`. With `caseIds`, only those are
 * recorded, and each must still be in the digest (CONFLICT otherwise: someone changed it meanwhile).
 */
export async function markDigestSent(
  db: Database,
  input: { teacherId: string; date: string | null; caseIds: string[] | null },
  actor: Actor,
  now: string,
  settings: MatchingSettings,
): Promise<DigestSent> {
  const today = todayIso(new Date(now));
  const date = input.date?.trim() || today;
  if (!isIsoDate(date)) throw new DomainError(ErrorCode.BAD_USER_INPUT, "date must be written YYYY-MM-DD.", "date");
  if (date > today)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `A digest cannot be sent on ${date}, a day still to come.`, "date");
  // Sent today: now. Logged for an earlier day: the start of that day.
  const sentAt = date === today ? now : `${date}T00:00:00.000Z`;

  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    // One digest per teacher at a time: two coordinators marking it sent would otherwise double the proposals.
    if (!(await lockNode(tx, "Person", input.teacherId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.teacherId} (the teacher).`, "teacher");
    const digest = await buildDigest(tx, { teacherId: input.teacherId, date, language: null, now, settings });
    let items: DigestEntry[] = digest.items;
    if (input.caseIds !== null) {
      const listed = new Set(items.map((i) => i.caseId));
      const missing = input.caseIds.find((id) => !listed.has(id));
      if (missing !== undefined) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `Case ${missing} is not (or no longer) in this teacher's digest; fetch the digest again.`,
          "cases",
        );
      }
      const wanted = new Set(input.caseIds);
      items = items.filter((i) => wanted.has(i.caseId));
    }
    if (items.length === 0)
      throw new DomainError(
        ErrorCode.CONFLICT,
        `The digest for ${digest.teacherName} lists no cases; there is nothing to send.`,
        "teacher",
      );

    const proposalIds: string[] = [];
    for (const item of items) {
      const lockedCase = await lockCase(tx, item.caseId, "cases");
      const to = checkTransition(CaseAction.PROPOSE, lockedCase.status);
      proposalIds.push(
        await createProposal(tx, {
          caseId: item.caseId,
          teacherId: input.teacherId,
          courseId: item.courseId,
          channel: InteractionChannel.EMAIL,
          sentAt,
          expiryDays: settings.proposalExpiryDays,
          by: actor.id,
        }),
      );
      if (to !== null) {
        await recordStatusChange(tx, {
          caseId: item.caseId,
          from: lockedCase.status,
          to: CaseStatus.PROPOSED,
          at: now,
          by: actor.id,
          note: `digest to ${digest.teacherName}`,
        });
      }
      await refreshSuggestionCount(tx, item.caseId, now);
    }
    // A digest logged for an earlier day does not move the rhythm back.
    await tx.run(MARK_DIGEST_SENT, { id: input.teacherId, date });
    return { teacherId: input.teacherId, date, proposals: await readProposals(tx, { proposalIds }, now) };
  });
}
