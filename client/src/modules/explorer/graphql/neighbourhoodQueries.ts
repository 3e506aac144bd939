import { graphql } from "../../../generated";

/** A person's ties (strongest first) and the organisations where they hold a role. */
export const personNeighbourhoodQuery = graphql(`
  query PersonNeighbourhood($id: ID!, $ties: Int!) {
    people(where: { id: { eq: $id } }, limit: 1) {
      id
      name
      jobTitle
      knowsConnection(first: $ties, sort: [{ edge: { strength: DESC } }]) {
        edges {
          properties {
            strength
            channel
            since
            lastContact
          }
          node {
            id
            name
            jobTitle
          }
        }
      }
      teaches(limit: 60) {
        id
        name
      }
      coordinates(limit: 60) {
        id
        name
      }
      directs(limit: 60) {
        id
        name
      }
      deanOf(limit: 60) {
        id
        name
      }
      boardMemberOf(limit: 60) {
        id
        name
      }
      coordinatorOf(limit: 60) {
        id
        name
      }
      worksAt(limit: 60) {
        id
        name
      }
      contactFor(limit: 60) {
        id
        name
      }
    }
  }
`);

/** A course: its programme and its teachers. */
export const courseNeighbourhoodQuery = graphql(`
  query CourseNeighbourhood($id: ID!) {
    courses(where: { id: { eq: $id } }, limit: 1) {
      id
      name
      kind
      programme(limit: 60) {
        id
        name
      }
      teachers(limit: 60) {
        id
        name
        jobTitle
      }
    }
  }
`);

/** A programme: its institution, courses, coordinators and directors. */
export const programmeNeighbourhoodQuery = graphql(`
  query ProgrammeNeighbourhood($id: ID!) {
    programmes(where: { id: { eq: $id } }, limit: 1) {
      id
      name
      institution(limit: 60) {
        id
        name
      }
      courses(limit: 60) {
        id
        name
      }
      coordinators(limit: 60) {
        id
        name
        jobTitle
      }
      directors(limit: 60) {
        id
        name
        jobTitle
      }
    }
  }
`);

/** An institution: its programmes, deans and board members. */
export const institutionNeighbourhoodQuery = graphql(`
  query InstitutionNeighbourhood($id: ID!) {
    institutions(where: { id: { eq: $id } }, limit: 1) {
      id
      name
      kind
      programmes(limit: 60) {
        id
        name
      }
      deans(limit: 60) {
        id
        name
        jobTitle
      }
      boardMembers(limit: 60) {
        id
        name
        jobTitle
      }
    }
  }
`);
