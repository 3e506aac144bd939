import { graphql } from "../../../generated";

export const teacherWarmPathQuery = graphql(`
  query TeacherWarmPath($to: ID!) {
    warmPaths(to: $to, k: 1) {
      score
      hops
      explanationEn
      explanationNl
      steps {
        person {
          id
          name
        }
      }
    }
  }
`);
