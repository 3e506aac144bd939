import type { Tx } from "../../platform/neo4j/database.js";
import type { ProposalRecord } from "./proposal-types.js";

/** Proposals by id or of one case, newest first, each with its state as of `now`. */
export async function readProposals(tx: Tx, by: { proposalIds: string[] } | { caseId: string }, now: string): Promise<ProposalRecord[]> {
  const match =
    "proposalIds" in by
      ? "UNWIND $proposalIds AS proposalId MATCH (p:Proposal {id: proposalId})"
      : "MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal)";
  const rows = await tx.run(
    `${match}
     MATCH (p)-[:OF_CASE]->(k:Case), (p)-[:TO_TEACHER]->(t:Person)
     OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
     RETURN p.id AS id, k.id AS caseId, k.title AS caseTitle, k.status AS caseStatus, t.id AS teacherId, t.name AS teacherName,
            c.id AS courseId, c.name AS courseName, p.channel AS channel, toString(p.sentAt) AS sentAt,
            toString(p.expiresAt) AS expiresAt, p.answer AS answer, toString(p.answeredAt) AS answeredAt,
            p.declineReason AS declineReason, p.sentBy AS sentBy,
            CASE WHEN p.answer IS NOT NULL THEN 'ANSWERED' WHEN p.expiresAt < datetime($now) THEN 'EXPIRED' ELSE 'OPEN' END AS state
     ORDER BY p.sentAt DESC, p.id`,
    { proposalIds: "proposalIds" in by ? by.proposalIds : null, caseId: "caseId" in by ? by.caseId : null, now },
  );
  return rows as unknown as ProposalRecord[];
}
