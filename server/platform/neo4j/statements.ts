/**
 * The statements of the database plumbing, each whole. The schema's constraints and indexes are
 * in schema/constraints.cypher. Snapshots: tests/snapshots/cypher/platform/neo4j/.
 */

/** One round trip: whether Neo4j answers, and (from its bookmark) the graph's version. */
export const PING = /* cypher */ `RETURN 1`;

/** Waits for the indexes just created to come online (at most 300 s). */
export const AWAIT_INDEXES = /* cypher */ `CALL db.awaitIndexes(300)`;

/** Labels whose nodes the workflow locks; a fixed list, so no caller text reaches the Cypher. */
export const LOCKABLE_LABELS = ["Case", "Course", "Person", "Proposal", "Sprint", "Milestone"] as const;
export type LockableLabel = (typeof LOCKABLE_LABELS)[number];

/**
 * Takes the write lock of one node (see lockNode): the first property write takes the node's
 * exclusive lock until commit, and the property is gone again in the same statement.
 */
export function lockNodeStatement(label: LockableLabel): string {
  return /* cypher */ `
MATCH (n:${label} {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id`;
}

// ---- The tie version (server/platform/neo4j/tie-version.ts) ---------------------------------

/** How many tie changes the TieVersion node remembers (TIE_VERSION_BUMP's `changes`; tie-version.ts). */
export const TIE_CHANGES_KEPT = 64;

/**
 * Moves the tie version on: a new random value on the one TieVersion node (made when missing), and
 * the change noted in its log `changes` (the last TIE_CHANGES_KEPT): "<new version> <names>", the
 * names of the people ("<elementId>") or pairs ("<elementId>|<elementId>") whose ties the statement
 * may change (`people`, a Cypher expression of the statement's parameters, evaluated before the
 * statement changes anything; tie-version.ts), or "*" when it cannot say (null). A unit subquery, so it runs once at the start of a
 * statement (bumpingTieVersion puts it there) and a statement on its own too. Random rather than a
 * counter: a graph wiped and written again never repeats a version a warm store was tagged with.
 */
export function tieVersionBump(people: string | null): string {
  return /* cypher */ `CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  WITH tieVersion, randomUUID() AS version, ${people ?? "null"} AS people
  SET tieVersion.version = version,
      tieVersion.changes = (coalesce(tieVersion.changes, []) +
        [version + CASE WHEN people IS NULL THEN ' *' ELSE reduce(s = '', p IN people | s + ' ' + p) END])[-${TIE_CHANGES_KEPT}..]
}`;
}

/** The bump of a statement that cannot say whose ties it changes: followers read every tie again. */
export const TIE_VERSION_BUMP = tieVersionBump(null);

/** The tie version and its change log (TIE_VERSION_BUMP), in one read: what the analytics worker follows ties with. */
export const READ_TIE_CHANGES = /* cypher */ `
OPTIONAL MATCH (v:TieVersion {id: 'ties'})
RETURN v.version AS version, v.changes AS changes`;

/** The tie version; no row's value (null) when the node is missing (a wiped graph). */
export const READ_TIE_VERSION = /* cypher */ `OPTIONAL MATCH (v:TieVersion {id: 'ties'}) RETURN v.version AS version`;

/**
 * Forgets the tie version: without the node the graph version stands in (any write moves it), until
 * the next tie write makes the node again with a new value. For writers of many ties at once that
 * do not go through the statements (a restore, the demo and synthetic loaders).
 */
export const FORGET_TIE_VERSION = /* cypher */ `MATCH (v:TieVersion) DELETE v`;

// ---- The catalogue version (server/platform/neo4j/catalogue-version.ts) -------------------------

/**
 * Moves the catalogue version on: a new random value on the one CatalogueVersion node (made when missing). A unit
 * subquery, so it runs once at the start of a statement (bumpingCatalogueVersion puts it there) and on its own too.
 */
export const CATALOGUE_VERSION_BUMP = /* cypher */ `CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}`;

/** Forgets the catalogue version: without the node the graph version stands in (any write moves it). */
export const FORGET_CATALOGUE_VERSION = /* cypher */ `MATCH (v:CatalogueVersion) DELETE v`;

/**
 * The catalogue version as a subquery yielding `catalogueVersion`: the node's value (null without it) and, from Neo4j's
 * count store (no node is read), the number of courses, programmes, institutions, periods, agreements and of the links the
 * catalogue holds, which moves when one is made or removed by a writer that did not bump (a new topic alone changes no
 * course's fit: it is not counted).
 */
export const CATALOGUE_VERSION_SUBQUERY = /* cypher */ `CALL () {
  OPTIONAL MATCH (v:CatalogueVersion {id: 'catalogue'})
  RETURN v.version AS catalogueNode
}
CALL () { MATCH (n:Course) RETURN count(n) AS courses }
CALL () { MATCH (n:Programme) RETURN count(n) AS programmes }
CALL () { MATCH (n:Institution) RETURN count(n) AS institutions }
CALL () { MATCH (n:TeachingPeriod) RETURN count(n) AS periods }
CALL () { MATCH (n:Agreement) RETURN count(n) AS agreements }
CALL () { MATCH (:Course)-[r:ABOUT]->() RETURN count(r) AS about }
CALL () { MATCH ()-[r:PART_OF]->() RETURN count(r) AS partOf }
CALL () { MATCH ()-[r:OFFERED_BY]->() RETURN count(r) AS offeredBy }
CALL () { MATCH ()-[r:BROADER]->() RETURN count(r) AS broader }
CALL () { MATCH ()-[r:RUNS_IN]->() RETURN count(r) AS runsIn }
CALL () { MATCH ()-[r:COVERS]->() RETURN count(r) AS covers }
WITH CASE WHEN catalogueNode IS NULL THEN null
          ELSE catalogueNode + ' ' + reduce(s = '', n IN [courses, programmes, institutions, periods, agreements, about,
                                                          partOf, offeredBy, broader, runsIn, covers] | s + '.' + toString(n))
     END AS catalogueVersion`;
