import type { Database } from "../../platform/neo4j/database.js";
import type { PersonErasureResult } from "./privacy-types.js";
import { ERASE_PERSON } from "./statements.js";

/**
 * Erases a person (GDPR art. 17), in one transaction — all of it or nothing:
 * REMOVED: every property of the Person node (name, e-mail, phone, job title, note, digest
 *   settings, and any property added later), replaced by {id: a new random "erased-…" id,
 *   name: "Erased person", erasedAt}; the old id goes too, because readable ids carry names;
 *   all their ties (KNOWS relationships, with strength, channel, dates and notes); the notes of
 *   every interaction they initiated or were the subject of; the decline reasons of proposals
 *   sent to them; the link of user accounts to them (`personId`).
 * KEPT (anonymous structure that counts and analytics need): the node itself, its role
 *   relationships (TEACHES, COORDINATES, DIRECTS, DEAN_OF, BOARD_MEMBER_OF, COORDINATOR_OF,
 *   CONTACT_FOR, WORKS_AT, SIGNED, HANDLED_BY, SUPERVISED_BY, TO_TEACHER, FROM_TEACHER,
 *   INITIATED, WITH), interactions (date, channel, result), proposals, agreements, sprints;
 *   case timeline entries they made point to the new id.
 * NOT SEARCHED: free text elsewhere that mentions them by name (case questions, feedback);
 *   docs/security.md says how to handle that.
 */
export async function erasePerson(db: Database, id: string): Promise<PersonErasureResult | undefined> {
  return db.writeTx(async (tx) => {
    const rows = await tx.run(ERASE_PERSON, { id });
    const row = rows[0];
    if (!row) return undefined;
    return {
      erasedId: String(row.erasedId),
      tiesRemoved: Number(row.tiesRemoved),
      interactionNotesRemoved: Number(row.interactionNotesRemoved),
      proposalReasonsRemoved: Number(row.proposalReasonsRemoved),
      caseEventsRelinked: Number(row.caseEventsRelinked),
      accountsUnlinked: Number(row.accountsUnlinked),
    };
  });
}
