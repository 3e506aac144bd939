import { randomUUID } from "node:crypto";
import { addDays } from "../../platform/clock/check-iso-date.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import type { Actor } from "../../platform/auth/resolve-actor.js";
import { checkActor } from "../../platform/auth/resolve-actor.js";
import type { MailServices } from "../../platform/mail/mail-services.js";
import { CaseStatus, InteractionChannel, Language } from "../../platform/model/graph-enums.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { lockNode } from "../../platform/neo4j/lock-node.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { CaseAction, checkTransition, lockCase, recordStatusChange } from "../case-workflow/index.js";
import { deliverMessage, MailKind, queueMessage, type DeliveryOutcome } from "../mail/index.js";
import { refreshSuggestionCount, type MatchingSettings } from "../suggestions/index.js";
import { buildDigest, digestItems, type BuiltDigest } from "./build-digest.js";
import { answerLinksFor } from "./answer-links.js";
import { createProposal } from "./create-proposal.js";
import { checkCooldown, checkTeacherOfCourse } from "./propose-case.js";
import { renderDigest, type AnswerLinks, type DigestItem } from "./render-digest.js";
import {
  LINK_MESSAGE_TO_PROPOSALS,
  MARK_DIGEST_DELIVERED,
  MARK_PROPOSALS_DELIVERED,
  MARK_PROPOSALS_FAILED,
  READ_DIGEST_UNDER_WAY,
} from "./statements.js";

/**
 * Sending proposals by e-mail (docs/mail.md): a digest or one proposal becomes a message in the outbox
 * with its proposals (delivery QUEUED) in one transaction, then one attempt to send it; the proposals
 * and the digest's date are recorded as sent only when the message went out (deliverProposalMessage).
 */

/** Why a digest was not sent. */
export type NotSent = "UNREACHABLE" | "UNDER_WAY" | "EMPTY";

export interface SendOutcome {
  teacherId: string;
  teacherName: string;
  messageId: string | null;
  /** The message's status after the attempt (SENT, OUTBOX, FAILED, GAVE_UP), or why none was made. */
  status: string;
  cases: number;
  error: string | null;
}

/** Links expire a day after the proposal would: answerProposal refuses an expired proposal itself. */
const LINK_GRACE_DAYS = 1;

async function linksFor(
  mail: MailServices,
  teacherId: string,
  language: Language,
  proposals: Array<{ caseId: string; proposalId: string }>,
  expiresOn: string,
): Promise<Map<string, AnswerLinks>> {
  const now = mail.clock.now();
  const links = new Map<string, AnswerLinks>();
  for (const p of proposals) {
    links.set(
      p.caseId,
      await answerLinksFor(
        { key: mail.linkKey, publicUrl: mail.publicUrl, proposalId: p.proposalId, teacherId, language, expiresAt: expiresOn },
        now,
      ),
    );
  }
  return links;
}

/** Writes one QUEUED proposal per item for its course, with ids chosen now so the message can link to them. */
async function queueProposals(
  tx: Tx,
  items: DigestItem[],
  input: { teacherId: string; now: string; settings: MatchingSettings; by: string | null },
): Promise<Array<{ caseId: string; proposalId: string }>> {
  const written: Array<{ caseId: string; proposalId: string }> = [];
  for (const item of items) {
    const locked = await lockCase(tx, item.caseId, "cases");
    checkTransition(CaseAction.PROPOSE, locked.status);
    const proposalId = await createProposal(tx, {
      id: randomUUID(),
      caseId: item.caseId,
      teacherId: input.teacherId,
      courseId: item.courseId,
      channel: InteractionChannel.EMAIL,
      sentAt: input.now,
      expiryDays: input.settings.proposalExpiryDays,
      by: input.by,
      delivery: "QUEUED",
    });
    written.push({ caseId: item.caseId, proposalId });
  }
  return written;
}

function expiryOf(now: string, settings: MatchingSettings): string {
  return `${addDays(now.slice(0, 10), settings.proposalExpiryDays + LINK_GRACE_DAYS)}T23:59:59Z`;
}

