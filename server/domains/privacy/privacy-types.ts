import { Field, ID, Int, ObjectType } from "type-graphql";

/** GraphQL types of personal data requests. */

@ObjectType("PersonDataExport", { description: "Everything held about one person, as one JSON document (see docs/security.md)." })
export class PersonDataExport {
  @Field(() => ID)
  personId!: string;

  @Field(() => String)
  exportedAt!: string;

  @Field(() => String, {
    description:
      "JSON: person, relationships, ties, interactions, casesAsContact, casesHandled, caseEvents, userAccounts, portalProposals, submissions.",
  })
  document!: string;
}

@ObjectType("ErasureMention", {
  description: "Free text that still holds an erased person's name or e-mail, for a coordinator to review (not changed).",
})
export class ErasureMention {
  @Field(() => String, { description: "The node's first label, or the relationship's type." })
  nodeType!: string;

  @Field(() => String, { description: "The node's id (its elementId when it has none), or the relationship's elementId." })
  id!: string;

  @Field(() => String, { description: "The property that holds the text." })
  field!: string;

  @Field(() => String, { description: "The text around the first match (up to 40 characters either side)." })
  snippet!: string;
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

  @Field(() => Int, { description: "Staff accounts that were linked to the person: kept, no longer linked." })
  accountsUnlinked!: number;

  @Field(() => Int, {
    description: "Portal accounts (INSTITUTION_CONTACT, TEACHER) of the person: removed, with their invitations (#18).",
  })
  accountsRemoved!: number;

  @Field(() => [ErasureMention], {
    description: "Free text elsewhere that still names the person or holds their e-mail (at most 100), for review.",
  })
  mentionsToReview!: ErasureMention[];

  @Field(() => Boolean, {
    description:
      "Whether the erased values were also cleared from Neo4j's files (store records, indexes, transaction logs); " +
      "false on an external Neo4j, where the server's log settings finish the job (docs/security.md).",
  })
  storeFilesCleaned!: boolean;
}
