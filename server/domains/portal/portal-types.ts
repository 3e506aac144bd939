import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CourseCapacity } from "../agreements/index.js";
import { PersonNameAndTitle } from "../network/index.js";
import { ProposalRecord } from "../proposals/index.js";
import { CaseCourseFitSummary } from "../suggestions/index.js";

/** GraphQL types of the institution portal (issue #18). Dates are ISO strings: YYYY-MM-DD, instants with a zone. */

@ObjectType("PortalPerson", { description: "The person the portal account is: whose roles in the graph decide what it reaches." })
export class PortalPerson extends PersonNameAndTitle {}

@ObjectType("PortalProgramme", { description: "A programme the person reaches." })
export class PortalProgramme {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  level!: string | null;

  @Field(() => ID, { nullable: true })
  institutionId!: string | null;

  @Field(() => String, { nullable: true })
  institutionName!: string | null;

  @Field(() => Boolean, { description: "True when the person coordinates or directs it, or is dean of its institution." })
  led!: boolean;
}

@ObjectType("PortalCourse", { description: "A course the person reaches: one they teach, or one of a programme they lead." })
export class PortalCourse {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  kind!: string | null;

  @Field(() => Int, { nullable: true })
  studyYear!: number | null;

  @Field(() => ID, { nullable: true })
  programmeId!: string | null;

  @Field(() => String, { nullable: true })
  programmeName!: string | null;

  @Field(() => Boolean)
  teaches!: boolean;
}

@ObjectType("FittingCase", {
  description:
    "An open case that fits one of the person's courses: the coordinators' suggestion seen from the course side (same score, verdict and reason).",
})
export class FittingCase extends CaseCourseFitSummary {
  @Field(() => String, { nullable: true, description: "The SME's question, as a teacher's digest quotes it." })
  question!: string | null;

  @Field(() => String)
  status!: string;

  @Field(() => [String], { description: "The case's topics in the language asked." })
  topics!: string[];

  @Field(() => [String])
  wantedLevels!: string[];

  @Field(() => String, { nullable: true })
  effort!: string | null;

  @Field(() => String, { nullable: true })
  earliestStart!: string | null;

  @Field(() => String, { nullable: true })
  deadline!: string | null;

  @Field(() => String, { description: "Why it fits, in the language asked." })
  reason!: string;

  @Field(() => String)
  reasonNl!: string;

  @Field(() => String)
  reasonEn!: string;

  @Field(() => Int, { nullable: true, description: "Places left in that period under the agreement; null: no limit or none." })
  remainingPlaces!: number | null;

  @Field(() => Boolean)
  hasAgreement!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "PENDING or CONFIRMED when this case is claimed for this course already (by anyone), else null.",
  })
  claimState!: string | null;
}

@ObjectType("PortalAgreement", {
  description:
    "An agreement valid today that covers one of the person's courses or programmes, or their institution, with the capacity per period of the courses the person reaches (the agreements domain's count).",
})
export class PortalAgreement {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  scope!: string;

  @Field(() => Int, { nullable: true })
  casesPerPeriod!: number | null;

  @Field(() => Boolean)
  structural!: boolean;

  @Field(() => [String])
  assignmentTypes!: string[];

  @Field(() => String)
  validFrom!: string;

  @Field(() => String, { nullable: true })
  validTo!: string | null;

  @Field(() => [String], { description: "What it covers, named within the person's reach (and the institution)." })
  covers!: string[];

  @Field(() => [CourseCapacity], { description: "Per course the person reaches and period: the places, used and left." })
  capacity!: CourseCapacity[];
}

/**
 * Not the case workflow's SprintRecord (sprint-types.ts), though six fields read alike: the portal shows a sprint by names
 * only (no supervisor, rating or outcome, which SprintRecord guards with CASE_TEXT and the portal must not reach), its
 * status is a plain String and its course always set. One base class would change those fields' types in the printed
 * schema, so the two stay apart.
 */
@ObjectType("PortalSprint", { description: "A planned or running sprint in one of the person's courses." })
export class PortalSprint {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  status!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => String)
  caseTitle!: string;

  @Field(() => ID)
  courseId!: string;

  @Field(() => String)
  courseName!: string;

  @Field(() => String, { nullable: true })
  periodName!: string | null;

  @Field(() => String, { nullable: true })
  startDate!: string | null;

  @Field(() => String, { nullable: true })
  endDate!: string | null;

  @Field(() => Int, { nullable: true })
  teamSize!: number | null;
}

@ObjectType("Portal", {
  description:
    "The institution portal (#18): what the signed-in person reaches through their roles in the graph, and nothing else.",
})
export class Portal {
  @Field(() => PortalPerson)
  person!: PortalPerson;

  @Field(() => [PortalProgramme])
  programmes!: PortalProgramme[];

  @Field(() => [PortalCourse])
  courses!: PortalCourse[];

  @Field(() => [FittingCase], {
    description: "Open cases (QUALIFIED, PROPOSED) fitting one of the courses at FAIR or better, best first.",
  })
  fittingCases!: FittingCase[];

  @Field(() => [PortalAgreement])
  agreements!: PortalAgreement[];

  @Field(() => [ProposalRecord], {
    description: "Open proposals for the courses, to the person or forwarded by them, and claims waiting for a coordinator.",
  })
  proposals!: ProposalRecord[];

  @Field(() => [PortalSprint])
  sprints!: PortalSprint[];

  @Field(() => [PortalColleague], {
    description:
      "Colleagues a case can be forwarded to (forwardCase with their personId), per programme reached: names only (#18).",
  })
  colleagues!: PortalColleague[];
}

@ObjectType("PortalColleague", {
  description:
    "A person with a role in a programme the portal user reaches (teaches a course of it, coordinates or directs it) or introduced about it by the user: a name to forward a case to, no contact details.",
})
export class PortalColleague {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID)
  programmeId!: string;

  @Field(() => String)
  programmeName!: string;

  @Field(() => [String], { description: "How they are in the programme: TEACHES, COORDINATES, DIRECTS, INTRODUCED." })
  relations!: string[];
}

@InputType("ColleagueInput", {
  description:
    "Who a case is forwarded to: a known colleague (personId), or a new one (name, and email, roleTitle, programmeId) who becomes a known person in that programme.",
})
export class ColleagueInput {
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Their job title, e.g. docent, opleidingscoördinator." })
  roleTitle?: string | null;

  @Field(() => ID, { nullable: true, description: "The programme (one the forwarder reaches) the colleague works in." })
  programmeId?: string | null;
}

@ObjectType("ForwardedCase", { description: "A case forwarded to a colleague: the proposal to them, and who they are." })
export class ForwardedCase {
  @Field(() => ProposalRecord)
  proposal!: ProposalRecord;

  @Field(() => ID)
  colleagueId!: string;

  @Field(() => Boolean, { description: "True when the colleague was not in the graph before." })
  colleagueCreated!: boolean;
}
