import { graphql } from "../../../generated";

/**
 * The case with its SME, contact, referral, coordinator and sprints (generated API), and the steps
 * it may take now (caseWorkflow): the buttons come from the server, never from the status here.
 * The question and the contact's e-mail and phone only for roles that may read them (app/access.tsx):
 * the API refuses the whole answer to a role that asks for them.
 */
export const caseDetailQuery = graphql(`
  query CaseDetail($id: ID!, $caseText: Boolean!, $contactDetails: Boolean!) {
    caseWorkflow(case: $id) {
      caseId
      status
      allowedActions
      acceptsSuggestions
      signals {
        daysInState
        ageing
        startSignal
        deadlineSignal
        daysToDeadline
      }
    }
    cases(where: { id: { eq: $id } }, limit: 1) {
      id
      title
      question @include(if: $caseText)
      topics
      about(sort: [{ labelEn: ASC }]) {
        id
        labelNl
        labelEn
      }
      wantedLevels
      effort
      earliestStart
      deadline
      status
      created
      selfSubmitted
      heardOf @include(if: $caseText)
      consentVersion
      consentText
      consentAt
      submissionLanguage
      coordinator(limit: 3) {
        id
        name
      }
      referredByConnection(first: 1) {
        edges {
          properties {
            date
          }
          node {
            id
            name
            kind
          }
        }
      }
      referringPerson {
        id
        name
      }
      sme(limit: 1) {
        id
        name
        kvkNumber
        city
        sector
        size
        contacts(limit: 5) {
          id
          name
          jobTitle
          email @include(if: $contactDetails)
          phone @include(if: $contactDetails)
        }
      }
      sprints(limit: 5) {
        id
      }
    }
  }
`);

export const caseTimelineQuery = graphql(`
  query CaseTimeline($case: ID!, $caseText: Boolean!) {
    caseTimeline(case: $case) {
      kind
      at
      by
      byName
      from
      to
      reason @include(if: $caseText)
      note @include(if: $caseText)
      proposalId
      teacherName
      courseName
      channel
      answer
      overrode
    }
  }
`);

export const caseSuggestionsQuery = graphql(`
  query CaseSuggestions($case: ID!, $limit: Int!, $language: Language!) {
    caseSuggestions(case: $case, limit: $limit, language: $language) {
      courseId
      courseName
      courseKind
      programmeName
      programmeId
      institutionName
      institutionId
      courseLevels
      teacherId
      teacherName
      periodId
      periodName
      periodStart
      periodEnd
      sharedTopics
      remainingPlaces
      hasAgreement
      warmPathStrength
      warmPathHops
      proposedToTeacher
      score
      verdict
      reason
      factors {
        factor
        score
        weight
        contribution
        detail
      }
    }
  }
`);

export const caseProposalsQuery = graphql(`
  query CaseProposals($case: ID!, $caseText: Boolean!) {
    caseProposals(case: $case) {
      id
      sentAt
      sentBy
      channel
      teacherId
      teacherName
      courseId
      courseName
      answer
      answeredAt
      declineReason @include(if: $caseText)
      expiresAt
      state
      withdrawnAt
      withdrawnReason
      followUps {
        id
        at
        channel
        note @include(if: $caseText)
      }
      origin
      claimState
    }
  }
`);

export const sprintRecordQuery = graphql(`
  query SprintRecord($sprint: ID!, $caseText: Boolean!) {
    sprintRecord(sprint: $sprint) {
      id
      status
      caseId
      courseId
      courseName
      periodId
      periodName
      startDate
      endDate
      teamSize
      teamLevel
      supervisorId
      supervisorName
      outcome @include(if: $caseText)
      smeRating
      smeFeedback @include(if: $caseText)
      teacherFeedback @include(if: $caseText)
      followUpWanted
      milestones {
        id
        title
        due
        done
      }
    }
  }
`);

/** A course's teaching periods and its capacity per period, for the match dialog. */
export const coursePeriodsQuery = graphql(`
  query CoursePeriods($course: ID!) {
    courses(where: { id: { eq: $course } }, limit: 1) {
      id
      name
      teachers(limit: 20) {
        id
        name
      }
      teachingPeriods(sort: [{ startDate: ASC }], limit: 24) {
        id
        name
        academicYear
        startDate
        endDate
      }
    }
  }
`);

export const courseCapacityQuery = graphql(`
  query CourseCapacity($course: ID!, $period: ID!) {
    courseCapacity(course: $course, period: $period) {
      courseId
      periodId
      hasAgreement
      casesPerPeriod
      used
      remaining
      runsInPeriod
    }
  }
`);
