import type { Database } from "../../platform/neo4j/database.js";
import { profilesFromRows } from "./describe-people.js";
import { checkWarmPathEnds, findWarmPaths, settleWarmPathsInput, toViews, type WarmPathsInput } from "./find-warm-paths.js";
import type { RankedPath, SearchTuning } from "./rank-warm-paths.js";
import { DESCRIBE_CHOSEN_PATHS, READ_WARM_PATH_ENDS } from "./statements.js";
import { searchTieGraph, tieKey } from "./tie-graph.js";
import { tieGraphAt, type TieGraphSettings } from "./TieGraphStore.js";
import type { PathTie, WarmPath } from "./WarmPathTypes.js";

/**
 * warmPaths searched in memory (issue #19 part 2): the same answer as findWarmPaths — the same paths in the same order,
 * the same scores, ties, profiles and explanations, the same errors — with the path search run over the tie graph the
 * analytics worker holds (TieGraphStore.ts, tagged with the tie version) instead of in Neo4j. Two reads:
 *
 *  1. READ_WARM_PATH_ENDS: what `to` names, the checks of from/workspace/avoid and the two ends, exactly as
 *     warmPathsStatement settles them, and the tie version — all in one statement;
 *  2. searchTieGraph (tie-graph.ts) on the graph held at that version; then, for the chosen paths only,
 *     DESCRIBE_CHOSEN_PATHS: their ties (by elementId) and people as the database's search shows them, and the tie
 *     version again.
 *
 * The database's search answers instead (findWarmPaths, from the start) when there is no tie version (a graph never
 * written through the statements), when no graph is held at the version read (not loaded yet — its load then starts in
 * the background — too large, or being read again after a tie write), or when the version moved between the two reads.
 * `answeredInMemory` counts which way each request went (tests, the bench's check).
 */
export const answeredInMemory = { memory: 0, database: 0 };

export interface InMemoryWarmPathsOptions extends TieGraphSettings {
  /** Wait for the tie graph's load instead of answering through the database meanwhile (tests, a warm-up). */
  wait?: boolean;
}

export async function findWarmPathsInMemory(
  db: Database,
  args: WarmPathsInput,
  options: InMemoryWarmPathsOptions,
  tuning: SearchTuning = {},
): Promise<WarmPath[]> {
  const { k, maxHops, minStrength, avoid, from } = settleWarmPathsInput(args);
  const row = (await db.read(READ_WARM_PATH_ENDS, { to: args.to, from, avoid, workspace: args.workspace ?? null }))[0];
  if (!row) throw new Error("warmPaths: the statement returned no row.");
  const target = checkWarmPathEnds(row, args, from);
  const fallBack = (): Promise<WarmPath[]> => {
    answeredInMemory.database += 1;
    return findWarmPaths(db, args, tuning);
  };
  if (typeof row.tieVersion !== "string") return fallBack();
  const version = `ties:${row.tieVersion}`;
  const graph = await tieGraphAt(db, version, options, options.wait ?? false);
  if (!graph) return fallBack();

  const found = searchTieGraph(graph, {
    sources: row.sources as string[],
    targets: row.targets as string[],
    avoid,
    k,
    maxHops,
    minStrength,
    lightEnds: tuning.lightEnds,
  });
  if (found.length === 0) {
    answeredInMemory.memory += 1;
    return [];
  }
  const tieKeys = [...new Set(found.flatMap((p) => p.tieIndices.map((t) => tieKey(graph, t)!)))];
  const described = (await db.read(DESCRIBE_CHOSEN_PATHS, { paths: found.map((p) => ({ ids: p.personIds })), ties: tieKeys }))[0];
  if (!described || described.tieVersion !== row.tieVersion) return fallBack();
  const ties = new Map((described.ties as Array<{ key: string; tie: PathTie }>).map((t) => [t.key, t.tie]));
  const paths: RankedPath[] = [];
  for (const p of found) {
    const pathTies = p.tieIndices.map((t) => ties.get(tieKey(graph, t)!));
    // A tie gone with the version unchanged cannot happen through the statements; answer from the database if it does.
    if (pathTies.some((t) => t === undefined)) return fallBack();
    paths.push({ personIds: p.personIds, ties: pathTies as PathTie[], score: p.score, hops: p.hops });
  }
  answeredInMemory.memory += 1;
  const focus = target.kind === "PERSON" ? [] : [args.to];
  return toViews(paths, profilesFromRows(described.profiles as Record<string, unknown>[], focus));
}
