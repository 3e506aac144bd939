import { graphql } from "../../../generated";

export const interactionLogQuery = graphql(`
  query InteractionLog($limit: Int) {
    interactionLog(limit: $limit) {
      id
      date
      channel
      result
      note
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
