import type { DemoGraph } from "./DemoGraph.js";
import type { Random } from "./create-random.js";
import type { CourseInfo, Education } from "./build-education.js";
import { ACADEMIC_YEARS, type CalendarKind } from "./institutions.js";
import { PersonFactory } from "./PersonFactory.js";
import { DEAN_AND_BOARD, type CourseKind } from "./programmes.js";
import { daysBetween, DEMO_TODAY, shiftDate } from "./shift-date.js";

export interface AgreementInfo {
  id: string;
  scope: "COURSE" | "PROGRAMME" | "INSTITUTION";
  coversId: string;
  signedOn: string;
  signerIds: string[];
}

export interface Agreements {
  all: AgreementInfo[];
  /** Course id → its COURSE-scope agreement. */
  byCourse: Map<string, AgreementInfo>;
}

/** A third of the courses, rounded: the courses with an agreement. */
export const COURSE_AGREEMENT_SHARE = 1 / 3;

const CASES_PER_PERIOD: Record<CourseKind, readonly [number, number]> = {
  COURSE: [1, 3],
  PROJECT: [2, 4],
  MINOR: [3, 6],
  INTERNSHIP: [1, 3],
  GRADUATION: [1, 2],
};

const PERIOD_WORDS: Record<CalendarKind, string> = {
  WO_PERIODS: "de periode",
  HBO_BLOKKEN: "het blok",
  MBO_SEMESTERS: "het semester",
  MBO_PERIODS: "de periode",
};

const PROCESS = [
  "De werkplaats doet de intake en stuurt een casusbeschrijving; de docent kiest binnen 14 dagen; de ondernemer is bij kick-off en eindpresentatie.",
  "Casussen gaan via de digest naar de docent; na een akkoord plant de werkplaats een kennismaking tussen ondernemer en studententeam.",
  "De werkplaats selecteert twee tot drie passende casussen per periode; de docent wijst ze toe aan teams in week 1.",
];
const SUPERVISION = [
  "De docent begeleidt inhoudelijk; de coördinator van de werkplaats houdt contact met de ondernemer en bewaakt de verwachtingen.",
  "Wekelijkse begeleiding door de docent; tussenpresentatie met de ondernemer halverwege; de werkplaats vraagt na afloop om feedback.",
  "Begeleiding binnen de reguliere lesuren; bij problemen met de opdrachtgever schakelt de docent de werkplaats in.",
];

/** Agreements on a third of the courses, a few on whole programmes and one with a board (institution scope). */
export function buildAgreements(graph: DemoGraph, education: Education, workspaceId: string, rng: Random): Agreements {
  const all: AgreementInfo[] = [];
  const byCourse = new Map<string, AgreementInfo>();

  // Only courses the workspace has a teacher for can have an agreement.
  const candidates = education.courses.filter((c) => c.contactTeacherId !== null);
  const target = Math.round(education.courses.length * COURSE_AGREEMENT_SHARE);
  if (candidates.length < target) throw new Error("demo data: too few reachable courses for the agreements");
  const chosen = rng.shuffle(candidates).slice(0, target);

  for (const course of chosen) {
    const info = addCourseAgreement(graph, education, workspaceId, course, rng);
    all.push(info);
    byCourse.set(course.id, info);
  }

  // Programme scope: a programme that made room for sprints in its curriculum.
  const programmeDeals = [
    { programmeId: "prog-hal-hbo-ict", signedOn: "2026-06-18", structural: true, signers: ["coordinator", "director"] },
    { programmeId: "prog-rocag-software-developer", signedOn: "2026-07-02", structural: false, signers: ["director"] },
    { programmeId: "prog-hhm-business-it", signedOn: "2026-05-27", structural: true, signers: ["director"] },
  ] as const;
  for (const deal of programmeDeals) {
    const programme = education.programmes.get(deal.programmeId);
    if (!programme) throw new Error(`demo data: no programme ${deal.programmeId}`);
    const id = `agreement-${deal.programmeId}`;
    const signerIds = deal.signers.map((s) => (s === "director" ? programme.directorId : programme.coordinatorId));
    graph.addNode("Agreement", id, {
      scope: "PROGRAMME",
      assignmentTypes: ["PROJECT", "INTERNSHIP", "GRADUATION"],
      casesPerPeriod: rng.int(4, 6),
      planning:
        "Per onderwijsperiode een vaste sprintweek in het tweede en derde jaar; casussen uiterlijk vier weken voor de start van de periode aangeleverd.",
      process: rng.pick(PROCESS),
      supervision: rng.pick(SUPERVISION),
      structural: deal.structural,
      signedOn: deal.signedOn,
      validFrom: ACADEMIC_YEARS[1].firstMonday,
      validTo: deal.structural ? null : shiftDate(ACADEMIC_YEARS[1].firstMonday, 52 * 7 - 1),
    });
    graph.addRel("COVERS", "Agreement", id, "Programme", deal.programmeId);
    graph.addRel("MADE_BY", "Agreement", id, "Workspace", workspaceId);
    for (const signer of signerIds) graph.addRel("SIGNED", "Person", signer, "Agreement", id);
    all.push({ id, scope: "PROGRAMME", coversId: deal.programmeId, signedOn: deal.signedOn, signerIds });
  }

  // Institution scope: the board-level embedding at the institution reached through its dean and board.
  const instId = DEAN_AND_BOARD.institutionId;
  const boardId = `agreement-${instId}`;
  const boardSigners = [PersonFactory.idFor(DEAN_AND_BOARD.dean.person), PersonFactory.idFor(DEAN_AND_BOARD.board.person)];
  graph.addNode("Agreement", boardId, {
    scope: "INSTITUTION",
    assignmentTypes: ["PROJECT", "MINOR", "INTERNSHIP", "GRADUATION"],
    casesPerPeriod: 8,
    planning:
      "Elke opleiding van de faculteit reserveert per blok ruimte voor ten minste twee mkb-casussen; de decaan stemt de verdeling jaarlijks af met de werkplaats.",
    process:
      "Opleidingsdirecteuren wijzen per opleiding een contactdocent aan; de werkplaats levert casussen aan via de contactdocenten.",
    supervision: "Begeleiding volgens de onderwijs- en examenregeling; de werkplaats evalueert elk semester met de decaan.",
    structural: true,
    signedOn: "2026-03-12",
    validFrom: ACADEMIC_YEARS[1].firstMonday,
    validTo: null,
  });
  graph.addRel("COVERS", "Agreement", boardId, "Institution", instId);
  graph.addRel("MADE_BY", "Agreement", boardId, "Workspace", workspaceId);
  for (const signer of boardSigners) graph.addRel("SIGNED", "Person", signer, "Agreement", boardId);
  all.push({ id: boardId, scope: "INSTITUTION", coversId: instId, signedOn: "2026-03-12", signerIds: boardSigners });

  // Teachers with an agreement get a digest of fitting cases.
  const digestTeachers = new Set(chosen.flatMap((c) => c.teacherIds));
  for (const teacherId of [...digestTeachers].sort()) {
    const programme = education.programmes.get(education.programmeOf.get(teacherId) ?? "");
    const english = programme?.seed.english === true || (programme?.institution.kind === "WO" && rng.chance(0.15));
    graph.setProps("Person", teacherId, { digestEveryDays: rng.pick([7, 14]), language: english ? "EN" : "NL" });
  }
  return { all, byCourse };
}

