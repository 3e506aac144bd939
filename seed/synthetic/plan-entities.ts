import { dayNumber, formatDateTime, formatDay } from "./format-day.js";
import {
  firstTeacherOf,
  institutionOfCourse,
  institutionOfStaff,
  jobTitleOfStaff,
  partnerOfStaff,
  personKind,
  type EducationLevel,
  type InstitutionPlan,
  type PartnerKind,
  type SyntheticLayout,
} from "./plan-layout.js";
import { legacyTopicWords, type PlantedWord } from "./legacy-topic-words.js";
import { Random } from "./Random.js";
import {
  caseTitles,
  cities,
  courseNames,
  firstNames,
  institutionPrefixes,
  lastNames,
  partnerNames,
  programmeNames,
  sectors,
  smeWords,
  themes,
} from "./vocabulary.js";
import type {
  AgreementScope,
  CaseStatus as GraphCaseStatus,
  CourseKind as GraphCourseKind,
  Effort,
  Language,
  MappingStatus as GraphMappingStatus,
  SmeSize,
} from "../../server/platform/model/graph-enums.js";

/**
 * The properties of each synthetic node, a pure function of (layout, index): every entity draws
 * from its own seeded generator, so a property never depends on the order things are written in.
 */

// The schema's values, as plain strings (the seed data is written as literals).
type MappingStatus = `${GraphMappingStatus}`;
export type CaseStatus = `${GraphCaseStatus}`;
type CourseKind = `${GraphCourseKind}`;

/**
 * Teaching periods of the base academic year 2025-2026 (shift-years.ts moves every date to the
 * reference date's year): four blocks (WO, HBO) or two semesters (MBO).
 */
const periodDates: Record<2 | 4, Array<[string, string]>> = {
  4: [
    ["2025-09-01", "2025-11-07"],
    ["2025-11-10", "2026-01-30"],
    ["2026-02-02", "2026-04-17"],
    ["2026-04-20", "2026-07-03"],
  ],
  2: [
    ["2025-09-01", "2026-01-30"],
    ["2026-02-02", "2026-07-03"],
  ],
};

export function teachingPeriodPlan(inst: InstitutionPlan, period: number): { name: string; startDate: string; endDate: string } {
  const dates = periodDates[inst.periods === 2 ? 2 : 4][period] ?? ["2025-09-01", "2026-07-03"];
  const name =
    inst.periods === 2 ? `Semester ${period + 1}` : inst.kind === "WO" ? `Periode ${period + 1}` : `Blok ${period + 1}`;
  return { name, startDate: dates[0], endDate: dates[1] };
}

const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function institutionShortName(inst: InstitutionPlan, name: string): string {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? "")
    .join("")
    .toUpperCase();
  return `${initials}${inst.index + 1}`;
}

export interface InstitutionProps {
  name: string;
  shortName: string;
  kind: EducationLevel;
  city: string;
  website: string;
}

/** Institution names, made unique by a number where a prefix and city repeat. */
export function institutionProps(layout: SyntheticLayout): InstitutionProps[] {
  const used = new Map<string, number>();
  return layout.institutions.map((inst) => {
    const random = Random.forItem(layout.size.seed, "institution", inst.index);
    const city = random.pick(cities);
    let name = `${random.pick(institutionPrefixes[inst.kind])} ${city}`;
    const seen = used.get(name) ?? 0;
    used.set(name, seen + 1);
    if (seen > 0) name = `${name} ${seen + 1}`;
    const shortName = institutionShortName(inst, name);
    return { name, shortName, kind: inst.kind, city, website: `https://www.${slug(shortName)}.example` };
  });
}

const programmeLevels: Record<EducationLevel, Array<readonly [string, number]>> = {
  WO: [
    ["BACHELOR", 6],
    ["MASTER", 4],
  ],
  HBO: [
    ["BACHELOR", 8],
    ["ASSOCIATE_DEGREE", 2],
    ["MASTER", 1],
  ],
  MBO: [
    ["MBO_4", 6],
    ["MBO_3", 3],
    ["MBO_2", 1],
  ],
};

