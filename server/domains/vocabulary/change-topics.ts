import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { recordDomainEdits, type EditAuthor, type DomainEdit } from "../history/index.js";
import { topicKeys } from "./load-starter-vocabulary.js";
import { normaliseWord } from "./normalise-word.js";
import {
  ACCEPT_TOPIC,
  ADD_TOPIC_SYNONYMS,
  CREATE_TOPIC,
  LOCK_TOPIC,
  MERGE_TOPIC_INTO,
  READ_BROADER_CYCLE,
  READ_LIVE_TOPIC_IDS,
  READ_MERGE_SOURCE,
  READ_TOPICS,
  READ_TOPICS_WITH_KEYS,
  REJECT_TOPIC,
  SET_TOPIC_LINKS,
  SET_TOPIC_SYNONYMS,
} from "./statements.js";
import { TopicStatus, type TopicEntry } from "./topic-types.js";
import { vocabularyChanged } from "./vocabulary-cache.js";

/**
 * A coordinator's work on the vocabulary (docs/matching.md, "Coordinators' changes"): create a topic, accept or
 * reject a proposed one, add or remove a synonym, set its broader and narrower topics (a cycle is refused), merge
 * a duplicate into another. Each is one transaction that locks the topics it changes first, records what it did
 * in the history (EditRecords, history(id)), and afterwards drops the autocomplete's cached vocabulary. The cases
 * and courses linked to a merged topic move with it; their words stay.
 */

/** Who made a change, for the history. */
export type Author = EditAuthor;

interface LockedTopic {
  id: string;
  status: TopicStatus;
  labelNl: string;
  labelEn: string;
  synonyms: string[];
}

/** The most synonyms one topic keeps (the starter topics have at most a dozen). */
const MAX_SYNONYMS = 200;

async function lockTopic(tx: Tx, id: string, field: string): Promise<LockedTopic> {
  const [row] = await tx.run(LOCK_TOPIC, { id });
  if (!row || row.status === TopicStatus.MERGED || row.status === TopicStatus.REJECTED) {
    const why = row ? ` (it was ${row.status === TopicStatus.MERGED ? "merged into another" : "rejected"})` : "";
    throw new DomainError(ErrorCode.NOT_FOUND, `No topic ${id}${why}.`, field);
  }
  return row as unknown as LockedTopic;
}

function label(value: string, field: string): string {
  const text = value.trim();
  if (text === "" || text.length > 80 || normaliseWord(text) === "")
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "A label has 1 to 80 characters, at least one a letter or digit.", field);
  return text;
}

/** Refuses words another live topic is already found by (one spelling, one topic: resolution must stay unambiguous). */
async function refuseTakenKeys(tx: Tx, names: readonly { text: string; field: string }[], except: string): Promise<void> {
  const keys = topicKeys(names.map((n) => n.text));
  const taken = await tx.run(READ_TOPICS_WITH_KEYS, { keys, except });
  const [first] = taken;
  if (!first) return;
  const field = names.find((n) => normaliseWord(n.text) === first.key)?.field ?? names[0]?.field ?? "id";
  throw new DomainError(
    ErrorCode.CONFLICT,
    `"${String(first.key)}" already means the topic ${String(first.labelEn)} (${String(first.id)}).`,
    field,
  );
}

/** Topic ids of a link list: each must be a live topic, never the topic itself. */
async function liveTopics(tx: Tx, ids: readonly string[], self: string, field: string): Promise<string[]> {
  const wanted = [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ""))];
  if (wanted.includes(self))
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "A topic cannot be broader or narrower than itself.", field);
  const found = new Set((await tx.run(READ_LIVE_TOPIC_IDS, { ids: wanted })).map((r) => String(r.id)));
  const missing = wanted.find((id) => !found.has(id));
  if (missing) throw new DomainError(ErrorCode.NOT_FOUND, `No topic ${missing}.`, field);
  return wanted;
}

/** Refuses a BROADER cycle through the topic (checked after the change, in its transaction, so it rolls back). */
async function refuseCycle(tx: Tx, id: string, field: string): Promise<void> {
  const [cycle] = await tx.run(READ_BROADER_CYCLE, { id });
  if (cycle) {
    const path = (cycle.ids as string[]).join(" → ");
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `Broader links may not go round in a circle: ${path}.`, field);
  }
}

async function afterCommit<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  vocabularyChanged();
  return result;
}

