import { randomUUID } from "node:crypto";
import { todayIso } from "../../platform/clock/read-clock.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import { refreshSuggestionCount } from "../suggestions/index.js";
import { linkStaleTopics } from "../vocabulary/index.js";
import { deriveNaturalId, normaliseKey } from "./derive-natural-id.js";
import { recordStatusChange } from "./record-status-change.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import type { CaseIntakeResult } from "./case-types.js";
import type { Intake } from "./validate-intake.js";
import type { SelfSubmission } from "./validate-submission.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import {
  ADOPT_SME_BY_NAME_AND_CITY,
  CREATE_CASE,
  FIND_CONTACT_BY_EMAIL,
  FIND_CONTACT_OF_SME_BY_NAME,
  FIND_PARTNER_BY_NAME,
  FIND_SME_BY_KVK,
  FIND_SME_BY_NAME_AND_CITY,
  LINK_CONTACT_TO_SME,
  LINK_REFERRING_PARTNER,
  MARK_SELF_SUBMITTED,
  MERGE_CONTACT,
  MERGE_PARTNER,
  MERGE_SME_BY_ID,
  MERGE_SME_BY_KVK,
  READ_COORDINATOR,
  READ_PARTNER,
  READ_REFERRING_PERSON,
} from "./statements.js";

const CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";
/** The first timeline entry of a self-submitted case (its author is the SME's contact person). */
export const SELF_SUBMITTED_NOTE =
  "Zelf aangemeld via het openbare vraagformulier / self-submitted through the public question form";

/**
 * One intake, one transaction: find or create the SME (by KvK number, else by name + city), its
 * contact person and the referring partner, then create the case in INTAKE with its first event.
 * A concurrent intake of the same SME can make a MERGE lose a race on the unique constraint; the
 * whole transaction is then retried, and the retry finds the SME the other one created.
 */
export async function intakeCase(db: Database, intake: Intake, actor: Actor, now: string): Promise<CaseIntakeResult> {
  return retryOnConstraint(db, (tx) => writeIntake(tx, intake, actor, now));
}

/** Runs `work` in one write transaction, again (at most three times) when it lost a race on a unique constraint. */
export async function retryOnConstraint<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.writeTx(work);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== CONSTRAINT_FAILED || attempt >= 3) throw error;
    }
  }
}

/**
 * The intake's writes, in the caller's transaction. `self` marks the public form's door (submit-question.ts): the same
 * rules, except that nobody is signed in — the case has no coordinator until one qualifies it, the timeline names the
 * SME's contact person, and the case records the consent and how the SME heard of us.
 */
export async function writeIntake(
  tx: Tx,
  intake: Intake,
  actor: Actor,
  now: string,
  self: SelfSubmission | null = null,
): Promise<CaseIntakeResult> {
  await checkActor(tx, actor);
  const coordinatorId = self ? null : await findCoordinator(tx, intake.coordinator, actor);
  const partnerId = await findOrCreatePartner(tx, intake.partner);
  const sme = await findOrCreateSme(tx, intake.sme);
  const contactId = await findOrCreateContact(tx, sme.id, intake.contact);
  if (partnerId) await checkReferrer(tx, partnerId, intake.referrer);

  const caseId = randomUUID();
  await tx.run(CREATE_CASE, {
    smeId: sme.id,
    caseId,
    title: intake.title,
    question: intake.question,
    topics: intake.topics,
    wantedLevels: intake.wantedLevels,
    effort: intake.effort,
    earliestStart: intake.earliestStart,
    deadline: intake.deadline,
    status: CaseStatus.INTAKE,
    now,
    coordinatorId,
  });
  if (partnerId) {
    // The referral belongs to this case, so another intake of the same SME never moves it.
    await tx.run(LINK_REFERRING_PARTNER, {
      partnerId,
      caseId,
      date: intake.referredOn ?? todayIso(new Date(now)),
      by: intake.referrer,
    });
  }
  if (self) {
    await tx.run(MARK_SELF_SUBMITTED, {
      caseId,
      heardOf: self.heardOf,
      language: self.language,
      consentVersion: self.consent.version,
      consentText: self.consent.text,
      now,
    });
  }
  await recordStatusChange(tx, {
    caseId,
    from: null,
    to: CaseStatus.INTAKE,
    at: now,
    by: self ? contactId : actor.id,
    note: self ? SELF_SUBMITTED_NOTE : null,
  });
  // Words in, topics out: each topic word is linked to the topic it resolves to; unknown words become proposals.
  const linking = await linkStaleTopics(tx, now, { ids: [caseId], labels: ["Case"] });
  await refreshSuggestionCount(tx, caseId, now);
  return {
    caseId,
    status: CaseStatus.INTAKE,
    smeId: sme.id,
    smeCreated: sme.created,
    contactId,
    partnerId,
    coordinatorId,
    proposedTopics: linking.unmatched,
  };
}

