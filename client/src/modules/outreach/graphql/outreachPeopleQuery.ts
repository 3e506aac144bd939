import { graphql } from "../../../generated";

/** Coordinators (who make contact) for the outreach forms. */
export const outreachPeopleQuery = graphql(`
  query OutreachCoordinators {
    workspaces {
      id
      coordinators(sort: [{ name: ASC }]) {
        id
        name
      }
    }
  }
`);
