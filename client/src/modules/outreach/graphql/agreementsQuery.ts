import { graphql } from "../../../generated";

/**
 * Agreements with what they cover. Nested lists carry limits: the API prices an unbounded list as a
 * large one.
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
      }
    }
  }
`);

/**
 * The capacity of the listed agreements, per course and teaching period, as the server counts it
 * when matching (the governing agreement's casesPerPeriod against the sprints placed).
 */
export const agreementCapacityQuery = graphql(`
  query AgreementCapacity($agreements: [ID!]!) {
    agreementCapacity(agreements: $agreements) {
      agreementId
      courses {
        courseId
        courseName
        periodId
        periodName
        academicYear
        governingAgreementId
        casesPerPeriod
        used
        remaining
      }
    }
  }
`);
