import { graphql } from "../../../generated";

/** The case's sprints, for actions that need the sprint's id (start, complete). */
export const caseSprintsQuery = graphql(`
  query CaseSprints($id: ID!) {
    cases(where: { id: { eq: $id } }, limit: 1) {
      id
      sprints(limit: 10) {
        id
        status
      }
    }
  }
`);
