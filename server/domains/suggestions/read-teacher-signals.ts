import type { Tx } from "../../platform/neo4j/database.js";
import type { TeacherSignals } from "./score-suggestion.js";
import { READ_TEACHER_RECORDS, READ_WARM_PATHS, READ_WARM_SCOPE, READ_WARM_SOURCES } from "./statements.js";

/**
 * The two teacher factors: track record (answered and expired proposals, completed sprints they
 * supervised, the SMEs' ratings of those) and the best warm path from the workspace's coordinators.
 *
 * A warm path uses ties of strength >= minStrength, at most 4 hops, and scores the product of the
 * strengths. It is found from both ends, two hops each: `readWarmSources` scores every person within
 * two hops of a coordinator; `readWarmPaths` walks two hops from each teacher and joins on those
 * scores (a map parameter, so the join is a lookup). Every path of at most 4 hops splits at a middle
 * person into two halves of at most 2, so this finds the best one while walking only d² ties per
 * end instead of d⁴. Strengths are ≤ 1, so a detour never beats the simple path it contains.
 */

/** personId → [best product of strengths from a coordinator, hops of that path]. */
export type WarmSources = Record<string, [number, number]>;

export interface WarmScope {
  caseExists: boolean;
  /** The workspaces whose coordinators are the sources; empty = every workspace. */
  workspaces: string[];
  /** Changes when ties, coordinators or people are added or removed (read from Neo4j's count store). */
  fingerprint: string;
}

/**
 * Whose warm paths count: the coordinators of the workspace(s) the case's coordinator works for;
 * for a case without one (or no case, as in a digest), those of every workspace.
 */
export async function readWarmScope(tx: Tx, caseId: string | null): Promise<WarmScope> {
  const rows = await tx.run(
    READ_WARM_SCOPE,
    { caseId },
  );
  const row = rows[0] ?? {};
  const workspaces = ((row.workspaces as string[] | undefined) ?? []).filter((w) => typeof w === "string").sort();
  return { caseExists: row.caseExists === true, workspaces, fingerprint: `${String(row.ties)}/${String(row.coordinators)}/${String(row.people)}` };
}

/** Every person within two strong ties of a coordinator, with the best score and its hops. */
export async function readWarmSources(tx: Tx, workspaces: string[], minStrength: number): Promise<WarmSources> {
  const rows = await tx.run(
    READ_WARM_SOURCES,
    { workspaces, minStrength },
  );
  const sources: WarmSources = {};
  for (const row of rows) {
    if (typeof row.id === "string") sources[row.id] = [Number(row.score), Number(row.hops)];
  }
  return sources;
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
    READ_TEACHER_RECORDS,
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

/** The best warm path to each teacher: two hops from the teacher joined on the sources' two. */
export async function readWarmPaths(
  tx: Tx,
  input: { teacherIds: string[]; sources: WarmSources; minStrength: number },
): Promise<Map<string, { strength: number; hops: number }>> {
  const found = new Map<string, { strength: number; hops: number }>();
  if (input.teacherIds.length === 0 || Object.keys(input.sources).length === 0) return found;
  const rows = await tx.run(
    READ_WARM_PATHS,
    { teacherIds: input.teacherIds, sources: input.sources, minStrength: input.minStrength },
  );
  for (const row of rows) found.set(String(row.id), { strength: Number(row.score), hops: Number(row.hops) });
  return found;
}

export function withWarmPath(teacher: TeacherSignalsRow, path: { strength: number; hops: number } | undefined): TeacherSignalsRow {
  return path ? { ...teacher, warmPathStrength: path.strength, warmPathHops: path.hops } : teacher;
}
