import { createHash } from "node:crypto";
import type { Actor } from "../../platform/auth/resolve-actor.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { InteractionChannel, type Language, type ProposalAnswer } from "../../platform/model/graph-enums.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { lockCase } from "../case-workflow/index.js";
import { logInteraction } from "../outreach/index.js";
import { answerProposal, writeClaim, writeForward, type ProposalRecord } from "../proposals/index.js";
import { fitCasesToCourses, type MatchingSettings } from "../suggestions/index.js";
import type { PortalScope } from "./portal-scope.js";
import {
  FIND_PERSON_BY_EMAIL,
  FIND_PERSON_IN_PROGRAMME_BY_NAME,
  MERGE_COLLEAGUE,
  READ_CASE_REACH,
  READ_COLLEAGUE_PROGRAMMES,
  READ_OWN_PROPOSAL,
  READ_PORTAL_CASES,
} from "./statements.js";

/** The cases open to claims and forwards: qualified or proposed, not yet matched. */
const OPEN_STATUSES = new Set(["QUALIFIED", "PROPOSED"]);

const emailPattern = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})+$/;

export interface WorkContext {
  today: string;
  now: string;
  language: Language;
  settings: MatchingSettings;
}

/** One message for a case that does not exist and one outside the scope: the answer does not tell them apart. */
function noSuchCase(caseId: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `No case with id ${caseId}.`, "caseId");
}

/**
 * Whether the case is in the scope: open and fitting one of `courseIds` (the portal's fitting cases), or, when
 * `linked` counts, tied to the scope by a proposal, a forward or a sprint. Returns the case's status, or throws the
 * NOT_FOUND that a case that does not exist gets.
 */
async function checkCaseInScope(
  tx: Tx,
  scope: PortalScope,
  caseId: string,
  courseIds: string[],
  work: WorkContext,
  linkedCounts: boolean,
): Promise<string> {
  const reach = (await tx.run(READ_CASE_REACH, { caseId, courseIds: scope.courseIds, personId: scope.personId }))[0];
  if (!reach) throw noSuchCase(caseId);
  const status = String(reach.status);
  if (linkedCounts && reach.linked === true) return status;
  if (!OPEN_STATUSES.has(status)) throw noSuchCase(caseId);
  const fits = await fitCasesToCourses(tx, { ...work, caseIds: [caseId], courseIds });
  if (fits.length === 0) throw noSuchCase(caseId);
  return status;
}

/**
 * claimCase (issue #18): "this one is for us" — the person claims an open case that fits a course they reach, as a
 * proposal in the other direction for a coordinator to confirm (proposals' writeClaim). One transaction. Refused: a
 * course outside the scope (NOT_FOUND, courseId, as for no such course), a case that does not fit it or is outside
 * the scope (NOT_FOUND, caseId, as for no such case), a live claim of the case for the course (CONFLICT, courseId).
 */
export async function claimCase(
  db: Database,
  scope: PortalScope,
  input: { caseId: string; courseId: string; note: string | null },
  work: WorkContext,
): Promise<ProposalRecord> {
  if (!scope.courseIds.includes(input.courseId))
    throw new DomainError(ErrorCode.NOT_FOUND, `No course with id ${input.courseId}.`, "courseId");
  return db.writeTx(async (tx) => {
    await checkCaseInScope(tx, scope, input.caseId, [input.courseId], work, false);
    // Then the case's lock, and its status again under it: a case matched meanwhile is no longer open.
    const locked = await lockCase(tx, input.caseId, "caseId");
    if (!OPEN_STATUSES.has(locked.status)) throw noSuchCase(input.caseId);
    return writeClaim(tx, {
      caseId: input.caseId,
      courseId: input.courseId,
      personId: scope.personId,
      note: input.note,
      now: work.now,
      expiryDays: work.settings.proposalExpiryDays,
    });
  });
}

export interface ColleagueGiven {
  personId?: string | null;
  name?: string | null;
  email?: string | null;
  roleTitle?: string | null;
  programmeId?: string | null;
}

interface CheckedColleague {
  personId: string | null;
  name: string | null;
  email: string | null;
  roleTitle: string | null;
  programmeId: string | null;
}

/** The colleague as given, checked without the database: either a person id, or a name (with the rest optional). */
export function checkColleague(given: ColleagueGiven): CheckedColleague {
  const personId = given.personId?.trim() || null;
  const name = given.name?.trim() || null;
  const email = given.email?.trim().toLowerCase() || null;
  const roleTitle = given.roleTitle?.trim() || null;
  const programmeId = given.programmeId?.trim() || null;
  if (personId && (name || email || roleTitle))
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      "Name a known colleague (personId) or a new one (name, email, roleTitle, programmeId), not both.",
      "colleague",
    );
  if (!personId && !name)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "A colleague needs a personId, or a name.", "colleague.name");
  if (name !== null && name.length > 200)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "A name has at most 200 characters.", "colleague.name");
  if (email !== null && (email.length > 320 || !emailPattern.test(email)))
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "This is not an e-mail address.", "colleague.email");
  if (roleTitle !== null && roleTitle.length > 200)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "A role title has at most 200 characters.", "colleague.roleTitle");
  if (!personId && !programmeId)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "A new colleague needs the programme they work in.", "colleague.programmeId");
  return { personId, name, email, roleTitle, programmeId };
}

