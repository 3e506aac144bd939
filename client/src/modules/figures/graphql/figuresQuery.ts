import { graphql } from "../../../generated";

/** Every figure of the figures page, for one window of dates (both optional). */
export const figuresQuery = graphql(`
  query Figures($from: String, $to: String) {
    caseFunnel(from: $from, to: $to) {
      status
      current
      reached
    }
    caseFunnelByPeriod(from: $from, to: $to, granularity: MONTH) {
      key
      label
      created
      qualified
      proposed
      matched
      inSprint
      completed
      closed
    }
    caseDurations(from: $from, to: $to) {
      intakeToMatch {
        medianDays
        cases
      }
      matchToCompleted {
        medianDays
        cases
      }
    }
    matchFigures(from: $from, to: $to) {
      total
      byInstitution {
        institutionId
        institutionName
        level
        matches
      }
      byLevel {
        level
        matches
      }
      byTeachingPeriod {
        periodId
        periodName
        academicYear
        institutionName
        startDate
        matches
      }
    }
    partnerYield(from: $from, to: $to) {
      partnerId
      partnerName
      kind
      referredSmes
      cases
      matched
      completed
      matchRate
      completionRate
    }
    teacherResponseRates(from: $from, to: $to) {
      teacherId
      teacherName
      sent
      answered
      interested
      notNow
      declined
      open
      expired
      responseRate
      interestRate
    }
  }
`);
