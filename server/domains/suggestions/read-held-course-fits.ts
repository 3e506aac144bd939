import type { Tx } from "../../platform/neo4j/database.js";
import {
  compareCypherStrings,
  periodKey,
  sharedTopics,
  type CaseFitFacts,
  type CatalogueCandidate,
  type CourseCatalogue,
  type HeldPeriod,
  type PeriodInWindow,
} from "./course-catalogue.js";
import { effortFitScore } from "./effort-fit.js";
import type { CourseFit } from "./score-suggestion.js";
import { COUNT_SPRINTS_IN_PERIODS } from "./statements.js";
import type { TopicMatch } from "./suggestion-types.js";
import type { SuggestionWeights } from "./suggestion-weights.js";

/**
 * readCourseFits for one case over the held catalogue (course-catalogue.ts): the same rows as readCourseFitsStatement
 * (every candidate weighed, then kept as `limit` and `maxCandidates` say), to the same doubles, with Neo4j asked only for
 * sprints. A course whose periods in the window fall under no agreement's limit is weighed in memory alone; one with a
 * limit is weighed once its sprints are counted (COUNT_SPRINTS_IN_PERIODS), and only if it can still be among the first
 * `maxCandidates`: its partial with no sprint counted is at most that, so it must reach the `maxCandidates`-th best
 * partial of the courses weighed in memory. tests/integration/suggestions-bounded-fits.int.test.ts compares the rows
 * with the statement's for every case, limit and number kept of a seeded graph.
 */
export interface HeldFitQuery {
  facts: CaseFitFacts;
  weights: SuggestionWeights;
  limit: number;
  maxCandidates: number;
}

interface Weighed {
  candidate: CatalogueCandidate;
  period: HeldPeriod | null;
  timingScore: number;
  capacityScore: number;
  hasAgreement: boolean;
  cap: number | null;
  used: number | null;
  remaining: number | null;
  partial: number;
}

/**
 * Candidates weighed between two turns of the event loop. At XL a case has 15,000–70,000 candidates (30–240 ms of
 * JavaScript on the API's thread); in slices of this many every other request waits for one slice at most.
 */
export const CANDIDATES_PER_SLICE = 1_024;

/** Lets the requests waiting on the event loop run (a turn of it), then goes on. */
const giveWay = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function readHeldCourseFits(tx: Tx, catalogue: CourseCatalogue, query: HeldFitQuery): Promise<CourseFit[]> {
  const { facts, weights: w } = query;
  const options = catalogue.matchOptions(facts);
  const known: Weighed[] = [];
  const counted: CatalogueCandidate[] = [];
  let weighedSoFar = 0;
  const n = facts.topics.length;
  const { order, best } = catalogue.matches(facts, options);
  for (const index of order) {
    const candidate = catalogue.candidate(index, best.subarray(index * n, index * n + n), facts, options);
    if (candidate.periods.some((p) => p.cap !== null)) counted.push(candidate);
    else known.push(weighed(candidate, w, () => 0));
    if (++weighedSoFar % CANDIDATES_PER_SLICE === 0) await giveWay();
  }
  // Only the first maxCandidates rows of the whole order can be kept: the courses weighed in memory are sorted from the
  // maxCandidates-th best partial up (the floor), not all of them (thousands at L).
  const floor = kthLargest(known, query.maxCandidates);
  const top = (floor === null ? known : known.filter((r) => r.partial >= floor)).sort(byPartial);
  // With no sprint counted a period's capacity is the most it can be (remaining = the limit).
  const contenders: CatalogueCandidate[] = [];
  for (const c of counted) {
    if (floor === null || weighed(c, w, () => 0).partial >= floor - 0.000000001) contenders.push(c);
    if (++weighedSoFar % CANDIDATES_PER_SLICE === 0) await giveWay();
  }
  let rows = top;
  if (contenders.length > 0) {
    const pairs = contenders.flatMap((c) => c.periods.filter((p) => p.cap !== null).map((p) => [c.course.id, p.period.id]));
    const used = new Map(
      (await tx.run(COUNT_SPRINTS_IN_PERIODS, { pairs })).map((row) => [
        `${String(row.courseId)} ${String(row.periodId)}`,
        Number(row.used),
      ]),
    );
    rows = [...top, ...contenders.map((c) => weighed(c, w, (p) => used.get(`${c.course.id} ${p.id}`) ?? 0))].sort(byPartial);
  }
  const restMax = w.trackRecord + w.warmPath + w.effortFit;
  const kth = rows.length >= query.limit ? rows[query.limit - 1]!.partial : -1.0;
  return rows
    .filter((r) => r.partial >= kth - restMax - 0.000001)
    .slice(0, query.maxCandidates)
    .map((r) => toCourseFit(r, facts, options));
}