export async function createTopic(
  db: Database,
  input: { labelNl: string; labelEn: string; synonyms: string[]; broader: string[] },
  who: Author,
): Promise<string> {
  const labelNl = label(input.labelNl, "labelNl");
  const labelEn = label(input.labelEn, "labelEn");
  const synonyms = [...new Set(input.synonyms.map((s) => label(s, "synonyms")))].filter((s) => s !== labelNl && s !== labelEn);
  if (synonyms.length > MAX_SYNONYMS)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `At most ${MAX_SYNONYMS} synonyms.`, "synonyms");
  const id = `topic-${normaliseWord(labelEn)}`;
  return afterCommit(
    db.writeTx(async (tx) => {
      const names = [
        { text: labelEn, field: "labelEn" },
        { text: labelNl, field: "labelNl" },
        ...synonyms.map((s) => ({ text: s, field: "synonyms" })),
      ];
      await refuseTakenKeys(tx, names, "");
      const [existing] = await tx.run(LOCK_TOPIC, { id });
      if (existing)
        throw new DomainError(ErrorCode.CONFLICT, `A topic ${id} exists already (${String(existing.status)}).`, "labelEn");
      const keys = topicKeys([labelNl, labelEn, ...synonyms]);
      await tx.run(CREATE_TOPIC, { id, labelNl, labelEn, synonyms, keys, now: who.at });
      const broader = await liveTopics(tx, input.broader, id, "broader");
      await tx.run(SET_TOPIC_LINKS, { id, broader, narrower: null });
      const changes = [
        { field: "labelNl", old: null, new: labelNl },
        { field: "labelEn", old: null, new: labelEn },
        { field: "synonyms", old: null, new: synonyms },
        { field: "broader", old: null, new: broader },
      ];
      await recordDomainEdits(tx, [{ nodeId: id, label: "Topic", operation: "CREATE", changes }], who);
      return id;
    }),
  );
}

export async function acceptTopic(
  db: Database,
  input: { id: string; labelNl: string; labelEn: string; broader: string[] },
  who: Author,
): Promise<string> {
  const labelNl = label(input.labelNl, "labelNl");
  const labelEn = label(input.labelEn, "labelEn");
  return afterCommit(
    db.writeTx(async (tx) => {
      const topic = await lockTopic(tx, input.id, "id");
      await refuseTakenKeys(
        tx,
        [
          { text: labelEn, field: "labelEn" },
          { text: labelNl, field: "labelNl" },
        ],
        topic.id,
      );
      const broader = await liveTopics(tx, input.broader, topic.id, "broader");
      await tx.run(ACCEPT_TOPIC, { id: topic.id, labelNl, labelEn, keys: topicKeys([labelNl, labelEn]), broader, now: who.at });
      await refuseCycle(tx, topic.id, "broader");
      const changes = [
        { field: "status", old: topic.status, new: TopicStatus.ACCEPTED },
        { field: "labelNl", old: topic.labelNl, new: labelNl },
        { field: "labelEn", old: topic.labelEn, new: labelEn },
        ...(broader.length > 0 ? [{ field: "broader", old: null, new: broader }] : []),
      ].filter((c) => c.old !== c.new);
      await recordDomainEdits(tx, [{ nodeId: topic.id, label: "Topic", operation: "UPDATE", changes }], who);
      return topic.id;
    }),
  );
}

/**
 * Rejects a proposed topic: the word is not a topic. Its cases and courses lose the link (their words stay, shown as
 * typed), and the same word is not proposed again (link-topics.ts, resolveAndPropose). Only a proposal can be rejected;
 * an accepted topic that is a duplicate is merged instead.
 */
export async function rejectTopic(db: Database, id: string, who: Author): Promise<string> {
  return afterCommit(
    db.writeTx(async (tx) => {
      const topic = await lockTopic(tx, id, "id");
      if (topic.status !== TopicStatus.PROPOSED)
        throw new DomainError(
          ErrorCode.ILLEGAL_TRANSITION,
          "Only a proposed topic can be rejected; merge a duplicate instead.",
          "id",
        );
      const [row] = await tx.run(REJECT_TOPIC, { id: topic.id, now: who.at });
      const owners = (row?.owners as string[] | undefined) ?? [];
      const changes = [
        { field: "status", old: topic.status, new: TopicStatus.REJECTED },
        { field: "unlinked", old: owners, new: [] },
      ];
      await recordDomainEdits(tx, [{ nodeId: topic.id, label: "Topic", operation: "UPDATE", changes }], who);
      return topic.id;
    }),
  );
}

export async function addTopicSynonym(db: Database, id: string, synonym: string, who: Author): Promise<string> {
  const text = label(synonym, "synonym");
  return afterCommit(
    db.writeTx(async (tx) => {
      const topic = await lockTopic(tx, id, "id");
      await refuseTakenKeys(tx, [{ text, field: "synonym" }], topic.id);
      if (topic.synonyms.length >= MAX_SYNONYMS)
        throw new DomainError(ErrorCode.BAD_USER_INPUT, `A topic has at most ${MAX_SYNONYMS} synonyms.`, "synonym");
      await tx.run(ADD_TOPIC_SYNONYMS, { id: topic.id, synonyms: [text], keys: topicKeys([text]) });
      const after = topic.synonyms.includes(text) ? topic.synonyms : [...topic.synonyms, text];
      const changes = after === topic.synonyms ? [] : [{ field: "synonyms", old: topic.synonyms, new: after }];
      await recordDomainEdits(tx, [{ nodeId: topic.id, label: "Topic", operation: "UPDATE", changes }], who);
      return topic.id;
    }),
  );
}

