import { todayIso } from "../server/platform/clock/read-clock.js";
import { summariseLatencies, timed, type LatencySummary } from "./summarise-latencies.js";

/**
 * The day's writes among the bench's reads (issue #19 part 5): after every `100 / percent − 1` measured read requests
 * the bench sends the next write of a coordinator's day, through /graphql like a user — so at 10 % one request in ten
 * is a write. The writes go round in the order a case moves: intake (intakeCase, then qualifyCase), proposal
 * (caseSuggestions to find a course with a teacher and a free period, then proposeCase), answer (answerProposal
 * INTERESTED), match (matchCase), interaction (logInteraction by a coordinator with that teacher: a tie write, which
 * moves the tie version and makes the analytics read the ties again). A write that fails is counted and the round
 * starts again at intake. The writes are not timed as reads; their own latencies are summarised apart.
 */

export type WriteKind = "intake" | "proposal" | "answer" | "match" | "interaction";
const order: WriteKind[] = ["intake", "proposal", "answer", "match", "interaction"];

export interface WriteMixResult {
  percent: number;
  /** Writes done and failed, by kind. */
  writes: Record<WriteKind, number>;
  errors: Record<WriteKind, number>;
  /** The first few different failures (code and message), to see why. */
  firstErrors: string[];
  latency: LatencySummary | null;
}

/** The date `days` from today (YYYY-MM-DD). */
function inDays(days: number): string {
  return todayIso(new Date(Date.now() + days * 86_400_000));
}

type GraphqlClient = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

const INTAKE = `mutation($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId } }`;
const QUALIFY = `mutation($case: ID!) { qualifyCase(case: $case) { to } }`;
const SUGGESTIONS = `query($case: ID!) { caseSuggestions(case: $case, limit: 50) { courseId teacherId periodId remainingPlaces } }`;
const PROPOSE = `mutation($case: ID!, $teacher: ID!, $course: ID!) {
  proposeCase(case: $case, teacher: $teacher, course: $course, channel: EMAIL, force: true) { id } }`;
const ANSWER = `mutation($p: ID!) { answerProposal(proposal: $p, answer: INTERESTED) { id } }`;
const MATCH = `mutation($case: ID!, $course: ID!, $period: ID!) { matchCase(case: $case, course: $course, period: $period, teamSize: 3) { id } }`;
const LOG = `mutation($by: ID!, $with: ID!, $date: String!) {
  logInteraction(by: $by, with: $with, date: $date, channel: PHONE) { interaction { id } } }`;

export class WriteMix {
  private reads = 0;
  private step = 0;
  private serial = 0;
  private caseId: string | null = null;
  private pick: { courseId: string; teacherId: string; periodId: string } | null = null;
  private proposalId: string | null = null;
  private readonly latencies: number[] = [];
  private readonly writes = Object.fromEntries(order.map((k) => [k, 0])) as Record<WriteKind, number>;
  private readonly errors = Object.fromEntries(order.map((k) => [k, 0])) as Record<WriteKind, number>;
  private readonly firstErrors: string[] = [];
  /** Read requests between two writes. */
  private readonly every: number;

  constructor(
    private readonly graphql: GraphqlClient,
    /** Percent of requests that are writes (1–50). */
    readonly percent: number,
    /** Who logs the interactions (a coordinator of the workspace). */
    private readonly coordinator: string,
    /** Tells the runs apart in the cases' titles (the bench reuses its graph). */
    private readonly runTag: string,
  ) {
    this.every = Math.max(1, Math.round(100 / percent) - 1);
  }

  /** After each measured read request: the next write when its turn has come. */
  async afterRead(): Promise<void> {
    this.reads += 1;
    if (this.reads % this.every !== 0) return;
    const kind = order[this.step]!;
    try {
      const { ms } = await timed(() => this.write(kind));
      this.latencies.push(ms);
      this.writes[kind] += 1;
      this.step = (this.step + 1) % order.length;
    } catch (error) {
      this.errors[kind] += 1;
      const line = `${kind}: ${error instanceof Error ? error.message : String(error)}`;
      if (this.firstErrors.length < 5 && !this.firstErrors.includes(line)) this.firstErrors.push(line);
      this.step = 0;
    }
  }

  private async write(kind: WriteKind): Promise<void> {
    switch (kind) {
      case "intake": {
        this.serial += 1;
        const input = {
          sme: { name: `Bench BV ${this.runTag}-${this.serial}`, city: "Utrecht" },
          title: `Webshop koppeling ${this.runTag}-${this.serial}`,
          // The bench's account is linked to no person: the case names its coordinator.
          coordinator: this.coordinator,
          topics: ["WEB"],
          wantedLevels: ["HBO"],
          // What qualifyCase needs (qualify-case.ts): an effort, an earliest start and a deadline.
          effort: "SPRINT",
          earliestStart: inDays(1),
          deadline: inDays(360),
        };
        const { intakeCase } = await this.graphql<{ intakeCase: { caseId: string } }>(INTAKE, { input });
        this.caseId = intakeCase.caseId;
        await this.graphql(QUALIFY, { case: this.caseId });
        return;
      }
      case "proposal": {
        const { caseSuggestions } = await this.graphql<{
          caseSuggestions: Array<{
            courseId: string;
            teacherId: string | null;
            periodId: string | null;
            remainingPlaces: number | null;
          }>;
        }>(SUGGESTIONS, { case: this.caseId });
        const found = caseSuggestions.find((s) => s.teacherId && s.periodId && (s.remainingPlaces ?? 1) > 0);
        if (!found?.teacherId || !found.periodId) throw new Error("no suggested course with a teacher and a free period");
        this.pick = { courseId: found.courseId, teacherId: found.teacherId, periodId: found.periodId };
        const { proposeCase } = await this.graphql<{ proposeCase: { id: string } }>(PROPOSE, {
          case: this.caseId,
          teacher: this.pick.teacherId,
          course: this.pick.courseId,
        });
        this.proposalId = proposeCase.id;
        return;
      }
      case "answer":
        await this.graphql(ANSWER, { p: this.proposalId });
        return;
      case "match":
        await this.graphql(MATCH, { case: this.caseId, course: this.pick!.courseId, period: this.pick!.periodId });
        return;
      case "interaction":
        await this.graphql(LOG, { by: this.coordinator, with: this.pick!.teacherId, date: todayIso() });
        return;
    }
  }

  result(): WriteMixResult {
    return {
      percent: this.percent,
      writes: { ...this.writes },
      errors: { ...this.errors },
      firstErrors: [...this.firstErrors],
      latency: this.latencies.length > 0 ? summariseLatencies(this.latencies) : null,
    };
  }
}
