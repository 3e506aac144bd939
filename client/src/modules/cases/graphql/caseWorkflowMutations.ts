import { graphql } from "../../../generated";

/** The lifecycle's moves; each answers with the new state so the page can say what happened. */
export const qualifyCaseMutation = graphql(`
  mutation QualifyCase($case: ID!, $note: String) {
    qualifyCase(case: $case, note: $note) {
      caseId
      from
      to
      at
    }
  }
`);

export const closeCaseMutation = graphql(`
  mutation CloseCase($case: ID!, $reason: CaseCloseReason!, $note: String) {
    closeCase(case: $case, reason: $reason, note: $note) {
      caseId
      from
      to
      at
    }
  }
`);

export const proposeCaseMutation = graphql(`
  mutation ProposeCase($case: ID!, $teacher: ID!, $course: ID!, $channel: InteractionChannel!, $force: Boolean!) {
    proposeCase(case: $case, teacher: $teacher, course: $course, channel: $channel, force: $force) {
      id
      caseId
      caseStatus
      teacherName
      courseName
      state
      expiresAt
    }
  }
`);

export const answerProposalMutation = graphql(`
  mutation AnswerProposal($proposal: ID!, $answer: ProposalAnswer!, $reason: String) {
    answerProposal(proposal: $proposal, answer: $answer, reason: $reason) {
      id
      caseId
      caseStatus
      answer
      state
    }
  }
`);

/** A reminder or call on an open proposal: not a new proposal, no cooldown (server: logProposalFollowUp). */
export const logProposalFollowUpMutation = graphql(`
  mutation LogProposalFollowUp($proposal: ID!, $channel: InteractionChannel!, $note: String) {
    logProposalFollowUp(proposal: $proposal, channel: $channel, note: $note) {
      id
      caseId
      state
      followUps {
        id
        at
        channel
        note
      }
    }
  }
`);

export const matchCaseMutation = graphql(`
  mutation MatchCase(
    $case: ID!
    $course: ID!
    $period: ID!
    $teamSize: Int
    $supervisor: ID
    $force: Boolean! = false
    $reason: String
  ) {
    matchCase(
      case: $case
      course: $course
      period: $period
      teamSize: $teamSize
      supervisor: $supervisor
      force: $force
      reason: $reason
    ) {
      id
      caseId
      caseStatus
      status
      courseName
      periodName
    }
  }
`);

export const startSprintMutation = graphql(`
  mutation StartSprint($sprint: ID!, $force: Boolean! = false, $reason: String) {
    startSprint(sprint: $sprint, force: $force, reason: $reason) {
      id
      caseId
      caseStatus
      status
    }
  }
`);

export const completeSprintMutation = graphql(`
  mutation CompleteSprint($sprint: ID!, $input: SprintCompletionInput!) {
    completeSprint(sprint: $sprint, input: $input) {
      id
      caseId
      caseStatus
      status
    }
  }
`);

export const addMilestoneMutation = graphql(`
  mutation AddMilestone($sprint: ID!, $title: String!, $due: String) {
    addMilestone(sprint: $sprint, title: $title, due: $due) {
      id
      sprintId
      title
      due
      done
    }
  }
`);

export const completeMilestoneMutation = graphql(`
  mutation CompleteMilestone($milestone: ID!) {
    completeMilestone(milestone: $milestone) {
      id
      sprintId
      done
    }
  }
`);
