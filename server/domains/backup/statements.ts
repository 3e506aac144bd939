import { decodeCypher, quoteName, type EncodedProperty } from "./property-codec.js";

/**
 * The Cypher of backup, restore and the graph fingerprint, each statement whole. Properties travel
 * as [key, type, value] (property-codec.ts): the reads tag each with its valueType and write
 * temporal values and points in a form the restore's conversions parse back exactly.
 * Snapshots: tests/snapshots/cypher/backup/.
 */

/**
 * The TieVersion and CatalogueVersion nodes (server/platform/neo4j/tie-version.ts, catalogue-version.ts) are no data:
 * a backup leaves them out and a restore forgets both versions, so the fingerprint of a restored graph equals the
 * original's.
 */
export const COUNT_GRAPH = /* cypher */ `
CALL () { MATCH (n) WHERE NOT n:TieVersion AND NOT n:CatalogueVersion RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships`;

/** Every node with its labels and encoded properties (backup and fingerprint). */
export const STREAM_NODES = /* cypher */ `
MATCH (n) WHERE NOT n:TieVersion AND NOT n:CatalogueVersion
RETURN elementId(n) AS key, labels(n) AS labels,
       [k IN keys(n) | [k, replace(valueType(n[k]), ' NOT NULL', ''),
         CASE WHEN valueType(n[k]) STARTS WITH 'LIST' THEN [e IN n[k] | CASE
           WHEN e IS :: DATE OR e IS :: ZONED DATETIME OR e IS :: LOCAL DATETIME
             OR e IS :: ZONED TIME OR e IS :: LOCAL TIME OR e IS :: DURATION THEN toString(e)
           WHEN e IS :: POINT THEN {srid: e.srid, x: e.x, y: e.y, z: CASE WHEN e.crs ENDS WITH '3d' THEN e.z END}
           ELSE e END]
         ELSE CASE
           WHEN n[k] IS :: DATE OR n[k] IS :: ZONED DATETIME OR n[k] IS :: LOCAL DATETIME
             OR n[k] IS :: ZONED TIME OR n[k] IS :: LOCAL TIME OR n[k] IS :: DURATION THEN toString(n[k])
           WHEN n[k] IS :: POINT THEN {srid: n[k].srid, x: n[k].x, y: n[k].y, z: CASE WHEN n[k].crs ENDS WITH '3d' THEN n[k].z END}
           ELSE n[k] END END]] AS properties`;

/** Every relationship with its type, ends (element ids) and encoded properties, as STREAM_NODES (backup and fingerprint). */
export const STREAM_RELATIONSHIPS = /* cypher */ `
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type,
       [k IN keys(r) | [k, replace(valueType(r[k]), ' NOT NULL', ''),
         CASE WHEN valueType(r[k]) STARTS WITH 'LIST' THEN [e IN r[k] | CASE
           WHEN e IS :: DATE OR e IS :: ZONED DATETIME OR e IS :: LOCAL DATETIME
             OR e IS :: ZONED TIME OR e IS :: LOCAL TIME OR e IS :: DURATION THEN toString(e)
           WHEN e IS :: POINT THEN {srid: e.srid, x: e.x, y: e.y, z: CASE WHEN e.crs ENDS WITH '3d' THEN e.z END}
           ELSE e END]
         ELSE CASE
           WHEN r[k] IS :: DATE OR r[k] IS :: ZONED DATETIME OR r[k] IS :: LOCAL DATETIME
             OR r[k] IS :: ZONED TIME OR r[k] IS :: LOCAL TIME OR r[k] IS :: DURATION THEN toString(r[k])
           WHEN r[k] IS :: POINT THEN {srid: r[k].srid, x: r[k].x, y: r[k].y, z: CASE WHEN r[k].crs ENDS WITH '3d' THEN r[k].z END}
           ELSE r[k] END END]] AS properties`;

// ---- Restore --------------------------------------------------------------------------------

/**
 * Nodes are found again by a temporary label and key (their elementId at backup time), so the
 * restore works for nodes without an `id` too; both are removed at the end (REMOVE_RESTORE_MARKS).
 */
const restoreLabel = "`__RestoreNode`";
const restoreKey = "`__restoreKey`";

export const COUNT_NODES = /* cypher */ `
MATCH (n) WHERE NOT n:TieVersion AND NOT n:CatalogueVersion
RETURN count(n) AS n`;

/** Deletes everything, in batches of 5000 nodes (an auto-commit statement). */
export const WIPE_GRAPH = /* cypher */ `
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`;

export const CREATE_RESTORE_INDEX = /* cypher */ `
CREATE INDEX werkplaats_restore_key IF NOT EXISTS FOR (n:\`__RestoreNode\`) ON (n.\`__restoreKey\`)`;

/** In batches of 10 000 nodes (an auto-commit statement). */
export const REMOVE_RESTORE_MARKS = /* cypher */ `
MATCH (n:\`__RestoreNode\`)
CALL (n) { REMOVE n:\`__RestoreNode\` REMOVE n.\`__restoreKey\` } IN TRANSACTIONS OF 10000 ROWS`;

export const DROP_RESTORE_INDEX = /* cypher */ `
DROP INDEX werkplaats_restore_key IF EXISTS`;

/** `SET` of each property from its column $p0, $p1, … (row i), converted back to its type. */
function setProperties(target: string, properties: readonly EncodedProperty[]): string {
  if (properties.length === 0) return "";
  return `SET ${properties.map(([key, type], i) => `${target}.${quoteName(key)} = ${decodeCypher(type, `$p${i}[i]`)}`).join(", ")}`;
}

/**
 * Creates a batch of nodes of one shape (labels, property keys and types): $k holds their keys,
 * $p0, $p1, … one column per property. Static Cypher per shape is several times faster than
 * dynamic labels and a per-property subquery.
 */
export function restoreNodesStatement(labels: readonly string[], properties: readonly EncodedProperty[]): string {
  return /* cypher */ `
UNWIND range(0, size($k) - 1) AS i
CREATE (n:${[restoreLabel, ...labels.map(quoteName)].join(":")} {${restoreKey}: $k[i]})
${setProperties("n", properties)}
RETURN count(*) AS written`;
}

/** Creates a batch of relationships of one shape between the nodes keyed $s and $e, as restoreNodesStatement. */
export function restoreRelationshipsStatement(type: string, properties: readonly EncodedProperty[]): string {
  return /* cypher */ `
UNWIND range(0, size($s) - 1) AS i
MATCH (a:${restoreLabel} {${restoreKey}: $s[i]})
MATCH (b:${restoreLabel} {${restoreKey}: $e[i]})
CREATE (a)-[k:${quoteName(type)}]->(b)
${setProperties("k", properties)}
RETURN count(*) AS written`;
}

/** After a restore: user accounts without a password hash (the backup left them out). */
export const COUNT_ACCOUNTS_WITHOUT_PASSWORD = /* cypher */ `
MATCH (u:User) WHERE u.passwordHash IS NULL
RETURN count(u) AS accounts`;
