import { randomUUID } from "node:crypto";
import { todayIso } from "../../platform/clock/read-clock.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import { refreshSuggestionCount } from "../suggestions/index.js";
import { deriveNaturalId, normaliseKey } from "./derive-natural-id.js";
import { recordStatusChange } from "./record-status-change.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import type { CaseIntakeResult } from "./case-types.js";
import type { Intake } from "./validate-intake.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

const CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

/**
 * One intake, one transaction: find or create the SME (by KvK number, else by name + city), its
 * contact person and the referring partner, then create the case in INTAKE with its first event.
 * A concurrent intake of the same SME can make a MERGE lose a race on the unique constraint; the
 * whole transaction is then retried, and the retry finds the SME the other one created.
 */
export async function intakeCase(db: Database, intake: Intake, actor: Actor, now: string): Promise<CaseIntakeResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.writeTx((tx) => writeIntake(tx, intake, actor, now));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== CONSTRAINT_FAILED || attempt >= 3) throw error;
    }
  }
}

async function writeIntake(tx: Tx, intake: Intake, actor: Actor, now: string): Promise<CaseIntakeResult> {
  await checkActor(tx, actor);
  const coordinatorId = await findCoordinator(tx, intake.coordinator, actor);
  const partnerId = await findOrCreatePartner(tx, intake.partner);
  const sme = await findOrCreateSme(tx, intake.sme);
  const contactId = await findOrCreateContact(tx, sme.id, intake.contact);
  if (partnerId) {
    await tx.run(
      `MATCH (p:Partner {id: $partnerId}), (s:Sme {id: $smeId})
       MERGE (p)-[r:REFERRED]->(s) ON CREATE SET r.date = date($date)`,
      { partnerId, smeId: sme.id, date: intake.referredOn ?? todayIso(new Date(now)) },
    );
  }

  const caseId = randomUUID();
  await tx.run(
    `MATCH (s:Sme {id: $smeId})
     CREATE (s)-[:ASKED]->(k:Case {
       id: $caseId, title: $title, question: $question, topics: $topics, wantedLevels: $wantedLevels,
       effort: $effort, earliestStart: date($earliestStart), deadline: date($deadline),
       status: $status, created: datetime($now)
     })
     WITH k
     OPTIONAL MATCH (c:Person {id: $coordinatorId})
     FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (k)-[:HANDLED_BY]->(c))`,
    {
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
    },
  );
  await recordStatusChange(tx, { caseId, from: null, to: CaseStatus.INTAKE, at: now, by: actor.id });
  await refreshSuggestionCount(tx, caseId, now);
  return { caseId, status: CaseStatus.INTAKE, smeId: sme.id, smeCreated: sme.created, contactId, partnerId, coordinatorId };
}

/** The coordinator who handles the case: the one named, else the actor when that is a person. */
async function findCoordinator(tx: Tx, named: string | null, actor: Actor): Promise<string | null> {
  const id = named ?? actor.id;
  if (id === null) return null;
  const rows = await tx.run("MATCH (p:Person {id: $id}) RETURN p.id AS id", { id });
  if (rows.length > 0) return id;
  if (named !== null) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${named} (the coordinator).`, "coordinator");
  return null;
}

async function findOrCreatePartner(tx: Tx, partner: Intake["partner"]): Promise<string | null> {
  if (partner === null) return null;
  if ("id" in partner) {
    const rows = await tx.run("MATCH (p:Partner {id: $id}) RETURN p.id AS id", { id: partner.id });
    if (rows.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No partner with id ${partner.id}.`, "partner.id");
    return partner.id;
  }
  const found = await tx.run(
    "MATCH (p:Partner) WHERE toLower(trim(p.name)) = $key RETURN p.id AS id ORDER BY p.id LIMIT 1",
    { key: normaliseKey(partner.name) },
  );
  if (found[0]) return String(found[0].id);
  const rows = await tx.run(
    "MERGE (p:Partner {id: $id}) ON CREATE SET p.name = $name, p.kind = $kind RETURN p.id AS id",
    { id: deriveNaturalId("partner", partner.name), name: partner.name, kind: partner.kind },
  );
  return String(rows[0]?.id);
}

/**
 * By KvK number when given; else by name + city (case-insensitive, trimmed). An SME found by name +
 * city that has no KvK number yet takes the one given. Missing details are filled in, never overwritten.
 */
