import { FORGET_TIE_VERSION, TIE_VERSION_BUMP, tieVersionBump } from "./statements.js";

/**
 * The tie version: one value (the TieVersion node's `version`) that moves whenever a KNOWS tie is
 * created, changed or removed, in the same transaction as the change, and only then. The warm-tie
 * store and the best-warm-path memo (server/domains/network) are tagged with it instead of the
 * database's last transaction, so a case saved, a proposal answered or a match made leaves them
 * warm, while an interaction, a strength set by hand, an import, a rederivation or an erasure
 * makes the next analytics request read the ties again (docs/network-analytics.md, "The tie store").
 *
 * Every writer of KNOWS goes through bumpingTieVersion; tests/unit/tie-version.test.ts reads every
 * statements.ts and fails on a statement that writes KNOWS without it. Writes made outside the
 * statements: the generated API's updatePeople (a `knows` edge) and deletePeople bump in their own
 * transaction (touchesTies, in RequestTransaction.executionContext for mutation requests and in
 * Database.graphqlDriver otherwise); a restore and the demo and synthetic loaders forget the version
 * (forgetTieVersion).
 *
 * Each bump also notes the change in the node's log (TIE_VERSION_BUMP, the last TIE_CHANGES_KEPT): whose ties the
 * statement may change, or "*" when it cannot say. Two kinds of name, as Person elementIds: a person ("<id>": any of
 * their ties may change) and a pair ("<id>|<id>", pairsWithIds: only ties between those two may change). The analytics
 * worker's tie graph (server/domains/network/TieGraphStore.ts) follows the log: it reads again only the named pairs'
 * ties (a few rows) and the named people's (all their ties: ~4,000 for a coordinator at L), and every tie when a change
 * says "*" or the log no longer reaches back to the version it holds. A writer that names must name, for every tie it
 * may add, remove or re-weigh, its pair or at least one of its two ends, and may not name someone by an id the
 * statement changes (ERASE_PERSON names the other ends instead); tests/integration/network-warm-paths-in-memory fails
 * on a wrong list. The writers that touch one pair's ties only (an interaction, a strength by hand, an import's rows, a
 * rederivation's ties) name pairs; an erasure names people. The log holds elementIds, not person ids: an erasure leaves
 * no old id in it.
 */

/** The first two lines of every bump, whatever it names (tests/unit/tie-version.test.ts looks for them). */
export const TIE_VERSION_BUMP_START = TIE_VERSION_BUMP.split("\n").slice(0, 2).join("\n");

/** What the bumps below write through: a Database (not imported, as database.ts imports this file). */
interface Writer {
  write(cypher: string): Promise<unknown>;
}

/**
 * The statement with the bump in front: it runs once, first, in the statement's transaction. `people`: a Cypher
 * expression of the statement's parameters giving the names (above: peopleWithIds, pairsWithIds) of the people or pairs
 * whose ties it may change (null: it cannot say, so a follower reads every tie again); see above for what it must name.
 */
export function bumpingTieVersion(statement: string, people: string | null = null): string {
  return `${people === null ? TIE_VERSION_BUMP : tieVersionBump(people)}\n${statement.trimStart()}`;
}

/**
 * The most people one change names in the log: a bigger write (an import's page of ties, a rederivation's) says "*"
 * instead, and followers read every tie again — as they would after many small ones.
 */
export const TIE_CHANGE_MOST_PEOPLE = 400;

/** The Person nodes (elementIds) with these ids, for bumpingTieVersion's `people`: `ids` a Cypher list expression. */
export function peopleWithIds(ids: string): string {
  return `COLLECT { MATCH (changed:Person) WHERE changed.id IN ${ids} RETURN DISTINCT elementId(changed) }`;
}

/** What separates a pair's two elementIds in the log ("<a>|<b>"); an elementId has none. */
export const TIE_PAIR_SEPARATOR = "|";

/**
 * The pairs of Person nodes with these ids, as the log names them ("<elementId>|<elementId>"), for bumpingTieVersion's
 * `people`: `pairs` a Cypher list expression of [id, id] lists. For a statement that may change ties between those
 * pairs only; a pair whose people are not both there is left out (the statement finds no tie to write either).
 */
export function pairsWithIds(pairs: string): string {
  return `COLLECT {
    UNWIND ${pairs} AS pair
    MATCH (a:Person {id: pair[0]}), (b:Person {id: pair[1]})
    RETURN DISTINCT elementId(a) + '${TIE_PAIR_SEPARATOR}' + elementId(b)
  }`;
}

/** Moves the tie version on by itself, as a statement of its own (the bench, after loading a graph). */
export async function bumpTieVersion(db: Writer): Promise<void> {
  await db.write(TIE_VERSION_BUMP);
}

/**
 * Before (and after) writing ties in bulk outside the statements — a restore, the demo and synthetic
 * loaders: the version is forgotten, so the graph version stands in (see Database.tieVersion) and
 * every write of the load counts, and no TieVersion node is left in the loaded graph's counts.
 */
export async function forgetTieVersion(db: Writer): Promise<void> {
  await db.write(FORGET_TIE_VERSION);
}

/**
 * Whether a statement the generated API sends may change ties: it names KNOWS and writes, or it
 * detach-deletes where the Person label is matched (DETACH DELETE takes the person's ties with them). Errs on
 * the side of bumping: a needless bump costs one cold analytics request, a missed one a wrong answer.
 */
export function touchesTies(cypher: string): boolean {
  const writes = /\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/.test(cypher);
  if (!writes) return false;
  return /\bKNOWS\b/.test(cypher) || (/\bDETACH\s+DELETE\b/.test(cypher) && /:\s*`?Person\b/.test(cypher));
}
