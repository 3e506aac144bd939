import { Language } from "../../platform/model/graph-enums.js";
import { SuggestionFactorName, SuggestionVerdict } from "./matching-enums.js";
import type { CaseSuggestion, SuggestionFactor, TopicMatch } from "./suggestion-types.js";
import { FACTOR_NAMES, type SuggestionWeights } from "./suggestion-weights.js";

/**
 * Turns a course's factor scores (read from the graph) into the suggestion a coordinator sees: a
 * total, a verdict and one sentence of why, in Dutch or English. Pure, so the rules are unit-tested.
 */

/** Lowest total for each verdict (the total lies between 0 and 1). */
export const VERDICT_THRESHOLDS: Readonly<Record<Exclude<SuggestionVerdict, SuggestionVerdict.POOR>, number>> = {
  GREAT: 0.75,
  GOOD: 0.55,
  FAIR: 0.35,
};

/**
 * How the graph sees one course for one case; topic, level, timing and capacity are scored in Cypher.
 * The fields a suggestion shows as they are come from CaseSuggestion; the rest feed the scores and words.
 */
export interface CourseFit extends Pick<
  CaseSuggestion,
  | "courseId"
  | "courseName"
  | "courseKind"
  | "institutionName"
  | "institutionId"
  | "programmeName"
  | "programmeId"
  | "topicMatches"
  | "hasAgreement"
  | "remainingPlaces"
> {
  caseId: string;
  courseLevels: string[];
  wantedLevels: string[];
  topicCount: number;
  topicScore: number;
  /** The case's effort (null: not yet known) and its fit with the course's kind (effort-fit.ts). */
  effort: string | null;
  effortScore: number;
  levelScore: number;
  windowStart: string;
  windowEnd: string | null;
  period: { id: string; name: string; startDate: string; endDate: string } | null;
  timingScore: number;
  capacityScore: number;
  casesPerPeriod: number | null;
  usedPlaces: number | null;
}

/** What the graph knows about a course's teacher: replies, sprints, ratings, and the best warm path. */
export interface TeacherSignals {
  teacherId: string;
  teacherName: string;
  answered: number;
  expired: number;
  completedSprints: number;
  averageRating: number | null;
  warmPathStrength: number | null;
  warmPathHops: number | null;
}

/** The scorer's answer; CaseSuggestion and the digest's entries show it as score, verdict, reason and factors. */
export interface ScoredSuggestion {
  total: number;
  verdict: SuggestionVerdict;
  reason: string;
  factors: SuggestionFactor[];
}

/**
 * The teacher's track record, 0–1: reply rate (answered of answered + expired, with one imagined
 * answer and one imagined silence so a newcomer starts at 0.5) 40 %, completed sprints (three or more
 * count fully) 30 %, the SMEs' average rating (1–5 → 0–1; none yet counts as 0.5) 30 %.
 */
export function trackRecordScore(t: Pick<TeacherSignals, "answered" | "expired" | "completedSprints" | "averageRating">): number {
  const replies = (t.answered + 1) / (t.answered + t.expired + 2);
  const sprints = Math.min(t.completedSprints, 3) / 3;
  const rating = t.averageRating === null ? 0.5 : Math.min(Math.max((t.averageRating - 1) / 4, 0), 1);
  return round(0.4 * replies + 0.3 * sprints + 0.3 * rating);
}

export function verdictFor(total: number): SuggestionVerdict {
  if (total >= VERDICT_THRESHOLDS.GREAT) return SuggestionVerdict.GREAT;
  if (total >= VERDICT_THRESHOLDS.GOOD) return SuggestionVerdict.GOOD;
  if (total >= VERDICT_THRESHOLDS.FAIR) return SuggestionVerdict.FAIR;
  return SuggestionVerdict.POOR;
}

const VERDICT_RANK: Record<SuggestionVerdict, number> = { POOR: 0, FAIR: 1, GOOD: 2, GREAT: 3 };

export function verdictAtLeast(verdict: SuggestionVerdict, floor: SuggestionVerdict): boolean {
  return VERDICT_RANK[verdict] >= VERDICT_RANK[floor];
}

