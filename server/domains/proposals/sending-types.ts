import { Field, ID, Int, ObjectType } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";

/** GraphQL types of sending by e-mail, the schedule and the to-do list (docs/mail.md). */

@ObjectType({ description: "What became of one digest or proposal to send." })
export class SendOutcomeRecord {
  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  teacherName!: string;

  @Field(() => ID, { nullable: true, description: "The message in the outbox; null when none was made." })
  messageId!: string | null;

  @Field(() => String, {
    description:
      "SENT (the mail server took it), OUTBOX (kept, no SMTP_URL), FAILED (retried later), GAVE_UP; or why no message was made: UNREACHABLE (erased or no e-mail), UNDER_WAY (a digest of theirs awaits a retry), EMPTY.",
  })
  status!: string;

  @Field(() => Int)
  cases!: number;

  @Field(() => String, { nullable: true, description: "The mail server's error of the attempt." })
  error!: string | null;
}

@ObjectType({ description: "One round of the schedule: due digests, retries, reminders." })
export class DigestRoundRecord {
  @Field(() => String)
  at!: string;

  @Field(() => String, { nullable: true, description: "PAUSED or OUTSIDE_HOURS when the round did nothing." })
  skipped!: string | null;

  @Field(() => Int)
  digestsSent!: number;

  @Field(() => Int)
  digestsFailed!: number;

  @Field(() => Int)
  retried!: number;

  @Field(() => Int)
  reminders!: number;

  @Field(() => [ID], { description: "Teachers with a due digest no message can reach." })
  unreachable!: string[];
}

@ObjectType({ description: "A teacher with a digest rhythm whom no message can reach." })
export class UnreachableTeacher {
  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  teacherName!: string;

  @Field(() => String, { description: "ERASED or NO_EMAIL." })
  why!: string;
}

@ObjectType({ description: "The digest schedule: paused or running, how it sends, who cannot be reached." })
export class DigestScheduleState {
  @Field(() => Boolean)
  paused!: boolean;

  @Field(() => String, { nullable: true })
  changedAt!: string | null;

  @Field(() => String, { nullable: true, description: "Who paused or resumed it last (person or account id)." })
  changedBy!: string | null;

  @Field(() => String, { nullable: true })
  lastRunAt!: string | null;

  @Field(() => DigestRoundRecord, { nullable: true })
  lastRun!: DigestRoundRecord | null;

  @Field(() => String, { description: "smtp (SMTP_URL is set) or outbox." })
  transport!: string;

  @Field(() => String, { description: "Working hours, Amsterdam time, Monday to Friday, e.g. 9-17." })
  workingHours!: string;

  @Field(() => [UnreachableTeacher])
  unreachable!: UnreachableTeacher[];
}

@ObjectType({ description: "One thing on a coordinator's to-do list." })
export class TodoItem {
  @Field(() => ID, { nullable: true })
  caseId!: string | null;

  @Field(() => String, { nullable: true })
  caseTitle!: string | null;

  @Field(() => ID, { nullable: true })
  proposalId!: string | null;

  @Field(() => ID, { nullable: true })
  messageId!: string | null;

  @Field(() => String, { nullable: true, description: "The teacher (or, for a follow-up, the SME)." })
  who!: string | null;

  @Field(() => String, { nullable: true, description: "A course, an error, a state: what the item needs said." })
  @Access("CASE_TEXT")
  detail!: string | null;

  @Field(() => String, { nullable: true, description: "When: expiry, answer, completion, next attempt, waiting since." })
  at!: string | null;

  @Field(() => Int, { nullable: true, description: "Days waiting (longest waiting)." })
  days!: number | null;
}

@ObjectType({ description: "What needs a coordinator now, so that nothing expires unnoticed." })
export class CoordinatorTodo {
  @Field(() => ID, { nullable: true, description: "Whose list (null: every coordinator's cases)." })
  coordinatorId!: string | null;

  @Field(() => [TodoItem], { description: "Open proposals expiring within 7 days." })
  expiringProposals!: TodoItem[];

  @Field(() => [TodoItem], {
    description: "Proposals that expired unanswered in the last 30 days on a case still waiting: propose it again, or follow up.",
  })
  expiredProposals!: TodoItem[];

  @Field(() => [TodoItem], { description: "Teachers interested in a case not matched yet." })
  answersToActOn!: TodoItem[];

  @Field(() => [TodoItem], {
    description:
      "Claims from the institution portal waiting to be confirmed or declined (who: the claimer, detail: the course), on my cases and on cases nobody handles (#18).",
  })
  claimsToConfirm!: TodoItem[];

  @Field(() => [TodoItem], { description: "Completed sprints whose SME wants a follow-up (no later case yet)." })
  followUpsWanted!: TodoItem[];

  @Field(() => [TodoItem], { description: "Messages that failed or were given up." })
  failedMessages!: TodoItem[];

  @Field(() => [TodoItem], { description: "Teachers with a rhythm no message can reach." })
  unreachableTeachers!: TodoItem[];

  @Field(() => [TodoItem], { description: "Per open state (detail), the three cases waiting longest." })
  longestWaiting!: TodoItem[];
}