function addCourseAgreement(
  graph: DemoGraph,
  education: Education,
  workspaceId: string,
  course: CourseInfo,
  rng: Random,
): AgreementInfo {
  const id = `agreement-${course.id.replace(/^course-/, "")}`;
  const year = rng.chance(0.6) ? ACADEMIC_YEARS[0] : ACADEMIC_YEARS[1];
  const nextYearStart = shiftDate(year.firstMonday, 52 * 7);
  const midYear = rng.chance(0.15);
  // Most are signed in the months before the academic year; a few during it, valid from then on.
  const midYearSpan = Math.min(200, daysBetween(year.firstMonday, DEMO_TODAY) - 10);
  let signedOn = midYear ? shiftDate(year.firstMonday, rng.int(30, midYearSpan)) : shiftDate(year.firstMonday, -rng.int(14, 110));
  // Not before the workspace had known the teacher for a month.
  const earliest = shiftDate(course.reachableFrom ?? DEMO_TODAY, 30);
  const late = signedOn < earliest;
  if (late) signedOn = shiftDate(earliest, rng.int(0, 30));
  if (signedOn >= DEMO_TODAY) throw new Error(`demo data: agreement on ${course.id} would be signed after today`);
  const validFrom = midYear || late ? shiftDate(signedOn, rng.int(3, 14)) : year.firstMonday;
  const structural = rng.chance(0.35);
  const [min, max] = CASES_PER_PERIOD[course.seed.kind];
  const inst = education.institutions.get(course.institutionId);
  const periodWord = PERIOD_WORDS[inst?.calendar ?? "WO_PERIODS"];
  const assignmentTypes: CourseKind[] = course.seed.kind === "COURSE" ? ["COURSE", "PROJECT"] : [course.seed.kind];
  graph.addNode("Agreement", id, {
    scope: "COURSE",
    assignmentTypes,
    casesPerPeriod: rng.int(min, max),
    planning: `Casussen uiterlijk ${rng.pick(["drie", "vier"])} weken voor de start van ${periodWord} aanleveren; kick-off in week 1, eindpresentatie in de laatste lesweek.`,
    process: rng.pick(PROCESS),
    supervision: rng.pick(SUPERVISION),
    structural,
    signedOn,
    validFrom,
    validTo: structural ? null : shiftDate(nextYearStart, -1),
  });
  graph.addRel("COVERS", "Agreement", id, "Course", course.id);
  graph.addRel("MADE_BY", "Agreement", id, "Workspace", workspaceId);
  const signerIds = course.contactTeacherId ? [course.contactTeacherId] : [];
  for (const signer of signerIds) graph.addRel("SIGNED", "Person", signer, "Agreement", id);
  return { id, scope: "COURSE", coversId: course.id, signedOn, signerIds };
}
