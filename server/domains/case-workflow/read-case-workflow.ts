import type { Tx } from "../../platform/neo4j/database.js";
import type { CaseWorkflow } from "./case-types.js";
import { caseWorkflowOptions, isCaseStatus } from "./check-transition.js";
import { READ_CASE_STATUS } from "./statements.js";

/** The case's status and the steps it may take from there; null when there is no such case. */
export async function readCaseWorkflow(tx: Tx, caseId: string): Promise<CaseWorkflow | null> {
  const rows = await tx.run(READ_CASE_STATUS, { id: caseId });
  const status = rows[0]?.status;
  if (!isCaseStatus(status)) return null;
  return { caseId, status, ...caseWorkflowOptions(status) };
}
