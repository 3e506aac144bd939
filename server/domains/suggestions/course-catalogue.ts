import type { AgreementTerm, AgreementTerms } from "../agreements/index.js";
import type { TopicMatch } from "./suggestion-types.js";
import { NEIGHBOUR_TOPIC_CREDIT, type SuggestionWeights } from "./suggestion-weights.js";

/**
 * The courses' fixed facts, held in memory (issue 19; docs/matching.md, "The course catalogue"): per course its name,
 * kind, topics, places (programme and institution, hence its levels) and teaching periods, and the vocabulary's labels
 * and BROADER links. With them `suggestCourses` finds a case's candidate courses and scores their topic overlap, level
 * fit, timing and — wherever no agreement's limit counts sprints — remaining capacity without asking Neo4j, by the rules
 * of readCourseFitsStatement and to the same doubles; Neo4j is asked only for the sprints of the courses whose
 * capacity depends on them and that can still be kept (read-held-course-fits.ts). The agreements' terms are held too,
 * per course: its own, its programmes' and its institutions'. Neo4j stays the source of truth: the catalogue is tagged with the catalogue version
 * (server/platform/neo4j/catalogue-version.ts) and read again when it moves (held-course-catalogue.ts).
 */

export interface HeldPlace {
  programme: string | null;
  programmeId: string | null;
  /** The programme's element id (what the agreements' terms are keyed by). */
  programmeKey: string;
  institution: string | null;
  institutionId: string | null;
  institutionKey: string;
  kind: string | null;
}

export interface HeldPeriod {
  id: string;
  name: string;
  /** YYYY-MM-DD; null: a period without dates, which no window holds. */
  startDate: string | null;
  endDate: string | null;
}

export interface HeldCourse {
  id: string;
  name: string;
  kind: string | null;
  /** The course's element id (what the agreements' terms are keyed by). */
  key: string;
  /** The topics it is ABOUT (ids, distinct). */
  topics: string[];
  /** Its programmes and their institutions, ordered by programme id, then institution id; never empty. */
  places: HeldPlace[];
  /** Its institutions' kinds (its levels), distinct, in the order of `places`. */
  kinds: string[];
  /** The teaching periods it runs in (RUNS_IN), distinct. */
  periods: HeldPeriod[];
  /** The agreements' terms (readAgreementTerms) of the course itself, of its programmes and of their institutions. */
  directTerms: AgreementTerm[];
  programmeTerms: AgreementTerm[];
  institutionTerms: AgreementTerm[];
}

export interface HeldTopic {
  id: string;
  labelNl: string;
  labelEn: string;
  /** The topics it is narrower than (its BROADER links), distinct. */
  broader: string[];
}

/** What a case brings to the fit (READ_CASE_FIT_FACTS). */
export interface CaseFitFacts {
  caseId: string;
  /** The case's topics with the word it was given by, ordered by topic id (a topic given by two words: twice). */
  topics: { id: string; word: string }[];
  windowStart: string;
  windowEnd: string | null;
  wanted: string[];
  effort: string | null;
}

/** One teaching period of a candidate in the case's window, weighed as readCourseFitsStatement's bestPeriod does. */
export interface PeriodInWindow {
  period: HeldPeriod;
  timing: number;
  hasAgreement: boolean;
  /** The governing agreements' limit; null: no agreement, or one without a limit (sprints are not counted then). */
  cap: number | null;
}

/** A course that shares a topic (or a broader or narrower one) with the case, scored on topic and level. */
export interface CatalogueCandidate {
  course: HeldCourse;
  /** Per case topic (by position) the option of its best match (matchOptions), -1 for none. */
  best: Int32Array;
  topicScore: number;
  levelScore: number;
  periods: PeriodInWindow[];
}

type Relation = "SAME" | "BROADER" | "NARROWER";

export class CourseCatalogue {
  private readonly byTopic = new Map<string, number[]>();
  private readonly topics = new Map<string, HeldTopic>();
  private readonly narrower = new Map<string, string[]>();

