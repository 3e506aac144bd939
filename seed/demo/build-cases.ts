import type { DemoGraph } from "./DemoGraph.js";
import type { Random } from "./create-random.js";
import type { Agreements } from "./build-agreements.js";
import type { CourseInfo, Education, PeriodInfo } from "./build-education.js";
import type { SmeInfo } from "./build-partners.js";
import {
  CASE_TEMPLATES,
  CLOSE_REASONS,
  DECLINE_REASONS,
  SME_FEEDBACK,
  TEACHER_FEEDBACK,
  type CaseTemplate,
} from "./case-templates.js";
import { chooseCoordinator } from "./choose-coordinator.js";
import type { CoordinatorName } from "./programmes.js";
import { atTime, daysBetween, DEMO_TODAY, earlierOf, shiftDate } from "./shift-date.js";

type CaseStatus = "INTAKE" | "QUALIFIED" | "PROPOSED" | "MATCHED" | "IN_SPRINT" | "COMPLETED" | "CLOSED";
type Answer = "INTERESTED" | "NOT_NOW" | "DECLINED";

/** How many cases end up in each status: over half matched to a sprint, the rest spread over the pipeline. */
export const CASE_STATUS_PLAN: Record<CaseStatus, number> = {
  COMPLETED: 26,
  IN_SPRINT: 8,
  MATCHED: 12,
  PROPOSED: 8,
  QUALIFIED: 8,
  INTAKE: 8,
  CLOSED: 10,
};

/** No case is older than this, so referrals (a few weeks earlier) still fall in 2025. */
const FIRST_CASE_DATE = "2025-01-27";

/** A contact between two people on a date, for the network's lastContact and its weak ties. */
export interface Touch {
  a: string;
  b: string;
  date: string;
  kind: "CASE" | "PROPOSAL" | "SPRINT";
}

export interface CaseActivity {
  firstCaseDate: Map<string, string>;
  /** Every case with its SME and creation date, for the referrals (one per case). */
  cases: Array<{ id: string; smeId: string; created: string }>;
  touches: Touch[];
  /** Course id → what happened there: proposals sent, answered, sprints. */
  courseActivity: Map<string, { proposals: number; answered: number; sprints: number }>;
}

interface ProposalPlan {
  course: CourseInfo;
  teacherId: string;
  sent: string;
  answer: Answer | null;
  answered: string | null;
  declineReason: string | null;
}

/** A proposal planned as day offsets from the case's creation. */
type ProposalOffset = Omit<ProposalPlan, "sent" | "answered"> & { sent: number; answered: number | null };

interface EventPlan {
  from: CaseStatus | null;
  to: CaseStatus;
  date: string;
  reason?: string;
}

interface CasePlan {
  status: CaseStatus;
  template: CaseTemplate;
  wantedLevels: string[];
  created: string;
  coordinatorId: string;
  proposals: ProposalPlan[];
  events: EventPlan[];
  sprint?: { course: CourseInfo; period: PeriodInfo; status: "PLANNED" | "RUNNING" | "COMPLETED" };
  earliestStart: string;
  deadline: string;
}

/**
 * 80 cases with coherent timelines: status events in order, proposals (with answers or expired),
 * and for the matched ones a sprint in a course and period that fit the status on DEMO_TODAY.
 */