const programmeMapping: Array<readonly [MappingStatus, number]> = [
  ["NOT_APPROACHED", 50],
  ["APPROACHED", 20],
  ["RESPONDED", 12],
  ["EXAMPLES_RECEIVED", 8],
  ["AGREEMENT", 10],
];
const courseMapping: Array<readonly [MappingStatus, number]> = [
  ["NOT_APPROACHED", 55],
  ["APPROACHED", 20],
  ["RESPONDED", 10],
  ["EXAMPLES_RECEIVED", 7],
  ["AGREEMENT", 8],
];

export function programmeProps(
  layout: SyntheticLayout,
  programme: number,
): { name: string; level: string; mappingStatus: MappingStatus } {
  const inst = layout.institutions[layout.programmeInstitution[programme] ?? 0]!;
  const random = Random.forItem(layout.size.seed, "programme", programme);
  const names = programmeNames[inst.kind];
  // Within one institution the names go round the list, so they repeat only in big institutions.
  const local = programme - inst.programmes.lo;
  const round = Math.floor(local / names.length);
  const name = `${names[local % names.length]}${round > 0 ? ` ${round + 1}` : ""}`;
  return { name, level: random.weighted(programmeLevels[inst.kind]), mappingStatus: random.weighted(programmeMapping) };
}

export interface CourseProps {
  name: string;
  kind: CourseKind;
  studyYear: number;
  /** The teacher's free-text words (legacy-topic-words.ts), as the start-up migration meets them. */
  themes: string[];
  mappingStatus: MappingStatus;
}

export function courseProps(layout: SyntheticLayout, course: number): CourseProps {
  return coursePlan(layout, course).props;
}

/** A course's words with what the migration should make of each (bench:migration checks its report against them). */
export function coursePlantedWords(layout: SyntheticLayout, course: number): PlantedWord[] {
  return coursePlan(layout, course).planted;
}

function coursePlan(layout: SyntheticLayout, course: number): { props: CourseProps; planted: PlantedWord[] } {
  const random = Random.forItem(layout.size.seed, "course", course);
  const name = random.pick(courseNames);
  const kind: CourseKind =
    name === "Stage"
      ? "INTERNSHIP"
      : name === "Afstudeeropdracht"
        ? "GRADUATION"
        : name.startsWith("Minor")
          ? "MINOR"
          : random.weighted<CourseKind>([
              ["COURSE", 5],
              ["PROJECT", 4],
            ]);
  const inst = institutionOfCourse(layout, course);
  const years = inst.kind === "MBO" ? 3 : 4;
  const studyYear = random.between(1, years);
  const courseThemes = random.sample(themes, random.between(1, 3));
  const planted = legacyTopicWords(layout.size.seed, "course", course, courseThemes);
  const props = {
    name: `${name} ${course - inst.courses.lo + 1}`,
    kind,
    studyYear,
    themes: planted.map((w) => w.word),
    mappingStatus: random.weighted(courseMapping),
  };
  return { props, planted };
}

/** Teaching periods a course runs in (local period numbers): one, sometimes the next as well. */
export function coursePeriods(layout: SyntheticLayout, course: number): number[] {
  const inst = institutionOfCourse(layout, course);
  const first = (course - inst.courses.lo) % inst.periods;
  const random = Random.forItem(layout.size.seed, "course-periods", course);
  return random.chance(0.15) && first + 1 < inst.periods ? [first, first + 1] : [first];
}

export interface PartnerProps {
  name: string;
  kind: PartnerKind;
}

export function partnerProps(layout: SyntheticLayout): PartnerProps[] {
  const used = new Map<string, number>();
  return layout.partners.map((partner) => {
    const names = partnerNames[partner.kind];
    const seen = used.get(partner.kind) ?? 0;
    used.set(partner.kind, seen + 1);
    const round = Math.floor(seen / names.length);
    return { name: `${names[seen % names.length]}${round > 0 ? ` ${round + 1}` : ""}`, kind: partner.kind };
  });
}

export interface PersonProps {
  name: string;
  email: string;
  jobTitle: string;
  language: `${Language}`;
}

const partnerJobTitles: Record<PartnerKind, string> = {
  BANK: "Accountmanager MKB",
  CHAMBER_OF_COMMERCE: "Adviseur Ondernemen",
  EVENT: "Eventmanager",
  NETWORK: "Netwerkcoördinator",
  OTHER: "Beleidsmedewerker",
};