/**
 * Puts a teacher's digest in the outbox (not yet sent): nothing when the teacher cannot be reached
 * (erased, no e-mail), when a digest of theirs is still on its way, or when it lists no case.
 */
export async function queueDigest(
  db: Database,
  mail: MailServices,
  input: { teacherId: string; date: string; caseIds: string[] | null },
  actor: Actor,
  settings: MatchingSettings,
): Promise<{ digest: BuiltDigest; messageId: string | null; notSent: NotSent | null; cases: number }> {
  const now = mail.clock.now().toISOString();
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    // One digest per teacher at a time: the schedule and a coordinator never both queue one.
    if (!(await lockNode(tx, "Person", input.teacherId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.teacherId} (the teacher).`, "teacher");
    const digest = await buildDigest(tx, { teacherId: input.teacherId, date: input.date, language: null, now, settings });
    if (!digest.reachable) return { digest, messageId: null, notSent: "UNREACHABLE" as const, cases: 0 };
    if ((await tx.run(READ_DIGEST_UNDER_WAY, { teacherId: input.teacherId })).length > 0)
      return { digest, messageId: null, notSent: "UNDER_WAY" as const, cases: 0 };
    let items = digest.items;
    if (input.caseIds !== null) {
      const listed = new Set(items.map((i) => i.caseId));
      const missing = input.caseIds.find((id) => !listed.has(id));
      if (missing !== undefined)
        throw new DomainError(
          ErrorCode.CONFLICT,
          `Case ${missing} is not (or no longer) in this teacher's digest; fetch the digest again.`,
          "cases",
        );
      const wanted = new Set(input.caseIds);
      items = items.filter((i) => wanted.has(i.caseId));
    }
    if (items.length === 0) return { digest, messageId: null, notSent: "EMPTY" as const, cases: 0 };
    const proposals = await queueProposals(tx, items, { teacherId: input.teacherId, now, settings, by: actor.id });
    const links = await linksFor(mail, input.teacherId, digest.language, proposals, expiryOf(now, settings));
    const text = renderDigest({
      teacherName: digest.teacherName,
      workspaceName: digest.workspaceName,
      date: input.date,
      language: digest.language,
      items,
      links,
    });
    const messageId = await queueMessage(
      tx,
      mail,
      {
        kind: MailKind.DIGEST,
        personId: input.teacherId,
        to: digest.email ?? "",
        toName: digest.teacherName,
        subject: text.subject,
        text: text.body,
        html: text.html,
        language: digest.language,
      },
      now,
    );
    await tx.run(LINK_MESSAGE_TO_PROPOSALS, {
      messageId,
      digestDate: input.date,
      proposalIds: proposals.map((p) => p.proposalId),
    });
    return { digest, messageId, notSent: null, cases: items.length };
  });
}

/** Queues a teacher's digest and makes the first attempt to send it. */
export async function sendDigest(
  db: Database,
  mail: MailServices,
  input: { teacherId: string; date: string | null; caseIds: string[] | null },
  actor: Actor,
  settings: MatchingSettings,
): Promise<SendOutcome> {
  const date = input.date ?? todayIso(mail.clock.now());
  const queued = await queueDigest(db, mail, { ...input, date }, actor, settings);
  const base = { teacherId: input.teacherId, teacherName: queued.digest.teacherName, cases: queued.cases };
  if (!queued.messageId) return { ...base, messageId: null, status: queued.notSent ?? "EMPTY", error: null };
  const outcome = await deliverProposalMessage(db, mail, queued.messageId, settings, actor.id);
  return { ...base, messageId: queued.messageId, ...describeOutcome(outcome) };
}

export function describeOutcome(outcome: DeliveryOutcome): { status: string; error: string | null } {
  return { status: outcome.status, error: "error" in outcome ? outcome.error : null };
}

/**
 * One proposal by e-mail, chosen by a coordinator (proposeCase's rules: the teacher teaches the course,
 * the cooldown unless forced), queued and sent like a digest of one case, whatever its verdict.
 */
