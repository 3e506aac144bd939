import { Access } from "../../platform/auth/Access.js";
import { type ClassType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CaseAction, CaseAgeing, CaseDateSignal, CaseTimelineKind } from "./case-enums.js";
import { CaseStatus, EducationLevel, Effort, PartnerKind, SmeSize } from "../../platform/model/graph-enums.js";
import { TopicLabels } from "../vocabulary/index.js";

/** GraphQL input and output types of the case lifecycle. Dates travel as ISO strings (YYYY-MM-DD). */

@InputType({ description: "The SME of an intake: found by KvK number when given, else by name + city; created when new." })
export class SmeIntakeInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "8 digits; spaces and dots are ignored." })
  kvkNumber?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => SmeSize, { nullable: true })
  size?: SmeSize | null;
}

@InputType({ description: "The SME's contact person: found by e-mail, else by name among the SME's contacts; created when new." })
export class ContactIntakeInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;
}

@InputType({ description: "The referring partner: an existing one by id, or by name (found case-insensitively, else created)." })
export class PartnerReferenceInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => PartnerKind, { nullable: true, description: "For a partner created by name; default OTHER." })
  kind?: PartnerKind | null;

  @Field(() => ID, {
    nullable: true,
    description: "The person at the partner who referred the case (e.g. the bank's account manager); must work at the partner.",
  })
  person?: string | null;
}

@InputType()
export class CaseIntakeInput {
  @Field(() => SmeIntakeInput)
  sme!: SmeIntakeInput;

  @Field(() => ContactIntakeInput, { nullable: true })
  contact?: ContactIntakeInput | null;

  @Field(() => PartnerReferenceInput, { nullable: true })
  partner?: PartnerReferenceInput | null;

  @Field(() => String, { nullable: true, description: "Date of this case's referral; default today." })
  referredOn?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  question?: string | null;

  @Field(() => [String], { nullable: true })
  topics?: string[] | null;

  @Field(() => [EducationLevel])
  wantedLevels!: EducationLevel[];

  @Field(() => Effort, { nullable: true })
  effort?: Effort | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  earliestStart?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; not before earliestStart." })
  deadline?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The coordinator who handles the case (a person id). Default: the signed-in account\'s person ("me"); needed when the account is not linked to a person.',
  })
  coordinator?: string | null;
}

@ObjectType({ description: "What an intake found or created." })
export class CaseIntakeResult {
  @Field(() => ID)
  caseId!: string;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => ID)
  smeId!: string;

  @Field(() => Boolean, { description: "False when an existing SME was found." })
  smeCreated!: boolean;

  @Field(() => ID, { nullable: true })
  contactId!: string | null;

  @Field(() => ID, { nullable: true })
  partnerId!: string | null;

  @Field(() => ID, { nullable: true })
  coordinatorId!: string | null;

  @Field(() => [String], {
    description:
      "The topic words no topic of the vocabulary knew: kept as proposed topics for a coordinator to accept (docs/matching.md).",
  })
  proposedTopics!: string[];
}

@ObjectType({ description: "One recorded status change of a case." })
export class CaseStatusChange {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => CaseStatus, { nullable: true })
  from!: CaseStatus | null;

  @Field(() => CaseStatus)
  to!: CaseStatus;

  @Field(() => String, { description: "ISO instant." })
  at!: string;

  @Field(() => String, { nullable: true })
  by!: string | null;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  reason?: string | null;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  note?: string | null;
}

@ObjectType({
  description: "One line of a case's timeline: a status change, or a proposal sent, answered, followed up or withdrawn.",
})
export class CaseTimelineEntry {
  @Field(() => CaseTimelineKind)
  kind!: CaseTimelineKind;

  @Field(() => String, { description: "ISO instant." })
  at!: string;

  @Field(() => String, { nullable: true, description: "Who did it: a person id, or the id of an account without a person." })
  by!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Who it was: the person's name, or the account's name for an account not linked to a person.",
  })
  byName!: string | null;

  @Field(() => CaseStatus, { nullable: true })
  from!: CaseStatus | null;

  @Field(() => CaseStatus, { nullable: true })
  to!: CaseStatus | null;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  reason!: string | null;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  note!: string | null;

  @Field(() => ID, { nullable: true })
  proposalId!: string | null;

  @Field(() => ID, { nullable: true })
  teacherId!: string | null;

  @Field(() => String, { nullable: true })
  teacherName!: string | null;

  @Field(() => String, { nullable: true })
  courseName!: string | null;

  @Field(() => String, { nullable: true })
  channel!: string | null;

  @Field(() => String, { nullable: true })
  answer!: string | null;

  @Field(() => [String], { description: "Checks the coordinator overrode for this status change (force + reason)." })
  overrode!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "For a proposal's entries: CLAIM (a portal user claimed the case for their course) or FORWARD (one forwarded it to a colleague); null when a coordinator sent it (#18).",
  })
  origin!: string | null;
}

@InputType()
export class CaseBoardFilter {
  @Field(() => ID, { nullable: true, description: "Cases with a proposal or sprint in a course of this institution." })
  institution?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A topic (its id, or a word resolved by the vocabulary): the cases about it or one of its narrower topics.",
  })
  topic?: string | null;

  @Field(() => EducationLevel, { nullable: true, description: "A wanted level of the case." })
  level?: EducationLevel | null;

  @Field(() => ID, { nullable: true, description: "The partner that referred the case." })
  partner?: string | null;

  @Field(() => ID, { nullable: true })
  coordinator?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "My cases: those HANDLED_BY the person the signed-in account is linked to (takes the place of `coordinator`). An account linked to no person is refused (BAD_USER_INPUT on filter.mine).",
  })
  mine?: boolean | null;

  @Field(() => String, { nullable: true, description: "Part of the title or of the SME's name." })
  search?: string | null;

  @Field(() => CaseStatus, {
    nullable: true,
    description: "Cards of one column only; the column counts still cover every status.",
  })
  status?: CaseStatus | null;
}

