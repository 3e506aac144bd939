import type { Database } from "../neo4j/database.js";
import {
  badUserInput,
  checkAtLeastOne,
  checkMaxHops,
  checkStrength,
  distinctIds,
} from "./check-network-input.js";
import { describePeople, type PersonProfile } from "./describe-people.js";
import { explainWarmPath } from "./explain-warm-path.js";
import { rankWarmPaths, type RankedPath, type TieProps } from "./rank-warm-paths.js";
import { checkPeopleExist, resolvePathTargets, type PathTargets } from "./resolve-path-targets.js";
import { resolveWorkspace } from "./resolve-workspace.js";

export interface WarmPathsArgs {
  to: string;
  from?: readonly string[] | null;
  k?: number;
  maxHops?: number;
  minStrength?: number;
  avoid?: readonly string[] | null;
  workspace?: string | null;
}

export interface WarmPathStepView {
  person: PersonProfile;
  tie: TieProps | null;
}

export interface WarmPathView {
  score: number;
  hops: number;
  personIds: string[];
  steps: WarmPathStepView[];
  explanationEn: string;
  explanationNl: string;
}

export const warmPathDefaults = { k: 3, maxHops: 4, minStrength: 0 } as const;

/**
 * warmPaths: the k best simple paths from the starting people (default: the workspace's
 * coordinators) to a person or to everyone holding a role at a course, programme or institution.
 * docs/network-analytics.md states the rules; rank-warm-paths.ts holds the Cypher.
 */
export async function findWarmPaths(db: Database, args: WarmPathsArgs): Promise<WarmPathView[]> {
  const k = checkAtLeastOne(args.k ?? warmPathDefaults.k, "k");
  const maxHops = checkMaxHops(args.maxHops ?? warmPathDefaults.maxHops);
  const minStrength = checkStrength(args.minStrength ?? warmPathDefaults.minStrength, "minStrength");
  if (args.from && args.from.length === 0) {
    throw badUserInput("from", "from lists no one; leave it out to start from the workspace's coordinators.");
  }

  // The lookups are independent: one round trip of latency instead of three. Errors are reported
  // in a fixed order (to, from or workspace, avoid), whichever lookup failed first.
  const avoid = distinctIds(args.avoid);
  const from = args.from ? distinctIds(args.from) : null;
  const [targetsLookup, sourcesLookup, avoidLookup] = await Promise.allSettled([
    resolvePathTargets(db, args.to, "to"),
    from ? checkPeopleExist(db, from, "from").then(() => from) : resolveWorkspace(db, args.workspace).then((w) => w.coordinatorIds),
    checkPeopleExist(db, avoid, "avoid"),
  ]);
  for (const lookup of [targetsLookup, sourcesLookup, avoidLookup]) if (lookup.status === "rejected") throw lookup.reason;
  const targets = (targetsLookup as PromiseFulfilledResult<PathTargets>).value;
  const sources = (sourcesLookup as PromiseFulfilledResult<string[]>).value;

  const paths = await rankWarmPaths(db, pathInput(sources, targets, avoid, { k, maxHops, minStrength }));
  return viewPaths(db, paths, focusOf(targets));
}

/**
 * The search input: avoided people drop out of both ends, and a person who is both a starting
 * person and a target stays a starting person only (a path has at least one tie).
 */
export function pathInput(
  sources: readonly string[],
  targets: PathTargets,
  avoid: readonly string[],
  limits: { k: number; maxHops: number; minStrength: number },
) {
  const avoided = new Set(avoid);
  const from = sources.filter((s) => !avoided.has(s));
  const fromSet = new Set(from);
  const to = targets.personIds.filter((t) => !avoided.has(t) && !fromSet.has(t));
  return { sources: from, targets: to, avoid, ...limits };
}

/** Organisation ids whose roles a path's people are described by first. */
export function focusOf(targets: PathTargets): string[] {
  return targets.kind === "PERSON" ? [] : [targets.id];
}

/** Adds names, roles and the two explanations to ranked paths. */
export async function viewPaths(db: Database, paths: readonly RankedPath[], focus: readonly string[]): Promise<WarmPathView[]> {
  const people = await describePeople(
    db,
    paths.flatMap((p) => p.personIds),
    focus,
  );
  return paths.map((path) => {
    const steps = path.personIds.map((id, i) => ({
      person: people.get(id) ?? { id, name: id, jobTitle: null, roles: [] },
      tie: i === 0 ? null : (path.ties[i - 1] ?? null),
    }));
    return {
      score: path.score,
      hops: path.hops,
      personIds: path.personIds,
      steps,
      explanationEn: explainWarmPath(steps, "en"),
      explanationNl: explainWarmPath(steps, "nl"),
    };
  });
}
