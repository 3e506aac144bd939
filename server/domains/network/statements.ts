import { MAX_HOPS_LIMIT } from "./check-network-input.js";
import type { EmbeddingSortField } from "./EmbeddingTypes.js";
import { bumpingTieVersion, pairsWithIds, TIE_CHANGE_MOST_PEOPLE, TIE_PAIR_SEPARATOR } from "../../platform/neo4j/tie-version.js";

/**
 * The Cypher of the network (warm paths, ties, embedding), each statement whole but for the pieces
 * below that several statements share; each says which variables it expects and which it yields.
 * The warm path searches are built per hop limit (hop bounds must be literals in Cypher) and the
 * ranking per sort field. Snapshots: tests/snapshots/cypher/network/.
 */

// ---- Shared pieces --------------------------------------------------------------------------

/**
 * The role holders of a programme, as a COLLECT body: its courses' teachers, its coordinators and
 * directors (R(P)). Expects `g` (a :Programme); yields `id` per row.
 */
const ROLE_HOLDERS_OF_PROGRAMME = /* cypher */ `
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(g) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) RETURN t.id AS id`;

/**
 * The role holders of an institution, as a COLLECT body: all its programmes' roles plus its deans
 * and board members (R(I)). Expects `i` (an :Institution); yields `id` per row.
 */
const ROLE_HOLDERS_OF_INSTITUTION = /* cypher */ `
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:DEAN_OF|BOARD_MEMBER_OF]->(i) RETURN t.id AS id`;

/**
 * What the id in $to names, as a union body of rows (rank, kind, name, people): at most one per
 * kind, the person first. Expects nothing in scope; yields `rank`, `kind`, `name`, `people`.
 */
const PATH_TARGETS_UNION = /* cypher */ `
  MATCH (p:Person {id: $to})
  RETURN 0 AS rank, 'PERSON' AS kind, p.name AS name, [p.id] AS people
  UNION ALL
  MATCH (c:Course {id: $to})
  RETURN 1 AS rank, 'COURSE' AS kind, c.name AS name, COLLECT { MATCH (t:Person)-[:TEACHES]->(c) RETURN DISTINCT t.id } AS people
  UNION ALL
  MATCH (g:Programme {id: $to})
  RETURN 2 AS rank, 'PROGRAMME' AS kind, g.name AS name, COLLECT { ${ROLE_HOLDERS_OF_PROGRAMME} } AS people
  UNION ALL
  MATCH (i:Institution {id: $to})
  RETURN 3 AS rank, 'INSTITUTION' AS kind, i.name AS name, COLLECT { ${ROLE_HOLDERS_OF_INSTITUTION} } AS people`;

/**
 * Expression: the workspace named by $workspace, or the first two when it is null (two are enough
 * to tell "only one" from "several"), as maps {id, name, coordinatorIds}. Expects nothing in scope.
 */
const WORKSPACES = /* cypher */ `COLLECT {
  MATCH (w:Workspace)
  WHERE $workspace IS NULL OR w.id = $workspace
  WITH w ORDER BY w.id LIMIT 2
  RETURN {id: w.id, name: w.name, warmThreshold: w.warmThreshold,
          coordinatorIds: COLLECT { MATCH (c:Person)-[:COORDINATOR_OF]->(w) RETURN DISTINCT c.id }}
}`;

/**
 * The roles of the person bound to `p`, as one list: expects `p`, yields `roles` (exactly one row
 * per person: the inner CALL yields no row for a person without roles, and collecting outside it
 * keeps that person).
 */
const ROLES_OF_PERSON = /* cypher */ `
CALL (p) {
 CALL (p) {
  MATCH (p)-[:TEACHES]->(c:Course)
  OPTIONAL MATCH (c)-[:PART_OF]->(g:Programme)
  OPTIONAL MATCH (g)-[:OFFERED_BY]->(i:Institution)
  RETURN 'TEACHER' AS kind, c AS course, g AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:COORDINATES]->(g:Programme)
  OPTIONAL MATCH (g)-[:OFFERED_BY]->(i:Institution)
  RETURN 'PROGRAMME_COORDINATOR' AS kind, null AS course, g AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:DIRECTS]->(g:Programme)
  OPTIONAL MATCH (g)-[:OFFERED_BY]->(i:Institution)
  RETURN 'DIRECTOR' AS kind, null AS course, g AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:DEAN_OF]->(i:Institution)
  RETURN 'DEAN' AS kind, null AS course, null AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:BOARD_MEMBER_OF]->(i:Institution)
  RETURN 'BOARD_MEMBER' AS kind, null AS course, null AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:COORDINATOR_OF]->(w:Workspace)
  RETURN 'WORKSPACE_COORDINATOR' AS kind, null AS course, null AS programme, null AS institution, w.name AS other
  UNION ALL
  MATCH (p)-[:WORKS_AT]->(x:Partner)
  RETURN 'PARTNER_CONTACT' AS kind, null AS course, null AS programme, null AS institution, x.name AS other
 }
 RETURN collect({kind: kind, courseId: course.id, courseName: course.name, programmeId: programme.id,
  programmeName: programme.name, institutionId: institution.id, institutionName: institution.name,
  institutionShortName: institution.shortName, other: other}) AS roles
}`;

/** The strength ladder's rungs (rank-warm-paths.ts explains the ladder). */
export const STRENGTH_LADDER = [0.9, 0.6, 0.3] as const;

/**
 * Expression: the first floor of the ladder, over `sources` and `targets` (id lists) and the
 * parameters $lightEnds and $minStrength: the search runs at $minStrength at once when the ends are light.
 */
