import { graphql } from "../../../generated";

/*
 * The mapping (institutions, teaching periods, programmes, courses, people and their roles) and
 * agreements are written through the generated mutations: none of these types is workflow-owned
 * (server/platform/model/workflow-doors.ts). The server checks each field (input-rules.ts) and
 * records every generic edit (server/domains/history/record-generic-edits.ts).
 */

export const createInstitutionMutation = graphql(`
  mutation CreateInstitution($input: InstitutionCreateInput!) {
    createInstitutions(input: [$input]) {
      institutions {
        id
        name
      }
    }
  }
`);

export const updateInstitutionMutation = graphql(`
  mutation UpdateInstitution($id: ID!, $update: InstitutionUpdateInput!) {
    updateInstitutions(where: { id: { eq: $id } }, update: $update) {
      institutions {
        id
        name
        shortName
        kind
        city
        website
      }
    }
  }
`);

export const createTeachingPeriodMutation = graphql(`
  mutation CreateTeachingPeriod($input: TeachingPeriodCreateInput!) {
    createTeachingPeriods(input: [$input]) {
      teachingPeriods {
        id
        name
      }
    }
  }
`);

export const createProgrammeMutation = graphql(`
  mutation CreateProgramme($input: ProgrammeCreateInput!) {
    createProgrammes(input: [$input]) {
      programmes {
        id
        name
      }
    }
  }
`);

export const updateProgrammeMutation = graphql(`
  mutation UpdateProgramme($id: ID!, $update: ProgrammeUpdateInput!) {
    updateProgrammes(where: { id: { eq: $id } }, update: $update) {
      programmes {
        id
        name
        level
      }
    }
  }
`);

export const createCourseMutation = graphql(`
  mutation CreateCourse($input: CourseCreateInput!) {
    createCourses(input: [$input]) {
      courses {
        id
        name
      }
    }
  }
`);

export const updateCourseMutation = graphql(`
  mutation UpdateCourse($id: ID!, $update: CourseUpdateInput!) {
    updateCourses(where: { id: { eq: $id } }, update: $update) {
      courses {
        id
        name
      }
    }
  }
`);

export const createPersonMutation = graphql(`
  mutation CreatePerson($input: PersonCreateInput!) {
    createPeople(input: [$input]) {
      people {
        id
        name
      }
    }
  }
`);

export const updatePersonMutation = graphql(`
  mutation UpdatePerson($id: ID!, $update: PersonUpdateInput!) {
    updatePeople(where: { id: { eq: $id } }, update: $update) {
      people {
        id
        name
      }
    }
  }
`);

export const createAgreementMutation = graphql(`
  mutation CreateAgreement($input: AgreementCreateInput!) {
    createAgreements(input: [$input]) {
      agreements {
        id
      }
    }
  }
`);

export const setTieStrengthMutation = graphql(`
  mutation SetTieStrength($a: ID!, $b: ID!, $strength: Float!, $reason: String) {
    setTieStrength(a: $a, b: $b, strength: $strength, reason: $reason) {
      a
      b
      strength
      manual
    }
  }
`);

/** People whose name contains a word of the new name (as typed, lower case or capitalised: `contains` is case-sensitive), with where they hold a role: the duplicate check. */
export const similarPeopleQuery = graphql(`
  query SimilarPeople($word: String!, $lower: String!, $capital: String!) {
    people(where: { OR: [{ name: { contains: $word } }, { name: { contains: $lower } }, { name: { contains: $capital } }] }, limit: 25) {
      id
      name
      jobTitle
      teaches(limit: 5) {
        programme(limit: 1) {
          institution(limit: 1) {
            id
            name
          }
        }
      }
      coordinates(limit: 5) {
        institution(limit: 1) {
          id
          name
        }
      }
      directs(limit: 5) {
        institution(limit: 1) {
          id
          name
        }
      }
      deanOf(limit: 5) {
        id
        name
      }
      boardMemberOf(limit: 5) {
        id
        name
      }
    }
  }
`);

/** The workspace an agreement is made by (MADE_BY): the only one, in a single-workspace database. */
export const workspacesQuery = graphql(`
  query MappingWorkspaces {
    workspaces(limit: 2) {
      id
      name
    }
  }
`);

/** Every institution, for the institutions list and its new-institution form. */
export const institutionsListQuery = graphql(`
  query InstitutionsList {
    institutions(limit: 200, sort: [{ name: ASC }]) {
      id
      name
      shortName
      kind
      city
      programmesConnection {
        totalCount
      }
    }
  }
`);
