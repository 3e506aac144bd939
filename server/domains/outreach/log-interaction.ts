import type { Database, Tx } from "../../platform/neo4j/database.js";
import { applyInteractionToTie, lockPair } from "../network/index.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import { parseIsoDate } from "../../platform/validation/parse-values.js";
import type { InteractionChannel, InteractionResult } from "../../platform/model/graph-enums.js";
import { toOutreachInteraction } from "./interaction-projection.js";
import { lockAndReadSubject, writeMappingStatus, type LockedSubject } from "./lock-and-read-subject.js";
import { higherMappingStatus, mappingStatusForResult } from "./mapping-rules.js";
import { MappingSubject, type LoggedInteraction, type MappingChange } from "./outreach-types.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { CREATE_INTERACTION, READ_INTERACTION_REFERENCES } from "./statements.js";

export interface LogInteractionInput {
  by: string;
  with: string;
  date: string;
  channel: InteractionChannel;
  result?: InteractionResult | null | undefined;
  note?: string | null | undefined;
  aboutProgramme?: string | null | undefined;
  aboutCourse?: string | null | undefined;
  /** A warm introduction: who introduced the two (docs/network-analytics.md, introductionBase). */
  introducedBy?: string | null | undefined;
}

/** Checks the arguments that need no database; returns the ISO date. */
export function checkInteractionDate(date: string, field: string): string {
  const parsed = parseIsoDate(date);
  if (!parsed.ok) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${parsed.why}.`, field);
  if (parsed.value > todayIso())
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} ${parsed.value} is in the future.`, field);
  return parsed.value;
}

/**
 * THE service that records an interaction — who contacted whom — and its consequences, in one
 * write transaction (all or nothing):
 *  1. the Interaction with INITIATED/WITH/ABOUT;
 *  2. each programme/course it is about moves up to the status the result implies
 *     (mappingStatusForResult; never down);
 *  3. the KNOWS tie between the two people, by the network's rule (applyInteractionToTie: created
 *     when missing, lastContact forward only, strength re-derived from the pair's two-way contacts
 *     unless set by hand; a warm introduction (introducedBy) starts it from the introducer's ties).
 * Locks, in this order: the programme/course, then both people (id order) — the order
 * addExampleAssignment and setTieStrength also follow, so concurrent writes wait, not deadlock.
 */
export async function logInteraction(db: Database, input: LogInteractionInput): Promise<LoggedInteraction> {
  return db.writeTx((tx) => recordInteraction(tx, input));
}

/**
 * logInteraction's work inside the caller's write transaction, for another domain's change that is an
 * interaction too (an invited person's first sign-in, server/domains/invitations/): the same checks, locks and tie rule.
 */
export async function recordInteraction(tx: Tx, input: LogInteractionInput & { id?: string | null }): Promise<LoggedInteraction> {
  const date = checkInteractionDate(input.date, "date");
  if (input.by === input.with)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "An interaction is between two different people.", "with");
  const introducedBy = input.introducedBy?.trim() || null;
  if (introducedBy && (introducedBy === input.by || introducedBy === input.with))
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      "The introducer is a third person, neither who made the contact nor who was contacted.",
      "introducedBy",
    );
  const note = input.note?.trim() ? input.note.trim() : null;

  return writeInteraction(tx, { ...input, date, note, introducedBy });
}

/**
 * Writes an interaction whose arguments recordInteraction (for logInteraction, an invited person's first sign-in
 * and the spreadsheet import, docs/spreadsheets.md, interactions.csv) has checked — `date` an ISO date not in the future, `note` trimmed or null, `introducedBy` a
 * third person — inside the caller's write transaction: the same steps 1-3 and locks as logInteraction.
 * `id`: the interaction's id (the import's, to merge on); a new one when absent.
 */
async function writeInteraction(tx: Tx, input: LogInteractionInput & { id?: string | null }): Promise<LoggedInteraction> {
  const { date, note } = input;
  const introducedBy = input.introducedBy ?? null;
  await checkReferences(tx, { ...input, introducedBy });
  const subjects: LockedSubject[] = [];
  for (const [kind, id] of [
    [MappingSubject.PROGRAMME, input.aboutProgramme],
    [MappingSubject.COURSE, input.aboutCourse],
  ] as const) {
    if (!id) continue;
    const subject = await lockAndReadSubject(tx, kind, id);
    if (subject) subjects.push(subject);
  }
  await lockPair(tx, input.by, input.with);

  const created = await tx.run(CREATE_INTERACTION, {
    id: input.id ?? null,
    by: input.by,
    with: input.with,
    date,
    channel: input.channel,
    result: input.result ?? null,
    note,
    aboutProgramme: input.aboutProgramme ?? null,
    aboutCourse: input.aboutCourse ?? null,
    introducedBy,
  });

  const implied = mappingStatusForResult(input.result);
  const mappingChanges: MappingChange[] = [];
  for (const subject of subjects) {
    const status = higherMappingStatus(subject.status, implied);
    if (status !== subject.status) await writeMappingStatus(tx, subject, status);
    mappingChanges.push({
      kind: subject.kind,
      id: subject.id,
      name: subject.name,
      previous: subject.status,
      status,
      changed: status !== subject.status,
    });
  }
  const tie = await applyInteractionToTie(tx, input.by, input.with, date, { channel: input.channel, introducedBy });
  return {
    interaction: toOutreachInteraction(created[0]?.interaction),
    mappingChanges,
    tie: {
      a: tie.fromId,
      b: tie.toId,
      created: tie.created,
      strength: tie.strength,
      previousStrength: tie.previousStrength,
      baseStrength: tie.baseStrength,
      manual: tie.manual,
      channel: tie.channel,
      since: tie.since,
      lastContact: tie.lastContact,
      interactions: tie.interactions,
      evidence: tie.evidence,
      introducedBy: tie.introducedBy,
    },
    tieUpdated: true,
  };
}

/** NOT_FOUND for a person, programme or course that does not exist; BAD_USER_INPUT for a course outside the programme. */
export async function checkReferences(tx: Tx, input: LogInteractionInput): Promise<void> {
  const rows = await tx.run(READ_INTERACTION_REFERENCES, {
    by: input.by,
    with: input.with,
    programme: input.aboutProgramme ?? null,
    course: input.aboutCourse ?? null,
    introducedBy: input.introducedBy ?? null,
  });
  const found = rows[0] ?? {};
  if (!found.by) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.by}.`, "by");
  if (!found.with) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.with}.`, "with");
  if (input.introducedBy && !found.introducedBy)
    throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.introducedBy}.`, "introducedBy");
  if (input.aboutProgramme && !found.programme)
    throw new DomainError(ErrorCode.NOT_FOUND, `No programme with id ${input.aboutProgramme}.`, "aboutProgramme");
  if (input.aboutCourse && !found.course)
    throw new DomainError(ErrorCode.NOT_FOUND, `No course with id ${input.aboutCourse}.`, "aboutCourse");
  if (!found.coursePartOfProgramme) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `Course ${input.aboutCourse} is not part of programme ${input.aboutProgramme}.`,
      "aboutCourse",
    );
  }
}
