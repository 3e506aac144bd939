import type { Database } from "../../platform/neo4j/database.js";
import { checkAtLeastOne, checkMaxHops, checkStrength, distinctIds } from "./check-network-input.js";
import { describePeople, profilesFromRows, unknownPerson } from "./describe-people.js";
import { explainWarmPath } from "./explain-warm-path.js";
import { cachedCypher, descendLadder, LIGHT_ENDS, toRankedPaths, type RankedPath, type SearchTuning } from "./rank-warm-paths.js";
import type { TargetKind } from "./resolve-path-targets.js";
import { workspaceFrom } from "./resolve-workspace.js";
import { rankWarmPathsStatement, warmPathsStatement } from "./statements.js";
import type { PathPerson, WarmPath } from "./WarmPathTypes.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

/** What findWarmPaths takes: WarmPathsResolver's WarmPathsArgs, with its defaults optional. */
export interface WarmPathsInput {
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
 * warmPaths: the k best simple paths from the starting people (default: the workspace's
 * coordinators) to a person or to everyone holding a role at a course, programme or institution,
 * in one statement (warmPathsStatement) unless the strength ladder needs more.
 * docs/network-analytics.md states the rules; rank-warm-paths.ts holds the search.
 */
export async function findWarmPaths(db: Database, args: WarmPathsInput, tuning: SearchTuning = {}): Promise<WarmPath[]> {
  const { k, maxHops, minStrength, avoid, from } = settleWarmPathsInput(args);
  const cypher = cachedCypher(`service:${maxHops}`, () => warmPathsStatement(maxHops));
  const lightEnds = tuning.lightEnds ?? LIGHT_ENDS;
  const row = (
    await db.read(cypher, { to: args.to, from, avoid, workspace: args.workspace ?? null, minStrength, k, lightEnds })
  )[0];
  if (!row) throw new Error("warmPaths: the statement returned no row.");
  const target = checkWarmPathEnds(row, args, from);

  // Around hubs the first search ran on strong ties only; further rungs are exact (rank-warm-paths.ts).
  const first = {
    floor: Number(row.floor),
    paths: toRankedPaths(row.paths),
    profiles: row.profiles as Record<string, unknown>[],
  };
  const search = cachedCypher(`described:${maxHops}`, () => rankWarmPathsStatement(maxHops, true));
  const params = { sources: row.sources as string[], targets: row.targets as string[], avoid, minStrength, k, lightEnds };
  const result = await descendLadder(first, { minStrength, k }, async (floor) => {
    const next = (await db.read(search, { ...params, floor }))[0];
    return {
      floor,
      paths: toRankedPaths(next?.paths),
      profiles: (next?.profiles as Record<string, unknown>[] | undefined) ?? [],
    };
  });
  const focus = target.kind === "PERSON" ? [] : [args.to];
  return toViews(result.paths, profilesFromRows(result.profiles, focus));
}

/** The arguments checked and given their defaults, in the order findWarmPaths has always checked them. */
export function settleWarmPathsInput(args: WarmPathsInput): {
  k: number;
  maxHops: number;
  minStrength: number;
  avoid: string[];
  from: string[] | null;
} {
  const k = checkAtLeastOne(args.k ?? warmPathDefaults.k, "k");
  const maxHops = checkMaxHops(args.maxHops ?? warmPathDefaults.maxHops);
  const minStrength = checkStrength(args.minStrength ?? warmPathDefaults.minStrength, "minStrength");
  if (args.from && args.from.length === 0) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      "from lists no one; leave it out to start from the workspace's coordinators.",
      "from",
    );
  }
  const avoid = distinctIds(args.avoid);
  const from = args.from ? distinctIds(args.from) : null;
  return { k, maxHops, minStrength, avoid, from };
}

/** What `to` names, from a row of WARM_PATH_ENDS (statements.ts); errors in a fixed order: to, then from or workspace, then avoid. */
export function checkWarmPathEnds(
  row: Record<string, unknown>,
  args: WarmPathsInput,
  from: readonly string[] | null,
): { kind: TargetKind; name: string | null; people: string[] | null } {
  const target = row.target as { kind: TargetKind; name: string | null; people: string[] | null } | null;
  if (!target)
    throw new DomainError(ErrorCode.NOT_FOUND, `No person, course, programme or institution has id "${args.to}".`, "to");
  const missingFrom = row.missingFrom as string[];
  if (missingFrom.length > 0) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id ${quoted(missingFrom)}.`, "from");
  if (!from) workspaceFrom(row.workspaces as Record<string, unknown>[], args.workspace);
  const missingAvoid = row.missingAvoid as string[];
  if (missingAvoid.length > 0) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id ${quoted(missingAvoid)}.`, "avoid");
  return target;
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

export function toViews(paths: readonly RankedPath[], people: ReadonlyMap<string, PathPerson>): WarmPath[] {
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
