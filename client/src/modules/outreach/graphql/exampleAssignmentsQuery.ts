import { graphql } from "../../../generated";

export const exampleAssignmentsQuery = graphql(`
  query ExampleAssignments {
    exampleAssignments(sort: [{ received: DESC }]) {
      id
      title
      description
      received
      teacher {
        id
        name
      }
      course {
        id
        name
      }
    }
  }
`);
