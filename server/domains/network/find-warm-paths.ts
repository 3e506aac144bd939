import type { Database } from "../../platform/neo4j/database.js";
import { checkAtLeastOne, checkMaxHops, checkStrength, distinctIds } from "./check-network-input.js";
import { describePeople, profilesFromRows, unknownPerson } from "./describe-people.js";
import { explainWarmPath } from "./explain-warm-path.js";
import {
  cachedCypher,
  descendLadder,
  describePathPeopleCall,
  firstFloorExpression,
  LIGHT_ENDS,
  rankedPathsCall,
  toRankedPaths,
  warmPathsCypher,
  type RankedPath,
  type SearchTuning,
} from "./rank-warm-paths.js";
import { pathTargetsUnion, type TargetKind } from "./resolve-path-targets.js";
import { workspaceFrom, workspacesExpression } from "./resolve-workspace.js";
import type { PathPerson, WarmPath } from "./WarmPathTypes.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

export interface WarmPathsArgs {
  to: string;
  from?: readonly string[] | null;
  k?: number;
  maxHops?: number;
  minStrength?: number;
  avoid?: readonly string[] | null;
  workspace?: string | null;
}

export const warmPathDefaults = { k: 3, maxHops: 4, minStrength: 0 } as const;

/**
 * The whole of warmPaths as ONE statement, so a request costs one round trip: resolve `to`, check
 * `from` (or find the workspace's coordinators) and `avoid`, rank the paths (rank-warm-paths.ts),
 * and describe the people on them. When an id is unknown the search runs on no one (empty lists)
 * and the service reports the error from what the statement returns. Avoided people drop out of
 * both ends, and a person who is both a starting person and a target stays a starting person only
 * (a path has at least one tie).
 */
export function warmPathsStatement(maxHops: number): string {
  return `
CALL () {
  CALL () {${pathTargetsUnion}
  }
  WITH rank, kind, name, people ORDER BY rank LIMIT 1
  RETURN collect({kind: kind, name: name, people: people}) AS found
}
WITH found[0] AS target,
     [id IN coalesce($from, []) WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missingFrom,
     [id IN $avoid WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missingAvoid,
     CASE WHEN $from IS NULL THEN ${workspacesExpression} ELSE [] END AS workspaces
WITH target, missingFrom, missingAvoid, workspaces,
     CASE
       WHEN target IS NULL OR size(missingFrom) > 0 OR size(missingAvoid) > 0 THEN []
       WHEN $from IS NOT NULL THEN $from
       WHEN size(workspaces) = 1 THEN workspaces[0].coordinatorIds
       ELSE []
     END AS starting
WITH target, missingFrom, missingAvoid, workspaces, starting,
     [id IN starting WHERE NOT id IN $avoid] AS sources
WITH target, missingFrom, missingAvoid, workspaces, sources,
     [id IN coalesce(target.people, []) WHERE NOT id IN $avoid AND NOT id IN starting] AS targets
WITH target, missingFrom, missingAvoid, workspaces, sources, targets, ${firstFloorExpression} AS floor${rankedPathsCall(maxHops)}${describePathPeopleCall}
RETURN target, missingFrom, missingAvoid, workspaces, sources, targets, floor, paths, profiles`;
}

/**
 * warmPaths: the k best simple paths from the starting people (default: the workspace's
 * coordinators) to a person or to everyone holding a role at a course, programme or institution.
 * docs/network-analytics.md states the rules; rank-warm-paths.ts holds the search.
 */
export async function findWarmPaths(db: Database, args: WarmPathsArgs, tuning: SearchTuning = {}): Promise<WarmPath[]> {
  const k = checkAtLeastOne(args.k ?? warmPathDefaults.k, "k");
  const maxHops = checkMaxHops(args.maxHops ?? warmPathDefaults.maxHops);
  const minStrength = checkStrength(args.minStrength ?? warmPathDefaults.minStrength, "minStrength");
  if (args.from && args.from.length === 0) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "from lists no one; leave it out to start from the workspace's coordinators.", "from");
  }
  const avoid = distinctIds(args.avoid);
  const from = args.from ? distinctIds(args.from) : null;
  const cypher = cachedCypher(`service:${maxHops}`, () => warmPathsStatement(maxHops));
  const lightEnds = tuning.lightEnds ?? LIGHT_ENDS;
  const row = (await db.read(cypher, { to: args.to, from, avoid, workspace: args.workspace ?? null, minStrength, k, lightEnds }))[0];
  if (!row) throw new Error("warmPaths: the statement returned no row.");

  // Errors in a fixed order: to, then from or workspace, then avoid.
  const target = row.target as { kind: TargetKind; name: string | null; people: string[] | null } | null;
  if (!target) throw new DomainError(ErrorCode.NOT_FOUND, `No person, course, programme or institution has id "${args.to}".`, "to");
  const missingFrom = row.missingFrom as string[];
  if (missingFrom.length > 0) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id ${quoted(missingFrom)}.`, "from");
  if (!from) workspaceFrom(row.workspaces as Record<string, unknown>[], args.workspace);
  const missingAvoid = row.missingAvoid as string[];
  if (missingAvoid.length > 0) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id ${quoted(missingAvoid)}.`, "avoid");

  // Around hubs the first search ran on strong ties only; further rungs are exact (rank-warm-paths.ts).
  const first = { floor: Number(row.floor), paths: toRankedPaths(row.paths), profiles: row.profiles as Record<string, unknown>[] };
  const search = cachedCypher(`described:${maxHops}`, () => warmPathsCypher(maxHops, true));
  const params = { sources: row.sources as string[], targets: row.targets as string[], avoid, minStrength, k, lightEnds };
  const result = await descendLadder(first, { minStrength, k }, async (floor) => {
    const next = (await db.read(search, { ...params, floor }))[0];
    return { floor, paths: toRankedPaths(next?.paths), profiles: (next?.profiles as Record<string, unknown>[] | undefined) ?? [] };
  });
  const focus = target.kind === "PERSON" ? [] : [args.to];
  return toViews(result.paths, profilesFromRows(result.profiles, focus));
}

function quoted(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(", ");
}

/** Adds names, roles and the two explanations to ranked paths. */
export async function viewPaths(db: Database, paths: readonly RankedPath[], focus: readonly string[]): Promise<WarmPath[]> {
  const people = await describePeople(
    db,
    paths.flatMap((p) => p.personIds),
    focus,
  );
  return toViews(paths, people);
}

function toViews(paths: readonly RankedPath[], people: ReadonlyMap<string, PathPerson>): WarmPath[] {
  return paths.map((path) => {
    const steps = path.personIds.map((id, i) => ({
      person: people.get(id) ?? unknownPerson(id),
      tie: i === 0 ? null : (path.ties[i - 1] ?? null),
    }));
    return {
      score: path.score,
      hops: path.hops,
      steps,
      explanationEn: explainWarmPath(steps, "en"),
      explanationNl: explainWarmPath(steps, "nl"),
    };
  });
}
