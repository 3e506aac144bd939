import { graphql } from "../../../generated";

/** What would drop if a person left, and who could replace them. Asked for on demand: it computes a lot. */
export const impactIfGoneQuery = graphql(`
  query ImpactIfGone($person: ID!) {
    impactIfGone(person: $person) {
      summaryEn
      summaryNl
      drops {
        kind
        id
        name
        threadsBefore
        threadsAfter
        levelBefore
        levelAfter
        verdictBefore
        verdictAfter
        reasonAfterEn
        reasonAfterNl
        replacements {
          id
          name
        }
      }
      openProposals {
        id
        title
        courseName
      }
      runningSprints {
        id
        title
        courseName
      }
    }
  }
`);
