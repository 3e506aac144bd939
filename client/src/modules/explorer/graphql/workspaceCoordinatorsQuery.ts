import { graphql } from "../../../generated";

/** The workspace's coordinators: where warm paths start by default. */
export const workspaceCoordinatorsQuery = graphql(`
  query WorkspaceCoordinators {
    workspaces {
      id
      name
      coordinators {
        id
        name
        jobTitle
      }
    }
  }
`);