export async function sendProposal(
  db: Database,
  mail: MailServices,
  input: { caseId: string; teacherId: string; courseId: string; force: boolean },
  actor: Actor,
  settings: MatchingSettings,
): Promise<SendOutcome> {
  const now = mail.clock.now().toISOString();
  const date = todayIso(mail.clock.now());
  const queued = await db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    await checkTeacherOfCourse(tx, input.teacherId, input.courseId);
    if (!input.force) await checkCooldown(tx, input.caseId, input.teacherId, now, settings.proposalCooldownDays);
    const digest = await buildDigest(tx, { teacherId: input.teacherId, date, language: null, now, settings });
    if (!digest.reachable) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `${digest.teacherName} cannot be reached by e-mail (no address, or erased); propose the case through another channel.`,
        "teacher",
      );
    }
    const language = digest.language;
    const items = await digestItems(
      tx,
      { teacherId: input.teacherId, date, now, settings, cases: { caseIds: [input.caseId] }, minVerdict: false },
      [input.courseId],
      language,
    );
    if (items.length === 0) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        "This course shares no topic with the case (or is part of no institution): there is nothing to say why it fits.",
        "course",
      );
    }
    const proposals = await queueProposals(tx, items, { teacherId: input.teacherId, now, settings, by: actor.id });
    const links = await linksFor(mail, input.teacherId, language, proposals, expiryOf(now, settings));
    const text = renderDigest({
      teacherName: digest.teacherName,
      workspaceName: digest.workspaceName,
      date,
      language,
      items,
      links,
    });
    const messageId = await queueMessage(
      tx,
      mail,
      {
        kind: MailKind.PROPOSAL,
        personId: input.teacherId,
        to: digest.email ?? "",
        toName: digest.teacherName,
        subject: text.subject,
        text: text.body,
        html: text.html,
        language,
      },
      now,
    );
    await tx.run(LINK_MESSAGE_TO_PROPOSALS, { messageId, digestDate: null, proposalIds: proposals.map((p) => p.proposalId) });
    return { messageId, teacherName: digest.teacherName };
  });
  const outcome = await deliverProposalMessage(db, mail, queued.messageId, settings, actor.id);
  return {
    teacherId: input.teacherId,
    teacherName: queued.teacherName,
    messageId: queued.messageId,
    cases: 1,
    ...describeOutcome(outcome),
  };
}

/**
 * One attempt to send a message that carries proposals. Sent: the proposals count from now (sentAt,
 * expiry), QUALIFIED cases move to PROPOSED, a digest's date becomes the teacher's lastDigestSentOn —
 * all in the transaction that records the message as sent. Failed: the error on each proposal, and the
 * digest stays unsent (the rhythm does not move); after the last attempt the proposals are withdrawn
 * (NOT_DELIVERED). A reminder carries no proposal of its own: nothing more to record.
 */
export async function deliverProposalMessage(
  db: Database,
  mail: MailServices,
  messageId: string,
  settings: MatchingSettings,
  by: string | null,
): Promise<DeliveryOutcome> {
  return deliverMessage(db, mail, messageId, {
    async onSent(tx, id, sentAt) {
      const status = mail.transport.kind === "smtp" ? "SENT" : "OUTBOX";
      const rows = await tx.run(MARK_PROPOSALS_DELIVERED, {
        messageId: id,
        status,
        sentAt,
        expiryDays: settings.proposalExpiryDays,
      });
      let digest = false;
      for (const row of rows) {
        digest ||= row.digest === true;
        const caseId = String(row.caseId);
        const locked = await lockCase(tx, caseId, "cases");
        // A case matched or closed meanwhile withdrew the proposal already (matchCase, closeCase): it stays as it is.
        if (locked.status === CaseStatus.QUALIFIED) {
          await recordStatusChange(tx, {
            caseId,
            from: locked.status,
            to: CaseStatus.PROPOSED,
            at: sentAt,
            by,
            note: digest ? "digest sent by e-mail" : "proposal sent by e-mail",
          });
        }
        await refreshSuggestionCount(tx, caseId, sentAt);
      }
      if (digest) await tx.run(MARK_DIGEST_DELIVERED, { messageId: id });
    },
    async onFailed(tx, id, error, gaveUp) {
      await tx.run(MARK_PROPOSALS_FAILED, { messageId: id, error, gaveUp, now: mail.clock.now().toISOString() });
    },
  });
}
