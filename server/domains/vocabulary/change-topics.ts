import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { topicKeys } from "./load-starter-vocabulary.js";
import { ACCEPT_TOPIC, ADD_TOPIC_SYNONYMS, LOCK_TOPIC, MERGE_TOPIC_INTO, READ_TOPICS } from "./statements.js";
import { TopicStatus, type TopicEntry } from "./topic-types.js";

/**
 * A coordinator's work on the vocabulary: accept a proposed topic (with its labels and broader topics), add a
 * synonym to a topic, merge a duplicate into another. Each locks the topics it changes first, in the request's
 * transaction. The cases and courses linked to a merged topic move with it; their words stay.
 */

interface LockedTopic {
  id: string;
  status: TopicStatus;
  labelNl: string;
  labelEn: string;
  synonyms: string[];
}

async function lockTopic(tx: Tx, id: string, field: string): Promise<LockedTopic> {
  const [row] = await tx.run(LOCK_TOPIC, { id });
  if (!row || row.status === TopicStatus.MERGED) {
    throw new DomainError(ErrorCode.NOT_FOUND, `No topic ${id}${row ? " (it was merged into another)" : ""}.`, field);
  }
  return row as unknown as LockedTopic;
}

function label(value: string, field: string): string {
  const text = value.trim();
  if (text === "" || text.length > 80) throw new DomainError(ErrorCode.BAD_USER_INPUT, "A label has 1 to 80 characters.", field);
  return text;
}

export async function acceptTopic(
  db: Database,
  input: { id: string; labelNl: string; labelEn: string; broader: string[] },
  now: string,
): Promise<string> {
  const labelNl = label(input.labelNl, "labelNl");
  const labelEn = label(input.labelEn, "labelEn");
  return db.writeTx(async (tx) => {
    const topic = await lockTopic(tx, input.id, "id");
    if (input.broader.includes(topic.id))
      throw new DomainError(ErrorCode.BAD_USER_INPUT, "A topic cannot be broader than itself.", "broader");
    await tx.run(ACCEPT_TOPIC, {
      id: topic.id,
      labelNl,
      labelEn,
      keys: topicKeys([labelNl, labelEn]),
      broader: input.broader,
      now,
    });
    return topic.id;
  });
}

export async function addTopicSynonym(db: Database, id: string, synonym: string): Promise<string> {
  const text = label(synonym, "synonym");
  return db.writeTx(async (tx) => {
    const topic = await lockTopic(tx, id, "id");
    await tx.run(ADD_TOPIC_SYNONYMS, { id: topic.id, synonyms: [text], keys: topicKeys([text]) });
    return topic.id;
  });
}

export async function mergeTopic(db: Database, from: string, into: string): Promise<string> {
  if (from === into) throw new DomainError(ErrorCode.BAD_USER_INPUT, "A topic cannot be merged into itself.", "into");
  return db.writeTx(async (tx) => {
    // Locked in id order, so two merges of the same pair cannot wait for each other.
    const [first, second] = from < into ? [from, into] : [into, from];
    await lockTopic(tx, first, first === from ? "from" : "into");
    await lockTopic(tx, second, second === from ? "from" : "into");
    await tx.run(MERGE_TOPIC_INTO, { from, into });
    return into;
  });
}

export async function readTopics(db: Database, statuses: TopicStatus[], limit: number): Promise<TopicEntry[]> {
  const rows = await db.read(READ_TOPICS, { statuses, limit: Math.min(Math.max(limit, 1), 1000) });
  return rows.map((r) => ({
    id: String(r.id),
    labelNl: String(r.labelNl),
    labelEn: String(r.labelEn),
    synonyms: (r.synonyms as string[] | null) ?? [],
    status: r.status as TopicStatus,
    proposedFrom: (r.proposedFrom as string | null) ?? null,
    broader: (r.broader as string[] | null) ?? [],
    caseCount: Number(r.caseCount),
    courseCount: Number(r.courseCount),
  }));
}