  constructor(
    readonly courses: readonly HeldCourse[],
    topics: readonly HeldTopic[],
    /** The catalogue version it was read at. */
    readonly version: string | null,
  ) {
    for (const t of topics) this.topics.set(t.id, t);
    for (const t of topics) {
      for (const b of t.broader) {
        const list = this.narrower.get(b);
        if (list) {
          if (!list.includes(t.id)) list.push(t.id);
        } else this.narrower.set(b, [t.id]);
      }
    }
    courses.forEach((course, index) => {
      for (const topic of course.topics) {
        const list = this.byTopic.get(topic);
        if (list) list.push(index);
        else this.byTopic.set(topic, [index]);
      }
    });
  }

  /**
   * Per case topic (by position) the ways it can match a course, best first: the same topic (credit 1), a broader or a
   * narrower one (one BROADER step, NEIGHBOUR_TOPIC_CREDIT); among equal credits the lowest topic id first.
   */
  matchOptions(facts: CaseFitFacts): TopicMatch[][] {
    return facts.topics.map((ct) => {
      const t = this.topics.get(ct.id);
      if (!t) return [];
      const option = (m: HeldTopic, relation: Relation, credit: number): TopicMatch => ({
        caseTopicId: ct.id,
        caseWord: ct.word,
        courseTopicId: m.id,
        courseTopicNl: m.labelNl,
        courseTopicEn: m.labelEn,
        relation,
        credit,
      });
      const options: TopicMatch[] = [option(t, "SAME", 1.0)];
      for (const b of t.broader) {
        const m = this.topics.get(b);
        if (m) options.push(option(m, "BROADER", NEIGHBOUR_TOPIC_CREDIT));
      }
      for (const n of this.narrower.get(t.id) ?? [])
        options.push(option(this.topics.get(n)!, "NARROWER", NEIGHBOUR_TOPIC_CREDIT));
      // Stable: among equal credit and topic (a topic both broader and narrower), BROADER first.
      return options.sort((a, b) => b.credit - a.credit || compareCypherStrings(a.courseTopicId, b.courseTopicId));
    });
  }

  /**
   * The case's candidates, by readCourseFitsStatement's rules: a course about one of the case's topics, or about a
   * broader or narrower one; per case topic its best match counts; topic overlap = the credits' sum over the case's
   * topics; level fit 0.5 without wanted levels, else 1 when one of the course's levels is wanted, else 0; and its
   * teaching periods that start in the case's window, each with its timing and governing agreement.
   *
   * The courses that share a topic with the case (`order`: their numbers, in the order first reached) and each one's
   * best option per case topic (-1: none) at best[index * n + position], n the case's topics; each is made a candidate
   * by candidate(), one at a time, so that the caller (read-held-course-fits.ts) can give way between them. Flat typed
   * arrays, not an array per course: at XL a case reaches up to 70,000 courses.
   */
  matches(facts: CaseFitFacts, options: TopicMatch[][]): { order: number[]; best: Int32Array } {
    const n = facts.topics.length;
    const order: number[] = [];
    if (n === 0) return { order, best: new Int32Array(0) };
    const best = new Int32Array(this.courses.length * n).fill(-1);
    const reached = new Uint8Array(this.courses.length);
    for (let position = 0; position < options.length; position++) {
      const list = options[position]!;
      for (let o = 0; o < list.length; o++) {
        for (const index of this.byTopic.get(list[o]!.courseTopicId) ?? []) {
          if (reached[index] === 0) {
            reached[index] = 1;
            order.push(index);
          }
          // Options come best first: the first to reach a course for this case topic is its match.
          if (best[index * n + position] === -1) best[index * n + position] = o;
        }
      }
    }
    return { order, best };
  }

  /** Course number `index` as a candidate, with `chosen` its best option per case topic (matches()). */
  candidate(index: number, chosen: Int32Array, facts: CaseFitFacts, options: TopicMatch[][]): CatalogueCandidate {
    const n = facts.topics.length;
    const course = this.courses[index]!;
    let sum = 0.0;
    for (let position = 0; position < n; position++) {
      const o = chosen[position]!;
      if (o >= 0) sum += options[position]![o]!.credit;
    }
    const topicScore = sum / n;
    const levelScore = facts.wanted.length === 0 ? 0.5 : course.kinds.some((k) => facts.wanted.includes(k)) ? 1.0 : 0.0;
    return { course, best: chosen, topicScore, levelScore, periods: periodsInWindow(course, facts) };
  }
}

