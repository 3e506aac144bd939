import { graphql } from "../../../generated";

export const logInteractionMutation = graphql(`
  mutation LogInteraction(
    $by: ID!
    $with: ID!
    $date: String!
    $channel: InteractionChannel!
    $result: InteractionResult
    $note: String
    $aboutProgramme: ID
    $aboutCourse: ID
  ) {
    logInteraction(
      by: $by
      with: $with
      date: $date
      channel: $channel
      result: $result
      note: $note
      aboutProgramme: $aboutProgramme
      aboutCourse: $aboutCourse
    ) {
      tieUpdated
      interaction {
        id
        date
      }
      mappingChanges {
        id
        kind
        name
        previous
        status
        changed
      }
    }
  }
`);

export const addExampleAssignmentMutation = graphql(`
  mutation AddExampleAssignment($teacher: ID!, $course: ID!, $title: String!, $description: String, $received: String!) {
    addExampleAssignment(teacher: $teacher, course: $course, title: $title, description: $description, received: $received) {
      id
      title
      mappingChange {
        id
        status
        changed
      }
    }
  }
`);
