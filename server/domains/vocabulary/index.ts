/** The vocabulary domain's public face: topics, words resolved to topics, and the links of cases and courses. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { linkTopicsAfterGenericWrites } from "./link-after-generic-writes.js";
export { linkStaleTopics, migrateTopics, type TopicLinking, type TopicOwner } from "./link-topics.js";
export { loadStarterVocabulary, readStarterVocabulary } from "./load-starter-vocabulary.js";
export { normaliseWord } from "./normalise-word.js";
export { VocabularyIndex, resolveWords, type WordResolution } from "./resolve-words.js";
export { readVocabularyIndex, topicWithNarrower } from "./link-topics.js";
export { VocabularyResolver } from "./VocabularyResolver.js";
/** Case workflow: a case's topic shows the labels a topic offered while typing shows. */
export { TopicLabels } from "./topic-types.js";
