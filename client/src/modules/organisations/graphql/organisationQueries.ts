import { graphql } from "../../../generated";

/**
 * An institution with its programmes and courses, role holders, teaching calendar and agreements
 * (generated read API), and its embedding with the verdict and reason (the embedding query). Only
 * fields every signed-in role may read. Nested lists carry limits: the API prices unbounded lists.
 */
export const institutionPageQuery = graphql(`
  query InstitutionPage($id: ID!) {
    institutions(where: { id: { eq: $id } }, limit: 1) {
      id
      name
      shortName
      kind
      city
      website
      deans(limit: 10) {
        id
        name
      }
      boardMembers(limit: 10) {
        id
        name
      }
      teachingPeriods(limit: 40, sort: [{ startDate: ASC }]) {
        id
        name
        academicYear
        startDate
        endDate
      }
      agreements(limit: 20) {
        id
      }
      programmes(limit: 60, sort: [{ name: ASC }]) {
        id
        name
        level
        mappingStatus
        coordinators(limit: 5) {
          id
          name
        }
        directors(limit: 5) {
          id
          name
        }
        agreements(limit: 20) {
          id
        }
        courses(limit: 40, sort: [{ name: ASC }]) {
          id
          name
          kind
          mappingStatus
          agreements(limit: 10) {
            id
          }
          teachers(limit: 5) {
            id
            name
          }
        }
      }
    }
  }
`);

/** A programme with its courses (teachers, teaching periods), role holders and agreements, and its embedding rungs. */
export const programmePageQuery = graphql(`
  query ProgrammePage($id: ID!) {
    programmes(where: { id: { eq: $id } }, limit: 1) {
      id
      name
      level
      mappingStatus
      institution(limit: 1) {
        id
        name
        teachingPeriods(limit: 40, sort: [{ startDate: ASC }]) {
          id
          name
          academicYear
          startDate
          endDate
        }
        agreements(limit: 20) {
          id
        }
      }
      coordinators(limit: 10) {
        id
        name
      }
      directors(limit: 10) {
        id
        name
      }
      agreements(limit: 20) {
        id
      }
      courses(limit: 60, sort: [{ name: ASC }]) {
        id
        name
        kind
        studyYear
        themes
        mappingStatus
        teachers(limit: 10) {
          id
          name
        }
        teachingPeriods(limit: 20, sort: [{ startDate: ASC }]) {
          id
          name
          academicYear
          startDate
          endDate
        }
        agreements(limit: 10) {
          id
        }
      }
    }
  }
`);

/** The agreements the page lists, with their terms and signatories. */
export const organisationAgreementsQuery = graphql(`
  query OrganisationAgreements($ids: [ID!]!) {
    agreements(where: { id: { in: $ids } }, sort: [{ validFrom: DESC }], limit: 60) {
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
    agreementCapacity(agreements: $ids) {
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

/**
 * The embedding of one institution or programme, asked apart from the page so a page still shows
 * when the live computation fails (the error then shows in its panel only).
 */
export const organisationEmbeddingQuery = graphql(`
  query OrganisationEmbedding($programme: ID, $institution: ID) {
    embedding(programme: $programme, institution: $institution) {
      __typename
      id
      level
      levelNameEn
      levelNameNl
      colour
      threads
      ... on InstitutionEmbedding {
        verdict
        verdictReasonEn
        verdictReasonNl
      }
      ... on ProgrammeEmbedding {
        rungs {
          level
          nameEn
          nameNl
          holds
          reasonEn
          reasonNl
        }
      }
    }
  }
`);
