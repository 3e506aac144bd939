import { todayIso } from "../server/platform/clock/read-clock.js";
import type { WriteMixUndo } from "./undo-write-mix.js";
import { summariseLatencies, timed, type LatencySummary } from "./summarise-latencies.js";

/**
 * The day's writes among the bench's reads (issue #19 part 5), through /graphql like a user's. The mix is on in every
 * other block of `every` (= 100 / percent − 1) reads of an operation: an on-block starts with the next write, so in it
 * one request in ten is a write at 10 %, and the block's reads pay whatever the write invalidated (the tie version,
 * caches); the off-blocks between them are the same operation's reads without writes, measured in the same run, so
 * the bench can set the reads with and without the mix side by side (`beforeRead`).
 *
 * The writes go round in the order a case moves: intake (intakeCase, then qualifyCase), proposal (caseSuggestions,
 * then proposeCase to a course with a teacher, a free place under an agreement and a period), answer (answerProposal
 * INTERESTED: the coordinator records the teacher's answer, as the product's case page does), match (matchCase into
 * that course and period), interaction (logInteraction by the coordinator with that teacher: a tie write, which moves
 * the tie version and makes the analytics read the ties again). A write that fails is counted and the round starts
 * again at intake.
 *
 * What is intaken: a copy of a case the graph can serve — once, at the first intake, the first of the `templates`
 * whose suggestions hold a usable course (as above, at one of its wanted levels) gives the new cases their topics,
 * wanted levels, effort, window and the SME's sector and size. Each round intakes a new case, so the proposal
 * cooldown (per case and teacher) is never in the way and is not forced. When a new case's suggestions hold no
 * usable course any more (the places filled up), the next template is looked for at the next intake.
 */

export type WriteKind = "intake" | "proposal" | "answer" | "match" | "interaction";
export const writeKinds: readonly WriteKind[] = ["intake", "proposal", "answer", "match", "interaction"];

export interface WriteMixResult {
  percent: number;
  /** Writes done and failed, by kind. */
  writes: Record<WriteKind, number>;
  errors: Record<WriteKind, number>;
  /** The first few different failures (code and message), to see why. */
  firstErrors: string[];
  latency: LatencySummary | null;
  /** Per kind: p50/p95 of the successful writes (null: none succeeded). */
  latencyByKind: Record<WriteKind, LatencySummary | null>;
  /** The case the intakes copied (null: none found). */
  template: string | null;
}

/** Kinds that never succeeded: a mix that stopped writing one (the bench fails on it, bench/run.ts). */
export function missingWriteKinds(result: WriteMixResult): WriteKind[] {
  return writeKinds.filter((k) => result.writes[k] === 0);
}

export type GraphqlClient = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

const TEMPLATE = `query($id: ID!) { cases(where: { id: { eq: $id } }) {
  topics wantedLevels effort earliestStart deadline sme { sector size } } }`;
const INTAKE = `mutation($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId smeId smeCreated } }`;
const QUALIFY = `mutation($case: ID!) { qualifyCase(case: $case) { to } }`;
const SUGGESTIONS = `query($case: ID!) { caseSuggestions(case: $case, limit: 50) {
  courseId teacherId periodId remainingPlaces hasAgreement courseLevels } }`;
const PROPOSE = `mutation($case: ID!, $teacher: ID!, $course: ID!) {
  proposeCase(case: $case, teacher: $teacher, course: $course, channel: EMAIL) { id } }`;
const ANSWER = `mutation($p: ID!) { answerProposal(proposal: $p, answer: INTERESTED) { id } }`;
const MATCH = `mutation($case: ID!, $course: ID!, $period: ID!) { matchCase(case: $case, course: $course, period: $period, teamSize: 3) { id } }`;
const LOG = `mutation($by: ID!, $with: ID!, $date: String!) {
  logInteraction(by: $by, with: $with, date: $date, channel: PHONE) { interaction { id } } }`;

interface Suggestion {
  courseId: string;
  teacherId: string | null;
  periodId: string | null;
  remainingPlaces: number | null;
  hasAgreement: boolean;
  courseLevels: string[];
}

interface Template {
  id: string;
  topics: string[];
  wantedLevels: string[];
  effort: string | null;
  earliestStart: string | null;
  deadline: string;
  sme: { sector: string | null; size: string | null } | undefined;
}

