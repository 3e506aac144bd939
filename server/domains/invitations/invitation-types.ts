import { Field, ID, ObjectType } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";

@ObjectType("Invitation", { description: 'An invitation of a person to the portal (docs/security.md "Invitations").' })
export class InvitationRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => String)
  personName!: string;

  @Field(() => String, { nullable: true, description: "The address invited: the account's e-mail once accepted." })
  @Access("CONTACT_DETAILS")
  email!: string | null;

  @Field(() => String, { description: "INSTITUTION_CONTACT or TEACHER." })
  role!: string;

  @Field(() => String, { description: "PENDING, ACCEPTED, REPLACED (a newer one was sent) or EXPIRED." })
  status!: string;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String)
  expiresAt!: string;

  @Field(() => String, { nullable: true })
  acceptedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The account's first sign-in (logged as an interaction on the inviter's tie).",
  })
  firstSignInAt!: string | null;

  @Field(() => ID, { nullable: true, description: "The inviting coordinator's person, when their account is one." })
  invitedById!: string | null;

  @Field(() => String, { nullable: true })
  invitedByName!: string | null;

  @Field(() => ID, { nullable: true, description: "The message in the outbox." })
  messageId!: string | null;

  @Field(() => String, { nullable: true, description: "The message's status (QUEUED, SENT, OUTBOX, FAILED, …)." })
  messageStatus!: string | null;
}

@ObjectType("InvitationLink", { description: "What an invitation link is for, shown before the password is set." })
export class InvitationLinkView {
  @Field(() => String)
  personName!: string;

  @Field(() => String, { description: "The account's e-mail (the token is the secret that shows it)." })
  email!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { description: "NL or EN: the person's language." })
  language!: string;

  @Field(() => String)
  expiresAt!: string;
}

@ObjectType("AcceptedInvitation", { description: "The account an invitation created; sign in with its e-mail." })
export class AcceptedInvitation {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;
}