const FIRST_FLOOR = /* cypher */ `
  CASE
    WHEN COUNT { MATCH (e:Person)-[:KNOWS]-() WHERE e.id IN sources + targets } <= $lightEnds THEN $minStrength
    WHEN $minStrength >= ${STRENGTH_LADDER[0]} THEN $minStrength
    ELSE ${STRENGTH_LADDER[0]}
  END`;

/** A tie (`e`) as a path shows it (PathTie): its strength, channel, dates and who introduced the two. */
const TIE_VIEW = /* cypher */ `{strength: e.strength, channel: e.channel, since: e.since, lastContact: e.lastContact, manual: coalesce(e.manual, false),
      introducedBy: CASE WHEN e.introducedBy IS NULL THEN null
        ELSE COLLECT { MATCH (x:Person) WHERE x.id = e.introducedBy RETURN x {.id, .name} }[0] END}`;

/**
 * The k best simple paths, by meeting in the middle. Every simple path of L ties splits at its
 * person number ceil(L/2) (counting the first as 0) into a source half of a = ceil(L/2) ties and a
 * target half of b = floor(L/2) ties, so a - b is 0 or 1 and each path is found exactly once. The
 * halves are expanded from both ends (a ≤ ceil(maxHops/2), b ≤ floor(maxHops/2)) and hash-joined
 * on the meeting person; a 1-tie path is a direct tie. This enumerates exactly the simple paths
 * within maxHops without ever expanding maxHops deep from one side (degree 20: 2 × 20² half paths
 * rather than 20⁴ paths).
 *
 * A fragment: `CALL (sources, targets, floor) {…}`; expects `sources`, `targets` (person id lists),
 * `floor`, and $avoid, $minStrength, $k; yields one row with `paths`, the ranked paths as maps
 * {ids, ties, score}, best first. `sources` and `targets` are lists of person
 * ids, `$avoid` too; `blocked` holds the source, target and avoided Person nodes. Interior people
 * are never blocked, so a path holds exactly one source (its first person) and one target
 * (its last); comparing nodes rather than their ids reads no property per expanded person.
 *
 * Strength: the halves grow only over ties of at least `floor` (see the strength ladder below;
 * floor 0 reads no strength while expanding), and a joined path must have every tie at least
 * $minStrength (a tie without a strength is on no path).
 *
 * The hop bounds must be literals in Cypher, so the text is built from the validated integer
 * maxHops only; every user value is a parameter or a variable. The hints pin the plan: the ends
 * are found by index seek and the halves joined on m. A plan cached while the graph was tiny could
 * otherwise scan every person as a possible end, which on a large graph joins millions of halves.
 *
 * Ranking: score (product of strengths, rounded to 9 decimals so that equal products computed in
 * different orders tie) descending, then fewer ties, then the list of person ids ascending.
 */
function rankedPathsCall(maxHops: number): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS_LIMIT) throw new Error(`maxHops ${maxHops} out of range`);
  const sourceHalf = Math.ceil(maxHops / 2);
  const targetHalf = Math.floor(maxHops / 2);
  const direct = `
      MATCH (s:Person)-[r:KNOWS]-(t:Person)
      USING INDEX s:Person(id)
      WHERE s.id IN sources AND t.id IN targets
      RETURN [s, t] AS people, [r] AS ties`;
  const meeting =
    targetHalf === 0
      ? ""
      : `
      UNION ALL
      MATCH (s:Person)((a)-[r:KNOWS]-(b) WHERE (floor = 0.0 OR r.strength >= floor) AND NOT b IN blocked){1,${sourceHalf}}(m),
            (t:Person)((c)-[q:KNOWS]-(d) WHERE (floor = 0.0 OR q.strength >= floor) AND NOT d IN blocked){1,${targetHalf}}(m)
      USING INDEX s:Person(id)
      USING INDEX t:Person(id)
      USING JOIN ON m
      WHERE s.id IN sources AND t.id IN targets AND size(r) - size(q) IN [0, 1]
      WITH [s] + b + reverse(d)[1..] + [t] AS people, r + reverse(q) AS ties
      WHERE all(i IN range(0, size(people) - 2) WHERE NOT people[i] IN people[i + 1..])
      RETURN people, ties`;
  return `
CALL (sources, targets, floor) {
  CALL (sources, targets) {
    MATCH (x:Person) WHERE x.id IN sources + targets + $avoid
    RETURN collect(x) AS blocked
  }
  CALL (sources, targets, blocked, floor) {${direct}${meeting}
  }
  WITH people, ties
  WHERE all(e IN ties WHERE e.strength >= $minStrength AND e.strength >= floor)
  WITH people, ties, reduce(x = 1.0, e IN ties | x * e.strength) AS score
  ORDER BY round(score * 1.0e9) DESC, size(ties) ASC, [p IN people | p.id] ASC
  LIMIT toInteger($k)
  RETURN collect({
    ids: [p IN people | p.id],
    ties: [e IN ties | ${TIE_VIEW}],
    score: score
  }) AS paths
}`;
}

/** Names and roles of everyone on `paths`: expects `paths`, yields `profiles` (rows for profilesFromRows). */
const DESCRIBE_PATH_PEOPLE = /* cypher */ `
CALL (paths) {
  UNWIND paths AS path
  UNWIND path.ids AS id
  WITH DISTINCT id
  MATCH (p:Person {id: id})${ROLES_OF_PERSON}
  RETURN collect({id: p.id, name: p.name, jobTitle: p.jobTitle, roles: roles}) AS profiles
}`;

// ---- Warm paths -----------------------------------------------------------------------------

/** What `to` names (a person, course, programme or institution) and the people a path may end at. */
export const READ_PATH_TARGETS = /* cypher */ `
CALL () {${PATH_TARGETS_UNION}
}
RETURN kind, name, people
ORDER BY rank
LIMIT 1`;

/** The workspace named by $workspace, or the first two (resolveWorkspace tells one from several). */
export const READ_WORKSPACES = /* cypher */ `RETURN ${WORKSPACES} AS workspaces`;

