import { graphql } from "../../../generated";

/** What the intake form offers to choose from: referring partners and the workspace's coordinators. */
export const intakeOptionsQuery = graphql(`
  query IntakeOptions {
    partners(sort: [{ name: ASC }]) {
      id
      name
      kind
    }
    workspaces {
      id
      coordinators(sort: [{ name: ASC }]) {
        id
        name
      }
    }
  }
`);
