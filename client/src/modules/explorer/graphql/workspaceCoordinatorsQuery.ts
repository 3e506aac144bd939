import { graphql } from "../../../generated";

/** The workspace's coordinators (where warm paths start by default) and its warm threshold (the default minimum strength). */
export const workspaceCoordinatorsQuery = graphql(`
  query WorkspaceCoordinators {
    workspaces {
      id
      name
      warmThreshold
      coordinators {
        id
        name
        jobTitle
      }
    }
  }
`);
