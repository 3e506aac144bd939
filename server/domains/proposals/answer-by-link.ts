import type { MailServices } from "../../platform/mail/mail-services.js";
import { Language, ProposalAnswer } from "../../platform/model/graph-enums.js";
import type { Database } from "../../platform/neo4j/database.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { answerProposal } from "./answer-proposal.js";
import { linkLanguage, verifyAnswerLink, type AnswerClaim } from "./answer-links.js";
import { escapeHtml } from "./render-digest.js";
import { READ_PROPOSAL_FOR_LINK, RECORD_ANSWER_LINK } from "./statements.js";

/**
 * The page behind an answer link (docs/mail.md, "Answer links"). Opening the link (GET) changes
 * nothing: it shows the case and one button (for "not for us" also a field for the reason), because
 * mail scanners open every link in a message before the teacher does. The button (POST) records the
 * answer through answerProposal — the coordinators' own code, with the teacher as the author. A used,
 * expired, tampered or withdrawn link shows a page that says so, and changes nothing.
 */
export type LinkPageOutcome = "ASK" | "RECORDED" | "ALREADY_ANSWERED" | "EXPIRED" | "WITHDRAWN" | "INVALID" | "NEEDS_REASON";

export interface LinkPage {
  status: number;
  outcome: LinkPageOutcome;
  html: string;
}

const TEXT = {
  NL: {
    title: "Uw antwoord",
    ask: "Wilt u dit antwoord geven op de casus",
    answers: { INTERESTED: "Interesse", NOT_NOW: "Nu niet", DECLINED: "Niet voor ons" },
    reason: "Waarom niet? (verplicht)",
    confirm: "Bevestig",
    RECORDED: "Dank u wel: uw antwoord is vastgelegd. De coördinator neemt zo nodig contact met u op.",
    ALREADY_ANSWERED: "Deze casus is al beantwoord; er is niets veranderd. Wilt u iets wijzigen? Antwoord dan op de e-mail.",
    EXPIRED: "Deze link is verlopen; er is niets veranderd. Antwoord op de e-mail als de casus u nog interesseert.",
    WITHDRAWN: "Deze casus is niet meer open (al gematcht of gesloten); er is niets veranderd.",
    INVALID: "Deze link is niet geldig (onvolledig of gewijzigd); er is niets veranderd. Gebruik de link uit de e-mail.",
    NEEDS_REASON: "Geef alstublieft kort aan waarom deze casus niet bij u past.",
  },
  EN: {
    title: "Your answer",
    ask: "Do you want to give this answer to the case",
    answers: { INTERESTED: "Interested", NOT_NOW: "Not now", DECLINED: "Not for us" },
    reason: "Why not? (required)",
    confirm: "Confirm",
    RECORDED: "Thank you: your answer has been recorded. The coordinator will contact you if needed.",
    ALREADY_ANSWERED: "This case has been answered already; nothing was changed. To change it, reply to the e-mail.",
    EXPIRED: "This link has expired; nothing was changed. Reply to the e-mail if the case still interests you.",
    WITHDRAWN: "This case is no longer open (matched or closed already); nothing was changed.",
    INVALID: "This link is not valid (incomplete or altered); nothing was changed. Use the link from the e-mail.",
    NEEDS_REASON: "Please say briefly why this case does not suit you.",
  },
} as const;

function page(language: Language, body: string): string {
  const t = TEXT[language];
  return [
    `<!doctype html><html lang="${language === Language.EN ? "en" : "nl"}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">`,
    `<title>${escapeHtml(t.title)}</title>`,
    `<style>body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.5}`,
    `textarea{width:100%;min-height:6em}button{font-size:1.1em;padding:.5em 1.2em}</style></head>`,
    `<body><h1>${escapeHtml(t.title)}</h1>${body}</body></html>`,
  ].join("");
}

function message(language: Language, outcome: Exclude<LinkPageOutcome, "ASK">, status: number): LinkPage {
  return { status, outcome, html: page(language, `<p data-outcome="${outcome}">${escapeHtml(TEXT[language][outcome])}</p>`) };
}

