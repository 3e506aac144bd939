import { bumpingCatalogueVersion } from "../../platform/neo4j/catalogue-version.js";

/**
 * The Cypher of the vocabulary: topics, their BROADER links, and the ABOUT links of cases and courses.
 * Snapshots: tests/snapshots/cypher/vocabulary/.
 */

// ---- The starter vocabulary -------------------------------------------------------------------

/**
 * Loads the starter topics ($topics, from seed/vocabulary/starter-topics.json) idempotently: a topic is
 * created once; its labels are rewritten only when the file's $version is newer than the one it was
 * loaded from (a coordinator's relabelling survives restarts); synonyms and keys are only ever added.
 * A topic a coordinator merged into another (status MERGED) is left alone, so a restart does not bring it back.
 */
export const MERGE_STARTER_TOPICS = bumpingCatalogueVersion(/* cypher */ `
UNWIND $topics AS row
MERGE (t:Topic {id: row.id})
  ON CREATE SET t.status = 'ACCEPTED', t.labelNl = row.labelNl, t.labelEn = row.labelEn, t.synonyms = [], t.keys = [],
                t.created = datetime($now)
WITH t, row WHERE t.status <> 'MERGED'
WITH t, row, coalesce(t.seedVersion, 0) < toInteger($version) AS newer
SET t.labelNl = CASE WHEN newer THEN row.labelNl ELSE t.labelNl END,
    t.labelEn = CASE WHEN newer THEN row.labelEn ELSE t.labelEn END,
    t.synonyms = coalesce(t.synonyms, []) + [s IN row.synonyms WHERE NOT s IN coalesce(t.synonyms, [])],
    t.keys = coalesce(t.keys, []) + [k IN row.keys WHERE NOT k IN coalesce(t.keys, [])],
    t.seedVersion = CASE WHEN newer THEN toInteger($version) ELSE t.seedVersion END
WITH count(*) AS loaded
UNWIND $topics AS row
UNWIND row.broader AS broaderId
MATCH (t:Topic {id: row.id}), (b:Topic {id: broaderId})
WHERE t.status <> 'MERGED' AND b.status <> 'MERGED'
MERGE (t)-[:BROADER]->(b)
RETURN loaded, count(*) AS links`);

// ---- Resolving words ------------------------------------------------------------------------------

/** Every topic a word can resolve to (accepted and proposed; merged ones are gone from use). */
export const READ_VOCABULARY = /* cypher */ `
MATCH (t:Topic) WHERE t.status IN ['ACCEPTED', 'PROPOSED']
RETURN t.id AS id, t.labelNl AS labelNl, t.labelEn AS labelEn, coalesce(t.synonyms, []) AS synonyms,
       t.status = 'PROPOSED' AS proposed`;

/**
 * Creates the proposed topics for words no topic knows ($proposals: id, word, key); an existing one is kept.
 * Returns the ids a coordinator rejected (status REJECTED): their words are not linked again.
 */
export const MERGE_PROPOSED_TOPICS = /* cypher */ `
UNWIND $proposals AS p
MERGE (t:Topic {id: p.id})
  ON CREATE SET t.status = 'PROPOSED', t.labelNl = p.word, t.labelEn = p.word, t.synonyms = [], t.keys = [p.key],
                t.proposedFrom = p.word, t.created = datetime($now)
RETURN collect(CASE WHEN t.status = 'REJECTED' THEN t.id END) AS rejected`;

/**
 * The cases or courses whose words changed since their topics were linked (topicWords, the list the links
 * were made from): the migration and the sync after generic writes resolve only these, so a second run
 * finds nothing. $label is Case (words in `topics`) or Course (words in `themes`).
 * Only ids after $after (a cursor: the last id of the batch before, "" for the first): each batch reads on from where
 * the last stopped, in the id constraint's index order, instead of reading again every node already linked — which made
 * the start-up migration of a fresh graph quadratic (N/500 batches each reading up to N nodes: 157 s at 300,000 people).
 */
