import { graphql } from "../../../generated";

/**
 * Everything the person page shows, from the generated read API: the person's roles (with the
 * organisation each is held at), ties, signed agreements and received proposals, plus the
 * interactions and sprints they took part in and the cases they handle. Only fields every signed-in
 * role may read: contact details and notes come from personContactQuery, asked for only by roles
 * that may read them (docs/security.md). Nested lists carry limits: the API prices unbounded lists.
 */
export const personPageQuery = graphql(`
  query PersonPage($id: ID!) {
    people(where: { id: { eq: $id } }, limit: 1) {
      id
      name
      jobTitle
      teaches(limit: 30) {
        id
        name
        kind
        programme(limit: 1) {
          id
          name
          institution(limit: 1) {
            id
            name
          }
        }
      }
      coordinates(limit: 20) {
        id
        name
        institution(limit: 1) {
          id
          name
        }
      }
      directs(limit: 20) {
        id
        name
        institution(limit: 1) {
          id
          name
        }
      }
      deanOf(limit: 10) {
        id
        name
      }
      boardMemberOf(limit: 10) {
        id
        name
      }
      coordinatorOf(limit: 5) {
        id
        name
      }
      worksAt(limit: 10) {
        id
        name
      }
      contactFor(limit: 10) {
        id
        name
      }
      knowsConnection(first: 60, sort: [{ edge: { strength: DESC } }]) {
        edges {
          properties {
            strength
            channel
            since
            lastContact
            manual
          }
          node {
            id
            name
            jobTitle
          }
        }
      }
      signed(limit: 30) {
        id
        scope
        signedOn
        validFrom
        validTo
        casesPerPeriod
        courses(limit: 5) {
          id
          name
        }
        programmes(limit: 5) {
          id
          name
        }
        institutions(limit: 3) {
          id
          name
        }
      }
      proposalsReceived(limit: 60, sort: [{ sentAt: DESC }]) {
        id
        sentAt
        answer
        answeredAt
        withdrawnAt
        case(limit: 1) {
          id
          title
        }
        course(limit: 1) {
          id
          name
        }
      }
    }
    interactions(
      where: { OR: [{ by: { some: { id: { eq: $id } } } }, { with: { some: { id: { eq: $id } } } }] }
      sort: [{ date: DESC }]
      limit: 100
    ) {
      id
      date
      channel
      result
      by(limit: 3) {
        id
        name
      }
      with(limit: 5) {
        id
        name
      }
      aboutProgramme(limit: 3) {
        id
        name
      }
      aboutCourse(limit: 3) {
        id
        name
      }
    }
    sprints(
      where: {
        OR: [
          { supervisor: { some: { id: { eq: $id } } } }
          { course: { some: { teachers: { some: { id: { eq: $id } } } } } }
        ]
      }
      limit: 60
    ) {
      id
      status
      startDate
      endDate
      case(limit: 1) {
        id
        title
      }
      course(limit: 1) {
        id
        name
      }
    }
    cases(where: { coordinator: { some: { id: { eq: $id } } } }, sort: [{ created: DESC }], limit: 60) {
      id
      title
      status
      created
    }
  }
`);

/** A person's e-mail, phone and note: only for roles that may read contact details (CONTACT_DETAILS). */
export const personContactQuery = graphql(`
  query PersonContact($id: ID!) {
    people(where: { id: { eq: $id } }, limit: 1) {
      id
      email
      phone
      note
    }
  }
`);

/** The signed-in account's roles, to ask only for what the role may read. */
export const myRolesQuery = graphql(`
  query MyRoles {
    me {
      id
      roles
    }
  }
`);
