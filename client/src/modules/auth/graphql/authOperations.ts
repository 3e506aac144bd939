import { graphql } from "../../../generated";

export const loginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
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