export function buildCases(
  graph: DemoGraph,
  education: Education,
  agreements: Agreements,
  smes: readonly SmeInfo[],
  coordinatorIds: Record<CoordinatorName, string>,
  rng: Random,
): CaseActivity {
  const planner = new CasePlanner(education, agreements, coordinatorIds, rng);
  const plans: CasePlan[] = [];
  for (const status of ["COMPLETED", "IN_SPRINT", "MATCHED"] as const) {
    for (let i = 0; i < CASE_STATUS_PLAN[status]; i++) plans.push(planner.matched(status));
  }
  // Proposals only go to teachers the workspace could reach by then; plans that break that are drawn again.
  const retry = (make: () => CasePlan): CasePlan => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const plan = make();
      if (reachable(plan.proposals)) return plan;
    }
    throw new Error("demo data: no case plan reaches its teachers in time");
  };
  const proposedVariants = rng.shuffle([
    "pending",
    "pending",
    "pending",
    "pending",
    "pending",
    "expired",
    "expired",
    "notNow",
  ] as const);
  for (let i = 0; i < CASE_STATUS_PLAN.PROPOSED; i++)
    plans.push(retry(() => planner.proposed(proposedVariants[i % proposedVariants.length] ?? "pending")));
  for (let i = 0; i < CASE_STATUS_PLAN.QUALIFIED; i++) plans.push(planner.qualified(i < 2));
  for (let i = 0; i < CASE_STATUS_PLAN.INTAKE; i++) plans.push(planner.intake(i < 1));
  const closedFrom = [
    "INTAKE",
    "INTAKE",
    "INTAKE",
    "QUALIFIED",
    "QUALIFIED",
    "QUALIFIED",
    "PROPOSED",
    "PROPOSED",
    "PROPOSED",
    "PROPOSED",
  ] as const;
  for (let i = 0; i < CASE_STATUS_PLAN.CLOSED; i++)
    plans.push(retry(() => planner.closed(closedFrom[i % closedFrom.length] ?? "INTAKE")));

  // Number the cases in the order they came in.
  plans.sort((a, b) =>
    a.created === b.created ? a.template.title.localeCompare(b.template.title) : a.created.localeCompare(b.created),
  );
  const smeOf = assignSmes(plans, smes, rng);

  const activity: CaseActivity = { firstCaseDate: new Map(), cases: [], touches: [], courseActivity: new Map() };
  plans.forEach((plan, i) => {
    const sme = smeOf[i] as SmeInfo;
    if (!activity.firstCaseDate.has(sme.id)) activity.firstCaseDate.set(sme.id, plan.created);
    writeCase(graph, plan, i + 1, sme, activity, rng);
  });
  return activity;
}

class CasePlanner {
  private readonly targets: CourseInfo[];
  private readonly used = new Map<string, number>();

  constructor(
    private readonly education: Education,
    private readonly agreements: Agreements,
    private readonly coordinatorIds: Record<CoordinatorName, string>,
    private readonly rng: Random,
  ) {
    this.targets = education.courses.filter((c) => c.contactTeacherId !== null);
  }