/** Name, job title and roles of each person ($ids). */
export const READ_PERSON_PROFILES = /* cypher */ `
UNWIND $ids AS id
MATCH (p:Person {id: id})
${ROLES_OF_PERSON}
RETURN p.id AS id, p.name AS name, p.jobTitle AS jobTitle, roles`;

/**
 * The first part of warmPathsStatement: resolve $to, check $from (or find the workspace's coordinators) and $avoid, and
 * settle the ends. Yields target, missingFrom, missingAvoid, workspaces, sources and targets. Avoided people drop out of
 * both ends, and a person who is both a starting person and a target stays a starting person only.
 */
const WARM_PATH_ENDS = /* cypher */ `CALL () {
  CALL () {${PATH_TARGETS_UNION}
  }
  WITH rank, kind, name, people ORDER BY rank LIMIT 1
  RETURN collect({kind: kind, name: name, people: people}) AS found
}
WITH found[0] AS target,
     [id IN coalesce($from, []) WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missingFrom,
     [id IN $avoid WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missingAvoid,
     CASE WHEN $from IS NULL THEN ${WORKSPACES} ELSE [] END AS workspaces
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
`;

/**
 * The whole of warmPaths as one statement, so a request costs one round trip: resolve $to, check
 * $from (or find the workspace's coordinators) and $avoid, rank the paths at the first floor, and
 * describe the people on them. When an id is unknown the search runs on no one (empty lists) and
 * the service reports the error from what the statement returns. Avoided people drop out of both
 * ends, and a person who is both a starting person and a target stays a starting person only.
 */
export function warmPathsStatement(maxHops: number): string {
  return /* cypher */ `
${WARM_PATH_ENDS}WITH target, missingFrom, missingAvoid, workspaces, sources, targets, ${FIRST_FLOOR} AS floor${rankedPathsCall(maxHops)}${DESCRIBE_PATH_PEOPLE}
RETURN target, missingFrom, missingAvoid, workspaces, sources, targets, floor, paths, profiles`;
}

/**
 * The path search alone, on $sources, $targets, $avoid and $floor (null: the first floor, chosen
 * from the ends' degrees). With `describe`, the people on the paths are described too (profiles).
 */
export function rankWarmPathsStatement(maxHops: number, describe = false): string {
  return /* cypher */ `
WITH $sources AS sources, $targets AS targets
WITH sources, targets, coalesce($floor, ${FIRST_FLOOR}) AS floor${rankedPathsCall(maxHops)}${describe ? DESCRIBE_PATH_PEOPLE : ""}
RETURN floor, paths${describe ? ", profiles" : ""}`;
}

// ---- Warm paths in memory (the analytics worker: find-warm-paths-in-memory.ts, tie-graph.ts) -------------------------

/** The tie version's value (tie-version.ts) as a subquery: yields `tieVersion`, null when there is no TieVersion node. */
const TIE_VERSION_VALUE = /* cypher */ `
CALL () {
  OPTIONAL MATCH (v:TieVersion {id: 'ties'})
  RETURN v.version AS tieVersion
}`;

/**
 * warmPathsStatement without the search: the ends (target, missingFrom, missingAvoid, workspaces, sources, targets) and
 * the tie version in one read, for the search in memory over the ties held at that version.
 */
export const READ_WARM_PATH_ENDS = /* cypher */ `
${WARM_PATH_ENDS}${TIE_VERSION_VALUE}
RETURN target, missingFrom, missingAvoid, workspaces, sources, targets, tieVersion`;

/**
 * What the answer shows of the paths the search in memory chose: each tie ($ties, elementIds) as TIE_VIEW, the people
 * on the paths ($paths, as {ids}) as DESCRIBE_PATH_PEOPLE, and the tie version now (the caller checks that it did not move).
 */
export const DESCRIBE_CHOSEN_PATHS = /* cypher */ `
WITH $paths AS paths
CALL () {
  UNWIND $ties AS key
  MATCH ()-[e:KNOWS]->() WHERE elementId(e) = key
  RETURN collect({key: key, tie: ${TIE_VIEW}}) AS ties
}${TIE_VERSION_VALUE}${DESCRIBE_PATH_PEOPLE}
RETURN ties, profiles, tieVersion`;

/**
 * READ_WARM_PATH_ENDS and DESCRIBE_CHOSEN_PATHS in one statement: the ends and the tie version, and the ties ($ties) and
 * people ($paths) of paths searched in memory before it, on the ends the arguments give (warmPaths from given people to
 * a person: find-warm-paths-in-memory.ts uses them only when the ends and the version read are the ones searched).
 */
export const READ_WARM_PATH_ENDS_DESCRIBED = /* cypher */ `
${WARM_PATH_ENDS}${TIE_VERSION_VALUE}
CALL () {
  UNWIND $ties AS key
  MATCH ()-[e:KNOWS]->() WHERE elementId(e) = key
  RETURN collect({key: key, tie: ${TIE_VIEW}}) AS ties
}
WITH target, missingFrom, missingAvoid, workspaces, sources, targets, tieVersion, ties, $paths AS paths${DESCRIBE_PATH_PEOPLE}
RETURN target, missingFrom, missingAvoid, workspaces, sources, targets, tieVersion, ties, profiles`;

/**
 * The ties of the Person nodes a tie change named ($nodes, elementIds: the tie-change log, tie-version.ts), every KNOWS
 * tie at each, either direction, as [the other end's id, strength, elementId]: what the worker's tie graph follows tie
 * writes with (TieGraphStore.ts, applyTieChanges in tie-graph.ts). A node gone has no row.
 */