async function findOrCreateSme(tx: Tx, sme: Intake["sme"]): Promise<{ id: string; created: boolean }> {
  const details = { name: sme.name, city: sme.city, sector: sme.sector, size: sme.size };
  const fill = "SET s.city = coalesce(s.city, $city), s.sector = coalesce(s.sector, $sector), s.size = coalesce(s.size, $size)";
  const nameKey = normaliseKey(sme.name);
  const cityKey = normaliseKey(sme.city);

  if (sme.kvkNumber !== null) {
    const byKvk = await tx.run(`MATCH (s:Sme {kvkNumber: $kvk}) ${fill} RETURN s.id AS id`, { kvk: sme.kvkNumber, ...details });
    if (byKvk[0]) return { id: String(byKvk[0].id), created: false };
    const adopted = await tx.run(
      `MATCH (s:Sme) WHERE s.kvkNumber IS NULL AND toLower(trim(s.name)) = $nameKey AND toLower(trim(coalesce(s.city, ''))) = $cityKey
       WITH s ORDER BY s.id LIMIT 1
       SET s.kvkNumber = $kvk ${fill.replace("SET ", ", ")}
       RETURN s.id AS id`,
      { kvk: sme.kvkNumber, nameKey, cityKey, ...details },
    );
    if (adopted[0]) return { id: String(adopted[0].id), created: false };
    return mergeSme(tx, "kvkNumber: $kvk", { kvk: sme.kvkNumber, id: randomUUID(), ...details });
  }

  const byName = await tx.run(
    `MATCH (s:Sme) WHERE toLower(trim(s.name)) = $nameKey AND toLower(trim(coalesce(s.city, ''))) = $cityKey
     WITH s ORDER BY s.kvkNumber IS NULL, s.id LIMIT 1
     ${fill}
     RETURN s.id AS id`,
    { nameKey, cityKey, ...details },
  );
  if (byName[0]) return { id: String(byName[0].id), created: false };
  return mergeSme(tx, "id: $id", { kvk: null, id: deriveNaturalId("sme", sme.name, sme.city), ...details });
}

async function mergeSme(tx: Tx, key: string, params: Record<string, unknown>): Promise<{ id: string; created: boolean }> {
  // A token set only ON CREATE tells this transaction whether it created the node or found one a
  // concurrent intake had just made; it is removed in the same statement, so it is never committed.
  const token = randomUUID();
  const rows = await tx.run(
    `MERGE (s:Sme {${key}})
     ON CREATE SET s.id = $id, s.name = $name, s.city = $city, s.sector = $sector, s.size = $size, s._intake = $token
     WITH s, s._intake = $token AS created
     REMOVE s._intake
     RETURN s.id AS id, created`,
    { ...params, token },
  );
  return { id: String(rows[0]?.id), created: rows[0]?.created === true };
}

/** By e-mail address anywhere in the graph, else by name among the SME's contacts, else new. */
async function findOrCreateContact(tx: Tx, smeId: string, contact: Intake["contact"]): Promise<string | null> {
  if (contact === null) return null;
  const params = { smeId, name: contact.name, email: contact.email, phone: contact.phone, jobTitle: contact.jobTitle };
  const fill = "SET p.email = coalesce(p.email, $email), p.phone = coalesce(p.phone, $phone), p.jobTitle = coalesce(p.jobTitle, $jobTitle)";
  let id: string | null = null;
  if (contact.email !== null) {
    const byEmail = await tx.run(`MATCH (p:Person {email: $email}) WITH p ORDER BY p.id LIMIT 1 ${fill} RETURN p.id AS id`, params);
    id = byEmail[0] ? String(byEmail[0].id) : null;
  }
  if (id === null) {
    const byName = await tx.run(
      `MATCH (p:Person)-[:CONTACT_FOR]->(:Sme {id: $smeId}) WHERE toLower(trim(p.name)) = $nameKey
       WITH p ORDER BY p.id LIMIT 1 ${fill} RETURN p.id AS id`,
      { ...params, nameKey: normaliseKey(contact.name) },
    );
    id = byName[0] ? String(byName[0].id) : null;
  }
  if (id === null) {
    const created = await tx.run(
      `MERGE (p:Person {id: $id}) ON CREATE SET p.name = $name, p.email = $email, p.phone = $phone, p.jobTitle = $jobTitle
       RETURN p.id AS id`,
      { ...params, id: deriveNaturalId("contact", smeId, contact.name) },
    );
    id = String(created[0]?.id);
  }
  await tx.run("MATCH (p:Person {id: $id}), (s:Sme {id: $smeId}) MERGE (p)-[:CONTACT_FOR]->(s)", { id, smeId });
  return id;
}