/**
 * The candidate weighed as bestPeriod weighs it: per period in the window its capacity (0.25 without an agreement, 1
 * without a limit, else 1 / 0.75 / 0 for 2+ / 1 / no places left), the best period by timing and capacity (then the
 * earliest start, then the id); the partial score topic, level, timing, capacity in the statement's order.
 */
function weighed(candidate: CatalogueCandidate, w: SuggestionWeights, usedIn: (period: HeldPeriod) => number): Weighed {
  let chosen: { p: PeriodInWindow; capacity: number; used: number; remaining: number | null; key: number } | null = null;
  for (const p of candidate.periods) {
    const used = p.cap === null ? 0 : usedIn(p.period);
    const remaining = !p.hasAgreement || p.cap === null ? null : p.cap - used;
    const capacity = !p.hasAgreement ? 0.25 : remaining === null ? 1.0 : remaining >= 2 ? 1.0 : remaining === 1 ? 0.75 : 0.0;
    const key = periodKey(w, p.timing, capacity);
    if (
      chosen === null ||
      key > chosen.key ||
      (key === chosen.key &&
        (compareCypherStrings(p.period.startDate!, chosen.p.period.startDate!) ||
          compareCypherStrings(p.period.id, chosen.p.period.id)) < 0)
    ) {
      chosen = { p, capacity, used, remaining, key };
    }
  }
  const timingScore = chosen?.p.timing ?? 0.0;
  const capacityScore = chosen?.capacity ?? 0.0;
  return {
    candidate,
    period: chosen?.p.period ?? null,
    timingScore,
    capacityScore,
    hasAgreement: chosen?.p.hasAgreement ?? false,
    cap: chosen?.p.cap ?? null,
    used: chosen ? chosen.used : null,
    remaining: chosen?.remaining ?? null,
    partial:
      w.topicOverlap * candidate.topicScore +
      w.levelFit * candidate.levelScore +
      w.timing * timingScore +
      w.remainingCapacity * capacityScore,
  };
}

/** The k-th largest partial (null when there are fewer than k). */
function kthLargest(rows: Weighed[], k: number): number | null {
  if (rows.length < k) return null;
  const partials = Float64Array.from(rows, (r) => r.partial).sort();
  return partials[partials.length - k]!;
}

function byPartial(a: Weighed, b: Weighed): number {
  return (
    b.partial - a.partial ||
    compareCypherStrings(a.candidate.course.name, b.candidate.course.name) ||
    compareCypherStrings(a.candidate.course.id, b.candidate.course.id)
  );
}

function toCourseFit(r: Weighed, facts: CaseFitFacts, options: TopicMatch[][]): CourseFit {
  const course = r.candidate.course;
  const place = course.places[0]!;
  return {
    caseId: facts.caseId,
    courseId: course.id,
    courseName: course.name,
    courseKind: course.kind ?? null,
    institutionName: place.institution ?? null,
    institutionId: place.institutionId ?? null,
    programmeName: place.programme ?? null,
    programmeId: place.programmeId ?? null,
    courseLevels: course.kinds,
    wantedLevels: facts.wanted,
    topicCount: facts.topics.length,
    topicMatches: sharedTopics(r.candidate, options),
    effort: facts.effort,
    effortScore: effortFitScore(facts.effort, course.kind),
    topicScore: r.candidate.topicScore,
    levelScore: r.candidate.levelScore,
    windowStart: facts.windowStart,
    windowEnd: facts.windowEnd,
    period: r.period
      ? { id: r.period.id, name: r.period.name, startDate: r.period.startDate!, endDate: r.period.endDate! }
      : null,
    timingScore: r.timingScore,
    capacityScore: r.capacityScore,
    hasAgreement: r.hasAgreement,
    casesPerPeriod: r.cap ?? null,
    usedPlaces: r.cap === null ? null : r.used,
    remainingPlaces: r.remaining ?? null,
  };
}