  /** A case matched to a sprint whose period fits the status: ended, running now, or still to come. */
  matched(status: "COMPLETED" | "IN_SPRINT" | "MATCHED"): CasePlan {
    const rng = this.rng;
    const fits = (p: PeriodInfo): boolean =>
      status === "COMPLETED"
        ? p.endDate <= shiftDate(DEMO_TODAY, -10)
        : status === "IN_SPRINT"
          ? p.startDate <= DEMO_TODAY && DEMO_TODAY <= p.endDate
          : p.startDate > DEMO_TODAY;
    const pairs = this.targets.flatMap((course) =>
      course.periods
        .filter((p) => fits(p) && (this.used.get(`${course.id}|${p.id}`) ?? 0) < 2)
        .map((period) => ({ course, period })),
    );
    for (let attempt = 0; attempt < 50; attempt++) {
      const { course, period } = rng.weighted(
        pairs.map((pair) => [pair, this.agreements.byCourse.has(pair.course.id) ? 3 : 1] as const),
      );
      const template = this.templateFor(course);
      const rejections = rng.weighted([
        [0, 6],
        [1, 3],
        [2, 1],
      ] as const);
      const q = rng.int(2, 10);
      const firstSent = q + rng.int(1, 14);
      const chain = this.chain(template, course, firstSent, rejections, "INTERESTED");
      const matchedOffset = chain.end;
      const anchor = status === "MATCHED" ? shiftDate(DEMO_TODAY, -rng.int(1, 40)) : shiftDate(period.startDate, -rng.int(5, 40));
      const room = daysBetween(FIRST_CASE_DATE, anchor) - matchedOffset;
      if (room < 0) continue;
      const slack = rng.int(0, Math.min(room, status === "COMPLETED" ? 150 : status === "IN_SPRINT" ? 90 : 45));
      const created = shiftDate(anchor, -(matchedOffset + slack));
      const proposals = chain.proposals.map((p) => this.datedProposal(p, created));
      if (!reachable(proposals)) continue;
      this.used.set(`${course.id}|${period.id}`, (this.used.get(`${course.id}|${period.id}`) ?? 0) + 1);

      const events: EventPlan[] = [
        { from: null, to: "INTAKE", date: created },
        { from: "INTAKE", to: "QUALIFIED", date: shiftDate(created, q) },
        { from: "QUALIFIED", to: "PROPOSED", date: shiftDate(created, firstSent) },
        { from: "PROPOSED", to: "MATCHED", date: shiftDate(created, matchedOffset) },
      ];
      if (status !== "MATCHED") events.push({ from: "MATCHED", to: "IN_SPRINT", date: period.startDate });
      if (status === "COMPLETED")
        events.push({ from: "IN_SPRINT", to: "COMPLETED", date: shiftDate(period.endDate, rng.int(3, 9)) });
      return {
        status,
        template,
        wantedLevels: this.levels(template, course),
        created,
        coordinatorId: this.coordinatorFor(course),
        proposals,
        events,
        sprint: { course, period, status: status === "COMPLETED" ? "COMPLETED" : status === "IN_SPRINT" ? "RUNNING" : "PLANNED" },
        earliestStart: earlierOf(period.startDate, shiftDate(created, rng.int(14, 45))),
        deadline: shiftDate(period.endDate, rng.int(14, 90)),
      };
    }
    throw new Error(`demo data: no course and period fit a ${status} case`);
  }

  /** Proposed and waiting: a proposal out (or one that expired, or a "not now" to follow up). */
  proposed(variant: "pending" | "expired" | "notNow"): CasePlan {
    const rng = this.rng;
    const template = rng.pick(CASE_TEMPLATES);
    const course = this.courseFor(template, null);
    const q = rng.int(2, 8);
    const firstSent = q + rng.int(1, 10);
    const final = variant === "notNow" ? "NOT_NOW" : "PENDING";
    const chain = this.chain(template, course, firstSent, variant === "pending" ? rng.int(0, 1) : 0, final);
    // Pending: sent less than 14 days ago; expired: sent longer ago, never answered; "not now": answered lately.
    const created =
      variant === "notNow"
        ? shiftDate(DEMO_TODAY, -(chain.end + rng.int(1, 6)))
        : shiftDate(DEMO_TODAY, -(chain.lastSent + (variant === "pending" ? rng.int(1, 12) : rng.int(16, 35))));
    return {
      status: "PROPOSED",
      template,
      wantedLevels: [...template.wantedLevels],
      created,
      coordinatorId: this.coordinatorFor(course),
      proposals: chain.proposals.map((p) => this.datedProposal(p, created)),
      events: [
        { from: null, to: "INTAKE", date: created },
        { from: "INTAKE", to: "QUALIFIED", date: shiftDate(created, q) },
        { from: "QUALIFIED", to: "PROPOSED", date: shiftDate(created, firstSent) },
      ],
      earliestStart: shiftDate(created, rng.int(21, 60)),
      deadline: shiftDate(created, rng.int(120, 240)),
    };
  }

  qualified(stale: boolean): CasePlan {
    const rng = this.rng;
    const template = rng.pick(CASE_TEMPLATES);
    const created = shiftDate(DEMO_TODAY, -(stale ? rng.int(100, 200) : rng.int(10, 60)));
    return {
      status: "QUALIFIED",
      template,
      wantedLevels: [...template.wantedLevels],
      created,
      coordinatorId: this.anyCoordinator(),
      proposals: [],
      events: [
        { from: null, to: "INTAKE", date: created },
        { from: "INTAKE", to: "QUALIFIED", date: shiftDate(created, rng.int(2, 8)) },
      ],
      earliestStart: shiftDate(created, rng.int(21, 60)),
      deadline: shiftDate(created, rng.int(150, 300)),
    };
  }

