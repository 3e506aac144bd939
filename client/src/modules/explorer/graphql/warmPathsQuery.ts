import { graphql } from "../../../generated";

/**
 * The k best warm paths from the coordinators (or from me alone) to a person or organisation, with their steps and why.
 * Lean on purpose: the API prices a list without `limit` as 1,000 entries, so every field of a
 * step counts a thousandfold (see docs/security.md).
 */
export const warmPathsQuery = graphql(`
  query WarmPaths($to: ID!, $k: Int!, $maxHops: Int!, $minStrength: Float!, $fromMe: Boolean!) {
    warmPaths(to: $to, k: $k, maxHops: $maxHops, minStrength: $minStrength, fromMe: $fromMe) {
      score
      hops
      explanationEn
      explanationNl
      steps {
        person {
          id
          name
          jobTitle
          organisation
          roles {
            labelEn
            labelNl
            organisation
          }
        }
        tie {
          strength
          channel
          since
          lastContact
        }
      }
    }
  }
`);
