import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import { resolveActor } from "../../platform/auth/resolve-actor.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { addExampleAssignment } from "./add-example-assignment.js";
import { InteractionChannel, InteractionResult, MappingStatus } from "../../platform/model/graph-enums.js";
import { logInteraction } from "./log-interaction.js";
import {
  LoggedInteraction,
  MappingChange,
  MappingRow,
  MappingTablePage,
  OutreachInteraction,
  ReceivedExampleAssignment,
} from "./outreach-types.js";
import { readInteractionLog } from "./read-interaction-log.js";
import { readMappingTable, readMappingTablePage } from "./read-mapping-table.js";
import { setMappingStatus } from "./set-mapping-status.js";
import { Cost } from "../../platform/limits/Cost.js";

/** Mapping and outreach: the broker's bottom-up method (docs/outreach.md). */
@Resolver()
export class OutreachResolver {
  @Query(() => [MappingRow], {
    description:
      "Programmes and their courses with mapping status, teachers, last interaction; optionally of one institution or in one status.",
  })
  @Access("OUTREACH_READ")
  @Cost("mappingTable")
  async mappingTable(
    @Ctx() ctx: GraphQLContext,
    @Arg("institution", () => ID, { nullable: true }) institution?: string,
    @Arg("status", () => MappingStatus, { nullable: true }) status?: MappingStatus,
  ): Promise<MappingRow[]> {
    return readMappingTable(ctx.db, { institution, status });
  }

  @Query(() => MappingTablePage, {
    description:
      "The mapping table a page at a time, paged by programme (a programme's rows are never split): `first` programmes (1-100) from `offset`, with the totals.",
  })
  @Access("OUTREACH_READ")
  @Cost("mappingTablePage")
  async mappingTablePage(
    @Ctx() ctx: GraphQLContext,
    @Arg("institution", () => ID, { nullable: true }) institution?: string,
    @Arg("status", () => MappingStatus, { nullable: true }) status?: MappingStatus,
    @Arg("first", () => Int, { defaultValue: 20 }) first = 20,
    @Arg("offset", () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<MappingTablePage> {
    return readMappingTablePage(ctx.db, { institution, status }, first, offset);
  }

  @Query(() => [OutreachInteraction], {
    description:
      "The interaction log, newest first: of a person (either side), about a programme (or its courses) or a course, between two dates (inclusive).",
  })
  @Access("OUTREACH_READ")
  @Cost("interactionLog")
  async interactionLog(
    @Ctx() ctx: GraphQLContext,
    @Arg("person", () => ID, { nullable: true }) person?: string,
    @Arg("programme", () => ID, { nullable: true }) programme?: string,
    @Arg("course", () => ID, { nullable: true }) course?: string,
    @Arg("from", () => String, { nullable: true, description: "ISO date, inclusive." }) from?: string,
    @Arg("to", () => String, { nullable: true, description: "ISO date, inclusive." }) to?: string,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 200 }) limit?: number,
  ): Promise<OutreachInteraction[]> {
    return readInteractionLog(ctx.db, { person, programme, course, from, to, limit });
  }

  @Mutation(() => MappingChange, {
    description:
      "Sets the mapping status of one programme or course. Forward moves are allowed (also skipping steps); going back needs force: true, else ILLEGAL_TRANSITION.",
  })
  @Access("OUTREACH_WORK")
  @Cost("setMappingStatus")
  async setMappingStatus(
    @Ctx() ctx: GraphQLContext,
    @Arg("status", () => MappingStatus) status: MappingStatus,
    @Arg("programme", () => ID, { nullable: true }) programme?: string,
    @Arg("course", () => ID, { nullable: true }) course?: string,
    @Arg("force", () => Boolean, { nullable: true, defaultValue: false }) force?: boolean,
  ): Promise<MappingChange> {
    return setMappingStatus(ctx.db, { programme, course, status, force });
  }

  @Mutation(() => LoggedInteraction, {
    description:
      "Logs a contact, in one transaction with its consequences. The programme/course it is about moves up (never down): any contact → APPROACHED, an answer (REPLIED, INTERESTED, NOT_NOW, DECLINED) → RESPONDED, AGREED → AGREEMENT. The KNOWS tie between the two people is created when missing, its lastContact moves forward, and its strength is re-derived from the pair's two-way contacts (an unanswered attempt or a refusal adds nothing), by recency and frequency, unless set by hand; a warm introduction (introducedBy) starts it from the introducer's ties (docs/network-analytics.md).",
  })
  @Access("OUTREACH_WORK")
  @Cost("logInteraction")
  async logInteraction(
    @Ctx() ctx: GraphQLContext,
    @Arg("by", () => ID, {
      nullable: true,
      description: 'Who made the contact (a person id). Default: the signed-in account\'s person ("me").',
    })
    by: string | null | undefined,
    @Arg("with", () => ID, { description: "Who was contacted." }) withPerson: string,
    @Arg("date", () => String, { description: "ISO date; not in the future." }) date: string,
    @Arg("channel", () => InteractionChannel) channel: InteractionChannel,
    @Arg("result", () => InteractionResult, { nullable: true }) result?: InteractionResult,
    @Arg("note", () => String, { nullable: true }) note?: string,
    @Arg("aboutProgramme", () => ID, { nullable: true }) aboutProgramme?: string,
    @Arg("aboutCourse", () => ID, { nullable: true }) aboutCourse?: string,
    @Arg("introducedBy", () => ID, {
      nullable: true,
      description: "A warm introduction: who introduced the two. The new tie starts from the introducer's own ties to them.",
    })
    introducedBy?: string,
  ): Promise<LoggedInteraction> {
    const who = by?.trim() || (await resolveActor(ctx, null)).personId;
    if (!who) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        "Name who made the contact: your account is not linked to a person (an admin links it with linkUserToPerson).",
        "by",
      );
    }
    return logInteraction(ctx.db, {
      by: who,
      with: withPerson,
      date,
      channel,
      result,
      note,
      aboutProgramme,
      aboutCourse,
      introducedBy,
    });
  }

  @Mutation(() => ReceivedExampleAssignment, {
    description:
      "Records an example assignment from a teacher for a course; the course moves up to EXAMPLES_RECEIVED when lower.",
  })
  @Access("OUTREACH_WORK")
  @Cost("addExampleAssignment")
  async addExampleAssignment(
    @Ctx() ctx: GraphQLContext,
    @Arg("teacher", () => ID) teacher: string,
    @Arg("course", () => ID) course: string,
    @Arg("title", () => String) title: string,
    @Arg("received", () => String, { description: "ISO date; not in the future." }) received: string,
    @Arg("description", () => String, { nullable: true }) description?: string,
  ): Promise<ReceivedExampleAssignment> {
    return addExampleAssignment(ctx.db, { teacher, course, title, description, received });
  }
}