  intake(stale: boolean): CasePlan {
    const rng = this.rng;
    const template = rng.pick(CASE_TEMPLATES);
    const created = shiftDate(DEMO_TODAY, -(stale ? rng.int(35, 60) : rng.int(1, 21)));
    return {
      status: "INTAKE",
      template,
      wantedLevels: [...template.wantedLevels],
      created,
      coordinatorId: this.anyCoordinator(),
      proposals: [],
      events: [{ from: null, to: "INTAKE", date: created }],
      earliestStart: shiftDate(created, rng.int(21, 60)),
      deadline: shiftDate(created, rng.int(120, 270)),
    };
  }

  /** Closed from an open state, with the reason on the closing event. */
  closed(from: "INTAKE" | "QUALIFIED" | "PROPOSED"): CasePlan {
    const rng = this.rng;
    const template = rng.pick(CASE_TEMPLATES);
    const reason = rng.pick(CLOSE_REASONS[from]);
    const offsets: Array<Omit<EventPlan, "date"> & { day: number }> = [{ from: null, to: "INTAKE", day: 0 }];
    let last = 0;
    let proposals: ProposalOffset[] = [];
    let course: CourseInfo | undefined;
    if (from !== "INTAKE") {
      last = rng.int(2, 9);
      offsets.push({ from: "INTAKE", to: "QUALIFIED", day: last });
    }
    if (from === "PROPOSED") {
      course = this.courseFor(template, null);
      const firstSent = last + rng.int(1, 10);
      const chain = this.chain(template, course, firstSent, rng.int(0, 1), "REJECTED");
      proposals = chain.proposals;
      offsets.push({ from: "QUALIFIED", to: "PROPOSED", day: firstSent });
      last = chain.end;
    }
    const closeOffset = last + rng.int(3, 25);
    offsets.push({ from, to: "CLOSED", day: closeOffset, reason });
    const latestCreated = shiftDate(DEMO_TODAY, -(closeOffset + 1));
    const created = shiftDate(FIRST_CASE_DATE, rng.int(0, daysBetween(FIRST_CASE_DATE, latestCreated)));
    return {
      status: "CLOSED",
      template,
      wantedLevels: [...template.wantedLevels],
      created,
      coordinatorId: course ? this.coordinatorFor(course) : this.anyCoordinator(),
      proposals: proposals.map((p) => this.datedProposal(p, created)),
      events: offsets.map(({ day, ...e }) => ({ ...e, date: shiftDate(created, day) })),
      earliestStart: shiftDate(created, rng.int(14, 45)),
      deadline: shiftDate(created, reason.startsWith("Deadline") ? rng.int(20, 40) : rng.int(90, 240)),
    };
  }

