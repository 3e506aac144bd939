import { graphql } from "../../../generated";

/** E-mail addresses and the e-mail's text only for roles that may read them (app/access.tsx). */

/** The digests due on a date: per teacher, the open fitting cases not yet sent, as an e-mail. */
export const dueDigestsQuery = graphql(`
  query DueDigests($date: String, $contactDetails: Boolean!) {
    dueDigests(date: $date) {
      teacherId
      teacherName
      email @include(if: $contactDetails)
      language
      date
      digestEveryDays
      lastSentOn
      nextDueOn
      due
      subject
      items {
        caseId
        title
        smeName
        courseName
        verdict
      }
    }
  }
`);

/** One teacher's digest, in the language asked for (default: the teacher's). */
export const digestQuery = graphql(`
  query Digest($teacher: ID!, $date: String, $language: Language, $contactDetails: Boolean!, $caseText: Boolean!) {
    digest(teacher: $teacher, date: $date, language: $language) {
      teacherId
      teacherName
      email @include(if: $contactDetails)
      language
      date
      digestEveryDays
      lastSentOn
      nextDueOn
      due
      reachable
      subject
      body @include(if: $caseText)
      items {
        caseId
        title
        smeName
        smeCity
        courseId
        courseName
        periodName
        periodStart
        sharedTopics
        score
        verdict
        reason
      }
    }
  }
`);

export const markDigestSentMutation = graphql(`
  mutation MarkDigestSent($teacher: ID!, $date: String, $cases: [ID!]) {
    markDigestSent(teacher: $teacher, date: $date, cases: $cases) {
      teacherId
      date
      proposals {
        id
        caseId
        caseStatus
      }
    }
  }
`);
