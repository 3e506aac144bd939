import { FORGET_TIE_VERSION, TIE_VERSION_BUMP } from "./statements.js";

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
 */

/** What the bumps below write through: a Database (not imported, as database.ts imports this file). */
interface Writer {
  write(cypher: string): Promise<unknown>;
}

/** The statement with the bump in front: it runs once, first, in the statement's transaction. */
export function bumpingTieVersion(statement: string): string {
  return `${TIE_VERSION_BUMP}\n${statement.trimStart()}`;
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