/** Picks, of a course's teachers, the one the case is likeliest to land with. */
export function bestTeacher(teachers: TeacherSignals[], weights: SuggestionWeights): TeacherSignals | null {
  let best: TeacherSignals | null = null;
  let bestScore = -1;
  for (const t of teachers) {
    const score = weights.trackRecord * trackRecordScore(t) + weights.warmPath * (t.warmPathStrength ?? 0);
    if (score > bestScore || (score === bestScore && best !== null && t.teacherName < best.teacherName)) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

export function scoreSuggestion(
  fit: CourseFit,
  teacher: TeacherSignals | null,
  weights: SuggestionWeights,
  language: Language,
): ScoredSuggestion {
  const words = WORDS[language];
  const scores: Record<SuggestionFactorName, number> = {
    topicOverlap: fit.topicScore,
    levelFit: fit.levelScore,
    timing: fit.timingScore,
    remainingCapacity: fit.capacityScore,
    trackRecord: teacher ? trackRecordScore(teacher) : 0,
    warmPath: teacher?.warmPathStrength ?? 0,
    effortFit: fit.effortScore,
  };
  const factors: SuggestionFactor[] = FACTOR_NAMES.map((factor) => ({
    factor,
    score: round(scores[factor]),
    weight: round(weights[factor]),
    contribution: round(scores[factor] * weights[factor]),
    detail: words.detail(factor, fit, teacher),
  }));
  const total = round(FACTOR_NAMES.reduce((s, factor) => s + scores[factor] * weights[factor], 0));

  // A course that cannot take the case as asked (no wanted level, no period in the window) is poor
  // whatever else it has; a full course is at best fair: room may open, or the agreement may grow.
  const blockers = factors.filter(
    (f) =>
      (f.factor === SuggestionFactorName.levelFit || f.factor === SuggestionFactorName.timing) && f.score === 0 && f.weight > 0,
  );
  const full = fit.hasAgreement && fit.remainingPlaces !== null && fit.remainingPlaces <= 0 && weights.remainingCapacity > 0;
  let verdict = verdictFor(total);
  if (blockers.length > 0) verdict = SuggestionVerdict.POOR;
  else if (full && verdictAtLeast(verdict, SuggestionVerdict.GOOD)) verdict = SuggestionVerdict.FAIR;

  let reason: string;
  if (blockers.length > 0) {
    reason = `${words.verdict[verdict]}: ${joinWords(
      blockers.map((f) => f.detail),
      words.and,
    )}.`;
  } else {
    const weighted = factors.filter((f) => f.weight > 0);
    const strengths = [...weighted]
      .filter((f) => f.score >= 0.75)
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, 2);
    const weakest = [...weighted]
      .filter((f) => f.score < 0.5 && !strengths.includes(f))
      .sort((a, b) => a.score - b.score || b.weight - a.weight)[0];
    const good =
      strengths.length > 0
        ? joinWords(
            strengths.map((f) => f.detail),
            words.and,
          )
        : words.nothingStands;
    reason = `${words.verdict[verdict]}: ${good}${weakest ? `${words.but}${weakest.detail}` : ""}.`;
  }
  return { total, verdict, reason, factors };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function joinWords(parts: string[], and: string): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")}${and}${parts.at(-1)}`;
}

/**
 * Dates, numbers and plurals of the reasons in the reader's language (issue #17): "12 apr 2027" as the client
 * writes it (client/src/ui/useFormat.ts), "0,75" in Dutch, and "1 sprint" / "2 sprints" by Intl.PluralRules.
 */
function wording(locale: string) {
  const days = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const scores = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const plurals = new Intl.PluralRules(locale);
  return {
    day: (iso: string | null | undefined): string => (iso ? days.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "?"),
    score: (n: number): string => scores.format(n),
    count: (n: number, one: string, other: string): string => `${n} ${plurals.select(n) === "one" ? one : other}`,
  };
}
const en = wording("en-GB");
const nl = wording("nl-NL");

interface Words {
  verdict: Record<SuggestionVerdict, string>;
  and: string;
  but: string;
  nothingStands: string;
  detail(factor: SuggestionFactorName, fit: CourseFit, teacher: TeacherSignals | null): string;
}

const WORDS: Record<Language, Words> = {
  EN: {
    verdict: { GREAT: "Great fit", GOOD: "Good fit", FAIR: "Fair fit", POOR: "Poor fit" },
    and: " and ",
    but: "; but ",
    nothingStands: "no factor stands out",
    detail(factor, fit, teacher) {
      switch (factor) {
        case SuggestionFactorName.topicOverlap:
          return `${fit.topicMatches.length} of ${fit.topicCount} topics match (${describeTopicMatches(fit.topicMatches, Language.EN).join(", ")})`;
        case SuggestionFactorName.levelFit:
          if (fit.courseLevels.length === 0) return "the course's level is unknown";
          return fit.levelScore > 0
            ? `${fit.courseLevels.join("/")} level as wanted`
            : `the course is ${fit.courseLevels.join("/")} while ${fit.wantedLevels.join("/")} is wanted`;
        case SuggestionFactorName.timing:
          if (!fit.period)
            return `no teaching period starts between ${en.day(fit.windowStart)} and ${fit.windowEnd ? en.day(fit.windowEnd) : "later"}`;
          return fit.timingScore >= 1
            ? `${fit.period.name} runs ${en.day(fit.period.startDate)} to ${en.day(fit.period.endDate)}, inside the window`
            : `${fit.period.name} starts ${en.day(fit.period.startDate)} but ends after the deadline ${en.day(fit.windowEnd)}`;
        case SuggestionFactorName.remainingCapacity:
          if (!fit.period) return "no period to place the case in";
          if (!fit.hasAgreement) return "there is no agreement with the course yet";
          if (fit.remainingPlaces === null) return "the agreement sets no limit";
          return fit.remainingPlaces > 0
            ? `${fit.remainingPlaces} of ${en.count(fit.casesPerPeriod ?? 0, "place", "places")} left in ${fit.period.name}`
            : `no places left in ${fit.period.name} (${fit.casesPerPeriod} agreed)`;
        case SuggestionFactorName.trackRecord:
          if (!teacher) return "no teacher is known";
          if (teacher.answered + teacher.expired + teacher.completedSprints === 0)
            return `${teacher.teacherName} has no track record yet`;
          return `${teacher.teacherName} answered ${teacher.answered} of ${en.count(teacher.answered + teacher.expired, "proposal", "proposals")} and completed ${en.count(teacher.completedSprints, "sprint", "sprints")}`;
        case SuggestionFactorName.warmPath:
          if (!teacher || teacher.warmPathStrength === null) return "no warm path to the teacher";
          if (teacher.warmPathHops === 0) return "the teacher is one of the coordinators";
          return `a warm path of ${en.count(teacher.warmPathHops ?? 0, "tie", "ties")} (strength ${en.score(teacher.warmPathStrength)}) to ${teacher.teacherName}`;
        case SuggestionFactorName.effortFit:
          if (!fit.effort) return "the case's effort is not known yet";
          return `${EFFORT_WORDS.EN[fit.effort] ?? fit.effort} ${fit.effortScore >= 0.75 ? "suits" : fit.effortScore >= 0.5 ? "can fit" : "does not suit"} ${KIND_WORDS.EN[fit.courseKind ?? ""] ?? "this course"}`;
      }
    },
  },
  NL: {
    verdict: { GREAT: "Zeer goede match", GOOD: "Goede match", FAIR: "Redelijke match", POOR: "Zwakke match" },
    and: " en ",
    but: "; maar ",
    nothingStands: "geen factor springt eruit",
    detail(factor, fit, teacher) {
      switch (factor) {
        case SuggestionFactorName.topicOverlap:
          return `${fit.topicMatches.length} van ${fit.topicCount} onderwerpen passen (${describeTopicMatches(fit.topicMatches, Language.NL).join(", ")})`;
        case SuggestionFactorName.levelFit:
          if (fit.courseLevels.length === 0) return "het niveau van het vak is onbekend";
          return fit.levelScore > 0
            ? `niveau ${fit.courseLevels.join("/")} zoals gevraagd`
            : `het vak is ${fit.courseLevels.join("/")} terwijl ${fit.wantedLevels.join("/")} gevraagd is`;
        case SuggestionFactorName.timing:
          if (!fit.period)
            return `geen onderwijsperiode begint tussen ${nl.day(fit.windowStart)} en ${fit.windowEnd ? nl.day(fit.windowEnd) : "later"}`;
          return fit.timingScore >= 1
            ? `${fit.period.name} loopt van ${nl.day(fit.period.startDate)} tot ${nl.day(fit.period.endDate)}, binnen het venster`
            : `${fit.period.name} begint ${nl.day(fit.period.startDate)} maar eindigt na de deadline ${nl.day(fit.windowEnd)}`;
        case SuggestionFactorName.remainingCapacity:
          if (!fit.period) return "geen periode om de casus in te plaatsen";
          if (!fit.hasAgreement) return "er is nog geen afspraak met het vak";
          if (fit.remainingPlaces === null) return "de afspraak noemt geen maximum";
          return fit.remainingPlaces > 0
            ? `${fit.remainingPlaces} van ${nl.count(fit.casesPerPeriod ?? 0, "plaats", "plaatsen")} vrij in ${fit.period.name}`
            : `geen plaats meer in ${fit.period.name} (${fit.casesPerPeriod} afgesproken)`;
        case SuggestionFactorName.trackRecord:
          if (!teacher) return "er is geen docent bekend";
          if (teacher.answered + teacher.expired + teacher.completedSprints === 0)
            return `${teacher.teacherName} heeft nog geen staat van dienst`;
          return `${teacher.teacherName} beantwoordde ${teacher.answered} van ${nl.count(teacher.answered + teacher.expired, "voorstel", "voorstellen")} en rondde ${nl.count(teacher.completedSprints, "sprint", "sprints")} af`;
        case SuggestionFactorName.warmPath:
          if (!teacher || teacher.warmPathStrength === null) return "geen warm pad naar de docent";
          if (teacher.warmPathHops === 0) return "de docent is zelf coördinator";
          return `een warm pad van ${nl.count(teacher.warmPathHops ?? 0, "stap", "stappen")} (sterkte ${nl.score(teacher.warmPathStrength)}) naar ${teacher.teacherName}`;
        case SuggestionFactorName.effortFit:
          if (!fit.effort) return "de omvang van de casus is nog niet bekend";
          return `${EFFORT_WORDS.NL[fit.effort] ?? fit.effort} ${fit.effortScore >= 0.75 ? "past bij" : fit.effortScore >= 0.5 ? "kan passen bij" : "past niet bij"} ${KIND_WORDS.NL[fit.courseKind ?? ""] ?? "dit vak"}`;
      }
    },
  },
};

const EFFORT_WORDS: Record<Language, Record<string, string>> = {
  EN: { SMALL: "a few days' work", SPRINT: "one sprint's work", SEMESTER: "a semester's work" },
  NL: { SMALL: "een paar dagen werk", SPRINT: "één sprint werk", SEMESTER: "een semester werk" },
};

const KIND_WORDS: Record<Language, Record<string, string>> = {
  EN: {
    COURSE: "a course sprint",
    PROJECT: "a project",
    MINOR: "a minor",
    INTERNSHIP: "an internship",
    GRADUATION: "a graduation assignment",
  },
  NL: {
    COURSE: "een sprint in een vak",
    PROJECT: "een project",
    MINOR: "een minor",
    INTERNSHIP: "een stage",
    GRADUATION: "een afstudeeropdracht",
  },
};

/**
 * Says which topic matched how, in the reader's language: "web shop" when the case used the label itself,
 * "web shop (yours: webshop)" when it used another word for it, "e-commerce (broader than yours: webshop)" for a
 * neighbour. The coordinator is the reader ("yours" is the case's word).
 */
export function describeTopicMatch(m: TopicMatch, language: Language): string {
  const label = language === Language.NL ? m.courseTopicNl : m.courseTopicEn;
  const nl = language === Language.NL;
  if (m.relation === "SAME") {
    // Any difference in spelling is shown: the coordinator sees that "webshop" was read as "web shop".
    return m.caseWord.trim().toLowerCase() === label.toLowerCase()
      ? label
      : `${label} (${nl ? "uw woord" : "yours"}: ${m.caseWord})`;
  }
  const relation =
    m.relation === "BROADER" ? (nl ? "ruimer dan uw" : "broader than yours") : nl ? "specifieker dan uw" : "narrower than yours";
  return `${label} (${relation}: ${m.caseWord})`;
}

export function describeTopicMatches(matches: readonly TopicMatch[], language: Language): string[] {
  return matches.map((m) => describeTopicMatch(m, language));
}