@ObjectType()
export class CaseBoardColumn {
  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => Int)
  count!: number;
}

/**
 * What a case may do next; computed by caseWorkflowOptions (check-transition.ts) from the table the
 * mutations enforce. CaseWorkflow and CaseCard inherit its fields; no field returns it, so the schema leaves it out.
 */
@ObjectType()
export class CaseWorkflowOptions {
  @Field(() => [CaseAction], {
    description:
      "The workflow steps the case may take now, in lifecycle order: what the mutations would allow (a step can still be refused for what it needs).",
  })
  allowedActions!: CaseAction[];

  @Field(() => Boolean, {
    description:
      "Whether course suggestions still matter: the case can still be proposed to a teacher (INTAKE, QUALIFIED, PROPOSED).",
  })
  acceptsSuggestions!: boolean;
}

/** The class a type that has nothing else to inherit hands to withCaseStateSignals. */
class NoFields {}

/**
 * The six deadline and ageing fields (computed by caseSignals, case-signals.ts) declared once, on top of `Base`: the board
 * card has them flat beside its workflow options, the case page nested as CaseStateSignals. A mixin (type-graphql's
 * documented pattern for a type with two parents) because CaseCard already inherits CaseWorkflowOptions. No field returns
 * this class itself, so the schema leaves it out (as CaseWorkflowOptions).
 */
function withCaseStateSignals<TBase extends ClassType>(Base: TBase) {
  @ObjectType()
  abstract class CaseStateSignalFields extends Base {
    @Field(() => String, { description: "When the case entered its current status (its last event into it; else its creation)." })
    stateSince!: string;

    @Field(() => Int, { description: "Whole calendar days (Amsterdam) in the current status." })
    daysInState!: number;

    @Field(() => CaseAgeing, {
      nullable: true,
      description:
        "AGEING or STALE when the case has waited past its status's thresholds (case-signals.ts); null when fresh or final.",
    })
    ageing!: CaseAgeing | null;

    @Field(() => CaseDateSignal, {
      nullable: true,
      description:
        "The desired start (earliestStart) near or passed while the case has no match yet (INTAKE, QUALIFIED, PROPOSED).",
    })
    startSignal!: CaseDateSignal | null;

    @Field(() => CaseDateSignal, { nullable: true, description: "The deadline near or passed, for a case still open." })
    deadlineSignal!: CaseDateSignal | null;

    @Field(() => Int, {
      nullable: true,
      description: "Days from today to the deadline (negative: passed); null without one or when final.",
    })
    daysToDeadline!: number | null;
  }
  return CaseStateSignalFields;
}

@ObjectType({
  description: "A case's deadline and ageing signals (case-signals.ts), as its board card shows them: on the case page too.",
})
export class CaseStateSignals extends withCaseStateSignals(NoFields) {}

@ObjectType({ description: "A case's status and the steps it may take from there (the case page's buttons)." })
export class CaseWorkflow extends CaseWorkflowOptions {
  @Field(() => ID)
  caseId!: string;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => CaseStateSignals, { description: "Days in the status, ageing and the date signals (the board card's too)." })
  signals!: CaseStateSignals;
}

@ObjectType({ description: "A topic of a case as the vocabulary labels it, with the word typed for it (issue #15)." })
export class CaseTopicLabel extends TopicLabels {
  @Field(() => String, { description: "The word as typed." })
  word!: string;

  @Field(() => String, { description: "ACCEPTED, or PROPOSED for a word no topic knew yet." })
  status!: string;
}

/** A case on the board: its workflow options and its deadline and ageing signals (both inherited, declared once). */
@ObjectType()
export class CaseCard extends withCaseStateSignals(CaseWorkflowOptions) {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => ID, { nullable: true })
  smeId!: string | null;

  @Field(() => String, { nullable: true })
  smeName!: string | null;

  @Field(() => String, { nullable: true })
  smeCity!: string | null;

  @Field(() => String, { nullable: true })
  partnerName!: string | null;

  @Field(() => ID, { nullable: true })
  coordinatorId!: string | null;

  @Field(() => String, { nullable: true })
  coordinatorName!: string | null;

  @Field(() => Boolean, { description: "Sent by the SME itself through the public question form (issue #18)." })
  selfSubmitted!: boolean;

  @Field(() => [String], { description: "The topic words as typed." })
  topics!: string[];

  @Field(() => [CaseTopicLabel], { description: "The topics they resolved to, labelled in both languages (show the reader's)." })
  topicLabels!: CaseTopicLabel[];

  @Field(() => [EducationLevel])
  wantedLevels!: EducationLevel[];

  @Field(() => String, { nullable: true })
  earliestStart!: string | null;

  @Field(() => String, { nullable: true })
  deadline!: string | null;

  @Field(() => String)
  created!: string;

  @Field(() => String, { nullable: true })
  lastChangeAt!: string | null;

  @Field(() => Int, { description: "Proposals neither answered nor expired." })
  openProposals!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "For cases in INTAKE, QUALIFIED or PROPOSED: courses that share a topic with the case at a wanted level, as last counted (intake, qualification, proposals, refreshSuggestionCounts). Null otherwise.",
  })
  suggestionCount!: number | null;
}

@ObjectType()
export class CaseBoard {
  @Field(() => [CaseBoardColumn], { description: "Every status, with its count under the filter." })
  columns!: CaseBoardColumn[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => [CaseCard])
  cards!: CaseCard[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}
