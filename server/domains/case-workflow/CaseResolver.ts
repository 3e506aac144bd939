import { Access } from "../../platform/auth/Access.js";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { CaseCloseReason } from "./case-enums.js";
import {
  CaseBoard,
  CaseBoardFilter,
  CaseIntakeInput,
  CaseIntakeResult,
  CaseStatusChange,
  CaseTimelineEntry,
  CaseWorkflow,
} from "./case-types.js";
import { closeCase } from "./close-case.js";
import { refreshSuggestionCounts } from "../suggestions/index.js";
import { intakeCase } from "./intake-case.js";
import { qualifyCase } from "./qualify-case.js";
import { readCaseBoard } from "./read-case-board.js";
import { readCaseTimeline } from "./read-case-timeline.js";
import { readCaseWorkflow } from "./read-case-workflow.js";
import { nowIso } from "../../platform/clock/read-clock.js";
import { resolveActor } from "../../platform/auth/resolve-actor.js";
import { validateIntake } from "./validate-intake.js";
import { Cost } from "../../platform/limits/Cost.js";

const ACTOR_DESCRIPTION =
  "The coordinator (person id) making the change, recorded in the timeline; a signed-in user takes precedence.";

/** The case lifecycle's entry and exit, and the reads the case board and case page need. */
@Resolver()
export class CaseResolver {
  @Mutation(() => CaseIntakeResult, {
    description:
      "Creates a case in INTAKE, finding or creating its SME (by KvK number, else name + city), contact person and referring partner. One transaction.",
  })
  @Access("CASE_WORK")
  @Cost("intakeCase")
  async intakeCase(
    @Ctx() ctx: GraphQLContext,
    @Arg("input", () => CaseIntakeInput) input: CaseIntakeInput,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<CaseIntakeResult> {
    const intake = validateIntake(input);
    return intakeCase(ctx.db, intake, await resolveActor(ctx, actor), nowIso());
  }

  @Mutation(() => CaseStatusChange, {
    description: "INTAKE → QUALIFIED; needs topics, wanted levels, effort, earliest start and deadline.",
  })
  @Access("CASE_WORK")
  @Cost("qualifyCase")
  async qualifyCase(
    @Ctx() ctx: GraphQLContext,
    @Arg("case", () => ID) caseId: string,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<CaseStatusChange> {
    return qualifyCase(ctx.db, caseId, note?.trim() || null, await resolveActor(ctx, actor), nowIso());
  }

  @Mutation(() => CaseStatusChange, {
    description: "Any open state → CLOSED, with a reason; a planned or running sprint is cancelled.",
  })
  @Access("CASE_WORK")
  @Cost("closeCase")
  async closeCase(
    @Ctx() ctx: GraphQLContext,
    @Arg("case", () => ID) caseId: string,
    @Arg("reason", () => CaseCloseReason) reason: CaseCloseReason,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<CaseStatusChange> {
    return closeCase(ctx.db, caseId, reason, note?.trim() || null, await resolveActor(ctx, actor), nowIso());
  }

  @Mutation(() => Int, {
    description:
      "Recounts the suggestion count of every case in INTAKE, QUALIFIED or PROPOSED (after importing or seeding courses); returns how many cases.",
  })
  @Access("CASE_WORK")
  @Cost("refreshSuggestionCounts")
  async refreshSuggestionCounts(@Ctx() ctx: GraphQLContext): Promise<number> {
    return refreshSuggestionCounts(ctx.db, nowIso());
  }

  @Query(() => [CaseTimelineEntry], { description: "The case's status changes and proposals, oldest first." })
  @Access("CASE_READ")
  @Cost("caseTimeline")
  async caseTimeline(@Ctx() ctx: GraphQLContext, @Arg("case", () => ID) caseId: string): Promise<CaseTimelineEntry[]> {
    return ctx.db.readTx((tx) => readCaseTimeline(tx, caseId));
  }

  @Query(() => CaseWorkflow, {
    nullable: true,
    description:
      "The case's status and the workflow steps it may take now (the case page's buttons); null when there is no such case.",
  })
  @Access("CASE_READ")
  @Cost("caseWorkflow")
  async caseWorkflow(@Ctx() ctx: GraphQLContext, @Arg("case", () => ID) caseId: string): Promise<CaseWorkflow | null> {
    return ctx.db.readTx((tx) => readCaseWorkflow(tx, caseId, nowIso()));
  }

  @Query(() => CaseBoard, { description: "Cards of cases newest first, with the count per status column, in one query." })
  @Access("CASE_READ")
  @Cost("caseBoard")
  async caseBoard(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => CaseBoardFilter, { nullable: true }) filter?: CaseBoardFilter | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first = 50,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<CaseBoard> {
    const me = filter?.mine ? (await resolveActor(ctx, null)).personId : null;
    return ctx.db.readEach((tx) => readCaseBoard(tx, filter ?? {}, first, after ?? null, nowIso(), me));
  }
}
