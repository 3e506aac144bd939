import { graphql } from "../../../generated";

/** The outbox: every message sent, or kept because no mail server is configured (docs/mail.md). */
export const outboxQuery = graphql(`
  query Outbox($status: MailStatus, $first: Int) {
    outbox(status: $status, first: $first) {
      id
      kind
      status
      toName
      subject
      language
      createdAt
      sentAt
      attempts
      lastError
      nextAttemptAt
      transport
      proposals
    }
    outboxCounts {
      status
      count
    }
  }
`);

export const outboxMessageQuery = graphql(`
  query OutboxMessage($id: ID!, $contactDetails: Boolean!, $caseText: Boolean!) {
    outboxMessage(id: $id) {
      id
      kind
      status
      to @include(if: $contactDetails)
      toName
      subject
      createdAt
      sentAt
      attempts
      lastError
      response
      transport
      text @include(if: $caseText)
      html @include(if: $caseText)
      raw @include(if: $caseText)
    }
  }
`);

export const digestScheduleQuery = graphql(`
  query DigestSchedule {
    digestSchedule {
      paused
      changedAt
      lastRunAt
      transport
      workingHours
      lastRun {
        skipped
        digestsSent
        digestsFailed
        retried
        reminders
      }
      unreachable {
        teacherId
        teacherName
        why
      }
    }
  }
`);

export const setDigestSchedulePausedMutation = graphql(`
  mutation SetDigestSchedulePaused($paused: Boolean!) {
    setDigestSchedulePaused(paused: $paused) {
      paused
      changedAt
    }
  }
`);

export const sendDigestMutation = graphql(`
  mutation SendDigest($teacher: ID!, $cases: [ID!]) {
    sendDigest(teacher: $teacher, cases: $cases) {
      teacherId
      teacherName
      messageId
      status
      cases
      error
    }
  }
`);

export const sendDueDigestsMutation = graphql(`
  mutation SendDueDigests {
    sendDueDigests {
      skipped
      digestsSent
      digestsFailed
      retried
      reminders
      unreachable
    }
  }
`);

export const coordinatorTodoQuery = graphql(`
  query CoordinatorTodo($coordinator: ID, $everyone: Boolean) {
    coordinatorTodo(coordinator: $coordinator, everyone: $everyone) {
      coordinatorId
      expiredProposals {
        caseId
        caseTitle
        proposalId
        who
        at
      }
      expiringProposals {
        caseId
        caseTitle
        proposalId
        who
        detail
        at
      }
      answersToActOn {
        caseId
        caseTitle
        proposalId
        who
        detail
        at
      }
      claimsToConfirm {
        caseId
        caseTitle
        proposalId
        who
        detail
        at
      }
      followUpsWanted {
        caseId
        caseTitle
        who
        at
      }
      failedMessages {
        messageId
        who
        detail
        at
      }
      unreachableTeachers {
        who
        detail
      }
      longestWaiting {
        caseId
        caseTitle
        detail
        at
        days
      }
    }
  }
`);