/**
 * forwardCase (issue #18): the person passes a case in their scope on to a colleague in one of their programmes. In one
 * transaction: the colleague is found (by id, within the programmes; or by e-mail anywhere, else by name in the
 * programme — as intake de-duplicates contacts) or created, a proposal to them records the forward (proposals'
 * writeForward: the coordinators see it in every proposals list and on the case's timeline), and an interaction from
 * the forwarder with them, about the programme, records the introduction and makes or strengthens their KNOWS tie
 * (outreach's logInteraction, the one door for interactions).
 */
export async function forwardCase(
  db: Database,
  scope: PortalScope,
  input: { caseId: string; colleague: ColleagueGiven; note: string | null },
  work: WorkContext,
): Promise<{ proposal: ProposalRecord; colleagueId: string; colleagueCreated: boolean }> {
  const colleague = checkColleague(input.colleague);
  if (colleague.programmeId && !scope.programmeIds.includes(colleague.programmeId))
    throw new DomainError(ErrorCode.NOT_FOUND, `No programme with id ${colleague.programmeId}.`, "colleague.programmeId");
  const { colleagueId, created, programmeId, caseTitle, proposal } = await db.writeTx(async (tx) => {
    await checkCaseInScope(tx, scope, input.caseId, scope.courseIds, work, true);
    const locked = await lockCase(tx, input.caseId, "caseId");
    if (!OPEN_STATUSES.has(locked.status))
      throw new DomainError(
        ErrorCode.ILLEGAL_TRANSITION,
        `This case is ${locked.status.toLowerCase()}: only qualified or proposed cases are forwarded.`,
        "caseId",
      );
    const found = await findOrCreateColleague(tx, scope, colleague);
    if (found.id === scope.personId)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, "Forward a case to someone else than yourself.", "colleague");
    const title = String((await tx.run(READ_PORTAL_CASES, { ids: [input.caseId] }))[0]?.title ?? "");
    const written = await writeForward(tx, {
      caseId: input.caseId,
      colleagueId: found.id,
      forwarderId: scope.personId,
      courseId: null,
      note: input.note,
      now: work.now,
      expiryDays: work.settings.proposalExpiryDays,
    });
    return { colleagueId: found.id, created: found.created, programmeId: found.programmeId, caseTitle: title, proposal: written };
  });
  // The same request transaction (a mutation's writes commit together): the introduction and the tie.
  const forwardNote = input.note?.trim() ? ` — ${input.note.trim()}` : "";
  await logInteraction(db, {
    by: scope.personId,
    with: colleagueId,
    date: work.today,
    channel: InteractionChannel.EMAIL,
    result: null,
    note: `Case forwarded through the portal: ${caseTitle}${forwardNote}`.slice(0, 2000),
    aboutProgramme: programmeId,
  });
  return { proposal, colleagueId, colleagueCreated: created };
}

async function findOrCreateColleague(
  tx: Tx,
  scope: PortalScope,
  colleague: CheckedColleague,
): Promise<{ id: string; created: boolean; programmeId: string }> {
  if (colleague.personId) {
    const row = (
      await tx.run(READ_COLLEAGUE_PROGRAMMES, {
        colleagueId: colleague.personId,
        programmeIds: scope.programmeIds,
        personId: scope.personId,
      })
    )[0];
    const programmes = Array.isArray(row?.programmeIds) ? row.programmeIds.map(String) : [];
    // A person outside the forwarder's programmes is answered as no person at all.
    const inProgramme = colleague.programmeId ? programmes.find((p) => p === colleague.programmeId) : programmes[0];
    if (!row || !inProgramme)
      throw new DomainError(ErrorCode.NOT_FOUND, `No colleague with id ${colleague.personId}.`, "colleague.personId");
    return { id: colleague.personId, created: false, programmeId: inProgramme };
  }
  const programmeId = colleague.programmeId as string;
  const name = colleague.name as string;
  const params = { email: colleague.email, jobTitle: colleague.roleTitle, programmeId, nameKey: name.toLowerCase(), name };
  if (colleague.email) {
    const byEmail = (await tx.run(FIND_PERSON_BY_EMAIL, params))[0];
    if (byEmail) return { id: String(byEmail.id), created: false, programmeId };
  }
  const byName = (await tx.run(FIND_PERSON_IN_PROGRAMME_BY_NAME, params))[0];
  if (byName) return { id: String(byName.id), created: false, programmeId };
  const id = `person-${createHash("sha256").update(`${programmeId}\n${name.toLowerCase()}`).digest("hex").slice(0, 24)}`;
  const rows = await tx.run(MERGE_COLLEAGUE, { ...params, id });
  return { id: String(rows[0]?.id ?? id), created: true, programmeId };
}

/**
 * answerMyProposal (issue #18): a portal user answers a proposal made to them, through the one answer path
 * (proposals' answerProposal: once, before expiry, DECLINED with a reason). A proposal to someone else is answered
 * as no proposal at all (NOT_FOUND, proposalId).
 */
export async function answerOwnProposal(
  db: Database,
  scope: PortalScope,
  input: { proposalId: string; answer: ProposalAnswer; reason: string | null },
  now: string,
): Promise<ProposalRecord> {
  const own = await db.read(READ_OWN_PROPOSAL, { proposalId: input.proposalId, personId: scope.personId });
  if (own.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No proposal with id ${input.proposalId}.`, "proposalId");
  const actor: Actor = { id: scope.personId, personId: scope.personId, needsCheck: false };
  return answerProposal(db, { ...input, answeredAt: null }, actor, now);
}
