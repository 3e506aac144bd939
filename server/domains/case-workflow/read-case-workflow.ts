import type { Tx } from "../../platform/neo4j/database.js";
import type { CaseWorkflow } from "./case-types.js";
import { caseSignals } from "./case-signals.js";
import { caseWorkflowOptions, isCaseStatus } from "./check-transition.js";
import { READ_CASE_STATUS } from "./statements.js";

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * The case's status, the steps it may take from there and its deadline and ageing signals (the same as its board card's,
 * case-signals.ts, at `now`); null when there is no such case.
 */
export async function readCaseWorkflow(tx: Tx, caseId: string, now: string): Promise<CaseWorkflow | null> {
  const rows = await tx.run(READ_CASE_STATUS, { id: caseId });
  const row = rows[0];
  const status = row?.status;
  if (!row || !isCaseStatus(status)) return null;
  const signals = caseSignals(
    { status, stateSince: String(row.stateSince), earliestStart: text(row.earliestStart), deadline: text(row.deadline) },
    new Date(now),
  );
  return { caseId, status, ...caseWorkflowOptions(status), signals };
}
