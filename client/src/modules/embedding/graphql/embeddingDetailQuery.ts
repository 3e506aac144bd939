import { graphql } from "../../../generated";

/** One programme's or institution's embedding in full, with the next best contacts. */
export const embeddingDetailQuery = graphql(`
  query EmbeddingDetail($programme: ID, $institution: ID) {
    embedding(programme: $programme, institution: $institution) {
      __typename
      kind
      id
      name
      institutionId
      institutionName
      asOf
      warmThreshold
      maxHops
      roleHolders
      reachedRoleHolders
      threads
      level
      levelNameEn
      levelNameNl
      colour
      verdict
      verdictReasonEn
      verdictReasonNl
      threadPaths {
        people {
          id
          name
          jobTitle
          organisation
          roles {
            kind
            labelEn
            labelNl
            organisation
          }
        }
      }
      singlePointsOfFailure {
        person {
          id
          name
          organisation
        }
        whyEn
        whyNl
      }
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
      trend {
        sprints
        agreements
        openProposals
        direction
      }
      ... on ProgrammeEmbedding {
        rungs {
          level
          nameEn
          nameNl
          holds
          reasonEn
          reasonNl
        }
      }
      ... on InstitutionEmbedding {
        levelCounts
        programmes {
          id
          name
          level
          levelNameEn
          levelNameNl
          colour
          verdictReasonEn
          verdictReasonNl
          threads
          singlePointsOfFailure
        }
      }
    }
    nextBestContacts(programme: $programme, institution: $institution, limit: 5) {
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
      threadsBefore
      threadsAfter
      levelBefore
      levelAfter
      gainThreads
      gainLevel
      programmeName
      reasonEn
      reasonNl
      bestPath {
        score
        hops
        explanationEn
        explanationNl
        steps {
          person {
            id
            name
          }
        }
      }
    }
  }
`);
