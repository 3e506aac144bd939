import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CaseStatus, Language, PartnerKind } from "../../platform/model/graph-enums.js";

/** GraphQL types of the public question form and the public status page (issue #18 part 1; docs/case-workflow.md). */

@InputType({ description: "A question an SME sends through the public form, without signing in. Every text is plain text." })
export class QuestionSubmissionInput {
  @Field(() => String, { description: "The company's name (at most 120 characters)." })
  smeName!: string;

  @Field(() => String, { description: "KvK number: 8 digits (spaces and dots ignored)." })
  kvkNumber!: string;

  @Field(() => String, { nullable: true, description: "City (at most 80 characters)." })
  city?: string | null;

  @Field(() => String, { description: "Contact person's name (at most 120 characters)." })
  contactName!: string;

  @Field(() => String, { description: "Contact's e-mail address: the confirmation and status link go there." })
  email!: string;

  @Field(() => String, { nullable: true, description: "Phone (digits, spaces, + - ( ) .; at most 30)." })
  phone?: string | null;

  @Field(() => String, { description: "The question in the SME's own words (20 to 4,000 characters)." })
  question!: string;

  @Field(() => [String], {
    nullable: true,
    description: "Topic words, chosen from the vocabulary or typed (at most 10, 60 characters each).",
  })
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: "Desired start, YYYY-MM-DD." })
  earliestStart?: string | null;

  @Field(() => String, { nullable: true, description: "Desired end (term), YYYY-MM-DD; not before the start." })
  deadline?: string | null;

  @Field(() => ID, { nullable: true, description: "The partner they heard of us through: one of questionForm.partners." })
  partner?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "How they heard of us, in their own words (e.g. the bank's account manager; at most 300 characters).",
  })
  heardOf?: string | null;

  @Field(() => Language, { description: "The language the SME used the form in: the confirmation is written in it." })
  language!: Language;

  @Field(() => Boolean, { description: "Consent to store the data for this purpose: must be true." })
  consent!: boolean;

  @Field(() => String, { description: "The version of the consent wording shown (questionForm.consent.version)." })
  consentVersion!: string;

  @Field(() => String, { description: "The signed token questionForm gave when the form was opened." })
  formToken!: string;

  @Field(() => String, {
    nullable: true,
    description: "Leave empty. A field people do not see: only automated senders fill it in (refused).",
  })
  website?: string | null;
}

@ObjectType({ description: "The consent wording of the form: its version and the text in both languages." })
export class ConsentWording {
  @Field(() => String)
  version!: string;

  @Field(() => String)
  nl!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType({ description: "A partner an SME can say it heard of us through (only the name)." })
export class PublicPartner {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;
}

@ObjectType({ description: "What the public form needs when it opens." })
export class QuestionForm {
  @Field(() => String, {
    description: "Signed, short-lived: submitQuestion needs it, no sooner than minFillSeconds after it was made.",
  })
  formToken!: string;

  @Field(() => Int, { description: "Least seconds between opening the form and sending it." })
  minFillSeconds!: number;

  @Field(() => ConsentWording)
  consent!: ConsentWording;

  @Field(() => [PublicPartner])
  partners!: PublicPartner[];
}

@ObjectType({ description: "The answer to a submitted question: it was received, and the confirmation is on its way." })
export class QuestionReceipt {
  @Field(() => Boolean)
  received!: boolean;

  @Field(() => String, { description: "A short reference the SME can quote (the start of the case's id)." })
  reference!: string;

  @Field(() => Boolean, { description: "Whether the confirmation with the status link went out (or into the outbox)." })
  confirmationSent!: boolean;

  @Field(() => String, {
    description:
      "The status link of the confirmation, as a path (/status/<token>), for the thank-you page: it shows the title, the state and since when, nothing the sender did not type.",
  })
  statusPath!: string;
}

@ObjectType({ description: "What a status link shows: the case's title, its state and since when; nothing else." })
export class PublicCaseStatus {
  @Field(() => String)
  title!: string;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => String, { description: "Date (YYYY-MM-DD) the case reached this state." })
  since!: string;

  @Field(() => String, { description: "Date (YYYY-MM-DD) the question was received." })
  received!: string;

  @Field(() => Language, { description: "The language of the link (the SME's)." })
  language!: Language;
}
