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
