import type { Tx } from "../../platform/neo4j/database.js";
import { readWarmPaths, readWarmScope, readWarmSources, type WarmSources } from "./read-teacher-signals.js";

/**
 * Warm paths are the most expensive part of a suggestion on a large network, and they do not
 * depend on the case: the coordinators' side (everyone within two strong ties of a coordinator)
 * and each teacher's best path stay the same until the network changes. Both are kept per set of
 * workspaces for a minute, and dropped at once when ties, coordinators or people are added or
 * removed (Neo4j's count store tells, at no cost). A changed tie strength counts after at most a
 * minute; after restoring a backup, call clearWarmPathCache().
 */
export const WARM_PATH_TTL_MS = 60_000;

export interface WarmPath {
  strength: number;
  hops: number;
}

export interface WarmPathScope {
  caseExists: boolean;
  minStrength: number;
  entry: Entry;
}

interface Entry {
  fingerprint: string;
  minStrength: number;
  at: number;
  sources: WarmSources;
  /** teacherId → best path, or null when there is none. */
  teachers: Map<string, WarmPath | null>;
}

const cache = new Map<string, Entry>();

/** The case's warm-path scope, with the coordinators' side loaded (from the cache when it is fresh). */
export async function warmPathScope(tx: Tx, caseId: string | null, minStrength: number): Promise<WarmPathScope> {
  const scope = await readWarmScope(tx, caseId);
  const key = `${scope.workspaces.join(",")}@${minStrength}`;
  let entry = cache.get(key);
  if (!entry || entry.fingerprint !== scope.fingerprint || Date.now() - entry.at >= WARM_PATH_TTL_MS) {
    entry = { fingerprint: scope.fingerprint, minStrength, at: Date.now(), sources: await readWarmSources(tx, scope.workspaces, minStrength), teachers: new Map() };
    cache.set(key, entry);
  }
  return { caseExists: scope.caseExists, minStrength, entry };
}

/** The best warm path to each of these teachers; only those not known yet are looked up. */
export async function warmPathsTo(tx: Tx, scope: WarmPathScope, teacherIds: string[]): Promise<Map<string, WarmPath>> {
  const { entry } = scope;
  const missing = [...new Set(teacherIds)].filter((id) => !entry.teachers.has(id));
  if (missing.length > 0) {
    const found = await readWarmPaths(tx, { teacherIds: missing, sources: entry.sources, minStrength: scope.minStrength });
    for (const id of missing) entry.teachers.set(id, found.get(id) ?? null);
  }
  const paths = new Map<string, WarmPath>();
  for (const id of teacherIds) {
    const path = entry.teachers.get(id);
    if (path) paths.set(id, path);
  }
  return paths;
}

/** Forgets every cached warm path (e.g. after a restore replaced the graph). */
export function clearWarmPathCache(): void {
  cache.clear();
}
