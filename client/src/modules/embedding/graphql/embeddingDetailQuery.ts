import { graphql } from "../../../generated";

/** One programme's or institution's embedding in full, with the next best contacts. */
export const embeddingDetailQuery = graphql(`
  query EmbeddingDetail($programme: ID, $institution: ID) {
    embedding(programme: $programme, institution: $institution) {
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
      verdict
      verdictReasonEn
      verdictReasonNl
      levelCounts
      rungs {
        level
        nameEn
        nameNl
        holds
        reasonEn
        reasonNl
      }
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
      programmes {
        id
        name
        level
        levelNameEn
        levelNameNl
        threads
        singlePointsOfFailure
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
