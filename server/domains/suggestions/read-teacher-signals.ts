import type { Tx } from "../../platform/neo4j/database.js";
import type { BestWarmPath } from "../network/index.js";
import type { TeacherSignals } from "./score-suggestion.js";
import { READ_CASE_SCOPE, READ_TEACHER_RECORDS } from "./statements.js";

/**
 * The two teacher factors: track record (answered and expired proposals, completed sprints they
 * supervised, the SMEs' ratings of those) and the best warm path from the coordinators, which the
 * network domain finds (bestWarmPaths in server/domains/network, the same search as warmPaths).
 */

export interface CaseScope {
  caseExists: boolean;
  /** The workspaces whose coordinators start the warm paths; empty = every workspace. */
  workspaces: string[];
}

/**
 * Whose warm paths count: the coordinators of the workspace(s) the case's coordinator works for;
 * for a case without one, those of every workspace.
 */
export async function readCaseScope(tx: Tx, caseId: string): Promise<CaseScope> {
  const rows = await tx.run(READ_CASE_SCOPE, { caseId });
  const row = rows[0] ?? {};
  const workspaces = ((row.workspaces as string[] | undefined) ?? []).filter((w) => typeof w === "string").sort();
  return { caseExists: row.caseExists === true, workspaces };
}

export interface TeacherSignalsRow extends TeacherSignals {
  courseIds: string[];
  /** Whether this case (when one is given) was ever proposed to this teacher. */
  proposedForCase: boolean;
}

/** The teachers of these courses with their track record; warm paths not yet filled in. */
export async function readTeacherRecords(
  tx: Tx,
  input: { courseIds: string[]; caseId: string | null; now: string },
): Promise<TeacherSignalsRow[]> {
  if (input.courseIds.length === 0) return [];
  const rows = await tx.run(READ_TEACHER_RECORDS, { courseIds: input.courseIds, caseId: input.caseId, now: input.now });
  return rows.map((r) => ({
    teacherId: String(r.id),
    teacherName: String(r.name ?? ""),
    courseIds: (r.courseIds as string[]) ?? [],
    answered: Number(r.answered ?? 0),
    expired: Number(r.expired ?? 0),
    completedSprints: Number(r.completed ?? 0),
    averageRating: r.rating === null || r.rating === undefined ? null : Number(r.rating),
    warmPathStrength: null,
    warmPathHops: null,
    proposedForCase: r.proposedForCase === true,
  }));
}

export function withWarmPath(teacher: TeacherSignalsRow, path: BestWarmPath | undefined): TeacherSignalsRow {
  return path ? { ...teacher, warmPathStrength: path.score, warmPathHops: path.hops } : teacher;
}