/**
 * The coordinator who handles the case (HANDLED_BY): the one named, else the person acting ("me": the signed-in
 * account's person). Every case has one: an account that is not linked to a person has to name the coordinator.
 */
async function findCoordinator(tx: Tx, named: string | null, actor: Actor): Promise<string> {
  const id = named ?? actor.personId;
  const rows = id === null ? [] : await tx.run(READ_COORDINATOR, { id });
  if (rows.length > 0 && id !== null) return id;
  if (named !== null) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${named} (the coordinator).`, "coordinator");
  throw new DomainError(
    ErrorCode.BAD_USER_INPUT,
    "Name the coordinator who handles this case: your account is not linked to a person (an admin links it with linkUserToPerson).",
    "coordinator",
  );
}

/** The referring person named exists and works at the referring partner. */
async function checkReferrer(tx: Tx, partnerId: string, personId: string | null): Promise<void> {
  if (personId === null) return;
  const rows = await tx.run(READ_REFERRING_PERSON, { personId, partnerId });
  const row = rows[0];
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${personId} (the referrer).`, "partner.person");
  if (row.worksAtPartner !== true) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `${String(row.name)} does not work at the referring partner; name a person of that partner.`,
      "partner.person",
    );
  }
}

async function findOrCreatePartner(tx: Tx, partner: Intake["partner"]): Promise<string | null> {
  if (partner === null) return null;
  if ("id" in partner) {
    const rows = await tx.run(READ_PARTNER, { id: partner.id });
    if (rows.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No partner with id ${partner.id}.`, "partner.id");
    return partner.id;
  }
  const found = await tx.run(FIND_PARTNER_BY_NAME, { key: normaliseKey(partner.name) });
  if (found[0]) return String(found[0].id);
  const rows = await tx.run(MERGE_PARTNER, {
    id: deriveNaturalId("partner", partner.name),
    name: partner.name,
    kind: partner.kind,
  });
  return String(rows[0]?.id);
}

/**
 * By KvK number when given; else by name + city (case-insensitive, trimmed). An SME found by name +
 * city that has no KvK number yet takes the one given. Missing details are filled in, never overwritten.
 */
async function findOrCreateSme(tx: Tx, sme: Intake["sme"]): Promise<{ id: string; created: boolean }> {
  const details = { name: sme.name, city: sme.city, sector: sme.sector, size: sme.size };
  const nameKey = normaliseKey(sme.name);
  const cityKey = normaliseKey(sme.city);

  if (sme.kvkNumber !== null) {
    const byKvk = await tx.run(FIND_SME_BY_KVK, { kvk: sme.kvkNumber, ...details });
    if (byKvk[0]) return { id: String(byKvk[0].id), created: false };
    const adopted = await tx.run(ADOPT_SME_BY_NAME_AND_CITY, { kvk: sme.kvkNumber, nameKey, cityKey, ...details });
    if (adopted[0]) return { id: String(adopted[0].id), created: false };
    return mergeSme(tx, MERGE_SME_BY_KVK, { kvk: sme.kvkNumber, id: randomUUID(), ...details });
  }

  const byName = await tx.run(FIND_SME_BY_NAME_AND_CITY, { nameKey, cityKey, ...details });
  if (byName[0]) return { id: String(byName[0].id), created: false };
  return mergeSme(tx, MERGE_SME_BY_ID, { kvk: null, id: deriveNaturalId("sme", sme.name, sme.city), ...details });
}

async function mergeSme(
  tx: Tx,
  statement: typeof MERGE_SME_BY_KVK | typeof MERGE_SME_BY_ID,
  params: Record<string, unknown>,
): Promise<{ id: string; created: boolean }> {
  // A token set only ON CREATE tells this transaction whether it created the node or found one a
  // concurrent intake had just made; it is removed in the same statement, so it is never committed.
  const token = randomUUID();
  const rows = await tx.run(statement, { ...params, token });
  return { id: String(rows[0]?.id), created: rows[0]?.created === true };
}

/** By e-mail address anywhere in the graph, else by name among the SME's contacts, else new. */
async function findOrCreateContact(tx: Tx, smeId: string, contact: Intake["contact"]): Promise<string | null> {
  if (contact === null) return null;
  const params = { smeId, name: contact.name, email: contact.email, phone: contact.phone, jobTitle: contact.jobTitle };
  let id: string | null = null;
  if (contact.email !== null) {
    const byEmail = await tx.run(FIND_CONTACT_BY_EMAIL, params);
    id = byEmail[0] ? String(byEmail[0].id) : null;
  }
  if (id === null) {
    const byName = await tx.run(FIND_CONTACT_OF_SME_BY_NAME, { ...params, nameKey: normaliseKey(contact.name) });
    id = byName[0] ? String(byName[0].id) : null;
  }
  if (id === null) {
    const created = await tx.run(MERGE_CONTACT, { ...params, id: deriveNaturalId("contact", smeId, contact.name) });
    id = String(created[0]?.id);
  }
  await tx.run(LINK_CONTACT_TO_SME, { id, smeId });
  return id;
}