/**
 * Removes a synonym (matched by its key, so "Web-shop" removes "web shop"). The topic's keys are recomputed from its
 * labels and remaining synonyms, so the word no longer resolves to it; cases and courses already linked through it keep
 * their link until their words change (their words did not).
 */
export async function removeTopicSynonym(db: Database, id: string, synonym: string, who: Author): Promise<string> {
  const key = normaliseWord(synonym);
  return afterCommit(
    db.writeTx(async (tx) => {
      const topic = await lockTopic(tx, id, "id");
      const remaining = topic.synonyms.filter((s) => normaliseWord(s) !== key);
      if (key === "" || remaining.length === topic.synonyms.length)
        throw new DomainError(ErrorCode.NOT_FOUND, `The topic ${topic.id} has no synonym "${synonym}".`, "synonym");
      const keys = topicKeys([topic.labelNl, topic.labelEn, ...remaining]);
      await tx.run(SET_TOPIC_SYNONYMS, { id: topic.id, synonyms: remaining, keys });
      const changes = [{ field: "synonyms", old: topic.synonyms, new: remaining }];
      await recordDomainEdits(tx, [{ nodeId: topic.id, label: "Topic", operation: "UPDATE", changes }], who);
      return topic.id;
    }),
  );
}

/**
 * Sets a topic's broader and/or narrower topics (a given list replaces the old links; a list left out, null, stays as
 * it is). Refused when a link would close a circle (web shop → e-commerce → web shop): matching's neighbour credit and
 * the board's "with narrower topics" filter assume a hierarchy.
 */
export async function setTopicLinks(
  db: Database,
  input: { id: string; broader: string[] | null; narrower: string[] | null },
  who: Author,
): Promise<string> {
  return afterCommit(
    db.writeTx(async (tx) => {
      const topic = await lockTopic(tx, input.id, "id");
      const broader = input.broader === null ? null : await liveTopics(tx, input.broader, topic.id, "broader");
      const narrower = input.narrower === null ? null : await liveTopics(tx, input.narrower, topic.id, "narrower");
      const both = broader?.find((b) => narrower?.includes(b));
      if (both) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${both} cannot be both broader and narrower.`, "narrower");
      const [row] = await tx.run(SET_TOPIC_LINKS, { id: topic.id, broader, narrower });
      // The field that closed the circle: the list that was given (broader when both were).
      await refuseCycle(tx, topic.id, broader !== null ? "broader" : "narrower");
      const changes = (
        [
          ["broader", row?.oldBroader, broader],
          ["narrower", row?.oldNarrower, narrower],
        ] as const
      )
        .filter(([, , now]) => now !== null)
        .map(([field, old, now]) => ({ field, old: (old as string[] | undefined) ?? [], new: [...(now ?? [])].sort() }))
        .filter((c) => JSON.stringify(c.old) !== JSON.stringify(c.new));
      await recordDomainEdits(tx, [{ nodeId: topic.id, label: "Topic", operation: "UPDATE", changes }], who);
      return topic.id;
    }),
  );
}

/**
 * Merges a duplicate into another topic in one transaction: its ABOUT links move (keeping each case's and course's
 * word), its labels and synonyms become synonyms of the other, its BROADER links move, and it stays behind as MERGED
 * (mergedInto) with no link left, so the starter vocabulary does not bring it back. Both topics' history records it.
 */
export async function mergeTopic(db: Database, from: string, into: string, who: Author): Promise<string> {
  if (from === into) throw new DomainError(ErrorCode.BAD_USER_INPUT, "A topic cannot be merged into itself.", "into");
  return afterCommit(
    db.writeTx(async (tx) => {
      // Locked in id order, so two merges of the same pair cannot wait for each other.
      const [first, second] = from < into ? [from, into] : [into, from];
      const a = await lockTopic(tx, first, first === from ? "from" : "into");
      const b = await lockTopic(tx, second, second === from ? "from" : "into");
      const source = a.id === from ? a : b;
      const [before] = await tx.run(READ_MERGE_SOURCE, { from, into });
      const owners = (before?.owners as string[] | undefined) ?? [];
      const intoSynonyms = (before?.intoSynonyms as string[] | undefined) ?? [];
      await tx.run(MERGE_TOPIC_INTO, { from, into });
      await refuseCycle(tx, into, "into");
      const [after] = await tx.run(LOCK_TOPIC, { id: into });
      const edits: DomainEdit[] = [
        {
          nodeId: from,
          label: "Topic",
          operation: "UPDATE",
          changes: [
            { field: "status", old: source.status, new: TopicStatus.MERGED },
            { field: "mergedInto", old: null, new: into },
            { field: "about", old: owners, new: [] },
          ],
        },
        {
          nodeId: into,
          label: "Topic",
          operation: "UPDATE",
          changes: [
            { field: "mergedFrom", old: null, new: from },
            { field: "synonyms", old: intoSynonyms, new: (after?.synonyms as string[] | undefined) ?? [] },
            { field: "about (moved)", old: null, new: owners },
          ],
        },
      ];
      await recordDomainEdits(tx, edits, who);
      return into;
    }),
  );
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
