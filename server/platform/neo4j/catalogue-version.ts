import { CATALOGUE_VERSION_BUMP, FORGET_CATALOGUE_VERSION } from "./statements.js";

/**
 * The catalogue version: what the suggestions' course catalogue (server/domains/suggestions/course-catalogue.ts,
 * the courses' fixed facts held in memory) is tagged with, so that it is read again when those facts change and only
 * then — a case saved, a proposal answered, a match made or an interaction logged leave it. The catalogue holds
 * courses (name, kind), their topics (ABOUT), programmes (PART_OF) and institutions (OFFERED_BY, the kind), teaching
 * periods (RUNS_IN, the dates and name), the vocabulary (Topic labels, BROADER) and the agreements' terms (COVERS); not
 * the sprints, which are counted with every request that needs them.
 *
 * Moved by: every statement that writes any of those (bumpingCatalogueVersion; tests/unit/catalogue-version.test.ts
 * reads every statements.ts and fails on one that does not, unless it says why it need not), and every write of the
 * generated API whose Cypher names one of them (touchesCatalogue, beside touchesTies). A restore and the demo and
 * synthetic loaders forget the node (forgetCatalogueVersion): without it the graph version stands in, which any write
 * moves; the API's start makes it again (its starter vocabulary, MERGE_STARTER_TOPICS, bumps). What the version read adds (CATALOGUE_VERSION_SUBQUERY):
 * the count store's number of courses, programmes, institutions, periods, agreements and their links, so that a course or link made or
 * removed by a writer outside the API (a Cypher shell, a test's fixture) moves it too. A property changed that way
 * (a course renamed in a shell) is not seen until the next bump.
 */

/** The first line of every bump (tests/unit/catalogue-version.test.ts looks for it). */
export const CATALOGUE_VERSION_BUMP_START = CATALOGUE_VERSION_BUMP.split("\n").slice(0, 2).join("\n");

interface Writer {
  write(cypher: string): Promise<unknown>;
}

/** The statement with the bump in front: it runs once, first, in the statement's transaction. */
export function bumpingCatalogueVersion(statement: string): string {
  return `${CATALOGUE_VERSION_BUMP}\n${statement.trimStart()}`;
}

/** Moves the catalogue version on by itself (the bench, after loading a graph). */
export async function bumpCatalogueVersion(db: Writer): Promise<void> {
  await db.write(CATALOGUE_VERSION_BUMP);
}

/** For writers of the catalogue in bulk outside the statements (a restore, the demo and synthetic loaders). */
export async function forgetCatalogueVersion(db: Writer): Promise<void> {
  await db.write(FORGET_CATALOGUE_VERSION);
}

/** The labels and relationship types whose writes change the catalogue (see above). */
const CATALOGUE_NAMES =
  /(:\s*`?(Course|Programme|Institution|Topic|TeachingPeriod|Agreement)\b)|\b(ABOUT|PART_OF|OFFERED_BY|BROADER|RUNS_IN|COVERS)\b/;

/**
 * Whether a statement the generated API sends may change the catalogue: it writes and names one of its labels or
 * relationship types. Errs on the side of bumping: a needless bump costs one reading of the catalogue, a missed one a
 * stale suggestion.
 */
export function touchesCatalogue(cypher: string): boolean {
  return /\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/.test(cypher) && CATALOGUE_NAMES.test(cypher);
}