export const READ_TIES_OF_PEOPLE = /* cypher */ `
UNWIND $nodes AS node
MATCH (p:Person) WHERE elementId(p) = node
RETURN p.id AS id, [(p)-[k:KNOWS]-(q:Person) | [q.id, k.strength, elementId(k)]] AS ties`;

/**
 * The ties between each pair of Person nodes a tie change named ($pairs, [elementId, elementId]: the tie-change log,
 * tie-version.ts), either direction, as [strength, elementId], with the two people's ids: what the worker's tie graph
 * follows a write of one pair's ties with (TieGraphStore.ts, applyPairChanges in tie-graph.ts) — the pair's few ties,
 * not all of both people's. A pair with a node gone has no row.
 */
export const READ_TIES_OF_PAIRS = /* cypher */ `
UNWIND $pairs AS pair
MATCH (a:Person) WHERE elementId(a) = pair[0]
MATCH (b:Person) WHERE elementId(b) = pair[1]
RETURN a.id AS a, b.id AS b, [(a)-[k:KNOWS]-(b) | [k.strength, elementId(k)]] AS ties`;

/** How many KNOWS ties there are (Neo4j's count store: no scan), before the ties are read into memory. */
export const COUNT_TIES = /* cypher */ `MATCH ()-[k:KNOWS]->() RETURN count(k) AS ties`;

/**
 * One page of every person and their outgoing ties with strengths, in id order after $after (keyset paging over the
 * Person(id) index): what the worker's tie graph is loaded from. Each tie appears once, at the person it starts from.
 */
export const READ_TIE_GRAPH_PAGE = /* cypher */ `
MATCH (a:Person) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
RETURN a.id AS id, [(a)-[k:KNOWS]->(b:Person) | [b.id, k.strength, elementId(k)]] AS ties`;

/**
 * The warm neighbours (ties of strength >= $threshold) of each person ($ids). `toFloat(r.strength)` (the same value, and
 * null without a strength) keeps the planner from the KNOWS(strength) index: planned on a small graph, Neo4j sought every
 * warm tie of the database for each person and kept only x's — on 15,000 people that did not end in 150 s, where
 * expanding from x takes milliseconds (docs/performance.md, "The test suite's time", seventh round).
 */
export const READ_WARM_NEIGHBOURS = /* cypher */ `
UNWIND $ids AS id
OPTIONAL MATCH (x:Person {id: id})
RETURN id, [(x)-[r:KNOWS]-(y:Person) WHERE toFloat(r.strength) >= $threshold AND y <> x | y.id] AS ids`;

/**
 * The coordinators of $workspaces (empty: every workspace), ids in order: with the tie version,
 * what bestWarmPaths' memo is tagged with (the coordinators' side depends on the ties and on them).
 */
export const READ_BEST_PATH_COORDINATORS = /* cypher */ `
MATCH (c:Person)-[:COORDINATOR_OF]->(w:Workspace)
WHERE size($workspaces) = 0 OR w.id IN $workspaces
WITH DISTINCT c.id AS id ORDER BY id
RETURN collect(id) AS coordinators`;

/**
 * The coordinators' half for bestWarmPaths (best-warm-paths.ts explains the split): every person
 * within ceil(maxHops/2) ties of strength >= $minStrength of a coordinator of $workspaces (empty:
 * every workspace), with the best score (product of strengths) and its hops. Built per hop limit
 * from the validated integer maxHops only.
 */
export function bestWarmPathSourcesStatement(maxHops: number): string {
  return /* cypher */ `
MATCH (c:Person)-[:COORDINATOR_OF]->(w:Workspace)
WHERE size($workspaces) = 0 OR w.id IN $workspaces
WITH DISTINCT c
MATCH (c)-[r:KNOWS WHERE r.strength >= $minStrength]-{0,${Math.ceil(maxHops / 2)}}(m:Person)
WITH m.id AS id, reduce(s = 1.0, x IN r | s * x.strength) AS score, size(r) AS hops
// The larger raw product last: two trails whose products round alike need not be equal doubles, and the one kept must
// not be the row order's choice (the analytics worker's walk, best-warm-paths-in-memory.ts, keeps the same one).
ORDER BY round(score * 1.0e9) DESC, hops ASC, score DESC
WITH id, collect([score, hops])[0] AS best
RETURN id, best[0] AS score, best[1] AS hops`;
}

/**
 * The targets' half for bestWarmPaths: per person in $targets, the best path from floor(maxHops/2)
 * ties out joined on $sources (person id → [score, hops], as bestWarmPathSourcesStatement returns).
 */
export function bestWarmPathTargetsStatement(maxHops: number): string {
  return /* cypher */ `
UNWIND $targets AS targetId
MATCH (t:Person {id: targetId})
CALL (t) {
  MATCH (t)-[r:KNOWS WHERE r.strength >= $minStrength]-{0,${Math.floor(maxHops / 2)}}(m:Person)
  WHERE $sources[m.id] IS NOT NULL
  WITH $sources[m.id][0] * reduce(s = 1.0, x IN r | s * x.strength) AS score, $sources[m.id][1] + size(r) AS hops
  ORDER BY round(score * 1.0e9) DESC, hops ASC, score DESC
  LIMIT 1
  RETURN score, hops
}
RETURN t.id AS id, score, hops`;
}

// ---- Ties -----------------------------------------------------------------------------------

/**
 * Takes the write lock on the people ($ids), in id order, so concurrent writes about one pair
 * serialise instead of deadlocking; returns the ids found.
 */
export const LOCK_PAIR = /* cypher */ `
UNWIND $ids AS id
MATCH (p:Person {id: id})
WITH p ORDER BY p.id
SET p.tieLock = true REMOVE p.tieLock
RETURN p.id AS id`;

