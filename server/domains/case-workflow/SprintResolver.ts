import { Access } from "../../platform/auth/Access.js";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { EducationLevel } from "../../platform/model/graph-enums.js";
import { nowIso } from "../../platform/clock/read-clock.js";
import { resolveActor } from "../../platform/auth/resolve-actor.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { completeSprint } from "./complete-sprint.js";
import { matchCase } from "./match-case.js";
import { AgreementCapacity, CourseCapacity, readAgreementCapacity, readCapacity } from "../agreements/index.js";
import { MilestoneRecord, SprintCompletionInput, SprintRecord } from "./sprint-types.js";
import { readSprint } from "./read-sprint.js";
import { startSprint } from "./start-sprint.js";
import { overrideFrom } from "./check-override.js";
import { addMilestone, completeMilestone } from "./track-milestones.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Cost } from "../../platform/limits/Cost.js";

/** As many agreements as the agreements page lists at most, and some. */
export const MAX_CAPACITY_AGREEMENTS = 200;

const ACTOR_DESCRIPTION =
  "The coordinator (person id) making the change, recorded in the timeline; a signed-in user takes precedence.";

const FORCE_DESCRIPTION = "Do it despite a sanity check (LEVEL_MISMATCH, BEFORE_PERIOD); needs a reason.";
const REASON_DESCRIPTION = "Why the check is overridden (with force); recorded as the event's reason on the case's timeline.";

/** Agreements' capacity, matching a case into a sprint, and the sprint until it completes. */
@Resolver()
export class SprintResolver {
  @Query(() => CourseCapacity, { description: "Places under the course's agreement in a teaching period, used and left." })
  @Access("CASE_READ")
  @Cost("courseCapacity")
  async courseCapacity(
    @Ctx() ctx: GraphQLContext,
    @Arg("course", () => ID) courseId: string,
    @Arg("period", () => ID) periodId: string,
  ): Promise<CourseCapacity> {
    const view = await ctx.db.readTx((tx) => readCapacity(tx, courseId, periodId));
    if (!view) throw new DomainError(ErrorCode.NOT_FOUND, "No such course or teaching period.", "course");
    return view;
  }

  @Query(() => [AgreementCapacity], {
    description:
      "Per agreement, places used and left in every course it covers and period it may govern, as matchCase counts them; unknown ids are left out.",
  })
  @Access("CASE_READ")
  @Cost("agreementCapacity")
  async agreementCapacity(
    @Ctx() ctx: GraphQLContext,
    @Arg("agreements", () => [ID]) agreementIds: string[],
  ): Promise<AgreementCapacity[]> {
    if (agreementIds.length > MAX_CAPACITY_AGREEMENTS) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `Ask for at most ${MAX_CAPACITY_AGREEMENTS} agreements at a time.`,
        "agreements",
      );
    }
    return ctx.db.readTx((tx) => readAgreementCapacity(tx, agreementIds));
  }

  @Query(() => SprintRecord, { nullable: true })
  @Access("CASE_READ")
  @Cost("sprintRecord")
  async sprintRecord(@Ctx() ctx: GraphQLContext, @Arg("sprint", () => ID) sprintId: string): Promise<SprintRecord | null> {
    return ctx.db.readTx((tx) => readSprint(tx, sprintId));
  }

  @Mutation(() => SprintRecord, {
    description:
      "PROPOSED → MATCHED: a PLANNED sprint in the course and period, using one place of its capacity; refused when full (CAPACITY_EXHAUSTED), also under concurrent attempts, and when the course's level is not one the case wants (LEVEL_MISMATCH) unless force with a reason. Withdraws the case's open proposals.",
  })
  @Access("CASE_WORK")
  @Cost("matchCase")
  async matchCase(
    @Ctx() ctx: GraphQLContext,
    @Arg("case", () => ID) caseId: string,
    @Arg("course", () => ID) courseId: string,
    @Arg("period", () => ID) periodId: string,
    @Arg("teamSize", () => Int, { nullable: true }) teamSize?: number | null,
    @Arg("teamLevel", () => EducationLevel, { nullable: true, description: "Default: the course's institution level." })
    teamLevel?: EducationLevel | null,
    @Arg("supervisor", () => ID, {
      nullable: true,
      description: "Default: the teacher who said INTERESTED, else the course's only teacher.",
    })
    supervisor?: string | null,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
    @Arg("force", () => Boolean, { defaultValue: false, description: FORCE_DESCRIPTION }) force = false,
    @Arg("reason", () => String, { nullable: true, description: REASON_DESCRIPTION }) reason?: string | null,
  ): Promise<SprintRecord> {
    return matchCase(
      ctx.db,
      {
        caseId,
        courseId,
        periodId,
        teamSize: teamSize ?? null,
        teamLevel: teamLevel ?? null,
        supervisorId: supervisor ?? null,
        override: overrideFrom(force, reason),
      },
      await resolveActor(ctx, actor),
      nowIso(),
    );
  }

  @Mutation(() => SprintRecord, {
    description:
      "MATCHED → IN_SPRINT: the planned sprint starts; before its teaching period starts refused (BEFORE_PERIOD) unless force with a reason.",
  })
  @Access("CASE_WORK")
  @Cost("startSprint")
  async startSprint(
    @Ctx() ctx: GraphQLContext,
    @Arg("sprint", () => ID) sprintId: string,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
    @Arg("force", () => Boolean, { defaultValue: false, description: FORCE_DESCRIPTION }) force = false,
    @Arg("reason", () => String, { nullable: true, description: REASON_DESCRIPTION }) reason?: string | null,
  ): Promise<SprintRecord> {
    return startSprint(ctx.db, sprintId, await resolveActor(ctx, actor), nowIso(), overrideFrom(force, reason));
  }

  @Mutation(() => MilestoneRecord)
  @Access("CASE_WORK")
  @Cost("addMilestone")
  async addMilestone(
    @Ctx() ctx: GraphQLContext,
    @Arg("sprint", () => ID) sprintId: string,
    @Arg("title", () => String) title: string,
    @Arg("due", () => String, { nullable: true, description: "YYYY-MM-DD." }) due?: string | null,
  ): Promise<MilestoneRecord> {
    return addMilestone(ctx.db, sprintId, title, due ?? null);
  }

  @Mutation(() => MilestoneRecord)
  @Access("CASE_WORK")
  @Cost("completeMilestone")
  async completeMilestone(@Ctx() ctx: GraphQLContext, @Arg("milestone", () => ID) milestoneId: string): Promise<MilestoneRecord> {
    return completeMilestone(ctx.db, milestoneId, nowIso());
  }

  @Mutation(() => SprintRecord, {
    description: "IN_SPRINT → COMPLETED: the running sprint ends with its outcome, the SME's rating and both sides' feedback.",
  })
  @Access("CASE_WORK")
  @Cost("completeSprint")
  async completeSprint(
    @Ctx() ctx: GraphQLContext,
    @Arg("sprint", () => ID) sprintId: string,
    @Arg("input", () => SprintCompletionInput) input: SprintCompletionInput,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<SprintRecord> {
    return completeSprint(ctx.db, sprintId, input, await resolveActor(ctx, actor), nowIso());
  }
}