/** A course matchCase will take: a teacher, a period in the window, an agreement with a place left, a wanted level. */
function usable(s: Suggestion, wantedLevels: readonly string[]): s is Suggestion & { teacherId: string; periodId: string } {
  return (
    s.teacherId !== null &&
    s.periodId !== null &&
    s.hasAgreement &&
    (s.remainingPlaces === null || s.remainingPlaces > 0) &&
    s.courseLevels.some((l) => wantedLevels.includes(l))
  );
}

export class WriteMix {
  private step = 0;
  private serial = 0;
  private template: Template | null = null;
  /** Templates already tried (found unusable, or their courses filled up). */
  private tried = 0;
  private caseId: string | null = null;
  private pick: { courseId: string; teacherId: string; periodId: string } | null = null;
  private proposalId: string | null = null;
  private readonly latencies: number[] = [];
  private readonly byKind = Object.fromEntries(writeKinds.map((k) => [k, [] as number[]])) as Record<WriteKind, number[]>;
  private readonly writes = Object.fromEntries(writeKinds.map((k) => [k, 0])) as Record<WriteKind, number>;
  private readonly errors = Object.fromEntries(writeKinds.map((k) => [k, 0])) as Record<WriteKind, number>;
  private readonly firstErrors: string[] = [];
  private templateUsed: string | null = null;
  /** Reads per block (on-blocks and off-blocks alternate). */
  readonly every: number;

  constructor(
    private readonly graphql: GraphqlClient,
    /** Percent of requests that are writes in the on-blocks (1–50). */
    readonly percent: number,
    /** Who handles the cases and logs the interactions (a coordinator of the workspace). */
    private readonly coordinator: string,
    /** Tells the runs apart in the cases' titles (the bench reuses its graph). */
    private readonly runTag: string,
    /** Cases to copy, tried in this order (the bench's sample of cases; a test's own case). */
    private readonly templates: readonly string[],
    /** Notes what the mix writes, so that it can be taken out again at the end (bench/undo-write-mix.ts). */
    private readonly undo: WriteMixUndo | null = null,
  ) {
    this.every = Math.max(1, Math.round(100 / percent) - 1);
  }

  /**
   * Before the `n`-th measured read (0-based, per operation): sends the next write when an on-block starts. Returns
   * whether this read is measured with the mix on (true) or off (false).
   */
  async beforeRead(n: number): Promise<boolean> {
    const on = Math.floor(n / this.every) % 2 === 0;
    if (on && n % this.every === 0) await this.writeNext();
    return on;
  }

  /** The next write of the round; a failure is counted (not thrown) and the round starts again. */
  async writeNext(): Promise<void> {
    const kind = writeKinds[this.step]!;
    const outcome = await this.attempt(kind);
    if (typeof outcome === "number") {
      this.latencies.push(outcome);
      this.byKind[kind].push(outcome);
      this.writes[kind] += 1;
      this.step = (this.step + 1) % writeKinds.length;
    } else {
      this.errors[kind] += 1;
      if (this.firstErrors.length < 5 && !this.firstErrors.includes(outcome)) this.firstErrors.push(outcome);
      this.step = 0;
    }
  }

  /**
   * One whole round of the five writes before the measurement (bench/run.ts's warm-up), kept out of the results: a
   * generated store has never seen some of what the day's writes make (no interaction logged, say), and the first such
   * write moves Neo4j's statistics so far (an index's selectivity from 0 to 1) that Neo4j plans again every statement
   * whose plan counted on it, at its next use — ~1.7 s for the programme embedding's reads at L. A server in use has
   * long paid that. Returns each write's milliseconds, or its failure; the round after it starts at intake again.
   */
  async warmUpRound(): Promise<Record<WriteKind, number | string>> {
    const took = {} as Record<WriteKind, number | string>;
    this.step = 0;
    for (const kind of writeKinds) {
      const outcome = await this.attempt(kind);
      took[kind] = outcome;
      if (typeof outcome === "string") break;
    }
    this.step = 0;
    return took;
  }

