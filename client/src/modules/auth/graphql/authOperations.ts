import { graphql } from "../../../generated";

export const loginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      # No token: the API sets it as an HttpOnly cookie, which no script here ever sees (app/authStore.ts).
      expiresAt
      user {
        id
        name
        roles
      }
    }
  }
`);

export const meQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      roles
      person {
        id
        name
      }
    }
  }
`);

export const signOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const signOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);
