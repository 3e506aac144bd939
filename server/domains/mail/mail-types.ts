import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";

/** Where a message stands (docs/mail.md). */
export enum MailStatus {
  /** Waiting for its first attempt. */
  QUEUED = "QUEUED",
  /** An attempt is under way (or a process stopped during one: whether it went out is unknown). */
  SENDING = "SENDING",
  /** The mail server (SMTP_URL) accepted it. */
  SENT = "SENT",
  /** No SMTP_URL: kept in the outbox, as it would have been sent. */
  OUTBOX = "OUTBOX",
  /** The last attempt failed; retried at nextAttemptAt. */
  FAILED = "FAILED",
  /** Every attempt failed (MAIL_MAX_ATTEMPTS): nothing more happens by itself. */
  GAVE_UP = "GAVE_UP",
}
registerEnumType(MailStatus, { name: "MailStatus", description: "Where a message of the outbox stands." });

export enum MailKind {
  DIGEST = "DIGEST",
  PROPOSAL = "PROPOSAL",
  REMINDER = "REMINDER",
  /** An invitation to the portal (server/domains/invitations/). */
  INVITATION = "INVITATION",
  /** The confirmation an SME gets after the public question form, with its status link (issue #18). */
  QUESTION_RECEIVED = "QUESTION_RECEIVED",
}
registerEnumType(MailKind, { name: "MailKind", description: "What a message of the outbox is." });

@ObjectType({ description: "A message the API sent or would have sent (the outbox), with its attempts." })
export class MailMessageRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => MailKind)
  kind!: MailKind;

  @Field(() => MailStatus)
  status!: MailStatus;

  @Field(() => String, { nullable: true, description: "Recipient's address." })
  @Access("CONTACT_DETAILS")
  to!: string | null;

  @Field(() => String, { nullable: true })
  toName!: string | null;

  @Field(() => ID, { nullable: true, description: "The person it is addressed to." })
  personId!: string | null;

  @Field(() => String)
  subject!: string;

  @Field(() => String)
  language!: string;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String, { nullable: true, description: "When the server accepted it (or it went to the outbox)." })
  sentAt!: string | null;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true, description: "The last attempt's error." })
  lastError!: string | null;

  @Field(() => String, { nullable: true })
  nextAttemptAt!: string | null;

  @Field(() => String, { nullable: true, description: "The mail server's answer." })
  response!: string | null;

  @Field(() => String, { description: "smtp or outbox: how it was (to be) sent." })
  transport!: string;

  @Field(() => Int, { description: "Proposals it carries." })
  proposals!: number;

  @Field(() => String, { nullable: true, description: "Plain-text body; quotes the cases." })
  @Access("CASE_TEXT")
  text!: string | null;

  @Field(() => String, { nullable: true, description: "HTML body." })
  @Access("CASE_TEXT")
  html!: string | null;

  @Field(() => String, { nullable: true, description: "The whole message as sent (RFC 5322, save as .eml)." })
  @Access("CASE_TEXT")
  raw!: string | null;
}

@ObjectType()
export class OutboxCount {
  @Field(() => MailStatus)
  status!: MailStatus;

  @Field(() => Int)
  count!: number;
}
