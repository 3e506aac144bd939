import { randomUUID } from "node:crypto";
import { PORTAL_ROLES } from "../../platform/auth/roles.js";
import { log } from "../../platform/log.js";
import { ensureConstraints } from "../../platform/neo4j/constraints.js";
import type { Database } from "../../platform/neo4j/database.js";
import type { ErasureMention, PersonErasureResult } from "./privacy-types.js";
import {
  CHECKPOINT,
  DROP_PERSON_EMAIL_INDEX,
  DROP_PERSON_NAME_INDEX,
  ERASE_PERSON,
  ERASURE_TARGET,
  FIND_MENTIONS,
  REMOVE_ERASURE_FILLERS,
  WRITE_ERASURE_FILLERS,
} from "./statements.js";
import { eraseFromHistory } from "../history/index.js";

/** At most this many mentions are returned for review (the coordinator searches further if it is full). */
export const maxMentions = 100;
/** Neo4j marks freed store records reusable shortly after the freeing transaction (its id maintenance). */
const reuseDelayMs = 1_500;

/**
 * Erases a person (GDPR art. 17), in one transaction — all of it or nothing:
 * REMOVED: every property of the Person node (name, e-mail, phone, job title, note, digest
 *   settings, and any property added later), replaced by {id: a new random "erased-…" id,
 *   name: "Erased person", erasedAt}; the old id goes too, because readable ids carry names;
 *   all their ties (KNOWS relationships, with strength, channel, dates and notes); the notes of
 *   every interaction they initiated or were the subject of; the decline reasons of proposals
 *   sent to them; every message to them in the outbox (address, name, greeting: the mail domain,
 *   docs/mail.md); their portal accounts (INSTITUTION_CONTACT, TEACHER: they exist only for the person, #18) with
 *   their invitations, and the link of other user accounts to them (`personId`); how they heard of us on the
 *   questions they sent through the public form (`Case.heardOf`, their words); their old values in the
 *   history of generic edits (server/domains/history/erase-history.ts: the records about them keep
 *   only which fields changed, links to them only the new id).
 * KEPT (anonymous structure that counts and analytics need): the node itself, its role
 *   relationships (TEACHES, COORDINATES, DIRECTS, DEAN_OF, BOARD_MEMBER_OF, COORDINATOR_OF,
 *   CONTACT_FOR, WORKS_AT, SIGNED, HANDLED_BY, SUPERVISED_BY, TO_TEACHER, FROM_TEACHER,
 *   INITIATED, WITH, INTRODUCED_BY), interactions (date, channel, result), proposals, agreements,
 *   sprints; case timeline entries they made and ties their introductions started (Knows.introducedBy)
 *   point to the new id.
 * FOUND FOR REVIEW: free text anywhere else (case questions, feedback, descriptions, notes of others,
 *   a user account's e-mail, …) that still holds their name or e-mail, returned as `mentionsToReview`
 *   (type, id, field, snippet) — not changed: whether a mention is about them is a person's call.
 * THEN, IN THE FILES (docs/security.md, "Erasure"): the removed values are overwritten in the store
 *   by same-length fillers, the indexes on Person.name and Person.email are built again, and on the
 *   embedded Neo4j the transaction logs are rotated and pruned; `storeFilesCleaned` says whether all
 *   of it ran (false on an external Neo4j: there the operator's log settings do the last step).
 */
