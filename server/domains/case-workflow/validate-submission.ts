import { isIsoDate } from "../../platform/clock/check-iso-date.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { Language } from "../../platform/model/graph-enums.js";
import { consentText, consentWording, CURRENT_CONSENT } from "./consent-texts.js";
import type { QuestionSubmissionInput } from "./public-question-types.js";
import type { Intake } from "./validate-intake.js";

/** The most each field of the public form may hold (docs/security.md "The public question form"). */
export const SUBMISSION_LIMITS = {
  smeName: 120,
  city: 80,
  contactName: 120,
  email: 254,
  phone: 30,
  questionMin: 20,
  question: 4_000,
  topics: 10,
  topicWord: 60,
  heardOf: 300,
  title: 80,
} as const;

/** What a self-submission adds to an intake: it came through the public form, with consent and how they heard of us. */
export interface SelfSubmission {
  heardOf: string | null;
  language: Language;
  consent: { version: string; text: string };
}

export interface Submission {
  intake: Intake;
  self: SelfSubmission;
  email: string;
  contactName: string;
}

// Loose on purpose, as at intake: one @, no spaces, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ()\-.]{6,30}$/;
/** Markup: a tag (`<b>`, `</p>`, `<!--`, `<?xml`, `<img …>`) or an HTML character reference. A lone "<" as in "< 10" is text. */
const MARKUP = /<\s*[/!?]?\s*[a-zA-Z][^>]*>|<!--|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});/;
// Control characters other than tab and newline: never meant, sometimes used to hide things in text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

function refuse(field: string, message: string): never {
  throw new DomainError(ErrorCode.BAD_USER_INPUT, message, field);
}

/** Trimmed plain text, control characters removed; markup is refused (the text is shown as text everywhere). */
function plain(value: string | null | undefined, field: string, max: number, multiline = false): string | null {
  if (value === null || value === undefined) return null;
  let v = value.replace(CONTROL, "").replace(/\r\n?/g, "\n");
  if (!multiline) v = v.replace(/\s+/g, " ");
  v = v.trim();
  if (v === "") return null;
  if (v.length > max) refuse(field, `At most ${max} characters, got ${v.length}.`);
  if (MARKUP.test(v)) refuse(field, "Plain text only: no HTML or markup.");
  return v;
}

function required(value: string | null, field: string, what: string): string {
  if (value === null) refuse(field, `${what} is needed.`);
  return value;
}

function date(value: string | null | undefined, field: string): string | null {
  const v = value?.trim() || null;
  if (v !== null && !isIsoDate(v)) refuse(field, `A date written YYYY-MM-DD, got "${v.slice(0, 20)}".`);
  return v;
}

/** The case's title: the question's first sentence (or line), cut at a word to at most 80 characters. */
export function titleFromQuestion(question: string): string {
  const first = (question.split(/\n|(?<=[.?!])\s/)[0] ?? question).trim();
  if (first.length <= SUBMISSION_LIMITS.title) return first;
  const cut = first.slice(0, SUBMISSION_LIMITS.title - 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > 40 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/**
 * Checks a submission before anything is written; the first problem is refused with its field. The result is an
 * Intake for the coordinators' own intake rules (server/domains/case-workflow/intake-case.ts), with no wanted level
 * and no coordinator yet: the coordinator who qualifies the case sets them.
 */
export function validateSubmission(input: QuestionSubmissionInput): Submission {
  const L = SUBMISSION_LIMITS;
  const smeName = required(plain(input.smeName, "smeName", L.smeName), "smeName", "The company's name");
  const kvkRaw = plain(input.kvkNumber, "kvkNumber", 20) ?? "";
  const kvkNumber = kvkRaw.replace(/[\s.]/g, "");
  if (!/^\d{8}$/.test(kvkNumber)) refuse("kvkNumber", "A KvK number has exactly 8 digits.");
  const city = plain(input.city, "city", L.city);
  const contactName = required(plain(input.contactName, "contactName", L.contactName), "contactName", "A contact name");
  const email = required(plain(input.email, "email", L.email), "email", "An e-mail address").toLowerCase();
  if (!EMAIL.test(email)) refuse("email", "That is not an e-mail address.");
  const phone = plain(input.phone, "phone", L.phone);
  if (phone !== null && !PHONE.test(phone)) refuse("phone", "A phone number has digits, spaces and + - ( ) . only.");
  const question = required(plain(input.question, "question", L.question, true), "question", "The question");
  if (question.length < L.questionMin) refuse("question", `Tell us a little more: at least ${L.questionMin} characters.`);

  const words = input.topics ?? [];
  if (words.length > L.topics) refuse("topics", `At most ${L.topics} topics.`);
  const topics: string[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    const t = plain(word, "topics", L.topicWord);
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      topics.push(t);
    }
  }

  const earliestStart = date(input.earliestStart, "earliestStart");
  const deadline = date(input.deadline, "deadline");
  if (earliestStart && deadline && deadline < earliestStart) refuse("deadline", "The end is before the start.");

  const partner = input.partner?.trim() || null;
  if (partner !== null && partner.length > 100) refuse("partner", "Unknown partner.");
  const heardOf = plain(input.heardOf, "heardOf", L.heardOf);

  if (input.consent !== true) refuse("consent", "We can only take the question in with your consent to store it.");
  const wording = consentText(input.consentVersion);
  if (!wording) refuse("consentVersion", "Unknown version of the consent wording; reload the form.");
  if (wording.version !== CURRENT_CONSENT.version) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      "The consent wording has changed; reload the form and read it again.",
      "consentVersion",
    );
  }

  return {
    intake: {
      sme: { name: smeName, kvkNumber, city, sector: null, size: null },
      contact: { name: contactName, email, phone, jobTitle: null },
      partner: partner === null ? null : { id: partner },
      referrer: null,
      referredOn: null,
      title: titleFromQuestion(question),
      question,
      topics,
      wantedLevels: [],
      effort: null,
      earliestStart,
      deadline,
      coordinator: null,
    },
    self: {
      heardOf,
      language: input.language,
      consent: { version: wording.version, text: consentWording(wording, input.language) },
    },
    email,
    contactName,
  };
}
