import { graphql } from "../../../generated";

/** Autocomplete: topics for what the user has typed so far (topicSuggestions, a full-text index on the server). */
export const topicSuggestionsQuery = graphql(`
  query TopicSuggestions($prefix: String!) {
    topicSuggestions(prefix: $prefix, limit: 8) {
      id
      labelNl
      labelEn
      status
    }
  }
`);

/** The public question form's autocomplete (no session, issue #18): accepted topics only. */
export const publicTopicSuggestionsQuery = graphql(`
  query PublicTopicSuggestions($prefix: String!) {
    publicTopicSuggestions(prefix: $prefix) {
      id
      labelNl
      labelEn
      status
    }
  }
`);

/** The proposed topics: words no topic knew, waiting for a coordinator. */
export const proposedTopicsQuery = graphql(`
  query ProposedTopics {
    vocabularyTopics(statuses: [PROPOSED]) {
      id
      labelNl
      labelEn
      proposedFrom
      caseCount
      courseCount
    }
  }
`);

export const acceptTopicMutation = graphql(`
  mutation AcceptTopic($id: ID!, $labelNl: String!, $labelEn: String!, $broader: [ID!]) {
    acceptTopic(id: $id, labelNl: $labelNl, labelEn: $labelEn, broader: $broader)
  }
`);

export const mergeTopicMutation = graphql(`
  mutation MergeTopic($from: ID!, $into: ID!) {
    mergeTopic(from: $from, into: $into)
  }
`);

/** A picked topic for a coordinator: words, place in the hierarchy, and where it is used (generated API). */
export const topicDetailQuery = graphql(`
  query TopicDetail($id: ID!) {
    topics(where: { id: { eq: $id } }, limit: 1) {
      id
      labelNl
      labelEn
      synonyms
      status
      broader {
        id
        labelNl
        labelEn
      }
      narrower {
        id
        labelNl
        labelEn
      }
      cases(limit: 100, sort: [{ title: ASC }]) {
        id
        title
        status
      }
      courses(limit: 100, sort: [{ name: ASC }]) {
        id
        name
        programme {
          id
          name
        }
      }
      casesConnection {
        totalCount
      }
      coursesConnection {
        totalCount
      }
    }
  }
`);

export const createTopicMutation = graphql(`
  mutation CreateTopic($labelNl: String!, $labelEn: String!, $synonyms: [String!], $broader: [ID!]) {
    createTopic(labelNl: $labelNl, labelEn: $labelEn, synonyms: $synonyms, broader: $broader)
  }
`);

export const rejectTopicMutation = graphql(`
  mutation RejectTopic($id: ID!) {
    rejectTopic(id: $id)
  }
`);

export const addTopicSynonymMutation = graphql(`
  mutation AddTopicSynonym($id: ID!, $synonym: String!) {
    addTopicSynonym(id: $id, synonym: $synonym)
  }
`);

export const removeTopicSynonymMutation = graphql(`
  mutation RemoveTopicSynonym($id: ID!, $synonym: String!) {
    removeTopicSynonym(id: $id, synonym: $synonym)
  }
`);

export const setTopicLinksMutation = graphql(`
  mutation SetTopicLinks($id: ID!, $broader: [ID!], $narrower: [ID!]) {
    setTopicLinks(id: $id, broader: $broader, narrower: $narrower)
  }
`);
