import type { Tx } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import { isCaseStatus } from "./check-transition.js";
import { lockNode } from "../../platform/neo4j/lock-node.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_LOCKED_CASE } from "./statements.js";

export interface LockedCase {
  id: string;
  status: CaseStatus;
  title: string;
}

/**
 * Takes the case's write lock, then reads its state: two concurrent transitions of one case run
 * one after the other, and the second sees the first's result.
 */
export async function lockCase(tx: Tx, caseId: string, field = "case"): Promise<LockedCase> {
  if (!(await lockNode(tx, "Case", caseId))) throw new DomainError(ErrorCode.NOT_FOUND, `No case with id ${caseId}.`, field);
  const rows = await tx.run(READ_LOCKED_CASE, { id: caseId });
  const status = rows[0]?.status;
  if (!isCaseStatus(status))
    throw new DomainError(ErrorCode.CONFLICT, `Case ${caseId} has no valid status (${String(status)}).`, field);
  return { id: caseId, status, title: String(rows[0]?.title ?? "") };
}