export function personProps(layout: SyntheticLayout, person: number, institutionShortNames: readonly string[]): PersonProps {
  const random = Random.forItem(layout.size.seed, "person", person);
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  let jobTitle: string;
  let domain: string;
  switch (personKind(layout, person)) {
    case "coordinator":
      jobTitle = "Coördinator Digitale Werkplaats";
      domain = "werkplaats-mkb.example";
      break;
    case "partner": {
      const partner = partnerOfStaff(layout, person);
      jobTitle = partnerJobTitles[partner.kind];
      domain = `partner${partner.index + 1}.example`;
      break;
    }
    case "staff": {
      const inst = institutionOfStaff(layout, person);
      jobTitle = jobTitleOfStaff(inst, person);
      domain = `${slug(institutionShortNames[inst.index] ?? "school")}.example`;
      break;
    }
    case "sme":
      jobTitle = random.chance(0.7) ? "Eigenaar" : "Directeur";
      domain = `sme${person - layout.smeContacts.lo + 1}.example`;
      break;
  }
  return {
    name: `${first} ${last}`,
    email: `${slug(first)}.${slug(last)}.${person}@${domain}`,
    jobTitle,
    language: random.chance(0.92) ? "NL" : "EN",
  };
}

export interface SmeProps {
  name: string;
  kvkNumber: string;
  sector: string;
  size: `${SmeSize}`;
  city: string;
}

/**
 * KvK numbers: an affine map of the index modulo 90,000,000 (the multiplier is coprime to it),
 * so every SME gets a distinct 8-digit number that looks unordered.
 */
export function kvkNumber(layout: SyntheticLayout, sme: number): string {
  const offset = (layout.size.seed * 7_919) % 90_000_000;
  return String(10_000_000 + ((sme * 7_654_321 + offset) % 90_000_000));
}

export function smeProps(layout: SyntheticLayout, sme: number): SmeProps {
  const random = Random.forItem(layout.size.seed, "sme", sme);
  const city = random.pick(cities);
  return {
    name: `${random.pick(smeWords)} ${random.pick(lastNames)} ${city}`,
    kvkNumber: kvkNumber(layout, sme),
    sector: random.pick(sectors),
    size: random.weighted([
      ["MICRO", 6],
      ["SMALL", 3],
      ["MEDIUM", 1],
    ] as const),
    city,
  };
}

export interface SprintPlan {
  status: "PLANNED" | "RUNNING" | "COMPLETED";
  course: number;
  /** Local teaching period of the course's institution. */
  period: number;
  supervisor: number;
  teamSize: number;
  teamLevel: EducationLevel;
  startDate: string;
  endDate: string;
  smeRating: number | null;
  followUpWanted: boolean | null;
}

export interface CasePlan {
  sme: number;
  coordinator: number;
  title: string;
  question: string;
  /** The SME owner's free-text words (legacy-topic-words.ts), as the start-up migration meets them. */
  topics: string[];
  /** The same words with what the migration should make of each (bench:migration checks its report against them). */
  plantedTopics: PlantedWord[];
  wantedLevels: EducationLevel[];
  effort: `${Effort}`;
  status: CaseStatus;
  created: string;
  earliestStart: string | null;
  deadline: string | null;
  sprint: SprintPlan | null;
}

const firstCaseDay = dayNumber("2024-01-01");
const lastCaseDay = dayNumber("2025-09-30");

