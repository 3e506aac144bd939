import type { DemoGraph } from "./DemoGraph.js";
import type { Random } from "./create-random.js";
import { ACADEMIC_YEARS, CALENDARS, INSTITUTIONS, type EducationLevel, type InstitutionSeed } from "./institutions.js";
import { PersonFactory } from "./PersonFactory.js";
import { courseId, PROGRAMMES, type CourseSeed, type ProgrammeSeed } from "./programmes.js";
import { laterOf, shiftDate } from "./shift-date.js";

/** The outreach log starts here; older ties date from before the workspace's records. */
export const FIRST_OUTREACH = "2025-01-13";

/** At the dean-and-board institution, teachers are reached once the dean has introduced the directors. */
export const DEAN_AND_BOARD_TEACHERS_FROM = "2025-11-17";

export interface PeriodInfo {
  id: string;
  institutionId: string;
  /** 1-based position in the institution's calendar. */
  index: number;
  name: string;
  academicYear: string;
  startDate: string;
  endDate: string;
}

export interface CourseInfo {
  id: string;
  seed: CourseSeed;
  programmeId: string;
  institutionId: string;
  level: EducationLevel;
  teacherIds: string[];
  periods: PeriodInfo[];
  /**
   * The teacher the workspace sends cases for this course to (a key teacher of the network design;
   * any teacher at the institution reached through its dean and board); null where it has none.
   */
  contactTeacherId: string | null;
  /** From when the workspace can reach that teacher (the warm route exists); null without a contact teacher. */
  reachableFrom: string | null;
}

export interface ProgrammeInfo {
  seed: ProgrammeSeed;
  institution: InstitutionSeed;
  teacherIds: string[];
  coordinatorId: string;
  directorId: string;
  /** Teachers, programme coordinator and director: the people whose ties make its embedding. */
  people: Set<string>;
  courses: CourseInfo[];
}

export interface Education {
  institutions: Map<string, InstitutionSeed>;
  periods: PeriodInfo[];
  programmes: Map<string, ProgrammeInfo>;
  courses: CourseInfo[];
  /** Which programme a person belongs to (teachers, programme coordinators, directors). */
  programmeOf: Map<string, string>;
  deans: Map<string, string[]>;
  boardMembers: Map<string, string[]>;
}

/** Institutions with their teaching periods, programmes, courses and staff (with their roles). */
export function buildEducation(graph: DemoGraph, people: PersonFactory, rng: Random): Education {
  const education: Education = {
    institutions: new Map(),
    periods: [],
    programmes: new Map(),
    courses: [],
    programmeOf: new Map(),
    deans: new Map(),
    boardMembers: new Map(),
  };

  for (const inst of INSTITUTIONS) {
    education.institutions.set(inst.id, inst);
    graph.addNode("Institution", inst.id, {
      name: inst.name,
      shortName: inst.shortName,
      kind: inst.kind,
      city: inst.city,
      website: inst.website,
    });
    for (const year of ACADEMIC_YEARS) {
      CALENDARS[inst.calendar].forEach(([name, firstWeek, lastWeek], i) => {
        const period: PeriodInfo = {
          id: `period-${inst.key}-${year.label.slice(0, 4)}-${i + 1}`,
          institutionId: inst.id,
          index: i + 1,
          name,
          academicYear: year.label,
          startDate: shiftDate(year.firstMonday, firstWeek * 7),
          endDate: shiftDate(year.firstMonday, lastWeek * 7 + 4),
        };
        education.periods.push(period);
        graph.addNode("TeachingPeriod", period.id, {
          name: period.name,
          academicYear: period.academicYear,
          startDate: period.startDate,
          endDate: period.endDate,
        });
        graph.addRel("HAS_PERIOD", "Institution", inst.id, "TeachingPeriod", period.id);
      });
    }
    const staff = { domain: inst.domain };
    const deanIds = inst.deans.map((d) =>
      d.name ? people.add(d.name, { ...staff, jobTitle: d.jobTitle }) : people.addGenerated({ ...staff, jobTitle: d.jobTitle }),
    );
    const boardIds = inst.board.map((b) =>
      b.name ? people.add(b.name, { ...staff, jobTitle: b.jobTitle }) : people.addGenerated({ ...staff, jobTitle: b.jobTitle }),
    );
    for (const id of deanIds) graph.addRel("DEAN_OF", "Person", id, "Institution", inst.id);
    for (const id of boardIds) graph.addRel("BOARD_MEMBER_OF", "Person", id, "Institution", inst.id);
    education.deans.set(inst.id, deanIds);
    education.boardMembers.set(inst.id, boardIds);
  }

  for (const seed of PROGRAMMES) {
    const inst = education.institutions.get(seed.institutionId);
    if (!inst) throw new Error(`demo data: ${seed.id} names unknown institution ${seed.institutionId}`);
    education.programmes.set(seed.id, buildProgramme(graph, people, rng, education, seed, inst));
  }
  return education;
}