/** The tie between the two people, either direction (the oldest when there are two). */
export const READ_TIE_OF_PAIR = /* cypher */ `
MATCH (:Person {id: $fromId})-[k:KNOWS]-(:Person {id: $toId})
RETURN k.strength AS strength, k.baseStrength AS baseStrength, coalesce(k.manual, false) AS manual, k.introducedBy AS introducedBy
ORDER BY elementId(k) LIMIT 1`;

/** The pair's interactions, either direction (date, channel, result): from the two people, not over the whole log. */
export const READ_INTERACTIONS_OF_PAIR = /* cypher */ `
MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
CALL (a, b) {
  MATCH (a)-[:INITIATED]->(i:Interaction)-[:WITH]->(b) RETURN i
  UNION
  MATCH (b)-[:INITIATED]->(i:Interaction)-[:WITH]->(a) RETURN i
}
RETURN toString(i.date) AS date, i.channel AS channel, i.result AS result`;

/** The introducer's own ties to the two people (null where there is none; the strongest when there are two). */
export const READ_INTRODUCER_TIES = /* cypher */ `
MATCH (x:Person {id: $introducer})
RETURN COLLECT { MATCH (x)-[k:KNOWS]-(:Person {id: $fromId}) RETURN k.strength ORDER BY k.strength DESC LIMIT 1 }[0] AS toFrom,
       COLLECT { MATCH (x)-[k:KNOWS]-(:Person {id: $toId}) RETURN k.strength ORDER BY k.strength DESC LIMIT 1 }[0] AS toWith`;

/**
 * The tie after an interaction: created when missing, lastContact forward only, the strength set
 * to $derived unless the tie is manual, the base it was derived from kept as baseStrength ($base),
 * and the introducer ($introducedBy, a person id or null) named.
 */
export const APPLY_INTERACTION_TO_TIE = bumpingTieVersion(
  /* cypher */ `
MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
MERGE (a)-[k:KNOWS]-(b)
  ON CREATE SET k.channel = $channel, k.since = date($date), k.manual = false
WITH k ORDER BY elementId(k) LIMIT 1
SET k.lastContact = CASE WHEN k.lastContact IS NULL OR k.lastContact < date($date) THEN date($date) ELSE k.lastContact END,
    k.baseStrength = $base,
    k.introducedBy = $introducedBy,
    k.strength = CASE WHEN coalesce(k.manual, false) THEN k.strength ELSE $derived END,
    k.manual = coalesce(k.manual, false)
RETURN k.strength AS strength, coalesce(k.manual, false) AS manual, k.baseStrength AS baseStrength,
       k.channel AS channel, k.since AS since, k.lastContact AS lastContact, k.introducedBy AS introducedBy`,
  // Only ties between the two people change: the pair is named (the worker reads its few ties, not all of theirs).
  pairsWithIds("[[$fromId, $toId]]"),
);

/**
 * Every tie (not manual) between two people who have interactions, with its stored strength and
 * base and the pair's interactions: what rederiveTies recomputes. Pairs are ordered by id, so
 * each comes once whatever the direction of its interactions; a page of $limit pairs after $after
 * (the pair key "a|b" of the last page's last row; "" for the first page).
 */
export const READ_TIES_TO_REDERIVE = /* cypher */ `
MATCH (p:Person)-[:INITIATED]->(i:Interaction)-[:WITH]->(q:Person)
WHERE p <> q
WITH CASE WHEN p.id < q.id THEN p ELSE q END AS a, CASE WHEN p.id < q.id THEN q ELSE p END AS b, i
WITH a, b, a.id + '|' + b.id AS pair, collect({date: toString(i.date), channel: i.channel, result: i.result}) AS interactions
WITH a, b, pair, interactions WHERE pair > $after
WITH a, b, pair, interactions ORDER BY pair LIMIT toInteger($limit)
OPTIONAL CALL (a, b) {
  MATCH (a)-[k:KNOWS]-(b)
  RETURN k ORDER BY elementId(k) LIMIT 1
}
RETURN pair, elementId(k) AS tie, k.strength AS strength, k.baseStrength AS baseStrength,
       coalesce(k.manual, false) AS manual, interactions`;

/**
 * Writes re-derived strengths ($updates: {tie, strength, base, previousStrength}), each only when
 * the tie still has the strength it was read with (a logInteraction in between already derived it)
 * and is not manual. Returns how many changed. `toFloat(k.strength)` (the same value) keeps the planner off the
 * KNOWS(strength) index, which it chose on a small graph: every tie of that strength for each update, instead of the
 * one tie by its id (as READ_WARM_NEIGHBOURS; tests/integration/network-plans.int.test.ts).
 */
export const WRITE_REDERIVED_TIES = bumpingTieVersion(
  /* cypher */ `
UNWIND $updates AS u
MATCH ()-[k:KNOWS]->()
WHERE elementId(k) = u.tie AND toFloat(k.strength) = u.previousStrength AND NOT coalesce(k.manual, false)
SET k.strength = u.strength, k.baseStrength = u.base
RETURN count(k) AS changed`,
  // The pair of each tie to re-weigh; a page of more than TIE_CHANGE_MOST_PEOPLE/2 ties says "*" (every tie read again).
  `CASE WHEN size($updates) > ${TIE_CHANGE_MOST_PEOPLE / 2} THEN null ELSE COLLECT {
    UNWIND $updates AS u
    MATCH (a:Person)-[k:KNOWS]->(b:Person) WHERE elementId(k) = u.tie
    RETURN DISTINCT elementId(a) + '${TIE_PAIR_SEPARATOR}' + elementId(b)
  } END`,
);

