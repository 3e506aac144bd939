import type { Database } from "../../platform/neo4j/database.js";
import { profilesFromRows } from "./describe-people.js";
import { checkWarmPathEnds, findWarmPaths, settleWarmPathsInput, toViews, type WarmPathsInput } from "./find-warm-paths.js";
import type { RankedPath, SearchTuning } from "./rank-warm-paths.js";
import { DESCRIBE_CHOSEN_PATHS, READ_WARM_PATH_ENDS, READ_WARM_PATH_ENDS_DESCRIBED } from "./statements.js";
import { searchTieGraph, tieKey, type FoundPath, type TieGraph, type TieGraphQuery } from "./tie-graph.js";
import { heldTieGraph, tieGraphAt, type TieGraphSettings } from "./TieGraphStore.js";
import type { PathTie, WarmPath } from "./WarmPathTypes.js";

/**
 * warmPaths searched in memory (issue #19 part 2): the same answer as findWarmPaths — the same paths in the same order,
 * the same scores, ties, profiles and explanations, the same errors — with the path search run over the tie graph the
 * analytics worker holds (TieGraphStore.ts, tagged with the tie version) instead of in Neo4j. Two reads:
 *
 *  1. READ_WARM_PATH_ENDS: what `to` names, the checks of from/workspace/avoid and the two ends, exactly as
 *     warmPathsStatement settles them, and the tie version — all in one statement;
 *  2. searchTieGraph (tie-graph.ts) on the graph held at that version (after following the tie writes since the version
 *     it held, when it can: TieGraphStore.ts); then, for the chosen paths only,
 *     DESCRIBE_CHOSEN_PATHS: their ties (by elementId) and people as the database's search shows them, and the tie
 *     version again.
 *
 * From given people (`from`, issue #19 part 2's person to person) one read, when it can: the ends follow from the
 * arguments if `to` names a person (sources: `from` less `avoid`; targets: `to` unless avoided or starting), so the
 * search runs first, on the graph held now, and READ_WARM_PATH_ENDS_DESCRIBED reads the ends, the tie version and the
 * chosen paths' ties and people in one statement. The answer is used only when the ends it read are exactly the ones
 * searched and the version it read is the one the graph held: then it is the search at that version on those ends, as
 * in two reads. Otherwise (`to` is a course, programme or institution, an id is unknown, the ties moved) the ends it
 * read go on as step 1's.
 *
 * The database's search answers instead (findWarmPaths, from the start) when there is no tie version (a graph never
 * written through the statements), when no graph is held at the version read (not loaded yet — its load then starts in
 * the background — too large, or being read again after a tie write), or when the version moved between the two reads.
 * `answeredInMemory` counts which way each request went, and how many in one read (tests, the bench's check).
 */
export const answeredInMemory = { memory: 0, database: 0, oneRead: 0 };

export interface InMemoryWarmPathsOptions extends TieGraphSettings {
  /** Wait for the tie graph's load instead of answering through the database meanwhile (tests, a warm-up). */
  wait?: boolean;
}

type Target = ReturnType<typeof checkWarmPathEnds>;

export async function findWarmPathsInMemory(
  db: Database,
  args: WarmPathsInput,
  options: InMemoryWarmPathsOptions,
  tuning: SearchTuning = {},
): Promise<WarmPath[]> {
  const { k, maxHops, minStrength, avoid, from } = settleWarmPathsInput(args);
  const search = { avoid, k, maxHops, minStrength, lightEnds: tuning.lightEnds };
  const ends = { to: args.to, from, avoid, workspace: args.workspace ?? null };
  const fallBack = (): Promise<WarmPath[]> => {
    answeredInMemory.database += 1;
    return findWarmPaths(db, args, tuning);
  };

  let row: Record<string, unknown> | undefined;
  const held = from ? heldTieGraph(db) : null;
  if (from && held) {
    // The ends `to` gives when it names a person, searched on the graph held now (its version taken before any await).
    const sources = from.filter((id) => !avoid.includes(id));
    const targets = avoid.includes(args.to) || from.includes(args.to) ? [] : [args.to];
    const chosen = choose(held.graph, { ...search, sources, targets });
    row = (await db.read(READ_WARM_PATH_ENDS_DESCRIBED, { ...ends, ...chosen.params }))[0];
    if (!row) throw new Error("warmPaths: the statement returned no row.");
    const target = checkWarmPathEnds(row, args, from);
    if (`ties:${String(row.tieVersion)}` === held.version && same(row.sources, sources) && same(row.targets, targets)) {
      const answer = describe(chosen, row, target, args);
      if (answer) {
        answeredInMemory.oneRead += 1;
        return answer;
      }
      return fallBack();
    }
  } else {
    row = (await db.read(READ_WARM_PATH_ENDS, ends))[0];
    if (!row) throw new Error("warmPaths: the statement returned no row.");
  }
  const target = checkWarmPathEnds(row, args, from);
  if (typeof row.tieVersion !== "string") return fallBack();
  const graph = await tieGraphAt(db, `ties:${row.tieVersion}`, options, options.wait ?? false);
  if (!graph) return fallBack();

  const chosen = choose(graph, { ...search, sources: row.sources as string[], targets: row.targets as string[] });
  if (chosen.found.length === 0) {
    answeredInMemory.memory += 1;
    return [];
  }
  const described = (await db.read(DESCRIBE_CHOSEN_PATHS, chosen.params))[0];
  if (!described || described.tieVersion !== row.tieVersion) return fallBack();
  return describe(chosen, described, target, args) ?? fallBack();
}

interface Chosen {
  found: FoundPath[];
  /** Per path, its ties' elementIds. */
  keys: string[][];
  /** What DESCRIBE_CHOSEN_PATHS (and READ_WARM_PATH_ENDS_DESCRIBED) take: the paths' people and their ties. */
  params: { paths: Array<{ ids: string[] }>; ties: string[] };
}

/**
 * The search, and the chosen ties' elementIds taken at once: before the next await, as the graph may follow a tie
 * write meanwhile (TieGraphStore.ts) and its tie numbers then change.
 */
function choose(graph: TieGraph, query: TieGraphQuery): Chosen {
  const found = searchTieGraph(graph, query);
  const keys = found.map((p) => p.tieIndices.map((t) => tieKey(graph, t)!));
  return { found, keys, params: { paths: found.map((p) => ({ ids: p.personIds })), ties: [...new Set(keys.flat())] } };
}

/** The chosen paths as the answer shows them, from a row with `ties` and `profiles`; null when a tie is gone. */
function describe(chosen: Chosen, row: Record<string, unknown>, target: Target, args: WarmPathsInput): WarmPath[] | null {
  const ties = new Map((row.ties as Array<{ key: string; tie: PathTie }>).map((t) => [t.key, t.tie]));
  const paths: RankedPath[] = [];
  for (const [i, p] of chosen.found.entries()) {
    const pathTies = chosen.keys[i]!.map((key) => ties.get(key));
    // A tie gone with the version unchanged cannot happen through the statements; answer from the database if it does.
    if (pathTies.some((t) => t === undefined)) return null;
    paths.push({ personIds: p.personIds, ties: pathTies as PathTie[], score: p.score, hops: p.hops });
  }
  answeredInMemory.memory += 1;
  const focus = target.kind === "PERSON" ? [] : [args.to];
  return toViews(paths, profilesFromRows(row.profiles as Record<string, unknown>[], focus));
}

function same(read: unknown, searched: readonly string[]): boolean {
  return Array.isArray(read) && read.length === searched.length && read.every((id, i) => id === searched[i]);
}
