import { graphql } from "../../../generated";

export const myPortalQuery = graphql(`
  query MyPortal($language: Language!) {
    myPortal(language: $language) {
      colleagues {
        id
        name
        programmeId
        programmeName
        relations
      }
      person {
        id
        name
        jobTitle
      }
      programmes {
        id
        name
        institutionName
        led
      }
      courses {
        id
        name
        programmeId
        programmeName
        teaches
      }
      fittingCases {
        caseId
        title
        question
        status
        smeName
        smeCity
        topics
        courseId
        courseName
        verdict
        reason
        periodName
        remainingPlaces
        hasAgreement
        claimState
      }
      agreements {
        id
        scope
        casesPerPeriod
        structural
        validFrom
        validTo
        covers
        capacity {
          courseId
          courseName
          periodId
          periodName
          academicYear
          casesPerPeriod
          used
          remaining
        }
      }
      proposals {
        id
        caseId
        caseTitle
        teacherId
        teacherName
        courseName
        sentAt
        expiresAt
        answer
        state
        origin
        claimState
      }
      sprints {
        id
        status
        caseTitle
        courseName
        periodName
        startDate
        endDate
      }
    }
  }
`);

export const claimCaseMutation = graphql(`
  mutation ClaimCase($caseId: ID!, $courseId: ID!, $note: String) {
    claimCase(caseId: $caseId, courseId: $courseId, note: $note) {
      id
      claimState
    }
  }
`);

export const forwardCaseMutation = graphql(`
  mutation ForwardCase($caseId: ID!, $colleague: ColleagueInput!, $note: String) {
    forwardCase(caseId: $caseId, colleague: $colleague, note: $note) {
      colleagueId
      colleagueCreated
      proposal {
        id
      }
    }
  }
`);

export const answerMyProposalMutation = graphql(`
  mutation AnswerMyProposal($proposalId: ID!, $answer: ProposalAnswer!, $reason: String) {
    answerMyProposal(proposalId: $proposalId, answer: $answer, reason: $reason) {
      id
      answer
      state
    }
  }
`);

export const confirmClaimMutation = graphql(`
  mutation ConfirmClaim($proposalId: ID!) {
    confirmClaim(proposalId: $proposalId) {
      id
      claimState
    }
  }
`);

export const declineClaimMutation = graphql(`
  mutation DeclineClaim($proposalId: ID!, $reason: String!) {
    declineClaim(proposalId: $proposalId, reason: $reason) {
      id
      claimState
    }
  }
`);