  /**
   * Proposals in a row, as day offsets from the case's creation: `rejections` that were turned down
   * or expired, then the final one (accepted, pending, "not now", or also rejected).
   */
  private chain(
    template: CaseTemplate,
    finalCourse: CourseInfo,
    firstSent: number,
    rejections: number,
    final: "INTERESTED" | "PENDING" | "NOT_NOW" | "REJECTED",
  ): { proposals: ProposalOffset[]; end: number; lastSent: number } {
    const rng = this.rng;
    const proposals: ProposalOffset[] = [];
    let cursor = firstSent;
    const usedCourses = new Set([finalCourse.id]);
    const reject = (course: CourseInfo): void => {
      const outcome = rng.weighted([
        ["NOT_NOW", 2],
        ["DECLINED", 2],
        ["EXPIRED", 1],
      ] as const);
      if (outcome === "EXPIRED") {
        proposals.push({
          course,
          teacherId: course.contactTeacherId as string,
          sent: cursor,
          answer: null,
          answered: null,
          declineReason: null,
        });
        cursor += 14 + rng.int(1, 3);
      } else {
        const answered = cursor + rng.int(1, 9);
        proposals.push({
          course,
          teacherId: course.contactTeacherId as string,
          sent: cursor,
          answer: outcome,
          answered,
          declineReason: outcome === "DECLINED" ? rng.pick(DECLINE_REASONS) : null,
        });
        cursor = answered + rng.int(1, 4);
      }
    };
    for (let i = 0; i < rejections; i++) {
      const course = this.courseFor(template, usedCourses);
      usedCourses.add(course.id);
      reject(course);
    }
    if (final === "REJECTED") {
      reject(finalCourse);
      const lastSent = proposals.at(-1)?.sent ?? cursor;
      return { proposals, end: cursor, lastSent };
    }
    const sent = cursor;
    const teacherId = finalCourse.contactTeacherId as string;
    if (final === "PENDING") {
      proposals.push({ course: finalCourse, teacherId, sent, answer: null, answered: null, declineReason: null });
      return { proposals, end: sent, lastSent: sent };
    }
    const answered = sent + rng.int(1, 9);
    proposals.push({ course: finalCourse, teacherId, sent, answer: final, answered, declineReason: null });
    return { proposals, end: answered, lastSent: sent };
  }

  private datedProposal(p: ProposalOffset, created: string): ProposalPlan {
    return { ...p, sent: shiftDate(created, p.sent), answered: p.answered === null ? null : shiftDate(created, p.answered) };
  }

  /** A course the workspace can send this case to: a fitting theme and level where possible. */
  private courseFor(template: CaseTemplate, exclude: Set<string> | null): CourseInfo {
    const open = this.targets.filter((c) => !exclude?.has(c.id));
    const themed = open.filter((c) => c.seed.themes.some((t) => template.topics.includes(t)));
    const levelled = themed.filter((c) => template.wantedLevels.includes(c.level));
    return this.rng.pick(levelled.length > 0 ? levelled : themed.length > 0 ? themed : open);
  }

  private templateFor(course: CourseInfo): CaseTemplate {
    const themed = CASE_TEMPLATES.filter((t) => t.topics.some((topic) => course.seed.themes.includes(topic)));
    const levelled = themed.filter((t) => t.wantedLevels.includes(course.level));
    return this.rng.pick(levelled.length > 0 ? levelled : themed.length > 0 ? themed : CASE_TEMPLATES);
  }

  private levels(template: CaseTemplate, course: CourseInfo): string[] {
    return template.wantedLevels.includes(course.level) ? [...template.wantedLevels] : [...template.wantedLevels, course.level];
  }

  private coordinatorFor(course: CourseInfo): string {
    return chooseCoordinator(this.education, course, this.coordinatorIds, this.rng);
  }

  private anyCoordinator(): string {
    return this.rng.pick(Object.values(this.coordinatorIds));
  }
}

function reachable(proposals: readonly ProposalPlan[]): boolean {
  return proposals.every((p) => p.course.reachableFrom !== null && p.sent >= p.course.reachableFrom);
}

/**
 * Gives each case its SME: the first 60 cases (by date) each a different SME; the later 20 go back
 * to SMEs that asked before, preferably ones whose earlier case was completed.
 */
function assignSmes(plans: readonly CasePlan[], smes: readonly SmeInfo[], rng: Random): SmeInfo[] {
  const repeats = plans.length - smes.length;
  const repeatAt = new Set(rng.shuffle(plans.map((_, i) => i).slice(Math.floor(plans.length / 2))).slice(0, repeats));
  const pool = rng.shuffle(smes);
  const assigned: SmeInfo[] = [];
  const returned = new Set<string>();
  plans.forEach((plan, i) => {
    if (!repeatAt.has(i)) {
      const next = pool.pop();
      if (!next) throw new Error("demo data: more first cases than SMEs");
      assigned.push(next);
      return;
    }
    const earlier = assigned
      .map((sme, j) => ({ sme, plan: plans[j] as CasePlan }))
      .filter(({ sme, plan: p }) => !returned.has(sme.id) && daysBetween(p.created, plan.created) >= 30);
    const completed = earlier.filter(({ plan: p }) => p.status === "COMPLETED");
    const choice = rng.pick(
      completed.length > 0
        ? completed
        : earlier.length > 0
          ? earlier
          : assigned.map((sme, j) => ({ sme, plan: plans[j] as CasePlan })),
    );
    returned.add(choice.sme.id);
    assigned.push(choice.sme);
  });
  if (pool.length > 0) throw new Error(`demo data: ${pool.length} SMEs asked no case`);
  return assigned;
}

