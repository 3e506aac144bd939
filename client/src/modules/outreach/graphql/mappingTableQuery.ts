import { graphql } from "../../../generated";

/** The broker's map: programmes and courses with status, teachers and the last contact. */
export const mappingTableQuery = graphql(`
  query MappingTable($institution: ID, $status: MappingStatus) {
    mappingTable(institution: $institution, status: $status) {
      id
      kind
      name
      status
      institutionId
      institutionName
      programmeId
      programmeName
      interactionCount
      exampleAssignmentCount
      teachers {
        id
        name
      }
      lastInteraction {
        id
        date
        channel
        result
        by {
          id
          name
        }
        with {
          id
          name
        }
      }
    }
    institutions(sort: [{ name: ASC }]) {
      id
      name
    }
  }
`);
