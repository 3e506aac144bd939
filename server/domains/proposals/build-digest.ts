import { addDays } from "../../platform/clock/check-iso-date.js";
import type { Tx } from "../../platform/neo4j/database.js";
import { searchBestWarmPaths } from "../network/index.js";
import {
  type MatchingSettings,
  readCourseFits,
  readTeacherRecords,
  withWarmPath,
  SuggestionVerdict,
  scoreSuggestion,
  verdictAtLeast,
} from "../suggestions/index.js";
import { readAgreementTerms } from "../agreements/index.js";
import { Language } from "../../platform/model/graph-enums.js";
import type { Digest } from "./proposal-types.js";
import { renderDigest, type DigestItem } from "./render-digest.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_DIGEST_CASES, READ_DIGEST_TEACHER, READ_TEACHERS_WITH_DIGEST_DUE } from "./statements.js";

export const DEFAULT_WORKSPACE_NAME = "Digitale Werkplaats MKB";

/** A digest as built: its items with what the e-mail quotes, and the names the e-mail signs with. */
export type BuiltDigest = Omit<Digest, "items"> & { items: DigestItem[]; workspaceName: string; erased: boolean; html: string };

/**
 * A teacher's digest on a date: the open cases (QUALIFIED or PROPOSED) never proposed to this
 * teacher that fit one of their courses under an agreement with a verdict of at least fair, each
 * with its best course, best first; rendered as an e-mail. Due when the teacher has a rhythm
 * (digestEveryDays), an agreement, and the last digest went out at least that many days ago.
 */
export async function buildDigest(
  tx: Tx,
  input: { teacherId: string; date: string; language: Language | null; now: string; settings: MatchingSettings },
): Promise<BuiltDigest> {
  const rows = await tx.run(READ_DIGEST_TEACHER, { teacherId: input.teacherId, date: input.date });
  const teacher = rows[0];
  if (!teacher) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.teacherId} (the teacher).`, "teacher");
  const language: Language = input.language ?? (teacher.language === Language.EN ? Language.EN : Language.NL);
  const courseIds = (teacher.courseIds as string[]) ?? [];
  const every = teacher.every === null || teacher.every === undefined ? null : Number(teacher.every);
  const lastSentOn = (teacher.lastSentOn as string | null) ?? null;
  const hasAgreement = courseIds.length > 0;
  const nextDueOn = every === null ? null : lastSentOn === null ? input.date : addDays(lastSentOn, every);
  const due = hasAgreement && nextDueOn !== null && nextDueOn <= input.date;
  const items = hasAgreement
    ? await digestItems(
        tx,
        { ...input, cases: { openCasesNotProposedTo: input.teacherId }, minVerdict: true },
        courseIds,
        language,
      )
    : [];
  const workspaces = (teacher.workspaces as string[]) ?? [];
  const teacherName = String(teacher.name ?? "");
  const workspaceName = workspaces.length === 1 ? (workspaces[0] ?? DEFAULT_WORKSPACE_NAME) : DEFAULT_WORKSPACE_NAME;
  const text = renderDigest({
    teacherName,
    workspaceName,
    date: input.date,
    language,
    items,
  });
  return {
    teacherId: input.teacherId,
    teacherName,
    email: (teacher.email as string | null) ?? null,
    reachable: teacher.erased !== true && typeof teacher.email === "string" && teacher.email.includes("@"),
    language,
    date: input.date,
    digestEveryDays: every,
    lastSentOn,
    nextDueOn,
    hasAgreement,
    due,
    items,
    workspaceName,
    erased: teacher.erased === true,
    ...text,
  };
}

/**
 * The cases with what a message quotes of them, each with the teacher's course it fits best, best
 * first: scored exactly as caseSuggestions does. `minVerdict`: only FAIR or better (a digest); a single
 * proposal chosen by a coordinator is quoted whatever its verdict.
 */
export async function digestItems(
  tx: Tx,
  input: {
    teacherId: string;
    date: string;
    now: string;
    settings: MatchingSettings;
    cases: { openCasesNotProposedTo: string } | { caseIds: string[] };
    minVerdict: boolean;
  },
  courseIds: string[],
  language: Language,
): Promise<DigestItem[]> {
  const weights = input.settings.weights;
  const terms = await readAgreementTerms(tx);
  const fits = await readCourseFits(tx, {
    cases: input.cases,
    courses: { courseIds },
    today: input.date,
    weights,
    terms,
  });
  if (fits.length === 0) return [];
  const records = await readTeacherRecords(tx, { courseIds, caseId: null, now: input.now });
  const record = records.find((s) => s.teacherId === input.teacherId);
  // No case: the coordinators of every workspace (docs/case-workflow.md, the warm path factor).
  const warm = record
    ? await searchBestWarmPaths(tx, {
        workspaces: [],
        targets: [record.teacherId],
        minStrength: input.settings.warmPathMinStrength,
      })
    : null;
  const teacher = record ? withWarmPath(record, warm?.get(record.teacherId)) : null;

  // Per case, the teacher's course that fits best.
  const best = new Map<string, { fit: (typeof fits)[number]; scored: ReturnType<typeof scoreSuggestion> }>();
  for (const fit of fits) {
    const scored = scoreSuggestion(fit, teacher, weights, language);
    if (input.minVerdict && !verdictAtLeast(scored.verdict, SuggestionVerdict.FAIR)) continue;
    const current = best.get(fit.caseId);
    if (!current || scored.total > current.scored.total) best.set(fit.caseId, { fit, scored });
  }
  if (best.size === 0) return [];
  const details = await tx.run(READ_DIGEST_CASES, { ids: [...best.keys()] });
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
        timingScore: fit.timingScore,
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
export async function buildDueDigests(
  tx: Tx,
  input: { date: string; now: string; settings: MatchingSettings },
): Promise<BuiltDigest[]> {
  const rows = await tx.run(READ_TEACHERS_WITH_DIGEST_DUE, { date: input.date });
  const digests: BuiltDigest[] = [];
  for (const row of rows) {
    const digest = await buildDigest(tx, {
      teacherId: String(row.id),
      date: input.date,
      language: null,
      now: input.now,
      settings: input.settings,
    });
    if (digest.due && digest.items.length > 0) digests.push(digest);
  }
  return digests;
}
