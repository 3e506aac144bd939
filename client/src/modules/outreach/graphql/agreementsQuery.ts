import { graphql } from "../../../generated";

/**
 * Agreements with what they cover and the sprints placed in their courses, so the page can show
 * capacity used per teaching period (sprints in the course and period against casesPerPeriod).
 * Nested lists carry limits: the API prices an unbounded list as a large one.
 */
export const agreementsQuery = graphql(`
  query Agreements {
    agreements(sort: [{ validFrom: DESC }], limit: 150) {
      id
      scope
      assignmentTypes
      casesPerPeriod
      structural
      planning
      process
      supervision
      signedOn
      validFrom
      validTo
      signedBy(limit: 5) {
        id
        name
      }
      institutions(limit: 3) {
        id
        name
      }
      programmes(limit: 10) {
        id
        name
      }
      courses(limit: 30) {
        id
        name
        teachingPeriods(sort: [{ startDate: ASC }], limit: 16) {
          id
          name
          academicYear
          startDate
          endDate
        }
        sprints(limit: 50) {
          id
          status
          period(limit: 1) {
            id
          }
        }
      }
    }
  }
`);
