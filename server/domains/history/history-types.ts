import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "One field of a history entry: its value before and after (JSON), or hidden from your role." })
export class HistoryChange {
  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true, description: "The value before, as JSON (null: not set, or hidden)." })
  old!: string | null;

  @Field(() => String, { nullable: true, description: "The value after, as JSON (null: not set, or hidden)." })
  new!: string | null;

  @Field(() => Boolean, { description: "True when your role may not read this field: old and new are left out." })
  hidden!: boolean;
}

@ObjectType({
  description: "One change of a node: a generic edit (CREATE, UPDATE, DELETE) or, for a case, a status change (STATUS).",
})
export class HistoryEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "When (ISO date-time)." })
  at!: string;

  @Field(() => String, { description: "CREATE, UPDATE or DELETE (generic edits), STATUS (a case's workflow)." })
  kind!: string;

  @Field(() => String, { description: "The node's type." })
  label!: string;

  @Field(() => String, { nullable: true, description: "The user account that made a generic edit." })
  byUser!: string | null;

  @Field(() => String, { nullable: true, description: "The person who made it (the user's person, or the timeline's actor)." })
  byPerson!: string | null;

  @Field(() => [HistoryChange])
  changes!: HistoryChange[];

  @Field(() => String, { nullable: true, description: "A status change's reason (case free text)." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "A status change's note (case free text)." })
  note!: string | null;
}
