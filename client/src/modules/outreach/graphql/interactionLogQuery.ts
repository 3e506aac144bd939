import { graphql } from "../../../generated";

export const interactionLogQuery = graphql(`
  query InteractionLog($limit: Int, $contactDetails: Boolean!) {
    interactionLog(limit: $limit) {
      id
      date
      channel
      result
      note @include(if: $contactDetails)
      by {
        id
        name
      }
      with {
        id
        name
      }
      aboutProgramme {
        id
        name
      }
      aboutCourse {
        id
        name
      }
    }
  }
`);
