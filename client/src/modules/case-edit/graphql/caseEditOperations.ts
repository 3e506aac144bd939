import { graphql } from "../../../generated";

/**
 * A case's intake fields edited through the generated updateCases: Case offers UPDATE for its text
 * and planning (status and dates of the workflow stay with their mutations, workflow-doors.ts), and
 * every generic edit is recorded with who, when, and each field's old and new value (history domain).
 */
export const updateCaseMutation = graphql(`
  mutation UpdateCaseFields($id: ID!, $update: CaseUpdateInput!) {
    updateCases(where: { id: { eq: $id } }, update: $update) {
      cases {
        id
        title
        question
        topics
        wantedLevels
        effort
        earliestStart
        deadline
      }
    }
  }
`);

/** The recorded edits of one case (and its status changes), newest first. */
export const caseHistoryQuery = graphql(`
  query CaseHistory($id: ID!) {
    history(id: $id) {
      id
      at
      kind
      label
      byPerson
      changes {
        field
        old
        new
        hidden
      }
    }
  }
`);

/** Names of the people who made edits (history gives their ids). */
export const editorNamesQuery = graphql(`
  query CaseEditorNames($ids: [ID!]!) {
    people(where: { id: { in: $ids } }, limit: 20) {
      id
      name
    }
  }
`);
