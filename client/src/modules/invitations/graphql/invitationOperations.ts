import { graphql } from "../../../generated";

export const invitePersonMutation = graphql(`
  mutation InvitePerson($personId: ID!, $email: String!, $role: String!) {
    invitePerson(personId: $personId, email: $email, role: $role) {
      id
      status
      role
      expiresAt
      messageId
      messageStatus
    }
  }
`);

export const personInvitationsQuery = graphql(`
  query PersonInvitations($personId: ID!) {
    invitations(personId: $personId) {
      id
      role
      status
      email
      createdAt
      expiresAt
      acceptedAt
      firstSignInAt
      invitedByName
      messageStatus
    }
  }
`);

export const invitationLinkQuery = graphql(`
  query InvitationLink($token: String!) {
    invitationLink(token: $token) {
      personName
      email
      role
      language
      expiresAt
    }
  }
`);

export const acceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      email
      name
    }
  }
`);