/** A coordinator's strength for the tie (created a → b when there is none); it is manual from then on. */
export const SET_TIE_STRENGTH = bumpingTieVersion(
  /* cypher */ `
MATCH (a:Person {id: $a}), (b:Person {id: $b})
OPTIONAL MATCH (a)-[old:KNOWS]-(b)
WITH a, b, count(old) = 0 AS created
MERGE (a)-[k:KNOWS]-(b)
  ON CREATE SET k.channel = coalesce($channel, 'OTHER')
WITH k, created ORDER BY elementId(k) LIMIT 1
WITH k, created, properties(k) AS before
SET k.strength = $strength, k.manual = true, k.channel = coalesce($channel, k.channel), k.note = coalesce($reason, k.note)
RETURN created, k.strength AS strength, k.manual AS manual, k.channel AS channel, k.since AS since, k.lastContact AS lastContact,
       k.note AS note, CASE WHEN created THEN null ELSE before END AS before`,
  pairsWithIds("[[$a, $b]]"),
);

// ---- A person's ties to the coordinators -----------------------------------------------------

/** One row when the person $id exists. */
export const READ_PERSON_EXISTS = /* cypher */ `MATCH (p:Person {id: $id}) RETURN p.id AS id`;

/**
 * Per coordinator ($coordinators, person ids) other than $person: their tie to $person (the oldest
 * when there are two; null fields when none), its introducer, and the pair's interactions (date,
 * channel, result), either direction. One row per coordinator that exists.
 */
export const READ_COORDINATOR_TIES = /* cypher */ `
MATCH (p:Person {id: $person})
UNWIND $coordinators AS cid
MATCH (c:Person {id: cid})
WHERE c <> p
OPTIONAL CALL (c, p) {
  MATCH (c)-[k:KNOWS]-(p)
  RETURN k ORDER BY elementId(k) LIMIT 1
}
RETURN c.id AS id, c.name AS name, k.strength AS strength, k.channel AS channel, toString(k.since) AS since,
       toString(k.lastContact) AS lastContact, coalesce(k.manual, false) AS manual,
       CASE WHEN k.introducedBy IS NULL THEN null
         ELSE COLLECT { MATCH (x:Person) WHERE x.id = k.introducedBy RETURN x {.id, .name} }[0] END AS introducedBy,
       COLLECT {
         MATCH (c)-[:INITIATED]->(i:Interaction)-[:WITH]->(p) RETURN {date: toString(i.date), channel: i.channel, result: i.result} AS i
         UNION ALL
         MATCH (p)-[:INITIATED]->(i:Interaction)-[:WITH]->(c) RETURN {date: toString(i.date), channel: i.channel, result: i.result} AS i
       } AS interactions`;

// ---- The warm threshold of a workspace --------------------------------------------------------

/** The lowest warm threshold of the workspaces $workspaces (empty: all), unset ones counting as $fallback. */
export const READ_WARM_THRESHOLD = /* cypher */ `
OPTIONAL MATCH (w:Workspace)
WHERE size($workspaces) = 0 OR w.id IN $workspaces
RETURN min(CASE WHEN w IS NULL THEN null ELSE coalesce(w.warmThreshold, $fallback) END) AS threshold`;

/** Sets the workspace's warm threshold; returns the new and the previous value (null: unset). */
export const SET_WARM_THRESHOLD = /* cypher */ `
MATCH (w:Workspace {id: $workspace})
WITH w, w.warmThreshold AS previous
SET w.warmThreshold = $threshold
RETURN w.warmThreshold AS warmThreshold, previous`;

// ---- Embedding ------------------------------------------------------------------------------

/**
 * Programmes by id ($programmes; null: every programme) with what the ladder needs on $asOf: role
 * holders, management with a warm tie to the workspace's $coordinators (strength >= $threshold) or
 * who signed an active agreement, structural and institution-level agreements, the teaching periods
 * with sprints in the 12 months up to the date, and the activity on the date and a year earlier.
 */
export const READ_PROGRAMME_FACTS = /* cypher */ `
// Active institution contacts (#18): who claimed or forwarded a case through the portal in the window up to $asOf
// (claims and forwards are proposals with an origin, sent by that person); read once for every programme.
CALL () {
  MATCH (p:Proposal) WHERE p.origin IN ['CLAIM', 'FORWARD'] AND date(p.sentAt) <= date($asOf)
    AND date(p.sentAt) > date($asOf) - duration({days: toInteger($activeContactDays)})
    AND p.sentBy IS NOT NULL AND ($without IS NULL OR p.sentBy <> $without)
  RETURN collect(DISTINCT p.sentBy) AS scouts
}
MATCH (g:Programme)
WHERE $programmes IS NULL OR g.id IN $programmes
WITH g, scouts, date($asOf) AS d, date($asOf) - duration('P1Y') AS d1
OPTIONAL MATCH (g)-[:OFFERED_BY]->(i:Institution)
WITH g, scouts, d, d1, i ORDER BY i.id
WITH g, scouts, d, d1, head(collect(i)) AS i
RETURN g.id AS id, g.name AS name, i.id AS institutionId, i.name AS institutionName,
  COLLECT { ${ROLE_HOLDERS_OF_PROGRAMME} } AS roleHolderIds,
  [x IN COLLECT { ${ROLE_HOLDERS_OF_PROGRAMME}
                  UNION
                  MATCH (t:Person)-[:DEAN_OF]->(i) RETURN t.id AS id } WHERE x IN scouts] AS activeContacts,
  [x IN COLLECT { MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) RETURN t.id AS id
                  UNION
                  MATCH (t:Person)-[:DEAN_OF]->(i) RETURN t.id AS id } WHERE x IN scouts] AS activeManagementContacts,
  COLLECT {
    MATCH (x:Person)-[:COORDINATES|DIRECTS]->(g)
    WHERE x.id IN $coordinators
       OR EXISTS { MATCH (x)-[r:KNOWS]-(w:Person) WHERE w.id IN $coordinators AND r.strength >= $threshold }
    RETURN DISTINCT x.id } AS managementWithWarmTie,
  COLLECT {
    MATCH (x:Person)-[:COORDINATES|DIRECTS]->(g)
    MATCH (x)-[:SIGNED]->(a:Agreement)-[:COVERS]->(o)
    WHERE (o = g OR (o:Course AND EXISTS { (o)-[:PART_OF]->(g) })) AND a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d)
    RETURN DISTINCT x.id } AS managementWhoSigned,
  COLLECT {
    MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(g)
    WHERE a.structural = true AND a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d)
    RETURN DISTINCT a.id } AS structuralAgreements,
  COLLECT {
    MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(g), (s)-[:IN_PERIOD]->(tp:TeachingPeriod)
    WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d
    RETURN DISTINCT tp.id } AS sprintPeriods,
  COLLECT {
    MATCH (x:Person)-[:SIGNED]->(a:Agreement {scope: 'INSTITUTION'})-[:COVERS]->(i)
    WHERE (EXISTS { (x)-[:DEAN_OF]->(i) } OR EXISTS { (x)-[:BOARD_MEMBER_OF]->(i) }) AND a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d)
      AND ($without IS NULL OR x.id <> $without)
    RETURN DISTINCT a.id } AS boardAgreements,
  {
    sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(g) WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d RETURN DISTINCT s.id }),
    agreements: size(COLLECT {
      MATCH (a:Agreement)-[:COVERS]->(g) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(g) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x }),
    openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(g) WHERE date(p.sentAt) <= d AND date(p.expiresAt) > d
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d) RETURN DISTINCT p.id })
  } AS activity,
  {
    sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(g) WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d1 - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d1 RETURN DISTINCT s.id }),
    agreements: size(COLLECT {
      MATCH (a:Agreement)-[:COVERS]->(g) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(g) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x }),
    openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(g) WHERE date(p.sentAt) <= d1 AND date(p.expiresAt) > d1
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d1))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d1) RETURN DISTINCT p.id })
  } AS activityYearEarlier
ORDER BY id`;

