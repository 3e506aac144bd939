import "reflect-metadata";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";

/** The GraphQL shapes of warmPaths and setTieStrength. Names avoid the generated schema's (Person, Knows, …). */

export enum NetworkRoleKind {
  TEACHER = "TEACHER",
  PROGRAMME_COORDINATOR = "PROGRAMME_COORDINATOR",
  DIRECTOR = "DIRECTOR",
  DEAN = "DEAN",
  BOARD_MEMBER = "BOARD_MEMBER",
  WORKSPACE_COORDINATOR = "WORKSPACE_COORDINATOR",
  PARTNER_CONTACT = "PARTNER_CONTACT",
}

registerEnumType(NetworkRoleKind, {
  name: "NetworkRoleKind",
  description: "A role a person holds: at a course (teacher), programme, institution, the workspace or a partner.",
});

@ObjectType({ description: "One role of a person on a path, with where it is held." })
export class PathRole {
  @Field(() => NetworkRoleKind)
  kind!: NetworkRoleKind;

  @Field(() => String, { description: "e.g. teacher, dean." })
  labelEn!: string;

  @Field(() => String, { description: "e.g. docent, decaan." })
  labelNl!: string;

  @Field(() => String, { description: 'Where, in one phrase: "Data Science, HvA".' })
  organisation!: string;

  @Field(() => ID, { nullable: true })
  courseId!: string | null;

  @Field(() => String, { nullable: true })
  courseName!: string | null;

  @Field(() => ID, { nullable: true })
  programmeId!: string | null;

  @Field(() => String, { nullable: true })
  programmeName!: string | null;

  @Field(() => ID, { nullable: true })
  institutionId!: string | null;

  @Field(() => String, { nullable: true })
  institutionName!: string | null;
}

/**
 * A person as a name and job title: what a warm path's PathPerson and the portal's PortalPerson (portal-types.ts) both show
 * of someone, declared once. No field returns this class itself, so the schema leaves it out.
 */
@ObjectType()
export abstract class PersonNameAndTitle {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  jobTitle!: string | null;
}

@ObjectType({ description: "A person on a warm path." })
export class PathPerson extends PersonNameAndTitle {
  @Field(() => [PathRole], { description: "Roles, those at the searched organisation first, then the most senior." })
  roles!: PathRole[];

  @Field(() => String, { nullable: true, description: "The organisation of the first role." })
  organisation!: string | null;
}

@ObjectType({ description: "The person whose warm introduction started a tie." })
export class PathIntroducer {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

/** A tie as a path step carries it; dates are ISO strings. */
@ObjectType({ description: "The tie a step was reached by." })
export class PathTie {
  @Field(() => Float)
  strength!: number;

  @Field(() => String, { nullable: true, description: "A TieChannel value: COLLEAGUE, WARM_INTRODUCTION, …" })
  channel!: string | null;

  @Field(() => String, { nullable: true, description: "ISO date." })
  since!: string | null;

  @Field(() => String, { nullable: true, description: "ISO date." })
  lastContact!: string | null;

  @Field(() => Boolean, { description: "The strength was set by hand." })
  manual!: boolean;

  @Field(() => PathIntroducer, {
    nullable: true,
    description: "Who introduced the two, when a warm introduction started the tie.",
  })
  introducedBy?: PathIntroducer | null;
}

@ObjectType({ description: "One person of a path and the tie that leads to them (none for the first)." })
export class WarmPathStep {
  @Field(() => PathPerson)
  person!: PathPerson;

  @Field(() => PathTie, { nullable: true })
  tie!: PathTie | null;
}

@ObjectType({ description: "A warm-contact path: from a starting person to a target, with why it holds." })
export class WarmPath {
  @Field(() => Float, { description: "Product of the tie strengths." })
  score!: number;

  @Field(() => Int, { description: "Number of ties." })
  hops!: number;

  @Field(() => [WarmPathStep], { description: "From the starting person to the target." })
  steps!: WarmPathStep[];

  @Field(() => String, { description: "One sentence to read out, in English." })
  explanationEn!: string;

  @Field(() => String, { description: "Dezelfde zin in het Nederlands." })
  explanationNl!: string;
}

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

@ObjectType({ description: "A workspace's warm threshold after setWarmThreshold." })
export class WarmThresholdState {
  @Field(() => ID)
  workspace!: string;

  @Field(() => Float, { description: "A tie is warm at this strength or more." })
  warmThreshold!: number;

  @Field(() => Float, { description: "The threshold before (0.5 when it was unset)." })
  previous!: number;
}

@ObjectType({ description: "A coordinator of the workspace and their tie to a person (none: every tie field null)." })
export class CoordinatorTie {
  @Field(() => PathIntroducer, { description: "The coordinator (id and name)." })
  coordinator!: PathIntroducer;

  @Field(() => Boolean, { description: "This is the signed-in account's own person." })
  me!: boolean;

  @Field(() => Float, { nullable: true, description: "The tie's strength; null when the coordinator has no tie to the person." })
  strength!: number | null;

  @Field(() => Boolean, { description: "strength ≥ the workspace's warm threshold." })
  warm!: boolean;

  @Field(() => String, { nullable: true, description: "A TieChannel value." })
  channel!: string | null;

  @Field(() => String, { nullable: true, description: "ISO date the tie began." })
  since!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO date of the latest recorded contact, an unanswered attempt included.",
  })
  lastContact!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO date they last actually spoke: the latest logged two-way contact (an answer, a meeting, a call, …).",
  })
  lastSpoke!: string | null;

  @Field(() => Int, { description: "Interactions logged between the two, either direction." })
  interactions!: number;

  @Field(() => Boolean, { description: "The strength was set by hand." })
  manual!: boolean;

  @Field(() => PathIntroducer, { nullable: true, description: "Who introduced them, when a warm introduction started the tie." })
  introducedBy!: PathIntroducer | null;
}
