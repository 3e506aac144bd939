import { addDays } from "../../platform/clock/check-iso-date.js";
import type { Tx } from "../../platform/neo4j/database.js";
import { searchBestWarmPaths } from "../network/index.js";
import { type MatchingSettings, readCourseFits, readTeacherRecords, withWarmPath, SuggestionVerdict, scoreSuggestion, verdictAtLeast } from "../suggestions/index.js";
import { readAgreementTerms } from "../agreements/index.js";
import { Language } from "../../platform/model/graph-enums.js";
import type { Digest } from "./proposal-types.js";
import { renderDigest, type DigestItem } from "./render-digest.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

export const DEFAULT_WORKSPACE_NAME = "Digitale Werkplaats MKB";

// An agreement valid on the digest date that covers the course, its programme or its institution.
const COVERED_ON_DATE = `
  (EXISTS { MATCH (a:Agreement)-[:COVERS]->(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
   OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
   OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) })`;

/**
 * A teacher's digest on a date: the open cases (QUALIFIED or PROPOSED) never proposed to this
 * teacher that fit one of their courses under an agreement with a verdict of at least fair, each
 * with its best course, best first; rendered as an e-mail. Due when the teacher has a rhythm
 * (digestEveryDays), an agreement, and the last digest went out at least that many days ago.
 */
