import { Language } from "../../platform/model/graph-enums.js";
import type { Tx } from "../../platform/neo4j/database.js";
import { readAgreementCapacity } from "../agreements/index.js";
import { readProposals } from "../proposals/index.js";
import { fitCasesToCourses, SuggestionVerdict, verdictAtLeast, type MatchingSettings } from "../suggestions/index.js";
import type { PortalScope } from "./portal-scope.js";
import type {
  FittingCase,
  Portal,
  PortalAgreement,
  PortalColleague,
  PortalCourse,
  PortalProgramme,
  PortalSprint,
} from "./portal-types.js";
import {
  READ_LIVE_CLAIMS,
  READ_PORTAL_COLLEAGUES,
  READ_OPEN_CASE_IDS,
  READ_PORTAL_AGREEMENTS,
  READ_PORTAL_CASES,
  READ_PORTAL_COURSES,
  READ_PORTAL_PROGRAMMES,
  READ_PORTAL_PROPOSAL_IDS,
  READ_PORTAL_SPRINTS,
} from "./statements.js";

/** At most this many fitting cases are listed (best first). */
export const MAX_FITTING_CASES = 50;

export interface PortalReadInput {
  today: string;
  now: string;
  language: Language;
  settings: MatchingSettings;
}

/**
 * The whole portal of a scope, every row read within it: the programmes and courses, the open cases fitting one of
 * the courses (the suggestions domain's fitCasesToCourses, at FAIR or better as in a teacher's digest; per case its
 * best course), the agreements with the capacity of the scope's courses only (readAgreementCapacity, filtered), the
 * open proposals and pending claims (readProposals), the planned or running sprints, and the colleagues a case can be
 * forwarded to (names only).
 */
export async function readPortal(tx: Tx, scope: PortalScope, input: PortalReadInput): Promise<Portal> {
  const params = {
    personId: scope.personId,
    courseIds: scope.courseIds,
    programmeIds: scope.programmeIds,
    ledProgrammes: scope.ledProgrammeIds,
    today: input.today,
    now: input.now,
  };
  const programmes = (await tx.run(READ_PORTAL_PROGRAMMES, params)) as unknown as PortalProgramme[];
  const courses = (await tx.run(READ_PORTAL_COURSES, params)).map((row): PortalCourse => ({
    ...(row as unknown as PortalCourse),
    studyYear: row.studyYear === null || row.studyYear === undefined ? null : Number(row.studyYear),
  }));
  const fittingCases = await readFittingCases(tx, scope, input);
  const agreements = await readAgreements(tx, scope, params);
  const proposalIds = (await tx.run(READ_PORTAL_PROPOSAL_IDS, params)).map((row) => String(row.id));
  const proposals = proposalIds.length > 0 ? await readProposals(tx, { proposalIds }, input.now) : [];
  const sprints = (await tx.run(READ_PORTAL_SPRINTS, params)).map((row): PortalSprint => ({
    ...(row as unknown as PortalSprint),
    teamSize: row.teamSize === null || row.teamSize === undefined ? null : Number(row.teamSize),
  }));
  const colleagues = (await tx.run(READ_PORTAL_COLLEAGUES, params)).map((row): PortalColleague => ({
    id: String(row.id),
    name: String(row.name ?? ""),
    programmeId: String(row.programmeId),
    programmeName: String(row.programmeName ?? ""),
    relations: Array.isArray(row.relations) ? row.relations.map(String) : [],
  }));
  return {
    person: { id: scope.personId, name: scope.personName, jobTitle: scope.jobTitle },
    programmes,
    courses,
    fittingCases,
    agreements,
    proposals,
    sprints,
    colleagues,
  };
}

async function readFittingCases(tx: Tx, scope: PortalScope, input: PortalReadInput): Promise<FittingCase[]> {
  if (scope.courseIds.length === 0) return [];
  const caseIds = (await tx.run(READ_OPEN_CASE_IDS)).map((row) => String(row.id));
  const fits = await fitCasesToCourses(tx, { ...input, caseIds, courseIds: scope.courseIds });
  // Per case its best course (fits come best first).
  const best = new Map<string, (typeof fits)[number]>();
  for (const fit of fits) {
    if (!verdictAtLeast(fit.verdict, SuggestionVerdict.FAIR) || best.has(fit.caseId)) continue;
    best.set(fit.caseId, fit);
    if (best.size >= MAX_FITTING_CASES) break;
  }
  if (best.size === 0) return [];
  const pairs = [...best.values()].map((fit) => ({ caseId: fit.caseId, courseId: fit.courseId }));
  const details = new Map((await tx.run(READ_PORTAL_CASES, { ids: [...best.keys()] })).map((row) => [String(row.id), row]));
  const claims = new Map(
    (await tx.run(READ_LIVE_CLAIMS, { pairs })).map((row) => [
      `${String(row.caseId)}\n${String(row.courseId)}`,
      String(row.state),
    ]),
  );
  return [...best.values()].map((fit): FittingCase => {
    const d = details.get(fit.caseId) ?? {};
    const labels = Array.isArray(d.topicLabels) ? (d.topicLabels as { nl: string; en: string }[]) : [];
    return {
      caseId: fit.caseId,
      title: String(d.title ?? ""),
      question: (d.question as string | null | undefined) ?? null,
      status: String(d.status ?? ""),
      smeName: (d.smeName as string | null | undefined) ?? null,
      smeCity: (d.smeCity as string | null | undefined) ?? null,
      topics: labels.map((t) => (input.language === Language.NL ? t.nl : t.en)),
      wantedLevels: (d.wantedLevels as string[] | undefined) ?? [],
      effort: (d.effort as string | null | undefined) ?? null,
      earliestStart: (d.earliestStart as string | null | undefined) ?? null,
      deadline: (d.deadline as string | null | undefined) ?? null,
      courseId: fit.courseId,
      courseName: fit.courseName,
      score: fit.score,
      verdict: fit.verdict,
      reason: fit.reason,
      reasonNl: fit.reasonNl,
      reasonEn: fit.reasonEn,
      sharedTopics: fit.sharedTopics,
      periodName: fit.periodName,
      periodStart: fit.periodStart,
      remainingPlaces: fit.remainingPlaces,
      hasAgreement: fit.hasAgreement,
      claimState: claims.get(`${fit.caseId}\n${fit.courseId}`) ?? null,
    };
  });
}

async function readAgreements(tx: Tx, scope: PortalScope, params: Record<string, unknown>): Promise<PortalAgreement[]> {
  const rows = await tx.run(READ_PORTAL_AGREEMENTS, params);
  if (rows.length === 0) return [];
  const reached = new Set(scope.courseIds);
  const capacity = new Map(
    (
      await readAgreementCapacity(
        tx,
        rows.map((row) => String(row.id)),
      )
    ).map((a) => [a.agreementId, a.courses.filter((c) => reached.has(c.courseId))]),
  );
  return rows.map((row): PortalAgreement => ({
    id: String(row.id),
    scope: String(row.scope),
    casesPerPeriod: row.casesPerPeriod === null || row.casesPerPeriod === undefined ? null : Number(row.casesPerPeriod),
    structural: row.structural === true,
    assignmentTypes: (row.assignmentTypes as string[]) ?? [],
    validFrom: String(row.validFrom),
    validTo: (row.validTo as string | null) ?? null,
    covers: (row.covers as string[]) ?? [],
    capacity: capacity.get(String(row.id)) ?? [],
  }));
}