export function readStaleTopicOwnersStatement(label: "Case" | "Course", byIds: boolean): string {
  const words = label === "Case" ? "topics" : "themes";
  // With ids (an edit's touched nodes): looked up by the id constraint's index, never a label scan.
  const match = byIds ? `UNWIND $ids AS wanted\nMATCH (n:${label} {id: wanted})` : `MATCH (n:${label})`;
  return /* cypher */ `
${match}
WHERE n.id > $after AND (n.topicWords IS NULL OR n.topicWords <> coalesce(n.${words}, []))
RETURN n.id AS id, coalesce(n.${words}, []) AS words
ORDER BY n.id
LIMIT toInteger($limit)`;
}

/**
 * Replaces the ABOUT links of cases or courses ($links: ownerId, words, topics: [{topicId, word, how}]) and
 * records the words they were made from. Links to the same topic are kept (their word updated) so an
 * unchanged case writes nothing but topicWords. A course's links move the catalogue version (the suggestions' held
 * courses, server/platform/neo4j/catalogue-version.ts); a case's do not.
 */
export function linkTopicsStatement(label: "Case" | "Course"): string {
  const statement = /* cypher */ `
UNWIND $links AS l
MATCH (n:${label} {id: l.ownerId})
CALL (n, l) {
  OPTIONAL MATCH (n)-[old:ABOUT]->(t:Topic) WHERE NOT t.id IN [x IN l.topics | x.topicId]
  DELETE old
}
CALL (n, l) {
  UNWIND l.topics AS x
  MATCH (t:Topic {id: x.topicId})
  MERGE (n)-[a:ABOUT]->(t)
  SET a.word = x.word, a.how = x.how
}
SET n.topicWords = l.words
RETURN count(n) AS linked`;
  return label === "Course" ? bumpingCatalogueVersion(statement) : statement;
}

// ---- Autocomplete and lists -------------------------------------------------------------------

/**
 * Topics for what the user has typed so far: the full-text index topic_names (schema/constraints.cypher) over
 * the labels, synonyms and normalised keys, asked with $query (prefix terms, and a fuzzy term for longer input;
 * topic-suggestions.ts builds it). A topic whose key starts with the typed key ranks first, then Lucene's score.
 */
export const TOPIC_SUGGESTIONS = /* cypher */ `
CALL db.index.fulltext.queryNodes('topic_names', $query, {limit: toInteger($limit * 4)}) YIELD node, score
WITH node AS t, score WHERE t.status IN ['ACCEPTED', 'PROPOSED']
WITH t, score, any(k IN coalesce(t.keys, []) WHERE k STARTS WITH $key) AS prefix
ORDER BY prefix DESC, t.status ASC, score DESC, t.id ASC
LIMIT toInteger($limit)
RETURN t.id AS id, t.labelNl AS labelNl, t.labelEn AS labelEn, coalesce(t.synonyms, []) AS synonyms, t.status AS status`;

/** The vocabulary for the coordinators' list: by status, with broader topics and how often each is used. */
export const READ_TOPICS = /* cypher */ `
MATCH (t:Topic) WHERE t.status IN $statuses
RETURN t.id AS id, t.labelNl AS labelNl, t.labelEn AS labelEn, coalesce(t.synonyms, []) AS synonyms, t.status AS status,
       t.proposedFrom AS proposedFrom,
       COLLECT { MATCH (t)-[:BROADER]->(b:Topic) RETURN b.id ORDER BY b.id } AS broader,
       COUNT { (:Case)-[:ABOUT]->(t) } AS caseCount, COUNT { (:Course)-[:ABOUT]->(t) } AS courseCount
ORDER BY t.status DESC, toLower(t.labelEn), t.id
LIMIT toInteger($limit)`;

/** A topic and its narrower topics, down to $depth BROADER steps (the board's topic filter). */
export const READ_TOPIC_WITH_NARROWER = /* cypher */ `
MATCH (t:Topic {id: $id})
RETURN [t.id] + COLLECT { MATCH (n:Topic)-[:BROADER*1..3]->(t) RETURN DISTINCT n.id } AS ids`;

// ---- Coordinators' changes ------------------------------------------------------------------

/** Locks one topic (the first write) and reads it, so concurrent changes to it wait for each other. */
export const LOCK_TOPIC = /* cypher */ `
MATCH (t:Topic {id: $id})
SET t._lock = true
REMOVE t._lock
RETURN t.id AS id, t.status AS status, t.labelNl AS labelNl, t.labelEn AS labelEn, coalesce(t.synonyms, []) AS synonyms`;