export function casePlan(layout: SyntheticLayout, index: number): CasePlan {
  const random = Random.forItem(layout.size.seed, "case", index);
  const smes = layout.size.smes;
  // Every SME asks at least one question (when there are enough cases); some ask more.
  const sme = index < smes ? index : random.int(smes);
  const caseThemes = random.sample(themes, random.between(1, 3));
  const main = caseThemes[0] ?? "data";
  const plantedTopics = legacyTopicWords(layout.size.seed, "case", index, caseThemes);
  const createdDay = firstCaseDay + random.int(lastCaseDay - firstCaseDay + 1);
  const age = (lastCaseDay - createdDay) / (lastCaseDay - firstCaseDay);
  // Older cases have moved further along the lifecycle.
  const status = random.weighted<CaseStatus>([
    ["INTAKE", (1 - age) * 3],
    ["QUALIFIED", (1 - age) * 2],
    ["PROPOSED", (1 - age) * 2],
    ["MATCHED", 1.2],
    ["IN_SPRINT", 1.5],
    ["COMPLETED", age * 4],
    ["CLOSED", age * 1.5 + 0.3],
  ]);
  const earliest = createdDay + random.int(60);
  const wantedLevels = random.sample<EducationLevel>(
    ["HBO", "MBO", "WO"],
    random.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ] as const),
  );
  let sprint: SprintPlan | null = null;
  const sprintStatus =
    status === "IN_SPRINT"
      ? "RUNNING"
      : status === "COMPLETED"
        ? "COMPLETED"
        : status === "MATCHED" && random.chance(0.5)
          ? "PLANNED"
          : null;
  if (sprintStatus) {
    const course = random.int(layout.size.courses);
    const inst = institutionOfCourse(layout, course);
    const period = coursePeriods(layout, course)[0] ?? 0;
    const dates = teachingPeriodPlan(inst, period);
    // A completed sprint ran a year earlier, in the same period.
    const shift = sprintStatus === "COMPLETED" ? -364 : 0;
    sprint = {
      status: sprintStatus,
      course,
      period,
      supervisor: firstTeacherOf(layout, course),
      teamSize: random.between(2, 6),
      teamLevel: inst.kind,
      startDate: formatDay(dayNumber(dates.startDate) + shift),
      endDate: formatDay(dayNumber(dates.endDate) + shift),
      smeRating:
        sprintStatus === "COMPLETED"
          ? random.weighted([
              [5, 4],
              [4, 4],
              [3, 2],
              [2, 1],
            ] as const)
          : null,
      followUpWanted: sprintStatus === "COMPLETED" ? random.chance(0.4) : null,
    };
  }
  return {
    sme,
    coordinator: index % 3,
    title: caseTitles[main],
    question: `Hoe pakken wij "${caseTitles[main].toLowerCase()}" aan? (vraag ${index + 1})`,
    topics: plantedTopics.map((w) => w.word),
    plantedTopics,
    wantedLevels,
    effort: random.weighted([
      ["SMALL", 2],
      ["SPRINT", 5],
      ["SEMESTER", 2],
    ] as const),
    status,
    created: formatDateTime(createdDay, random.int(9 * 3600) + 8 * 3600),
    earliestStart: random.chance(0.8) ? formatDay(earliest) : null,
    deadline: random.chance(0.7) ? formatDay(earliest + random.between(60, 240)) : null,
    sprint,
  };
}

export interface AgreementPlan {
  id: string;
  scope: `${AgreementScope}`;
  /** Id of what it covers. */
  covers: string;
  signer: number;
  assignmentTypes: CourseKind[];
  casesPerPeriod: number;
  structural: boolean;
  planning: string;
  signedOn: string;
  validFrom: string;
  validTo: string | null;
}

export function agreementTerms(
  layout: SyntheticLayout,
  scope: AgreementPlan["scope"],
  target: number,
  assignmentTypes: CourseKind[],
): Omit<AgreementPlan, "id" | "covers" | "signer"> {
  const random = Random.forItem(layout.size.seed, `agreement-${scope}`, target);
  const signed = dayNumber("2024-03-01") + random.int(540);
  const structuralChance = scope === "COURSE" ? 0.3 : scope === "PROGRAMME" ? 0.6 : 0.9;
  return {
    scope,
    assignmentTypes,
    casesPerPeriod: random.between(1, scope === "COURSE" ? 4 : 12),
    structural: random.chance(structuralChance),
    planning: random.pick(["Per periode", "Twee keer per jaar", "Doorlopend", "Start van elk semester"]),
    signedOn: formatDay(signed),
    validFrom: formatDay(signed + random.int(30)),
    validTo: random.chance(0.6) ? formatDay(signed + 365 * random.between(1, 3)) : null,
  };
}

/** The board member (or, in a tiny institution, the dean) who signs an institution agreement. */
export function institutionSigner(inst: InstitutionPlan): number {
  return inst.staff.lo;
}
