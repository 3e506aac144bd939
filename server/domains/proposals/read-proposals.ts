import type { Tx } from "../../platform/neo4j/database.js";
import type { ProposalRecord } from "./proposal-types.js";
import { READ_PROPOSALS_BY_ID, READ_PROPOSALS_OF_CASE } from "./statements.js";

/** Proposals by id or of one case, newest first, each with its state as of `now`. */
export async function readProposals(
  tx: Tx,
  by: { proposalIds: string[] } | { caseId: string },
  now: string,
): Promise<ProposalRecord[]> {
  const rows = await tx.run("proposalIds" in by ? READ_PROPOSALS_BY_ID : READ_PROPOSALS_OF_CASE, {
    proposalIds: "proposalIds" in by ? by.proposalIds : null,
    caseId: "caseId" in by ? by.caseId : null,
    now,
  });
  return rows as unknown as ProposalRecord[];
}
