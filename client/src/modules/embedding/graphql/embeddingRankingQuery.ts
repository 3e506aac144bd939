import { graphql } from "../../../generated";

/** Programmes or institutions ranked by embedding, from the stored figures. */
export const embeddingRankingQuery = graphql(`
  query EmbeddingRanking($kind: EmbeddingKind, $institution: ID, $limit: Int!) {
    embeddingRanking(kind: $kind, institution: $institution, limit: $limit, sortBy: LEVEL, descending: true) {
      total
      asOf
      refreshedAt
      warmThreshold
      maxHops
      entries {
        kind
        id
        name
        institutionId
        institutionName
        level
        levelNameEn
        levelNameNl
        threads
        singlePointsOfFailure
        roleHolders
        reachedRoleHolders
        trendChange
        verdict
        verdictReasonEn
        verdictReasonNl
        colour
        activity {
          sprints
          agreements
          openProposals
        }
        activityYearEarlier {
          sprints
          agreements
          openProposals
        }
      }
    }
    institutions(sort: [{ name: ASC }]) {
      id
      name
    }
  }
`);

export const refreshEmbeddingMutation = graphql(`
  mutation RefreshEmbedding {
    refreshEmbedding {
      programmes
      institutions
      refreshedAt
      tookMs
    }
  }
`);
