import type { Tx } from "../../platform/neo4j/database.js";
import type { AgreementCapacity, CourseCapacity } from "./capacity-types.js";
import { READ_AGREEMENT_COURSE_PERIODS, READ_CAPACITIES } from "./statements.js";

export interface CoursePeriod {
  courseId: string;
  periodId: string;
}

/**
 * The capacity of courses in periods: the governing agreement's casesPerPeriod minus the sprints
 * already in that course and period. matchCase's check and every capacity the client shows come
 * from here. In the order asked; a pair whose course or period does not exist is left out.
 */
export async function readCapacities(tx: Tx, pairs: CoursePeriod[]): Promise<CourseCapacity[]> {
  if (pairs.length === 0) return [];
  const rows = await tx.run(READ_CAPACITIES, { pairs });
  const byPair = new Map(rows.map((row) => [`${String(row.courseId)}\n${String(row.periodId)}`, row]));
  return pairs.flatMap(({ courseId, periodId }) => {
    const row = byPair.get(`${courseId}\n${periodId}`);
    if (!row) return [];
    const hasAgreement = row.hasAgreement === true;
    const cap = row.cap === null || row.cap === undefined ? null : Number(row.cap);
    const used = Number(row.used ?? 0);
    return [
      {
        courseId,
        courseName: String(row.courseName),
        periodId,
        periodName: String(row.periodName),
        academicYear: String(row.academicYear ?? ""),
        periodStart: String(row.periodStart),
        runsInPeriod: row.runsInPeriod === true,
        hasAgreement,
        governingAgreementId: hasAgreement ? String(row.governingAgreementId) : null,
        casesPerPeriod: hasAgreement ? cap : 0,
        used,
        remaining: !hasAgreement ? 0 : cap === null ? null : Math.max(cap - used, 0),
      },
    ];
  });
}

/** The capacity of one course in one period; null when the course or the period does not exist. */
export async function readCapacity(tx: Tx, courseId: string, periodId: string): Promise<CourseCapacity | null> {
  return (await readCapacities(tx, [{ courseId, periodId }]))[0] ?? null;
}

/**
 * Per agreement, the capacity of every course it covers (directly, through its programme or its
 * institution) in every period the course runs in that starts while the agreement is valid: the
 * periods it may govern. Each row says which agreement does govern it, which for a programme- or
 * institution-wide agreement may be a course's own. Unknown ids are left out.
 */
export async function readAgreementCapacity(tx: Tx, agreementIds: string[]): Promise<AgreementCapacity[]> {
  const rows = await tx.run(READ_AGREEMENT_COURSE_PERIODS, { agreementIds });
  const pairsOf = new Map(rows.map((row) => [String(row.agreementId), row.pairs as CoursePeriod[]]));
  const unique = new Map<string, CoursePeriod>();
  for (const pairs of pairsOf.values()) for (const pair of pairs) unique.set(`${pair.courseId}\n${pair.periodId}`, pair);
  const capacities = new Map((await readCapacities(tx, [...unique.values()])).map((c) => [`${c.courseId}\n${c.periodId}`, c]));
  return agreementIds.flatMap((agreementId) => {
    const pairs = pairsOf.get(agreementId);
    if (!pairs) return [];
    const courses = pairs
      .flatMap((pair) => capacities.get(`${pair.courseId}\n${pair.periodId}`) ?? [])
      .sort(
        (a, b) =>
          a.periodStart.localeCompare(b.periodStart) ||
          a.courseName.localeCompare(b.courseName) ||
          a.courseId.localeCompare(b.courseId),
      );
    return [{ agreementId, courses }];
  });
}