/** The matches of a candidate, in the order of the case's topics (byCaseTopic). */
export function sharedTopics(candidate: CatalogueCandidate, options: TopicMatch[][]): TopicMatch[] {
  const shared: TopicMatch[] = [];
  candidate.best.forEach((o, position) => {
    if (o >= 0) shared.push(options[position]![o]!);
  });
  return shared.sort(byCaseTopic);
}

/** The order a suggestion lists its topic matches in, whichever way it was found: the case's topic id, then its word. */
export function byCaseTopic(a: TopicMatch, b: TopicMatch): number {
  return compareCypherStrings(a.caseTopicId, b.caseTopicId) || compareCypherStrings(a.caseWord, b.caseWord);
}

const NO_TERMS: AgreementTerm[] = [];

/**
 * The course's periods that start in the window (on or after its start, before its end), with timing (1 when the
 * period ends by the window's end, else 0.5) and the agreement that governs on the period's start: the course's own
 * terms valid then, else its programmes', else its institutions' (GOVERNING_AGREEMENT_IN_PERIOD); its limit the
 * largest of theirs, none when one of them has none.
 */
function periodsInWindow(course: HeldCourse, facts: CaseFitFacts): PeriodInWindow[] {
  const out: PeriodInWindow[] = [];
  const { windowStart, windowEnd } = facts;
  for (const period of course.periods) {
    const start = period.startDate;
    if (start === null || !(start >= windowStart) || (windowEnd !== null && !(start < windowEnd))) continue;
    const timing = windowEnd === null || (period.endDate !== null && period.endDate <= windowEnd) ? 1.0 : 0.5;
    const valid = (t: AgreementTerm) => (t[0] === null || t[0] <= start) && (t[1] === null || t[1] >= start);
    const direct = course.directTerms.length === 0 ? NO_TERMS : course.directTerms.filter(valid);
    const viaProgramme = direct.length > 0 || course.programmeTerms.length === 0 ? NO_TERMS : course.programmeTerms.filter(valid);
    const governing =
      direct.length > 0
        ? direct
        : viaProgramme.length > 0
          ? viaProgramme
          : course.institutionTerms.length === 0
            ? NO_TERMS
            : course.institutionTerms.filter(valid);
    const hasAgreement = governing.length > 0;
    const cap =
      governing.length === 0 || governing.some((g) => g[2] === null)
        ? null
        : governing.reduce((m, g) => (g[2]! > m ? g[2]! : m), 0);
    out.push({ period, timing, hasAgreement, cap });
  }
  return out;
}

/** A course as READ_COURSE_CATALOGUE returns it. */
export type CourseRow = Omit<HeldCourse, "kinds" | "periods" | "directTerms" | "programmeTerms" | "institutionTerms"> & {
  periodIds: string[];
};

/**
 * A course as READ_COURSE_CATALOGUE returns it, its periods and terms looked up: its levels are its places' kinds
 * (distinct, nulls left out, as collect does); its programmes' and institutions' terms one list each, place by place (as
 * readCourseFitsStatement adds them up).
 */
export function heldCourse(row: CourseRow, periods: ReadonlyMap<string, HeldPeriod>, terms: AgreementTerms): HeldCourse {
  const kinds: string[] = [];
  for (const p of row.places) if (p.kind !== null && p.kind !== undefined && !kinds.includes(p.kind)) kinds.push(p.kind);
  const list = (found: AgreementTerm[]) => (found.length === 0 ? NO_TERMS : found);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind ?? null,
    key: row.key,
    topics: row.topics,
    places: row.places,
    kinds,
    periods: row.periodIds.map((id) => periods.get(id)).filter((p): p is HeldPeriod => p !== undefined),
    directTerms: list(terms[row.key] ?? NO_TERMS),
    programmeTerms: list(row.places.flatMap((p) => terms[p.programmeKey] ?? NO_TERMS)),
    institutionTerms: list(row.places.flatMap((p) => terms[p.institutionKey] ?? NO_TERMS)),
  };
}

/** Strings in Cypher's order (by UTF-16 code unit, as Neo4j's ORDER BY), not the locale's. */
export function compareCypherStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What weighs a period (readCourseFitsStatement's bestPeriod): its timing and capacity, with the weights. */
export function periodKey(w: SuggestionWeights, timing: number, capacity: number): number {
  return w.timing * timing + w.remainingCapacity * capacity;
}
