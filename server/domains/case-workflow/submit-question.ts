import type { Database } from "../../platform/neo4j/database.js";
import type { MailServices } from "../../platform/mail/mail-services.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { PublicFormGuard } from "../../platform/limits/limit-submissions.js";
import { deliverMessage, MailKind, queueMessage } from "../mail/index.js";
import { retryOnConstraint, writeIntake } from "./intake-case.js";
import type { QuestionReceipt, QuestionSubmissionInput } from "./public-question-types.js";
import { renderConfirmation } from "./render-confirmation.js";
import { signStatusLink, verifyFormToken } from "./status-links.js";
import { validateSubmission } from "./validate-submission.js";

/** Nobody is signed in at the public door: the actor is nobody (the timeline names the SME's contact instead). */
const NOBODY = { id: null, personId: null, needsCheck: false } as const;

/**
 * The public question form's door (issue #18 part 1; docs/case-workflow.md "Self-submitted cases"). In order:
 * 1. the attempt is counted against the caller's address (every attempt, also a refused one) — RATE_LIMITED;
 * 2. the honeypot must be empty and the form token genuine and at least minFillSeconds old — SUBMISSION_REFUSED;
 * 3. every field checked (sizes, plain text only) — BAD_USER_INPUT with its field;
 * 4. one transaction: the coordinators' intake rules (writeIntake: the SME by KvK number, the contact, the referral,
 *    the case in INTAKE with its topics linked) plus the self-submission's consent, and the confirmation queued;
 * 5. one attempt to send the confirmation (kept in the outbox without SMTP_URL; a failure is retried by the schedule).
 */
export async function submitQuestion(
  db: Database,
  mail: MailServices,
  guard: PublicFormGuard,
  input: { submission: QuestionSubmissionInput; address: string },
): Promise<QuestionReceipt> {
  const verdict = guard.limiter.attemptFrom(input.address);
  if (!verdict.allowed) {
    throw new DomainError(
      ErrorCode.RATE_LIMITED,
      `Too many questions from this address (at most ${verdict.limit} in ${verdict.windowMs / 60_000} minutes). Try again in ${verdict.retryAfterSeconds} seconds.`,
      undefined,
      { retryAfterSeconds: verdict.retryAfterSeconds },
    );
  }
  const submission = input.submission;
  if (typeof submission.website === "string" && submission.website.trim() !== "") {
    throw new DomainError(ErrorCode.SUBMISSION_REFUSED, "This field must stay empty.", "website");
  }
  const now = mail.clock.now();
  const form = await verifyFormToken(mail.linkKey, submission.formToken, now);
  if (!form.ok) {
    throw new DomainError(
      ErrorCode.SUBMISSION_REFUSED,
      form.reason === "EXPIRED" ? "The form has expired; reload the page." : "The form is not one of ours; reload the page.",
      "formToken",
    );
  }
  if (form.ageSeconds < guard.minFillSeconds) {
    const wait = guard.minFillSeconds - form.ageSeconds;
    throw new DomainError(
      ErrorCode.SUBMISSION_REFUSED,
      "That was too fast for a person; wait a moment and send it again.",
      "formToken",
      {
        retryAfterSeconds: wait,
      },
    );
  }
  const checked = validateSubmission(submission);

  const nowIso = now.toISOString();
  const queued = await retryOnConstraint(db, async (tx) => {
    const result = await writeIntake(tx, checked.intake, NOBODY, nowIso, checked.self);
    if (result.contactId === null) throw new Error("A self-submission always has a contact person.");
    const reference = result.caseId.slice(0, 8).toUpperCase();
    const token = await signStatusLink(mail.linkKey, result.caseId, checked.self.language, now);
    const message = renderConfirmation({
      contactName: checked.contactName,
      language: checked.self.language,
      title: checked.intake.title,
      reference,
      statusUrl: `${mail.publicUrl}status/${token}`,
    });
    const messageId = await queueMessage(
      tx,
      mail,
      {
        kind: MailKind.QUESTION_RECEIVED,
        personId: result.contactId,
        to: checked.email,
        toName: checked.contactName,
        subject: message.subject,
        text: message.text,
        html: message.html,
        language: checked.self.language,
      },
      nowIso,
    );
    return { reference, messageId, statusPath: `/status/${token}` };
  });
  const outcome = await deliverMessage(db, mail, queued.messageId);
  return {
    received: true,
    reference: queued.reference,
    statusPath: queued.statusPath,
    confirmationSent: outcome.status === "SENT" || outcome.status === "OUTBOX",
  };
}