function writeCase(graph: DemoGraph, plan: CasePlan, n: number, sme: SmeInfo, activity: CaseActivity, rng: Random): void {
  const num = String(n).padStart(3, "0");
  const id = `case-${num}`;
  const at = (date: string): string => atTime(date, rng.int(8, 17), rng.pick([0, 5, 10, 15, 20, 30, 40, 45, 50]));
  graph.addNode("Case", id, {
    title: `${plan.template.title} voor ${sme.name}`,
    question: plan.template.question,
    topics: plan.template.topics,
    wantedLevels: plan.wantedLevels,
    effort: plan.template.effort,
    earliestStart: plan.earliestStart,
    deadline: plan.deadline,
    status: plan.status,
    created: atTime(plan.created, rng.int(8, 11), rng.pick([0, 10, 20, 30, 40, 50])),
  });
  graph.addRel("ASKED", "Sme", sme.id, "Case", id);
  activity.cases.push({ id, smeId: sme.id, created: plan.created });
  graph.addRel("HANDLED_BY", "Case", id, "Person", plan.coordinatorId);
  activity.touches.push({ a: plan.coordinatorId, b: sme.contactId, date: plan.created, kind: "CASE" });

  const sentAt = new Map<string, string>();
  plan.proposals.forEach((p, k) => {
    const pid = `proposal-${num}-${k + 1}`;
    const sent = at(p.sent);
    sentAt.set(p.sent, sent);
    graph.addNode("Proposal", pid, {
      sentAt: sent,
      channel: rng.weighted([
        ["EMAIL", 6],
        ["PHONE", 2],
        ["MEETING", 2],
      ] as const),
      answer: p.answer,
      answeredAt: p.answered ? atTime(p.answered, rng.int(8, 17), rng.pick([0, 15, 30, 45])) : null,
      declineReason: p.declineReason,
      expiresAt: `${shiftDate(sent, 14)}${sent.slice(10)}`,
    });
    graph.addRel("OF_CASE", "Proposal", pid, "Case", id);
    graph.addRel("TO_TEACHER", "Proposal", pid, "Person", p.teacherId);
    graph.addRel("FOR_COURSE", "Proposal", pid, "Course", p.course.id);
    activity.touches.push({ a: plan.coordinatorId, b: p.teacherId, date: p.answered ?? p.sent, kind: "PROPOSAL" });
    const stats = activity.courseActivity.get(p.course.id) ?? { proposals: 0, answered: 0, sprints: 0 };
    stats.proposals += 1;
    if (p.answer) stats.answered += 1;
    activity.courseActivity.set(p.course.id, stats);
  });

  // A status change caused by a proposal happens when it was sent or answered, to the minute.
  const answeredAt = new Map(plan.proposals.filter((p) => p.answered).map((p) => [p.answered as string, p]));
  plan.events.forEach((e, k) => {
    let when =
      e.to === "INTAKE" ? (graph.node("Case", id).created as string) : e.to === "IN_SPRINT" ? atTime(e.date, 9) : at(e.date);
    if (e.to === "PROPOSED") when = sentAt.get(e.date) ?? when;
    if (e.to === "MATCHED" && answeredAt.has(e.date)) {
      const pid = `proposal-${num}-${plan.proposals.indexOf(answeredAt.get(e.date) as ProposalPlan) + 1}`;
      when = (graph.node("Proposal", pid).answeredAt as string | null) ?? when;
    }
    graph.addNode("CaseEvent", `event-${num}-${k + 1}`, {
      from: e.from,
      to: e.to,
      at: when,
      by: plan.coordinatorId,
      reason: e.reason ?? null,
      note: null,
    });
    graph.addRel("HAD_EVENT", "Case", id, "CaseEvent", `event-${num}-${k + 1}`);
  });
  // Closing a case withdraws its proposals still waiting for an answer, as closeCase does.
  const closedAt = plan.status === "CLOSED" ? (graph.node("CaseEvent", `event-${num}-${plan.events.length}`).at as string) : null;
  if (closedAt !== null) {
    plan.proposals.forEach((p, k) => {
      const proposal = graph.node("Proposal", `proposal-${num}-${k + 1}`);
      if (p.answer === null && String(proposal.expiresAt) >= closedAt) {
        graph.setProps("Proposal", `proposal-${num}-${k + 1}`, { withdrawnAt: closedAt, withdrawnReason: "CASE_CLOSED" });
      }
    });
  }

  if (!plan.sprint) return;
  const { course, period, status } = plan.sprint;
  const sprintId = `sprint-${num}`;
  const supervisorId = course.contactTeacherId as string;
  const teamSize = course.level === "WO" ? rng.int(2, 4) : course.level === "HBO" ? rng.int(3, 6) : rng.int(3, 5);
  const completed = status === "COMPLETED";
  const rating = completed
    ? rng.weighted([
        [5, 8],
        [4, 7],
        [3, 3],
        [2, 1.5],
        [1, 0.5],
      ] as const)
    : null;
  graph.addNode("Sprint", sprintId, {
    status,
    teamSize,
    teamLevel: course.level,
    startDate: period.startDate,
    endDate: period.endDate,
    outcome: completed ? plan.template.outcome : null,
    smeRating: rating,
    smeFeedback: rating === null ? null : rng.pick(SME_FEEDBACK[rating >= 4 ? "high" : rating === 3 ? "mid" : "low"]),
    teacherFeedback: completed ? rng.pick(TEACHER_FEEDBACK) : null,
    followUpWanted: rating === null ? null : rating >= 4 && rng.chance(0.5),
  });
  graph.addRel("FOR_CASE", "Sprint", sprintId, "Case", id);
  graph.addRel("IN_COURSE", "Sprint", sprintId, "Course", course.id);
  graph.addRel("IN_PERIOD", "Sprint", sprintId, "TeachingPeriod", period.id);
  graph.addRel("SUPERVISED_BY", "Sprint", sprintId, "Person", supervisorId);
  const length = daysBetween(period.startDate, period.endDate);
  const milestones = [
    ["Kick-off met de ondernemer", shiftDate(period.startDate, 3)],
    ["Tussenpresentatie", shiftDate(period.startDate, Math.round(length / 2))],
    ["Eindpresentatie en overdracht", shiftDate(period.endDate, -1)],
  ] as const;
  milestones.forEach(([title, due], k) => {
    const mid = `milestone-${num}-${k + 1}`;
    graph.addNode("Milestone", mid, { title, due, done: due < DEMO_TODAY });
    graph.addRel("HAS_MILESTONE", "Sprint", sprintId, "Milestone", mid);
  });
  const stats = activity.courseActivity.get(course.id) ?? { proposals: 0, answered: 0, sprints: 0 };
  stats.sprints += 1;
  activity.courseActivity.set(course.id, stats);
  if (period.startDate <= DEMO_TODAY) {
    activity.touches.push({ a: sme.contactId, b: supervisorId, date: period.startDate, kind: "SPRINT" });
    const lastSeen = completed ? shiftDate(period.endDate, -1) : period.startDate;
    activity.touches.push({ a: plan.coordinatorId, b: supervisorId, date: lastSeen, kind: "SPRINT" });
  }
}
