import type { Database } from "../../platform/neo4j/database.js";
import { MIGRATE_SME_REFERRALS_TO_CASES, MIGRATE_WITHDRAW_STALE_PROPOSALS } from "./statements.js";

export interface CaseGraphMigration {
  /** Cases that took their SME's referral. */
  referralsMoved: number;
  /** SME-level referrals removed after their cases took them. */
  smeReferralsDropped: number;
  /** Unanswered proposals of matched or closed cases now WITHDRAWN. */
  proposalsWithdrawn: number;
}

/**
 * Brings a graph written by an earlier version up to the case rules, at start (server/app/start.ts,
 * after the constraints): referrals move from the SME to its cases, and proposals left open on a
 * matched or closed case are withdrawn. Each step finds nothing to do once done, so running it again
 * changes nothing (tests/integration/cases-referral.int.test.ts).
 */
export async function migrateCaseGraph(db: Database, now: string): Promise<CaseGraphMigration> {
  const [referrals] = await db.writeTx((tx) => tx.run(MIGRATE_SME_REFERRALS_TO_CASES));
  const [proposals] = await db.writeTx((tx) => tx.run(MIGRATE_WITHDRAW_STALE_PROPOSALS, { now }));
  return {
    referralsMoved: Number(referrals?.moved ?? 0),
    smeReferralsDropped: Number(referrals?.dropped ?? 0),
    proposalsWithdrawn: Number(proposals?.withdrawn ?? 0),
  };
}
