import { graphql } from "../../../generated";

/** The board: cards newest first, and the count per status column under the same filter. */
export const caseBoardQuery = graphql(`
  query CaseBoard($filter: CaseBoardFilter, $first: Int!, $after: String) {
    caseBoard(filter: $filter, first: $first, after: $after) {
      totalCount
      endCursor
      hasNextPage
      columns {
        status
        count
      }
      cards {
        id
        title
        status
        smeId
        smeName
        smeCity
        partnerName
        coordinatorId
        coordinatorName
        selfSubmitted
        topics
        topicLabels {
          id
          labelNl
          labelEn
          word
        }
        wantedLevels
        earliestStart
        deadline
        created
        lastChangeAt
        openProposals
        stateSince
        daysInState
        ageing
        startSignal
        deadlineSignal
        daysToDeadline
        suggestionCount
        allowedActions
      }
    }
  }
`);

/** What the board's filters offer. */
export const caseBoardOptionsQuery = graphql(`
  query CaseBoardOptions {
    institutions(sort: [{ name: ASC }]) {
      id
      name
    }
    partners(sort: [{ name: ASC }]) {
      id
      name
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