  /** One write of `kind`: its milliseconds, or why it failed. */
  private async attempt(kind: WriteKind): Promise<number | string> {
    try {
      // Looking for a case to copy is the bench's own preparation, not a coordinator's write: it reads the suggestions of
      // several cases (seconds at L) and, timed with the intake, made the intake's p95 39 s in session 9's L run.
      if (kind === "intake") this.template ??= await this.findTemplate();
      // The pair's ties as they are before the interaction changes them (for the undo): the bench's read, not the write's.
      if (kind === "interaction" && this.undo && this.pick)
        await this.undo.beforeInteraction(this.coordinator, this.pick.teacherId);
      return (await timed(() => this.write(kind))).ms;
    } catch (error) {
      return `${kind}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** The first template from `tried` on whose own suggestions hold a usable course. */
  private async findTemplate(): Promise<Template> {
    while (this.tried < this.templates.length) {
      const id = this.templates[this.tried]!;
      const { cases } = await this.graphql<{ cases: Array<Omit<Template, "id" | "sme"> & { sme: Array<Template["sme"]> }> }>(
        TEMPLATE,
        { id },
      );
      const found = cases[0];
      if (found?.deadline && found.topics.length > 0 && found.wantedLevels.length > 0) {
        const { caseSuggestions } = await this.graphql<{ caseSuggestions: Suggestion[] }>(SUGGESTIONS, { case: id });
        if (caseSuggestions.some((s) => usable(s, found.wantedLevels))) {
          this.templateUsed = id;
          return { ...found, id, deadline: found.deadline, sme: found.sme[0] };
        }
      }
      this.tried += 1;
    }
    throw new Error(`none of the ${this.templates.length} template cases has a usable suggestion`);
  }

  private async write(kind: WriteKind): Promise<void> {
    switch (kind) {
      case "intake": {
        this.template ??= await this.findTemplate();
        const t = this.template;
        this.serial += 1;
        const today = todayIso();
        const input = {
          sme: {
            name: `Bench BV ${this.runTag}-${this.serial}`,
            city: "Utrecht",
            ...(t.sme?.sector ? { sector: t.sme.sector } : {}),
            ...(t.sme?.size ? { size: t.sme.size } : {}),
          },
          title: `Kopie van ${t.id} ${this.runTag}-${this.serial}`,
          // The bench's account is linked to no person: the case names its coordinator.
          coordinator: this.coordinator,
          topics: t.topics,
          wantedLevels: t.wantedLevels,
          // What qualifyCase needs (qualify-case.ts): an effort, an earliest start and a deadline. The suggestions
          // never look before today, so an earliest start in the past is today's.
          effort: t.effort ?? "SPRINT",
          earliestStart: t.earliestStart && t.earliestStart > today ? t.earliestStart : today,
          deadline: t.deadline,
        };
        this.undo?.beforeWrite();
        const { intakeCase } = await this.graphql<{ intakeCase: { caseId: string; smeId: string; smeCreated: boolean } }>(
          INTAKE,
          { input },
        );
        this.caseId = intakeCase.caseId;
        this.undo?.noteCase(intakeCase.caseId, { id: intakeCase.smeId, created: intakeCase.smeCreated });
        await this.graphql(QUALIFY, { case: this.caseId });
        return;
      }
      case "proposal": {
        const { caseSuggestions } = await this.graphql<{ caseSuggestions: Suggestion[] }>(SUGGESTIONS, { case: this.caseId });
        const found = caseSuggestions.find((s) => usable(s, this.template?.wantedLevels ?? []));
        if (!found) {
          // The template's courses are full (or it no longer fits): the next intake copies the next template.
          this.template = null;
          this.tried += 1;
          throw new Error("no suggested course with a teacher, a period and a free place under an agreement");
        }
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
      case "interaction": {
        const { logInteraction } = await this.graphql<{ logInteraction: { interaction: { id: string } } }>(LOG, {
          by: this.coordinator,
          with: this.pick!.teacherId,
          date: todayIso(),
        });
        this.undo?.noteInteraction(logInteraction.interaction.id);
        return;
      }
    }
  }

  result(): WriteMixResult {
    return {
      percent: this.percent,
      writes: { ...this.writes },
      errors: { ...this.errors },
      firstErrors: [...this.firstErrors],
      latency: this.latencies.length > 0 ? summariseLatencies(this.latencies) : null,
      latencyByKind: Object.fromEntries(
        writeKinds.map((k) => [k, this.byKind[k].length > 0 ? summariseLatencies(this.byKind[k]) : null]),
      ) as Record<WriteKind, LatencySummary | null>,
      template: this.templateUsed,
    };
  }
}