/** Accepts a proposed topic, with its labels in both languages and its broader topics. */
export const ACCEPT_TOPIC = bumpingCatalogueVersion(/* cypher */ `
MATCH (t:Topic {id: $id})
SET t.status = 'ACCEPTED', t.labelNl = $labelNl, t.labelEn = $labelEn,
    t.keys = coalesce(t.keys, []) + [k IN $keys WHERE NOT k IN coalesce(t.keys, [])], t.acceptedAt = datetime($now)
WITH t
CALL (t) {
  UNWIND $broader AS broaderId
  MATCH (b:Topic {id: broaderId}) WHERE b.status = 'ACCEPTED' AND b <> t
  MERGE (t)-[:BROADER]->(b)
}
RETURN t.id AS id`);

/** Adds synonyms ($synonyms, with their $keys) to a topic. */
export const ADD_TOPIC_SYNONYMS = /* cypher */ `
MATCH (t:Topic {id: $id})
SET t.synonyms = coalesce(t.synonyms, []) + [s IN $synonyms WHERE NOT s IN coalesce(t.synonyms, [])],
    t.keys = coalesce(t.keys, []) + [k IN $keys WHERE NOT k IN coalesce(t.keys, [])]
RETURN t.id AS id`;

/**
 * Merges topic $from into $into: its ABOUT links move (keeping the words), its labels and synonyms become
 * synonyms of $into, its BROADER links move, and it stays behind as MERGED (mergedInto) so the starter
 * vocabulary does not bring it back at the next start.
 */
export const MERGE_TOPIC_INTO = bumpingCatalogueVersion(/* cypher */ `
MATCH (f:Topic {id: $from}), (i:Topic {id: $into})
CALL (f, i) {
  MATCH (n)-[a:ABOUT]->(f) WHERE n:Case OR n:Course
  MERGE (n)-[b:ABOUT]->(i)
  ON CREATE SET b.word = a.word, b.how = a.how
  DELETE a
}
CALL (f, i) {
  MATCH (f)-[r:BROADER]->(b:Topic) WHERE b <> i
  MERGE (i)-[:BROADER]->(b)
  DELETE r
}
CALL (f, i) {
  MATCH (n:Topic)-[r:BROADER]->(f) WHERE n <> i
  MERGE (n)-[:BROADER]->(i)
  DELETE r
}
CALL (f, i) {
  OPTIONAL MATCH (f)-[r:BROADER]-(i)
  DELETE r
}
WITH f, i, [s IN [f.labelNl, f.labelEn] + coalesce(f.synonyms, []) WHERE NOT s IN coalesce(i.synonyms, [])
                                                                   AND s <> i.labelNl AND s <> i.labelEn] AS added
SET i.synonyms = coalesce(i.synonyms, []) + reduce(acc = [], s IN added | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    i.keys = coalesce(i.keys, []) + [k IN coalesce(f.keys, []) WHERE NOT k IN coalesce(i.keys, [])],
    f.status = 'MERGED', f.mergedInto = i.id, f.keys = []
RETURN i.id AS id`);

/** A topic's neighbourhood for the coordinators' changes: which keys other topics already use. */
export const READ_TOPICS_WITH_KEYS = /* cypher */ `
UNWIND $keys AS key
MATCH (t:Topic) WHERE t.status IN ['ACCEPTED', 'PROPOSED'] AND key IN t.keys AND t.id <> $except
RETURN DISTINCT key, t.id AS id, t.labelEn AS labelEn`;

/** A new accepted topic made by a coordinator (its BROADER links are set by SET_TOPIC_LINKS). */
export const CREATE_TOPIC = bumpingCatalogueVersion(/* cypher */ `
CREATE (t:Topic {id: $id, status: 'ACCEPTED', labelNl: $labelNl, labelEn: $labelEn, synonyms: $synonyms, keys: $keys,
                 created: datetime($now)})
RETURN t.id AS id`);

