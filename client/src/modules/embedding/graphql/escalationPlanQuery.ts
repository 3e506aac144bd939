import { graphql } from "../../../generated";

/** The route up for one programme or institution: each rung, through whom, the path and what it takes. */
export const escalationPlanQuery = graphql(`
  query EscalationPlan($programme: ID, $institution: ID) {
    escalationPlan(programme: $programme, institution: $institution) {
      id
      level
      threads
      steps {
        rung
        rungNameEn
        rungNameNl
        person {
          id
          name
          roles {
            labelEn
            labelNl
            organisation
          }
        }
        programmeName
        warm
        introducer {
          id
          name
        }
        threadsBefore
        threadsAfter
        levelBefore
        levelAfter
        gainLevel
        gainThreads
        needs
        needsEn
        needsNl
        reasonEn
        reasonNl
        path {
          score
          hops
          explanationEn
          explanationNl
        }
      }
    }
  }
`);
