import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Cost } from "../../platform/limits/Cost.js";
import { MailMessageRecord, MailStatus, OutboxCount } from "./mail-types.js";
import { countOutbox, readMailMessage, readOutbox } from "./read-outbox.js";

/** The outbox: every message the API sent, or kept because no mail server is configured. */
@Resolver()
export class MailResolver {
  @Query(() => [MailMessageRecord], { description: "Messages sent or kept in the outbox, newest first." })
  @Access("CASE_READ")
  @Cost("outbox")
  async outbox(
    @Ctx() ctx: GraphQLContext,
    @Arg("status", () => MailStatus, { nullable: true }) status?: MailStatus | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first = 50,
    @Arg("offset", () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<MailMessageRecord[]> {
    if (first < 1 || first > 200) throw new DomainError(ErrorCode.BAD_USER_INPUT, "first must be between 1 and 200.", "first");
    if (offset < 0) throw new DomainError(ErrorCode.BAD_USER_INPUT, "offset must not be negative.", "offset");
    return ctx.db.readTx((tx) => readOutbox(tx, { status: status ?? null, first, offset }));
  }

  @Query(() => [OutboxCount], { description: "How many messages of the outbox stand at each status." })
  @Access("CASE_READ")
  @Cost("outboxCounts")
  async outboxCounts(@Ctx() ctx: GraphQLContext): Promise<OutboxCount[]> {
    return ctx.db.readTx((tx) => countOutbox(tx));
  }

  @Query(() => MailMessageRecord, { nullable: true, description: "One message of the outbox, with its text and .eml." })
  @Access("CASE_READ")
  @Cost("outboxMessage")
  async outboxMessage(@Ctx() ctx: GraphQLContext, @Arg("id", () => ID) id: string): Promise<MailMessageRecord | null> {
    return ctx.db.readTx((tx) => readMailMessage(tx, id));
  }
}
