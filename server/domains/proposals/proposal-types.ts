import { Access } from "../../platform/auth/Access.js";
import { Field, ID, Int, ObjectType } from "type-graphql";
import {
  CaseStatus,
  InteractionChannel,
  Language,
  ProposalAnswer,
  ProposalWithdrawal,
} from "../../platform/model/graph-enums.js";
import { CaseCourseFitSummary, ProposalState } from "../suggestions/index.js";

/** GraphQL types of proposals and digests. Dates are ISO strings: YYYY-MM-DD, instants with a zone. */

@ObjectType({ description: "A coordinator's follow-up on a proposal (a reminder sent, a phone call); not a new proposal." })
export class ProposalFollowUp {
  @Field(() => ID)
  id!: string;

  @Field(() => InteractionChannel)
  channel!: InteractionChannel;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  note!: string | null;

  @Field(() => String, { description: "ISO instant." })
  at!: string;

  @Field(() => String, { nullable: true, description: "Who logged it (person id)." })
  by!: string | null;
}

@ObjectType({ description: "A case sent to a teacher for a course, and the answer." })
export class ProposalRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => String)
  caseTitle!: string;

  @Field(() => CaseStatus)
  caseStatus!: CaseStatus;

  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  teacherName!: string;

  @Field(() => ID, { nullable: true })
  courseId!: string | null;

  @Field(() => String, { nullable: true })
  courseName!: string | null;

  @Field(() => InteractionChannel)
  channel!: InteractionChannel;

  @Field(() => String)
  sentAt!: string;

  @Field(() => String)
  expiresAt!: string;

  @Field(() => ProposalAnswer, { nullable: true })
  answer!: ProposalAnswer | null;

  @Field(() => String, { nullable: true })
  answeredAt!: string | null;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  declineReason!: string | null;

  @Field(() => ProposalState)
  state!: ProposalState;

  @Field(() => String, { nullable: true })
  sentBy!: string | null;

  @Field(() => String, { nullable: true, description: "When matchCase or closeCase withdrew it (state WITHDRAWN)." })
  withdrawnAt!: string | null;

  @Field(() => ProposalWithdrawal, { nullable: true })
  withdrawnReason!: ProposalWithdrawal | null;

  @Field(() => [ProposalFollowUp], { description: "Reminders and calls logged on it, oldest first." })
  followUps!: ProposalFollowUp[];

  @Field(() => String, {
    nullable: true,
    description:
      "Sent by the API's own mail (docs/mail.md): QUEUED, SENT (the mail server took it), OUTBOX (kept, no SMTP_URL) or FAILED; null for a proposal recorded by hand.",
  })
  deliveryStatus!: string | null;

  @Field(() => String, { nullable: true, description: "The mail server's error of the last failed attempt." })
  deliveryError!: string | null;

  @Field(() => String, { nullable: true, description: "When the one reminder before expiry went out." })
  reminderSentAt!: string | null;

  @Field(() => String, { nullable: true, description: "EMAIL_LINK when the teacher answered with a link in a message." })
  answeredVia!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Null for a proposal a coordinator sent; CLAIM when a person of the institution portal claimed the case for their course (the other direction, #18), FORWARD when one forwarded it to a colleague.",
  })
  origin!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A claim's state: PENDING (a coordinator must confirm or decline it: confirmClaim, declineClaim), CONFIRMED, DECLINED.",
  })
  claimState!: string | null;
}

@ObjectType({ description: "One case in a teacher's digest." })
export class DigestEntry extends CaseCourseFitSummary {
  @Field(() => String, { description: "For the coordinator; the e-mail body says why in the teacher's terms." })
  reason!: string;
}

@ObjectType({ description: "A teacher's digest of fitting cases, rendered as a ready-to-send e-mail." })
export class Digest {
  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  teacherName!: string;

  @Field(() => String, { nullable: true })
  @Access("CONTACT_DETAILS")
  email!: string | null;

  @Field(() => Language)
  language!: Language;

  @Field(() => String)
  date!: string;

  @Field(() => Int, { nullable: true })
  digestEveryDays!: number | null;

  @Field(() => String, { nullable: true })
  lastSentOn!: string | null;

  @Field(() => String, { nullable: true })
  nextDueOn!: string | null;

  @Field(() => Boolean, { description: "The teacher teaches a course that an agreement valid on `date` covers." })
  hasAgreement!: boolean;

  @Field(() => Boolean)
  due!: boolean;

  @Field(() => [DigestEntry])
  items!: DigestEntry[];

  @Field(() => String)
  subject!: string;

  @Field(() => String, { nullable: true, description: "Quotes the cases' questions: coordinators and admins only." })
  @Access("CASE_TEXT")
  body!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The same as HTML (a sent message also carries each case's answer links). Coordinators and admins only.",
  })
  @Access("CASE_TEXT")
  html!: string | null;

  @Field(() => Boolean, {
    description: "Whether a message can reach the teacher: they have an e-mail address and were not erased (docs/mail.md).",
  })
  reachable!: boolean;
}

@ObjectType()
export class DigestSent {
  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  date!: string;

  @Field(() => [ProposalRecord])
  proposals!: ProposalRecord[];
}