/** Institutions by id ($institutions; null: every institution): programmes, role holders, and the activity on $asOf and a year earlier. */
export const READ_INSTITUTION_FACTS = /* cypher */ `
MATCH (i:Institution)
WHERE $institutions IS NULL OR i.id IN $institutions
WITH i, date($asOf) AS d, date($asOf) - duration('P1Y') AS d1
RETURN i.id AS id, i.name AS name,
  COLLECT { MATCH (g:Programme)-[:OFFERED_BY]->(i) RETURN g.id ORDER BY g.id } AS programmeIds,
  COLLECT { ${ROLE_HOLDERS_OF_INSTITUTION} } AS roleHolderIds,
  {
    sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d RETURN DISTINCT s.id }),
    agreements: size(COLLECT {
      MATCH (a:Agreement)-[:COVERS]->(i) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Programme)-[:OFFERED_BY]->(i) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x }),
    openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE date(p.sentAt) <= d AND date(p.expiresAt) > d
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d) RETURN DISTINCT p.id })
  } AS activity,
  {
    sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d1 - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d1 RETURN DISTINCT s.id }),
    agreements: size(COLLECT {
      MATCH (a:Agreement)-[:COVERS]->(i) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Programme)-[:OFFERED_BY]->(i) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x }),
    openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE date(p.sentAt) <= d1 AND date(p.expiresAt) > d1
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d1))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d1) RETURN DISTINCT p.id })
  } AS activityYearEarlier
ORDER BY id`;

/** Every workspace with the settings its stored figures were made with (null: none stored). */
export const READ_WORKSPACE_EMBEDDING_SETTINGS = /* cypher */ `
MATCH (w:Workspace)
WITH w, head(COLLECT {
  MATCH (s:EmbeddingSnapshot {workspaceId: w.id})
  RETURN {warmThreshold: s.warmThreshold, maxHops: s.maxHops} LIMIT 1
}) AS stored
RETURN w.id AS id, stored.warmThreshold AS warmThreshold, stored.maxHops AS maxHops ORDER BY id`;

/** Refreshes of one workspace take turns on its node, so two never leave two sets behind. */
export const LOCK_WORKSPACE_SNAPSHOTS = /* cypher */ `
MATCH (w:Workspace {id: $workspace})
SET w.snapshotLock = true REMOVE w.snapshotLock`;

export const DELETE_EMBEDDING_SNAPSHOTS = /* cypher */ `
MATCH (s:EmbeddingSnapshot {workspaceId: $workspace})
DETACH DELETE s`;

/** A snapshot per programme ($rows: id and props), linked to it. */
export const CREATE_PROGRAMME_SNAPSHOTS = /* cypher */ `
UNWIND $rows AS r
MATCH (o:Programme {id: r.id})
CREATE (s:EmbeddingSnapshot {workspaceId: $workspace, kind: $kind, targetId: r.id})-[:SNAPSHOT_OF]->(o)
SET s += r.props, s.asOf = date(r.props.asOf), s.refreshedAt = datetime($refreshedAt)`;

/** As CREATE_PROGRAMME_SNAPSHOTS, per institution. */
export const CREATE_INSTITUTION_SNAPSHOTS = /* cypher */ `
UNWIND $rows AS r
MATCH (o:Institution {id: r.id})
CREATE (s:EmbeddingSnapshot {workspaceId: $workspace, kind: $kind, targetId: r.id})-[:SNAPSHOT_OF]->(o)
SET s += r.props, s.asOf = date(r.props.asOf), s.refreshedAt = datetime($refreshedAt)`;

/**
 * The sort key per field; the text is chosen from this fixed table, never from user input. One key per
 * value of the EmbeddingSortField enum (EmbeddingTypes.ts), which the type check holds it to.
 */