function buildProgramme(
  graph: DemoGraph,
  people: PersonFactory,
  rng: Random,
  education: Education,
  seed: ProgrammeSeed,
  inst: InstitutionSeed,
): ProgrammeInfo {
  graph.addNode("Programme", seed.id, { name: seed.name, level: seed.level, mappingStatus: "NOT_APPROACHED" });
  graph.addRel("OFFERED_BY", "Programme", seed.id, "Institution", inst.id);

  const staff = { domain: inst.domain };
  const mbo = inst.kind === "MBO";
  const coordinatorTitle = `Opleidingscoördinator ${seed.name}`;
  const directorTitle = mbo ? `Opleidingsmanager ${seed.name}` : `Opleidingsdirecteur ${seed.name}`;
  const coordinatorId = seed.coordinator
    ? people.add(seed.coordinator, { ...staff, jobTitle: coordinatorTitle })
    : people.addGenerated({ ...staff, jobTitle: coordinatorTitle });
  const directorId = seed.director
    ? people.add(seed.director, { ...staff, jobTitle: directorTitle })
    : people.addGenerated({ ...staff, jobTitle: directorTitle });
  graph.addRel("COORDINATES", "Person", coordinatorId, "Programme", seed.id);
  graph.addRel("DIRECTS", "Person", directorId, "Programme", seed.id);

  // Half again as many teachers as courses: some courses are taught by two.
  const teacherCount = Math.ceil(seed.courses.length * 1.5);
  const teacherTitle = inst.kind === "WO" ? `Universitair docent ${seed.name}` : `Docent ${seed.name}`;
  const keyIds = seed.keyTeachers.map((t) => people.add(t.name, { ...staff, jobTitle: teacherTitle }));
  const otherIds: string[] = [];
  while (keyIds.length + otherIds.length < teacherCount) {
    const senior = rng.chance(0.2);
    otherIds.push(
      people.addGenerated({
        ...staff,
        jobTitle: senior ? `${mbo ? "Senior docent" : "Hoofddocent"} ${seed.name}` : teacherTitle,
      }),
    );
  }

  const periodsOf = education.periods.filter((p) => p.institutionId === inst.id);
  const teaches = new Map<string, string[]>();
  let cursor = 0;
  for (const course of seed.courses) {
    const keyTeachers = seed.keyTeachers.flatMap((t, i) => (t.courses.includes(course.key) ? [keyIds[i] as string] : []));
    const assigned = [...keyTeachers];
    if (assigned.length === 0) assigned.push(otherIds[cursor++ % otherIds.length] as string);
    if (rng.chance(0.5)) {
      const co = otherIds[cursor++ % otherIds.length] as string;
      if (!assigned.includes(co)) assigned.push(co);
    }
    teaches.set(course.key, assigned);
  }
  // Every teacher teaches something: the ones left over join a course as co-teacher.
  for (const id of otherIds) {
    if (![...teaches.values()].some((ids) => ids.includes(id))) {
      const course = seed.courses[cursor++ % seed.courses.length] as CourseSeed;
      teaches.get(course.key)?.push(id);
    }
  }

  const info: ProgrammeInfo = {
    seed,
    institution: inst,
    teacherIds: [...keyIds, ...otherIds],
    coordinatorId,
    directorId,
    people: new Set([...keyIds, ...otherIds, coordinatorId, directorId]),
    courses: [],
  };

  for (const course of seed.courses) {
    const id = courseId(inst.key, course.key);
    graph.addNode("Course", id, {
      name: course.name,
      kind: course.kind,
      studyYear: course.studyYear,
      themes: course.themes,
      mappingStatus: "NOT_APPROACHED",
    });
    graph.addRel("PART_OF", "Course", id, "Programme", seed.id);
    const teacherIds = teaches.get(course.key) ?? [];
    for (const t of teacherIds) graph.addRel("TEACHES", "Person", t, "Course", id);
    const periods = periodsOf.filter((p) => course.periods.includes(p.index));
    if (periods.length === 0) throw new Error(`demo data: ${id} runs in no period of ${inst.id}`);
    for (const p of periods) graph.addRel("RUNS_IN", "Course", id, "TeachingPeriod", p.id);

    const keyTeacher = seed.keyTeachers.find((t) => t.courses.includes(course.key));
    const contactTeacherId =
      seed.reach === "DEAN_AND_BOARD" ? (teacherIds[0] ?? null) : keyTeacher ? PersonFactory.idFor(keyTeacher.name) : null;
    const entry = seed.entries.find((e) => e.person === keyTeacher?.name);
    const reachableFrom =
      seed.reach === "DEAN_AND_BOARD" ? DEAN_AND_BOARD_TEACHERS_FROM : entry ? laterOf(entry.since, FIRST_OUTREACH) : null;
    if (contactTeacherId && !reachableFrom) throw new Error(`demo data: ${course.key} has a contact teacher without a route`);
    const courseInfo: CourseInfo = {
      id,
      seed: course,
      programmeId: seed.id,
      institutionId: inst.id,
      level: inst.kind,
      teacherIds,
      periods,
      contactTeacherId,
      reachableFrom,
    };
    info.courses.push(courseInfo);
    education.courses.push(courseInfo);
  }

  for (const id of info.people) {
    const other = education.programmeOf.get(id);
    if (other) throw new Error(`demo data: ${id} belongs to both ${other} and ${seed.id}`);
    education.programmeOf.set(id, seed.id);
  }
  return info;
}