/** Sets a topic's synonyms and keys as a whole (removing a synonym: the keys are recomputed from what stays). */
export const SET_TOPIC_SYNONYMS = /* cypher */ `
MATCH (t:Topic {id: $id})
SET t.synonyms = $synonyms, t.keys = $keys
RETURN t.id AS id`;

/** Which of $ids are topics in use (not merged or rejected): the targets of BROADER links must be. */
export const READ_LIVE_TOPIC_IDS = /* cypher */ `
UNWIND $ids AS wanted
MATCH (t:Topic {id: wanted}) WHERE t.status IN ['ACCEPTED', 'PROPOSED']
RETURN t.id AS id`;

/**
 * Replaces a topic's broader ($broader) and/or narrower ($narrower) topics (a null list is left as it is), and returns
 * the links before (for the history). The caller checks for a cycle afterwards (READ_BROADER_CYCLE), in the same transaction.
 */
export const SET_TOPIC_LINKS = bumpingCatalogueVersion(/* cypher */ `
MATCH (t:Topic {id: $id})
WITH t, COLLECT { MATCH (t)-[:BROADER]->(b:Topic) RETURN b.id ORDER BY b.id } AS oldBroader,
        COLLECT { MATCH (n:Topic)-[:BROADER]->(t) RETURN n.id ORDER BY n.id } AS oldNarrower
CALL (t) {
  OPTIONAL MATCH (t)-[r:BROADER]->(b:Topic) WHERE $broader IS NOT NULL AND NOT b.id IN $broader
  DELETE r
}
CALL (t) {
  OPTIONAL MATCH (n:Topic)-[r:BROADER]->(t) WHERE $narrower IS NOT NULL AND NOT n.id IN $narrower
  DELETE r
}
CALL (t) {
  UNWIND coalesce($broader, []) AS broaderId
  MATCH (b:Topic {id: broaderId})
  MERGE (t)-[:BROADER]->(b)
}
CALL (t) {
  UNWIND coalesce($narrower, []) AS narrowerId
  MATCH (n:Topic {id: narrowerId})
  MERGE (n)-[:BROADER]->(t)
}
RETURN oldBroader, oldNarrower`);

/** A BROADER path from the topic back to itself, if any (a cycle: refused), as the ids along it. */
export const READ_BROADER_CYCLE = /* cypher */ `
MATCH p = (t:Topic {id: $id})-[:BROADER*1..]->(t)
RETURN [x IN nodes(p) | x.id] AS ids
LIMIT 1`;

/**
 * Rejects a proposed topic: its cases and courses lose the link (their words stay, shown as typed), and the word is
 * not proposed again (MERGE_PROPOSED_TOPICS returns it as rejected). Returns the owners that lost a link.
 */
export const REJECT_TOPIC = bumpingCatalogueVersion(/* cypher */ `
MATCH (t:Topic {id: $id})
OPTIONAL MATCH (n)-[a:ABOUT]->(t)
WITH t, collect(n.id) AS owners, collect(a) AS links
FOREACH (a IN links | DELETE a)
SET t.status = 'REJECTED', t.rejectedAt = datetime($now)
RETURN owners`);

/** What a merge moves, read before it moves it (for the history): the owners linked to $from and its synonyms. */
export const READ_MERGE_SOURCE = /* cypher */ `
MATCH (f:Topic {id: $from}), (i:Topic {id: $into})
RETURN COLLECT { MATCH (n)-[:ABOUT]->(f) WHERE n:Case OR n:Course RETURN n.id ORDER BY n.id } AS owners,
       coalesce(i.synonyms, []) AS intoSynonyms`;

/** The topics the autocomplete offers, read once into memory (vocabulary-cache.ts). */
export const READ_SUGGESTION_VOCABULARY = /* cypher */ `
MATCH (t:Topic) WHERE t.status IN ['ACCEPTED', 'PROPOSED']
RETURN t.id AS id, t.labelNl AS labelNl, t.labelEn AS labelEn, coalesce(t.synonyms, []) AS synonyms, t.status AS status`;

/** The number of Topic nodes, from Neo4j's count store (no scan): the cached vocabulary's freshness check. */
export const COUNT_TOPICS = /* cypher */ `
MATCH (t:Topic)
RETURN count(t) AS topics`;
