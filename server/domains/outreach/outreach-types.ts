import "reflect-metadata";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import { InteractionChannel, InteractionResult, MappingStatus } from "../../platform/model/graph-enums.js";

/** What a row of the mapping table is about. */
export enum MappingSubject {
  PROGRAMME = "PROGRAMME",
  COURSE = "COURSE",
}
registerEnumType(MappingSubject, {
  name: "MappingSubject",
  description: "A row of the mapping table: a programme or one of its courses.",
});

@ObjectType({ description: "A person as the outreach views show them." })
export class OutreachPerson {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "Personal data: coordinators and admins only." })
  @Access("CONTACT_DETAILS")
  email?: string | null;
}

@ObjectType({ description: "A programme or course named in the outreach views." })
export class OutreachSubjectRef {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: "One entry of the interaction log: who contacted whom, when, how, with what result." })
export class OutreachInteraction {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "ISO date (YYYY-MM-DD)." })
  date!: string;

  @Field(() => InteractionChannel)
  channel!: InteractionChannel;

  @Field(() => InteractionResult, { nullable: true })
  result?: InteractionResult | null;

  @Field(() => String, { nullable: true, description: "Free text about people: coordinators and admins only." })
  @Access("CONTACT_DETAILS")
  note?: string | null;

  @Field(() => OutreachPerson, { description: "Who initiated the contact." })
  by!: OutreachPerson;

  @Field(() => OutreachPerson, { description: "Who was contacted." })
  with!: OutreachPerson;

  @Field(() => OutreachSubjectRef, { nullable: true })
  aboutProgramme?: OutreachSubjectRef | null;

  @Field(() => OutreachSubjectRef, { nullable: true })
  aboutCourse?: OutreachSubjectRef | null;

  @Field(() => OutreachPerson, { nullable: true, description: "A warm introduction: who introduced the two." })
  introducedBy?: OutreachPerson | null;
}

@ObjectType({ description: "A programme or course with how far the bottom-up method got." })
export class MappingRow {
  @Field(() => MappingSubject)
  kind!: MappingSubject;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MappingStatus)
  status!: MappingStatus;

  @Field(() => ID)
  institutionId!: string;

  @Field(() => String)
  institutionName!: string;

  @Field(() => ID, { description: "The programme; for a programme row, the programme itself." })
  programmeId!: string;

  @Field(() => String)
  programmeName!: string;

  @Field(() => [OutreachPerson], { description: "Course: its teachers. Programme: the teachers of its courses." })
  teachers!: OutreachPerson[];

  @Field(() => OutreachInteraction, {
    nullable: true,
    description: "Course: the latest interaction about it. Programme: the latest about it or any of its courses.",
  })
  lastInteraction?: OutreachInteraction | null;

  @Field(() => Int, { description: "Interactions counted the same way as lastInteraction." })
  interactionCount!: number;

  @Field(() => Int, { description: "Example assignments received for the course (programme: for its courses)." })
  exampleAssignmentCount!: number;
}

@ObjectType({ description: "One page of the mapping table: whole programmes (with their courses), in table order." })
export class MappingTablePage {
  @Field(() => Int, { description: "Programmes the filter finds (a programme counts when it or one of its courses matches)." })
  programmeCount!: number;

  @Field(() => Int, { description: "Institutions those programmes are at." })
  institutionCount!: number;

  @Field(() => Int)
  first!: number;

  @Field(() => Int)
  offset!: number;

  @Field(() => [MappingRow], { description: "The page's programmes' rows, sorted as mappingTable." })
  rows!: MappingRow[];
}

@ObjectType({ description: "A mapping status before and after an operation." })
export class MappingChange {
  @Field(() => MappingSubject)
  kind!: MappingSubject;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MappingStatus)
  previous!: MappingStatus;

  @Field(() => MappingStatus)
  status!: MappingStatus;

  @Field(() => Boolean)
  changed!: boolean;
}

@ObjectType({
  description:
    "The KNOWS tie between the two people after an interaction was applied to it (docs/network-analytics.md, tie strength).",
})
export class TieAfterInteraction {
  @Field(() => ID, { description: "Who made the contact." })
  a!: string;

  @Field(() => ID, { description: "Who was contacted." })
  b!: string;

  @Field(() => Boolean, { description: "There was no tie; the interaction created one." })
  created!: boolean;

  @Field(() => Float)
  strength!: number;

  @Field(() => Float, { nullable: true, description: "The strength before; null when the tie is new." })
  previousStrength!: number | null;

  @Field(() => Float, {
    description:
      "The strength interactions build on: the tie's strength before they were first counted (0 for a tie an interaction created), or what a warm introduction vouched for.",
  })
  baseStrength!: number;

  @Field(() => Boolean, { description: "Set by hand: interactions move lastContact but leave the strength." })
  manual!: boolean;

  @Field(() => String, { description: "A TieChannel value." })
  channel!: string;

  @Field(() => String, { nullable: true, description: "ISO date." })
  since!: string | null;

  @Field(() => String, { description: "ISO date: the latest contact (an older interaction never moves it back)." })
  lastContact!: string;

  @Field(() => Int, { description: "Interactions of the pair counted, either direction, this one included." })
  interactions!: number;

  @Field(() => Float, {
    description:
      "Their weighted, recency-faded sum: two-way contacts weigh 1, attempts and refusals 0 (half weight after 180 days).",
  })
  evidence!: number;

  @Field(() => ID, { nullable: true, description: "Who introduced the two, when a warm introduction set the tie's base." })
  introducedBy!: string | null;
}

@ObjectType({ description: "The logged interaction and what it did to the mapping statuses and the tie." })
export class LoggedInteraction {
  @Field(() => OutreachInteraction)
  interaction!: OutreachInteraction;

  @Field(() => [MappingChange], { description: "One entry per programme/course the interaction is about." })
  mappingChanges!: MappingChange[];

  @Field(() => TieAfterInteraction, { description: "The tie between the two people, created when there was none." })
  tie!: TieAfterInteraction;

  @Field(() => Boolean, {
    description: "Always true: every logged interaction creates or updates the tie.",
    deprecationReason: "Always true since interactions create missing ties; read tie { created strength }.",
  })
  tieUpdated!: boolean;
}

@ObjectType({ description: "An example assignment received from a teacher." })
export class ReceivedExampleAssignment {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { description: "ISO date (YYYY-MM-DD)." })
  received!: string;

  @Field(() => OutreachPerson)
  teacher!: OutreachPerson;

  @Field(() => OutreachSubjectRef)
  course!: OutreachSubjectRef;

  @Field(() => MappingChange)
  mappingChange!: MappingChange;
}
