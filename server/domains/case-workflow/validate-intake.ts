import { type EducationLevel, type Effort, PartnerKind, type SmeSize } from "../../platform/model/graph-enums.js";
import type { CaseIntakeInput } from "./case-types.js";
import { isIsoDate } from "../../platform/clock/check-iso-date.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

/** A CaseIntakeInput checked and normalised: trimmed, empty strings gone, topics de-duplicated. */
export interface Intake {
  sme: { name: string; kvkNumber: string | null; city: string | null; sector: string | null; size: SmeSize | null };
  contact: { name: string; email: string | null; phone: string | null; jobTitle: string | null } | null;
  partner: ({ id: string } | { name: string; kind: PartnerKind }) | null;
  /** The referring person at the partner (a person id), only with a partner. */
  referrer: string | null;
  referredOn: string | null;
  title: string;
  question: string | null;
  topics: string[];
  wantedLevels: EducationLevel[];
  effort: Effort | null;
  earliestStart: string | null;
  deadline: string | null;
  coordinator: string | null;
}

// Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is the mail server's job.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function refuse(field: string, message: string): never {
  throw new DomainError(ErrorCode.BAD_USER_INPUT, message, field);
}

function date(value: string | null | undefined, field: string): string | null {
  const v = text(value);
  if (v !== null && !isIsoDate(v)) refuse(field, `${field} must be a date written YYYY-MM-DD, got "${v}".`);
  return v;
}

/** Checks an intake before anything is written; the first problem is refused with its field. */
export function validateIntake(request: CaseIntakeInput): Intake {
  const title = text(request.title);
  if (!title) refuse("title", "A case needs a title.");

  const smeName = text(request.sme.name);
  if (!smeName) refuse("sme.name", "The SME needs a name.");
  const kvkRaw = text(request.sme.kvkNumber);
  // People type KvK numbers with spaces or dots ("1234 5678"); the number itself is 8 digits.
  const kvkNumber = kvkRaw === null ? null : kvkRaw.replace(/[\s.]/g, "");
  if (kvkNumber !== null && !/^\d{8}$/.test(kvkNumber)) {
    refuse("sme.kvkNumber", `A KvK number has exactly 8 digits, got "${kvkRaw}".`);
  }

  let contact: Intake["contact"] = null;
  if (request.contact) {
    const name = text(request.contact.name);
    if (!name) refuse("contact.name", "The contact person needs a name.");
    const email = text(request.contact.email)?.toLowerCase() ?? null;
    if (email !== null && !EMAIL.test(email)) refuse("contact.email", `"${email}" is not an e-mail address.`);
    contact = { name, email, phone: text(request.contact.phone), jobTitle: text(request.contact.jobTitle) };
  }

  let partner: Intake["partner"] = null;
  if (request.partner) {
    const id = text(request.partner.id);
    const name = text(request.partner.name);
    if (id && name) refuse("partner", "Name the referring partner by id or by name, not both.");
    if (id) partner = { id };
    else if (name) partner = { name, kind: request.partner.kind ?? PartnerKind.OTHER };
    else refuse("partner", "The referring partner needs an id or a name.");
  }
  const referrer = text(request.partner?.person);

  const topics: string[] = [];
  const seen = new Set<string>();
  for (const topic of request.topics ?? []) {
    const t = text(topic);
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      topics.push(t);
    }
  }

  const wantedLevels = [...new Set(request.wantedLevels ?? [])];
  if (wantedLevels.length === 0) refuse("wantedLevels", "Name at least one wanted level (WO, HBO or MBO).");

  const earliestStart = date(request.earliestStart, "earliestStart");
  const deadline = date(request.deadline, "deadline");
  // ISO dates compare correctly as strings.
  if (earliestStart && deadline && deadline < earliestStart) {
    refuse("deadline", `The deadline ${deadline} is before the earliest start ${earliestStart}.`);
  }

  return {
    sme: {
      name: smeName,
      kvkNumber,
      city: text(request.sme.city),
      sector: text(request.sme.sector),
      size: request.sme.size ?? null,
    },
    contact,
    partner,
    referrer,
    referredOn: date(request.referredOn, "referredOn"),
    title,
    question: text(request.question),
    topics,
    wantedLevels,
    effort: request.effort ?? null,
    earliestStart,
    deadline,
    coordinator: text(request.coordinator),
  };
}
