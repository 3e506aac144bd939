import type { Tx } from "../../platform/neo4j/database.js";
import { AGREEMENT_TERMS_OF_COURSE, GOVERNING_AGREEMENT_IN_PERIOD, USED_PLACES } from "../suggestions/read-course-fits.js";

export interface CapacityView {
  courseId: string;
  courseName: string;
  periodId: string;
  periodName: string;
  /** Whether the course runs in the period at all. */
  runsInPeriod: boolean;
  hasAgreement: boolean;
  /** Cases per period under the governing agreement; null = no limit (or no agreement). */
  casesPerPeriod: number | null;
  /** Sprints in this course and period that are not cancelled. */
  used: number;
  /** Places left; null = no limit. 0 without an agreement. */
  remaining: number | null;
}

/**
 * The capacity of one course in one period: the governing agreement's casesPerPeriod minus the
 * sprints already in that course and period. Null when the course or the period does not exist.
 */
export async function readCapacity(tx: Tx, courseId: string, periodId: string): Promise<CapacityView | null> {
  const rows = await tx.run(
    `MATCH (c:Course {id: $courseId}), (p:TeachingPeriod {id: $periodId})
     WITH c, p, toString(p.startDate) AS periodStart
     ${AGREEMENT_TERMS_OF_COURSE}
     ${GOVERNING_AGREEMENT_IN_PERIOD}
     ${USED_PLACES}
     RETURN c.name AS courseName, p.name AS periodName, EXISTS { (c)-[:RUNS_IN]->(p) } AS runsInPeriod,
            hasAgreement, cap, used`,
    { courseId, periodId },
  );
  const row = rows[0];
  if (!row) return null;
  const hasAgreement = row.hasAgreement === true;
  const cap = row.cap === null || row.cap === undefined ? null : Number(row.cap);
  const used = Number(row.used ?? 0);
  return {
    courseId,
    courseName: String(row.courseName),
    periodId,
    periodName: String(row.periodName),
    runsInPeriod: row.runsInPeriod === true,
    hasAgreement,
    casesPerPeriod: hasAgreement ? cap : 0,
    used,
    remaining: !hasAgreement ? 0 : cap === null ? null : Math.max(cap - used, 0),
  };
}