const SORT_KEYS: Record<EmbeddingSortField, string> = {
  LEVEL: "s.level",
  THREADS: "s.threads",
  SINGLE_POINTS_OF_FAILURE: "s.singlePointsOfFailure",
  SPRINTS: "s.sprints",
  AGREEMENTS: "s.agreements",
  OPEN_PROPOSALS: "s.openProposals",
  TREND: "s.trendChange",
  NAME: "toLower(s.name)",
};

/**
 * The embedding ranking in one statement: the workspace (as READ_WORKSPACES finds it), how many
 * figures it has stored, the filtered page of entries, sorted (ties by name, kind and id), and the
 * settings they were computed with.
 */
export function readEmbeddingRankingStatement(sortBy: EmbeddingSortField, descending: boolean): string {
  return /* cypher */ `
WITH ${WORKSPACES} AS workspaces
WITH workspaces, CASE WHEN size(workspaces) = 1 THEN workspaces[0].id END AS ws
CALL (ws) {
  MATCH (s:EmbeddingSnapshot {workspaceId: ws})-[:SNAPSHOT_OF]->()
  WHERE ($kind IS NULL OR s.kind = $kind)
    AND ($institution IS NULL OR s.institutionId = $institution)
    AND ($minLevel IS NULL OR s.level >= $minLevel)
    AND ($maxLevel IS NULL OR s.level <= $maxLevel)
    AND ($verdict IS NULL OR s.verdict = $verdict)
  WITH s ORDER BY ${SORT_KEYS[sortBy]} ${descending ? "DESC" : "ASC"}, toLower(s.name) ASC, s.kind DESC, s.targetId ASC
  WITH collect(s) AS ranked
  RETURN size(ranked) AS total, [s IN ranked[toInteger($offset)..toInteger($offset) + toInteger($limit)] | properties(s)] AS entries
}
RETURN workspaces, total, entries,
       COUNT { MATCH (s:EmbeddingSnapshot {workspaceId: ws}) } AS stored,
       COLLECT { MATCH (s:EmbeddingSnapshot {workspaceId: ws}) RETURN s {.asOf, .refreshedAt, .warmThreshold, .maxHops} LIMIT 1 }[0] AS meta`;
}

/**
 * The management of each programme in $programmes (its coordinators and directors) and the leaders of
 * each institution in $institutions (its deans and board members): the rungs 3 and 5 of the route up
 * (escalation-plan.ts, find-next-best-contacts.ts). One row per programme or institution found.
 */
export const READ_LEADERS = /* cypher */ `
UNWIND $programmes AS pid
MATCH (g:Programme {id: pid})
RETURN 'PROGRAMME' AS kind, g.id AS id, COLLECT { MATCH (x:Person)-[:COORDINATES|DIRECTS]->(g) RETURN DISTINCT x.id ORDER BY x.id } AS people
UNION ALL
UNWIND $institutions AS iid
MATCH (i:Institution {id: iid})
RETURN 'INSTITUTION' AS kind, i.id AS id, COLLECT { MATCH (x:Person)-[:DEAN_OF|BOARD_MEMBER_OF]->(i) RETURN DISTINCT x.id ORDER BY x.id } AS people`;

/**
 * impactIfGone's scope: the programmes and institutions a person's leaving can change. $ball holds the
 * people within maxHops − 1 warm ties of the person (maxHops for a coordinator; the person too); a
 * programme is in scope when one of its role holders is in the ball, or the person is a dean or board
 * member of its institution (rung 5); an institution when one of its role holders (deans and board
 * included) is.
 */
export const READ_IMPACT_SCOPE = /* cypher */ `
RETURN
  COLLECT {
    MATCH (g:Programme)
    WHERE EXISTS { MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(g) WHERE t.id IN $ball }
       OR EXISTS { MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) WHERE t.id IN $ball }
       OR EXISTS { MATCH (:Person {id: $person})-[:DEAN_OF|BOARD_MEMBER_OF]->(:Institution)<-[:OFFERED_BY]-(g) }
    RETURN g.id ORDER BY g.id } AS programmes,
  COLLECT {
    MATCH (i:Institution)
    WHERE any(id IN COLLECT { ${ROLE_HOLDERS_OF_INSTITUTION} } WHERE id IN $ball)
    RETURN i.id ORDER BY i.id } AS institutions`;

/**
 * The work that hangs on a person on $asOf: proposals sent to them and open then (sent on or before,
 * not expired, not answered, not withdrawn — the openProposals rule), and running sprints they
 * supervise or whose course they teach.
 */
export const READ_WORK_OF_PERSON = /* cypher */ `
MATCH (x:Person {id: $person})
WITH x, date($asOf) AS d
RETURN
  COLLECT {
    MATCH (p:Proposal)-[:TO_TEACHER]->(x)
    WHERE date(p.sentAt) <= d AND date(p.expiresAt) > d
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d)
    OPTIONAL MATCH (p)-[:OF_CASE]->(c:Case)
    OPTIONAL MATCH (p)-[:FOR_COURSE]->(k:Course)
    RETURN DISTINCT {id: p.id, kind: 'PROPOSAL', title: coalesce(c.title, p.id), courseName: k.name} AS w ORDER BY w.id
  } AS proposals,
  COLLECT {
    MATCH (s:Sprint {status: 'RUNNING'})
    WHERE EXISTS { (s)-[:SUPERVISED_BY]->(x) } OR EXISTS { (s)-[:IN_COURSE]->(:Course)<-[:TEACHES]-(x) }
    OPTIONAL MATCH (s)-[:FOR_CASE]->(c:Case)
    OPTIONAL MATCH (s)-[:IN_COURSE]->(k:Course)
    RETURN DISTINCT {id: s.id, kind: 'SPRINT', title: coalesce(c.title, s.id), courseName: k.name} AS w ORDER BY w.id
  } AS sprints`;