function form(language: Language, claim: AnswerClaim, caseTitle: string, token: string, note?: string): string {
  const t = TEXT[language];
  return [
    note ? `<p role="alert">${escapeHtml(note)}</p>` : "",
    `<p>${escapeHtml(t.ask)} <strong>${escapeHtml(caseTitle)}</strong>:</p>`,
    `<p data-outcome="ASK"><strong>${escapeHtml(t.answers[claim.answer])}</strong></p>`,
    `<form method="post" action="${escapeHtml(token)}">`,
    claim.answer === ProposalAnswer.DECLINED
      ? `<p><label>${escapeHtml(t.reason)}<br><textarea name="reason" maxlength="2000" required></textarea></label></p>`
      : "",
    `<button type="submit">${escapeHtml(t.confirm)}</button></form>`,
  ].join("");
}

/** Reads the link and the proposal; `submit` records the answer (POST), else only the page to confirm it (GET). */
export async function answerByLink(
  db: Database,
  mail: Pick<MailServices, "linkKey" | "clock">,
  input: { token: string; submit: boolean; reason: string | null },
): Promise<LinkPage> {
  const now = mail.clock.now();
  const checked = await verifyAnswerLink(mail.linkKey, input.token, now);
  if (!checked.ok) {
    const language = linkLanguage(input.token);
    return checked.reason === "EXPIRED" ? message(language, "EXPIRED", 410) : message(language, "INVALID", 400);
  }
  const { claim } = checked;
  const language = claim.language;
  const rows = await db.read(READ_PROPOSAL_FOR_LINK, { proposalId: claim.proposalId, now: now.toISOString() });
  const proposal = rows[0];
  // Bound to the proposal and its teacher: a link whose teacher is not the proposal's is not ours.
  if (!proposal || proposal.teacherId !== claim.teacherId || proposal.erased === true) return message(language, "INVALID", 400);
  if (proposal.answer != null) return message(language, "ALREADY_ANSWERED", 409);
  if (proposal.withdrawnReason != null) return message(language, "WITHDRAWN", 410);
  if (proposal.expired === true) return message(language, "EXPIRED", 410);
  const caseTitle = String(proposal.caseTitle ?? "");
  // The link's last path segment: the form posts back to the same address, relative.
  const self = input.token;
  if (!input.submit) return { status: 200, outcome: "ASK", html: page(language, form(language, claim, caseTitle, self)) };

  const reason = input.reason?.trim() || null;
  if (claim.answer === ProposalAnswer.DECLINED && reason === null) {
    return {
      status: 400,
      outcome: "NEEDS_REASON",
      html: page(language, form(language, claim, caseTitle, self, TEXT[language].NEEDS_REASON)),
    };
  }
  try {
    await answerProposal(
      db,
      { proposalId: claim.proposalId, answer: claim.answer, reason, answeredAt: null },
      // The teacher answered: they are the author in the proposal's history and the timeline.
      { id: claim.teacherId, personId: claim.teacherId, needsCheck: false },
      now.toISOString(),
      async (tx) => {
        await tx.run(RECORD_ANSWER_LINK, { proposalId: claim.proposalId, linkId: claim.linkId });
      },
    );
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === ErrorCode.CONFLICT) return message(language, "ALREADY_ANSWERED", 409);
      if (error.code === ErrorCode.ILLEGAL_TRANSITION)
        return message(language, /withdrawn/.test(error.message) ? "WITHDRAWN" : "EXPIRED", 410);
      if (error.code === ErrorCode.BAD_USER_INPUT) {
        return {
          status: 400,
          outcome: "NEEDS_REASON",
          html: page(language, form(language, claim, caseTitle, self, error.message)),
        };
      }
      if (error.code === ErrorCode.NOT_FOUND) return message(language, "INVALID", 400);
    }
    throw error;
  }
  return message(language, "RECORDED", 200);
}
