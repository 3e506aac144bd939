import type { Database } from "../neo4j/database.js";
import { MAX_HOPS_LIMIT } from "./check-network-input.js";

/** A tie as a path step carries it; dates are ISO strings. */
export interface TieProps {
  strength: number;
  channel: string | null;
  since: string | null;
  lastContact: string | null;
  manual: boolean;
}

/** One ranked simple path: person ids from the starting person to the target, and its ties in order. */
export interface RankedPath {
  personIds: string[];
  ties: TieProps[];
  /** Product of the tie strengths, multiplied from the first tie to the last. */
  score: number;
  hops: number;
}

export interface RankWarmPathsInput {
  /** The starting people; none of them may appear in `avoid`. */
  sources: readonly string[];
  /** The people a path may end at; disjoint from `sources` and `avoid`. */
  targets: readonly string[];
  avoid: readonly string[];
  k: number;
  maxHops: number;
  minStrength: number;
}

/**
 * The k best simple paths, by meeting in the middle. Every simple path of L ties splits at its
 * person number ceil(L/2) (counting the first as 0) into a source half of a = ceil(L/2) ties and a
 * target half of b = floor(L/2) ties, so a - b is 0 or 1 and each path is found exactly once. The
 * halves are expanded from both ends (a ≤ ceil(maxHops/2), b ≤ floor(maxHops/2)), with the filters
 * applied while expanding, and hash-joined on the meeting person; a 1-tie path is a direct tie.
 * This enumerates exactly the simple paths within maxHops without ever expanding maxHops deep from
 * one side (degree 20: 2 × 20² half paths rather than 20⁴ paths).
 *
 * Interior people are never a source, a target or avoided ($blocked), so a path holds exactly one
 * source (its first person) and one target (its last). The hop bounds must be literals in Cypher,
 * so the text is built from the validated integer maxHops only; every user value is a parameter.
 *
 * The hints pin the plan: the ends are found by index seek and the halves joined on m. A plan
 * cached while the graph was tiny could otherwise scan every person as a possible end, which on a
 * large graph joins millions of half paths.
 *
 * Ranking: score (product of strengths, rounded to 9 decimals so that equal products computed in
 * different orders tie) descending, then fewer ties, then the list of person ids ascending.
 */
export function warmPathsCypher(maxHops: number): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS_LIMIT) throw new Error(`maxHops ${maxHops} out of range`);
  const sourceHalf = Math.ceil(maxHops / 2);
  const targetHalf = Math.floor(maxHops / 2);
  const direct = `
    MATCH (s:Person)-[r:KNOWS]-(t:Person)
    USING INDEX s:Person(id)
    WHERE s.id IN $sources AND t.id IN $targets AND r.strength >= $minStrength
    RETURN [s, t] AS people, [r] AS ties`;
  const meeting =
    targetHalf === 0
      ? ""
      : `
    UNION ALL
    MATCH (s:Person)((a)-[r:KNOWS]-(b:Person) WHERE r.strength >= $minStrength AND NOT b.id IN $blocked){1,${sourceHalf}}(m),
          (t:Person)((c)-[q:KNOWS]-(d:Person) WHERE q.strength >= $minStrength AND NOT d.id IN $blocked){1,${targetHalf}}(m)
    USING INDEX s:Person(id)
    USING INDEX t:Person(id)
    USING JOIN ON m
    WHERE s.id IN $sources AND t.id IN $targets AND size(r) - size(q) IN [0, 1]
    WITH [s] + b + reverse(d)[1..] + [t] AS people, r + reverse(q) AS ties
    WHERE all(i IN range(0, size(people) - 2) WHERE NOT people[i] IN people[i + 1..])
    RETURN people, ties`;
  return `
CALL () {${direct}${meeting}
}
WITH people, ties, reduce(x = 1.0, e IN ties | x * e.strength) AS score
ORDER BY round(score * 1.0e9) DESC, size(ties) ASC, [p IN people | p.id] ASC
LIMIT toInteger($k)
RETURN [p IN people | p.id] AS ids,
       [e IN ties | {strength: e.strength, channel: e.channel, since: e.since, lastContact: e.lastContact, manual: coalesce(e.manual, false)}] AS ties,
       score`;
}

const cypherByHops = new Map<number, string>();

function cypherFor(maxHops: number): string {
  let text = cypherByHops.get(maxHops);
  if (!text) {
    text = warmPathsCypher(maxHops);
    cypherByHops.set(maxHops, text);
  }
  return text;
}

/** Runs the ranked path search; inputs are assumed valid (the service checks them). */
export async function rankWarmPaths(db: Database, input: RankWarmPathsInput): Promise<RankedPath[]> {
  const sources = [...new Set(input.sources)];
  const targets = [...new Set(input.targets)];
  if (sources.length === 0 || targets.length === 0) return [];
  const blocked = [...new Set([...sources, ...targets, ...input.avoid])];
  const rows = await db.read(cypherFor(input.maxHops), {
    sources,
    targets,
    blocked,
    minStrength: input.minStrength,
    k: input.k,
  });
  return rows.map((row) => {
    const ties = row.ties as TieProps[];
    return { personIds: row.ids as string[], ties, score: Number(row.score), hops: ties.length };
  });
}
