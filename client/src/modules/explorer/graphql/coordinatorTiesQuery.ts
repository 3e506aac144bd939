import { graphql } from "../../../generated";

/** Each coordinator's own tie to a person: how strong, warm or not, and when they last spoke. */
export const coordinatorTiesQuery = graphql(`
  query CoordinatorTies($person: ID!) {
    coordinatorTies(person: $person) {
      coordinator {
        id
        name
      }
      me
      strength
      warm
      channel
      lastContact
      lastSpoke
      introducedBy {
        id
        name
      }
    }
  }
`);
