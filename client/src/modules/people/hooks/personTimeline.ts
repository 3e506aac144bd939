import type { PersonPageQuery } from "../../../generated/graphql";

type Data = PersonPageQuery;

/** One line of a person's timeline: what happened when, with the case/course/programme it concerns. */
export interface PersonTimelineEntry {
  key: string;
  /** ISO date or date-time; the timeline sorts on it, newest first. */
  at: string;
  kind: "INTERACTION" | "PROPOSAL_SENT" | "PROPOSAL_ANSWERED" | "SPRINT" | "AGREEMENT_SIGNED" | "CASE_HANDLED";
  /** Enum value to translate (channel, answer, sprint status, agreement scope, case status). */
  detail: string | null;
  /** The other people involved (an interaction's other side). */
  people: readonly { id: string; name: string }[];
  case: { id: string; title: string } | null;
  course: { id: string; name: string } | null;
  programme: { id: string; name: string } | null;
  result: string | null;
}

const blank = { people: [], case: null, course: null, programme: null, result: null, detail: null } as const;

/**
 * The interactions, proposals, sprints, agreements and cases of one person on one timeline, newest
 * first. Pure: the page's one query in, the rows out (tests/unit/person-timeline.test.ts).
 */
export function buildPersonTimeline(data: Data, personId: string): PersonTimelineEntry[] {
  const person = data.people[0];
  const entries: PersonTimelineEntry[] = [];
  for (const i of data.interactions) {
    const others = [...i.by, ...i.with].filter((p, n, all) => p.id !== personId && all.findIndex((q) => q.id === p.id) === n);
    entries.push({
      ...blank,
      key: `i-${i.id}`,
      at: i.date,
      kind: "INTERACTION",
      detail: i.channel,
      people: others,
      course: i.aboutCourse[0] ?? null,
      programme: i.aboutProgramme[0] ?? null,
      result: i.result ?? null,
    });
  }
  for (const p of person?.proposalsReceived ?? []) {
    const shared = { ...blank, case: p.case[0] ?? null, course: p.course[0] ?? null };
    entries.push({ ...shared, key: `p-${p.id}`, at: p.sentAt, kind: "PROPOSAL_SENT" });
    if (p.answer && p.answeredAt) {
      entries.push({ ...shared, key: `pa-${p.id}`, at: p.answeredAt, kind: "PROPOSAL_ANSWERED", detail: p.answer });
    }
  }
  for (const s of data.sprints) {
    if (!s.startDate && !s.endDate) continue;
    entries.push({
      ...blank,
      key: `s-${s.id}`,
      at: s.startDate ?? s.endDate ?? "",
      kind: "SPRINT",
      detail: s.status,
      case: s.case[0] ?? null,
      course: s.course[0] ?? null,
    });
  }
  for (const a of person?.signed ?? []) {
    entries.push({
      ...blank,
      key: `a-${a.id}`,
      at: a.signedOn ?? a.validFrom,
      kind: "AGREEMENT_SIGNED",
      detail: a.scope,
      course: a.courses[0] ?? null,
      programme: a.programmes[0] ?? null,
    });
  }
  for (const c of data.cases) {
    entries.push({ ...blank, key: `c-${c.id}`, at: c.created, kind: "CASE_HANDLED", detail: c.status, case: c });
  }
  // Dates and date-times compare as text once cut to the day; within a day, the longer (timed) one later.
  return entries.sort((a, b) => (a.at === b.at ? a.key.localeCompare(b.key) : a.at < b.at ? 1 : -1));
}

/** The roles a person holds, each with where: for the roles table and the explorer's words. */
export interface PersonRole {
  kind: "TEACHER" | "COORDINATOR" | "DIRECTOR" | "DEAN" | "BOARD" | "WORKSPACE" | "PARTNER" | "SME_CONTACT";
  /** What the role is held at (course, programme, institution, …) and where that page is, if it has one. */
  at: { id: string; name: string; href: string | null };
  /** The organisation above it (a course's programme, a programme's institution). */
  within: { id: string; name: string; href: string | null } | null;
  /** For a teacher: the institution of the course's programme. */
  institution?: { id: string; name: string; href: string };
}

export function personRoles(person: Data["people"][number]): PersonRole[] {
  const roles: PersonRole[] = [];
  const programmeLink = (p: { id: string; name: string }) => ({ ...p, href: `/programmes/${p.id}` });
  const institutionLink = (i: { id: string; name: string }) => ({ ...i, href: `/institutions/${i.id}` });
  for (const c of person.teaches) {
    const programme = c.programme[0];
    const inst = programme?.institution[0];
    roles.push({
      kind: "TEACHER",
      at: { id: c.id, name: c.name, href: programme ? `/programmes/${programme.id}#course-${c.id}` : null },
      within: programme ? programmeLink(programme) : null,
      ...(inst ? { institution: institutionLink(inst) } : {}),
    });
  }
  for (const p of person.coordinates) {
    const inst = p.institution[0];
    roles.push({ kind: "COORDINATOR", at: programmeLink(p), within: inst ? institutionLink(inst) : null });
  }
  for (const p of person.directs) {
    const inst = p.institution[0];
    roles.push({ kind: "DIRECTOR", at: programmeLink(p), within: inst ? institutionLink(inst) : null });
  }
  for (const i of person.deanOf) roles.push({ kind: "DEAN", at: institutionLink(i), within: null });
  for (const i of person.boardMemberOf) roles.push({ kind: "BOARD", at: institutionLink(i), within: null });
  for (const w of person.coordinatorOf) roles.push({ kind: "WORKSPACE", at: { ...w, href: null }, within: null });
  for (const p of person.worksAt) roles.push({ kind: "PARTNER", at: { ...p, href: null }, within: null });
  for (const s of person.contactFor) roles.push({ kind: "SME_CONTACT", at: { ...s, href: null }, within: null });
  return roles;
}
