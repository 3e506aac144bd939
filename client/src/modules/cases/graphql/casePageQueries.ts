import { graphql } from "../../../generated";

/**
 * The case with its SME, contact, referral, coordinator and sprints (generated API), and the steps
 * it may take now (caseWorkflow): the buttons come from the server, never from the status here.
 */
export const caseDetailQuery = graphql(`
  query CaseDetail($id: ID!) {
    caseWorkflow(case: $id) {
      caseId
      status
      allowedActions
      acceptsSuggestions
    }
    cases(where: { id: { eq: $id } }, limit: 1) {
      id
      title
      question
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
          email
          phone
        }
      }
      sprints(limit: 5) {
        id
      }
    }
  }
`);

export const caseTimelineQuery = graphql(`
  query CaseTimeline($case: ID!) {
    caseTimeline(case: $case) {
      kind
      at
      by
      byName
      from
      to
      reason
      note
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
      institutionName
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
  query CaseProposals($case: ID!) {
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
      declineReason
      expiresAt
      state
      withdrawnAt
      withdrawnReason
      followUps {
        id
        at
        channel
        note
      }
    }
  }
`);

export const sprintRecordQuery = graphql(`
  query SprintRecord($sprint: ID!) {
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
      outcome
      smeRating
      smeFeedback
      teacherFeedback
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
