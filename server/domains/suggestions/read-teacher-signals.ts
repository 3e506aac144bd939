import type { Tx } from "../../platform/neo4j/database.js";
import type { BestWarmPath } from "../network/index.js";
import type { TeacherSignals } from "./score-suggestion.js";

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
  const rows = await tx.run(
    `OPTIONAL MATCH (k:Case {id: $caseId})
     RETURN k IS NOT NULL AS caseExists,
            COLLECT { MATCH (k)-[:HANDLED_BY]->(:Person)-[:COORDINATOR_OF]->(w:Workspace) RETURN DISTINCT w.id } AS workspaces`,
    { caseId },
  );
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
  const rows = await tx.run(
    `UNWIND $courseIds AS courseId
     MATCH (c:Course {id: courseId})<-[:TEACHES]-(t:Person)
     WITH t, collect(c.id) AS courseIds
     CALL (t) {
       OPTIONAL MATCH (pr:Proposal)-[:TO_TEACHER]->(t)
       RETURN count(pr.answer) AS answered,
              count(CASE WHEN pr.answer IS NULL AND pr.expiresAt < datetime($now) THEN 1 END) AS expired
     }
     CALL (t) {
       OPTIONAL MATCH (s:Sprint {status: 'COMPLETED'})-[:SUPERVISED_BY]->(t)
       RETURN count(s) AS completed, avg(s.smeRating) AS rating
     }
     RETURN t.id AS id, t.name AS name, courseIds, answered, expired, completed, rating,
            $caseId IS NOT NULL AND EXISTS { (:Case {id: $caseId})<-[:OF_CASE]-(:Proposal)-[:TO_TEACHER]->(t) } AS proposedForCase`,
    { courseIds: input.courseIds, caseId: input.caseId, now: input.now },
  );
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