export async function erasePerson(
  requestDb: Database,
  id: string,
): Promise<(PersonErasureResult & { removedAccountIds: string[] }) | undefined> {
  // The erasure commits on its own, before the store files are cleaned (they need the freed records),
  // not with the rest of a mutation request (server/platform/neo4j/request-transaction.ts).
  const db = requestDb.ownTransactions();
  const erased = await db.writeTx(async (tx) => {
    const target = (await tx.run(ERASURE_TARGET, { id }))[0];
    if (!target) return undefined;
    const row = (await tx.run(ERASE_PERSON, { id, portalRoles: [...PORTAL_ROLES] }))[0];
    if (!row) return undefined;
    await eraseFromHistory(tx, id, String(row.erasedId));
    const terms = [target.name, target.email]
      .filter((t): t is string => typeof t === "string" && t.trim().length >= 3)
      .map((t) => t.trim().toLowerCase());
    const mentions =
      terms.length === 0 ? [] : (await tx.run(FIND_MENTIONS, { terms, limit: maxMentions })).map((m) => mention(m, terms));
    return {
      lengths: (target.lengths as unknown[]).map(Number),
      removedAccountIds: (row.accountsRemovedIds as unknown[]).map(String),
      result: {
        erasedId: String(row.erasedId),
        tiesRemoved: Number(row.tiesRemoved),
        interactionNotesRemoved: Number(row.interactionNotesRemoved),
        proposalReasonsRemoved: Number(row.proposalReasonsRemoved),
        caseEventsRelinked: Number(row.caseEventsRelinked),
        accountsUnlinked: Number(row.accountsUnlinked),
        accountsRemoved: (row.accountsRemovedIds as unknown[]).length,
        mentionsToReview: mentions,
        storeFilesCleaned: false,
      },
    };
  });
  if (!erased) return undefined;
  erased.result.storeFilesCleaned = await cleanStoreFiles(db, erased.lengths);
  return { ...erased.result, removedAccountIds: erased.removedAccountIds };
}

/** One place for review, with up to 40 characters either side of the first match. */
function mention(row: Record<string, unknown>, terms: readonly string[]): ErasureMention {
  const value = String(row.value);
  const lower = value.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0));
  const from = Math.max(0, at - 40);
  const to = Math.min(value.length, at + 40 + Math.max(...terms.map((t) => t.length)));
  return {
    nodeType: String(row.type),
    id: String(row.id),
    field: String(row.field),
    snippet: `${from > 0 ? "…" : ""}${value.slice(from, to)}${to < value.length ? "…" : ""}`,
  };
}

/**
 * After the erasure has committed: a deleted value stays readable in Neo4j's files until its record
 * is reused (measured: the e-mail and note in neostore.propertystore.db.strings, the e-mail and name
 * in the range indexes' pages, and the erasing transaction's before-images in the transaction log).
 * So: fillers of the same lengths take the freed string records (twice over), the two indexes are
 * built again, and the embedded launcher rotates and prunes the transaction logs, whose checkpoint
 * also writes the overwritten pages to disk. Returns whether every step ran; a failure is logged and
 * does not undo the erasure.
 */
async function cleanStoreFiles(db: Database, lengths: readonly number[]): Promise<boolean> {
  try {
    await new Promise((resolve) => setTimeout(resolve, reuseDelayMs));
    const marker = `erasure-filler-${randomUUID()}`;
    const fillers = Object.fromEntries(
      lengths.flatMap((length, i) => [
        [`a${i}`, "#".repeat(length)],
        [`b${i}`, "#".repeat(length)],
      ]),
    );
    await db.write(WRITE_ERASURE_FILLERS, { marker, fillers });
    await db.write(REMOVE_ERASURE_FILLERS, { marker });
    await db.autoCommit(DROP_PERSON_EMAIL_INDEX);
    await db.autoCommit(DROP_PERSON_NAME_INDEX);
    await ensureConstraints(db);
    if (db.storeMaintenance) {
      await db.storeMaintenance.pruneTransactionLogs();
      return true;
    }
    // An external Neo4j: Enterprise can checkpoint on request (its retention policy then prunes);
    // Community cannot, and the server's own settings decide when the logs go (docs/security.md).
    await db.autoCommit(CHECKPOINT).catch(() => undefined);
    return false;
  } catch (error) {
    log.error("Erasure: cleaning the store files failed; the erasure itself is committed.", {
      reason: error instanceof Error ? error.message.split("\n")[0] : String(error),
    });
    return false;
  }
}
