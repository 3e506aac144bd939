import { graphql } from "../../../generated";

/**
 * The broker's map: programmes and courses with status, teachers and the last contact, a page of programmes at a
 * time (mappingTablePage: the whole table was 9,361 px long on the demo data).
 */
export const mappingTableQuery = graphql(`
  query MappingTable($institution: ID, $status: MappingStatus, $first: Int!, $offset: Int!) {
    mappingTablePage(institution: $institution, status: $status, first: $first, offset: $offset) {
      programmeCount
      institutionCount
      rows {
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
    }
    institutions(sort: [{ name: ASC }]) {
      id
      name
    }
  }
`);
