import type { Database } from "../../platform/neo4j/database.js";
import type { MailServices } from "../../platform/mail/mail-services.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { CaseStatus } from "../../platform/model/graph-enums.js";
import type { PublicCaseStatus, PublicPartner, QuestionForm } from "./public-question-types.js";
import type { PartnerKind } from "../../platform/model/graph-enums.js";
import { CURRENT_CONSENT } from "./consent-texts.js";
import { signFormToken, verifyStatusLink } from "./status-links.js";
import { READ_PUBLIC_CASE_STATUS, READ_PUBLIC_PARTNERS } from "./statements.js";

/** What the public form needs when it opens: a fresh form token, the consent wording and the partners' names. */
export async function readQuestionForm(db: Database, mail: MailServices, minFillSeconds: number): Promise<QuestionForm> {
  const rows = await db.read(READ_PUBLIC_PARTNERS, {});
  const partners: PublicPartner[] = rows.map((r) => ({ id: String(r.id), name: String(r.name), kind: r.kind as PartnerKind }));
  return {
    formToken: await signFormToken(mail.linkKey, mail.clock.now()),
    minFillSeconds,
    consent: { ...CURRENT_CONSENT },
    partners,
  };
}

/**
 * What a status link shows (`/status/<token>`): the case's title, state and dates — nothing about matching,
 * teachers, the coordinator or other cases. A link that fails its check (signature, audience, expiry) is refused
 * with BAD_USER_INPUT on `token`; an answer link or a sign-in token is never a status link (their audiences differ).
 */
export async function readPublicStatus(db: Database, mail: MailServices, token: string): Promise<PublicCaseStatus> {
  const check = await verifyStatusLink(mail.linkKey, token, mail.clock.now());
  if (!check.ok) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      check.reason === "EXPIRED" ? "This status link has expired." : "This is not a valid status link.",
      "token",
      { reason: check.reason },
    );
  }
  const row = (await db.read(READ_PUBLIC_CASE_STATUS, { id: check.caseId }))[0];
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, "This question is no longer on record.", "token");
  return {
    title: String(row.title),
    status: row.status as CaseStatus,
    // The calendar dates in Amsterdam, as everywhere else (todayIso): Cypher's date() of a UTC instant gave the UTC
    // date, so a question sent after 23:00 in winter read as received the day before.
    since: todayIso(new Date(String(row.sinceAt))),
    received: todayIso(new Date(String(row.receivedAt))),
    language: check.language,
  };
}
