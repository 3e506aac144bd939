import { randomUUID } from "node:crypto";
import type { Tx } from "../../platform/neo4j/database.js";
import type { InteractionChannel } from "../../platform/model/graph-enums.js";

export interface NewProposal {
  caseId: string;
  teacherId: string;
  courseId: string;
  channel: InteractionChannel;
  /** ISO instant. */
  sentAt: string;
  expiryDays: number;
  by: string | null;
}

/** Writes one Proposal with its expiry (sentAt + expiryDays) in the caller's transaction. */
export async function createProposal(tx: Tx, proposal: NewProposal): Promise<string> {
  const id = randomUUID();
  await tx.run(
    `MATCH (k:Case {id: $caseId}), (t:Person {id: $teacherId}), (c:Course {id: $courseId})
     CREATE (p:Proposal {id: $id, sentAt: datetime($sentAt), channel: $channel,
                         expiresAt: datetime($sentAt) + duration({days: toInteger($expiryDays)}), sentBy: $by})
     CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`,
    { ...proposal, id },
  );
  return id;
}