export async function buildDigest(
  tx: Tx,
  input: { teacherId: string; date: string; language: Language | null; now: string; settings: MatchingSettings },
): Promise<Digest> {
  const rows = await tx.run(
    `MATCH (t:Person {id: $teacherId})
     RETURN t.name AS name, t.email AS email, t.language AS language, t.digestEveryDays AS every,
            toString(t.lastDigestSentOn) AS lastSentOn,
            COLLECT { MATCH (t)-[:TEACHES]->(c:Course) WHERE ${COVERED_ON_DATE} RETURN c.id } AS courseIds,
            COLLECT { MATCH (w:Workspace) RETURN w.name ORDER BY w.name } AS workspaces`,
    { teacherId: input.teacherId, date: input.date },
  );
  const teacher = rows[0];
  if (!teacher) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.teacherId} (the teacher).`, "teacher");
  const language: Language = input.language ?? (teacher.language === Language.EN ? Language.EN : Language.NL);
  const courseIds = (teacher.courseIds as string[]) ?? [];
  const every = teacher.every === null || teacher.every === undefined ? null : Number(teacher.every);
  const lastSentOn = (teacher.lastSentOn as string | null) ?? null;
  const hasAgreement = courseIds.length > 0;
  const nextDueOn = every === null ? null : lastSentOn === null ? input.date : addDays(lastSentOn, every);
  const due = hasAgreement && nextDueOn !== null && nextDueOn <= input.date;
  const items = hasAgreement ? await digestItems(tx, input, courseIds, language) : [];
  const workspaces = (teacher.workspaces as string[]) ?? [];
  const teacherName = String(teacher.name ?? "");
  const text = renderDigest({ teacherName, workspaceName: workspaces.length === 1 ? (workspaces[0] ?? DEFAULT_WORKSPACE_NAME) : DEFAULT_WORKSPACE_NAME, date: input.date, language, items });
  return {
    teacherId: input.teacherId,
    teacherName,
    email: (teacher.email as string | null) ?? null,
    language,
    date: input.date,
    digestEveryDays: every,
    lastSentOn,
    nextDueOn,
    hasAgreement,
    due,
    items,
    ...text,
  };
}

async function digestItems(
  tx: Tx,
  input: { teacherId: string; date: string; now: string; settings: MatchingSettings },
  courseIds: string[],
  language: Language,
): Promise<DigestItem[]> {
  const weights = input.settings.weights;
  const terms = await readAgreementTerms(tx);
  const fits = await readCourseFits(tx, { cases: { openCasesNotProposedTo: input.teacherId }, courses: { courseIds }, today: input.date, weights, terms });
  if (fits.length === 0) return [];
  const records = await readTeacherRecords(tx, { courseIds, caseId: null, now: input.now });
  const record = records.find((s) => s.teacherId === input.teacherId);
  // No case: the coordinators of every workspace (docs/case-workflow.md, the warm path factor).
  const warm = record ? await searchBestWarmPaths(tx, { workspaces: [], targets: [record.teacherId], minStrength: input.settings.warmPathMinStrength }) : null;
  const teacher = record ? withWarmPath(record, warm?.get(record.teacherId)) : null;

  // Per case, the teacher's course that fits best.
  const best = new Map<string, { fit: (typeof fits)[number]; scored: ReturnType<typeof scoreSuggestion> }>();
  for (const fit of fits) {
    const scored = scoreSuggestion(fit, teacher, weights, language);
    if (!verdictAtLeast(scored.verdict, SuggestionVerdict.FAIR)) continue;
    const current = best.get(fit.caseId);
    if (!current || scored.total > current.scored.total) best.set(fit.caseId, { fit, scored });
  }
  if (best.size === 0) return [];
  const details = await tx.run(
    `UNWIND $ids AS id MATCH (k:Case {id: id})
     OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
     RETURN k.id AS id, k.title AS title, k.question AS question, k.topics AS topics, k.wantedLevels AS wantedLevels,
            k.effort AS effort, toString(k.earliestStart) AS earliestStart, toString(k.deadline) AS deadline,
            s.name AS smeName, s.city AS smeCity`,
    { ids: [...best.keys()] },
  );
  const byId = new Map(details.map((d) => [String(d.id), d]));
  return [...best.values()]
    .sort((a, b) => b.scored.total - a.scored.total || a.fit.caseId.localeCompare(b.fit.caseId))
    .map(({ fit, scored }) => {
      const d = byId.get(fit.caseId) ?? {};
      return {
        caseId: fit.caseId,
        title: String(d.title ?? ""),
        question: (d.question as string | null) ?? null,
        smeName: (d.smeName as string | null) ?? null,
        smeCity: (d.smeCity as string | null) ?? null,
        topics: (d.topics as string[] | null) ?? [],
        wantedLevels: (d.wantedLevels as string[] | null) ?? [],
        effort: (d.effort as string | null) ?? null,
        earliestStart: (d.earliestStart as string | null) ?? null,
        deadline: (d.deadline as string | null) ?? null,
        courseId: fit.courseId,
        courseName: fit.courseName,
        periodName: fit.period?.name ?? null,
        periodStart: fit.period?.startDate ?? null,
        periodEnd: fit.period?.endDate ?? null,
        sharedTopics: fit.sharedTopics,
        score: scored.total,
        verdict: scored.verdict,
        reason: scored.reason,
      };
    });
}

/**
 * Teachers whose digest is due on `date` and not empty: those with a rhythm, an agreement and a
 * last digest at least `digestEveryDays` ago (or none yet). One digest query per due teacher.
 */
export async function buildDueDigests(tx: Tx, input: { date: string; now: string; settings: MatchingSettings }): Promise<Digest[]> {
  const rows = await tx.run(
    `MATCH (t:Person) WHERE t.digestEveryDays IS NOT NULL
       AND (t.lastDigestSentOn IS NULL OR t.lastDigestSentOn + duration({days: t.digestEveryDays}) <= date($date))
       AND EXISTS { MATCH (t)-[:TEACHES]->(c:Course) WHERE ${COVERED_ON_DATE} }
     RETURN t.id AS id ORDER BY t.name, t.id`,
    { date: input.date },
  );
  const digests: Digest[] = [];
  for (const row of rows) {
    const digest = await buildDigest(tx, { teacherId: String(row.id), date: input.date, language: null, now: input.now, settings: input.settings });
    if (digest.due && digest.items.length > 0) digests.push(digest);
  }
  return digests;
}
