import { Field, ID, Int, ObjectType } from "type-graphql";

/** GraphQL types of personal data requests. */

@ObjectType("PersonDataExport", { description: "Everything held about one person, as one JSON document (see docs/security.md)." })
export class PersonDataExport {
  @Field(() => ID)
  personId!: string;

  @Field(() => String)
  exportedAt!: string;

  @Field(() => String, {
    description: "JSON: person, relationships, ties, interactions, casesAsContact, casesHandled, caseEvents, userAccounts.",
  })
  document!: string;
}

@ObjectType("PersonErasure", { description: "What erasing a person removed; the node stays, anonymous, under a new id." })
export class PersonErasureResult {
  @Field(() => ID, { description: "The person's new, anonymous id." })
  erasedId!: string;

  @Field(() => Int)
  tiesRemoved!: number;

  @Field(() => Int)
  interactionNotesRemoved!: number;

  @Field(() => Int)
  proposalReasonsRemoved!: number;

  @Field(() => Int)
  caseEventsRelinked!: number;

  @Field(() => Int)
  accountsUnlinked!: number;
}
