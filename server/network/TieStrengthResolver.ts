import { Args, ArgsType, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { Access } from "../auth/Access.js";
import type { GraphQLContext } from "../graphql/context.js";
import { recordInteraction } from "./record-interaction.js";
import { setTieStrength } from "./set-tie-strength.js";

@ObjectType({ description: "A tie after a change." })
export class TieState {
  @Field(() => ID)
  a!: string;

  @Field(() => ID)
  b!: string;

  @Field(() => Boolean, { description: "The change created the tie." })
  created!: boolean;

  @Field(() => Float)
  strength!: number;

  @Field(() => Boolean, { description: "Set by hand: interactions leave its strength alone." })
  manual!: boolean;

  @Field(() => String, { description: "A TieChannel value." })
  channel!: string;

  @Field(() => String, { nullable: true })
  since!: string | null;

  @Field(() => String, { nullable: true })
  lastContact!: string | null;
}

@ObjectType({ description: "An interaction recorded, and what it did to the tie." })
export class RecordedInteraction {
  @Field(() => ID)
  interactionId!: string;

  @Field(() => String)
  date!: string;

  @Field(() => String)
  channel!: string;

  @Field(() => String, { nullable: true })
  result!: string | null;

  @Field(() => TieState)
  tie!: TieState;

  @Field(() => Float, { nullable: true, description: "The strength before; null when the tie is new." })
  previousStrength!: number | null;

  @Field(() => Float, { description: "The strength interactions build on (the tie's strength before they were first counted)." })
  baseStrength!: number;

  @Field(() => Int, { description: "Interactions of the pair counted." })
  interactions!: number;

  @Field(() => Float, { description: "Their recency-weighted count." })
  evidence!: number;
}

@ArgsType()
export class RecordInteractionArgs {
  @Field(() => ID, { description: "Who made the contact." })
  by!: string;

  @Field(() => ID, { description: "With whom." })
  with!: string;

  @Field(() => String, { description: "YYYY-MM-DD, not after asOf." })
  date!: string;

  @Field(() => String, { description: "An InteractionChannel value: WARM_INTRODUCTION, EMAIL, PHONE, MEETING, WEBSITE, LINKEDIN, EVENT, SPRINT." })
  channel!: string;

  @Field(() => String, { nullable: true, description: "An InteractionResult value: NO_REPLY, REPLIED, INTERESTED, NOT_NOW, DECLINED, AGREED." })
  result?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => ID, { nullable: true, description: "The programme it was about." })
  programme?: string | null;

  @Field(() => ID, { nullable: true, description: "The course it was about." })
  course?: string | null;

  @Field(() => String, { nullable: true, description: "Reference date for recency, YYYY-MM-DD; default today." })
  asOf?: string | null;
}

@ArgsType()
export class SetTieStrengthArgs {
  @Field(() => ID)
  a!: string;

  @Field(() => ID)
  b!: string;

  @Field(() => Float, { description: "More than 0, at most 1." })
  strength!: number;

  @Field(() => String, { nullable: true, description: "A TieChannel value; kept as it is when left out." })
  channel?: string | null;
}

@Resolver()
export class TieStrengthResolver {
  @Access("NETWORK_WORK")
  @Mutation(() => RecordedInteraction, {
    description:
      "Records an interaction (a meeting, a reply, a sprint supervised together) and, in the same transaction, updates the " +
      "tie: lastContact, and the strength by recency and frequency unless it was set by hand. Rules: docs/network-analytics.md.",
  })
  async recordInteraction(@Args(() => RecordInteractionArgs) args: RecordInteractionArgs, @Ctx() ctx: GraphQLContext): Promise<RecordedInteraction> {
    const recorded = await recordInteraction(ctx.db, args);
    const t = recorded.tie;
    return {
      interactionId: recorded.interactionId,
      date: recorded.date,
      channel: recorded.channel,
      result: recorded.result,
      tie: { a: t.fromId, b: t.toId, created: t.created, strength: t.strength, manual: t.manual, channel: t.channel, since: t.since, lastContact: t.lastContact },
      previousStrength: t.previousStrength,
      baseStrength: t.baseStrength,
      interactions: t.interactions,
      evidence: t.evidence,
    };
  }

  @Access("NETWORK_WORK")
  @Mutation(() => TieState, { description: "Sets a tie's strength by hand (marked manual: interactions no longer change it). Creates the tie if needed." })
  async setTieStrength(@Args(() => SetTieStrengthArgs) args: SetTieStrengthArgs, @Ctx() ctx: GraphQLContext): Promise<TieState> {
    return setTieStrength(ctx.db, args);
  }
}
