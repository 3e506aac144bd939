import { createHash } from "node:crypto";
import type { Database } from "../../platform/neo4j/database.js";
import { checkEncodedProperties, type EncodedProperty } from "./property-codec.js";
import { STREAM_NODES, STREAM_RELATIONSHIPS } from "./statements.js";

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  /** Properties on nodes and relationships together. */
  properties: number;
  /** SHA-256 (hex) of the graph's content, independent of internal ids and of storage order. */
  hash: string;
}

const modulus = 1n << 256n;

/**
 * A content hash of the whole graph: equal for two graphs with the same nodes (labels and typed
 * properties) and the same relationships (type, typed properties, and the content of both ends),
 * whatever their internal ids. Each node and relationship is hashed on its own and the hashes are
 * added modulo 2^256 (a multiset hash), so the graph streams through in any order. Relationships
 * stream in constant memory; nodes leave a short content digest per node (about 150 bytes each)
 * by which relationships name their ends. Types count: 1 and 1.0, or "2025-01-01" and
 * date("2025-01-01"), hash differently. Run it on a quiet database.
 */
export async function graphFingerprint(db: Database): Promise<GraphFingerprint> {
  let nodes = 0;
  let relationships = 0;
  let properties = 0;
  let nodeSum = 0n;
  let relationshipSum = 0n;
  const nodeDigests = new Map<string, string>();

  for await (const row of db.stream(STREAM_NODES)) {
    const props = checkEncodedProperties(row.properties, "a node");
    const hex = sha256(`N${canonicalNode(row.labels as string[], props)}`);
    nodeSum = (nodeSum + BigInt(`0x${hex}`)) % modulus;
    // 128 bits name a node's content well enough for the relationships' ends.
    nodeDigests.set(String(row.key), hex.slice(0, 32));
    nodes++;
    properties += props.length;
  }
  for await (const row of db.stream(STREAM_RELATIONSHIPS)) {
    const props = checkEncodedProperties(row.properties, "a relationship");
    const start = nodeDigests.get(String(row.start));
    const end = nodeDigests.get(String(row.end));
    if (start === undefined || end === undefined) {
      throw new Error(
        "The graph changed while its fingerprint was taken (a relationship to a node created meanwhile): try again on a quiet database.",
      );
    }
    relationshipSum =
      (relationshipSum + BigInt(`0x${sha256(`R${canonicalJson([row.type, sortProperties(props), start, end])}`)}`)) % modulus;
    relationships++;
    properties += props.length;
  }

  const hash = createHash("sha256")
    .update(`${nodes}|${relationships}|${properties}|${nodeSum.toString(16)}|${relationshipSum.toString(16)}`)
    .digest("hex");
  return { nodes, relationships, properties, hash };
}

function canonicalNode(labels: string[], properties: EncodedProperty[]): string {
  return canonicalJson([[...labels].sort(), sortProperties(properties)]);
}

function sortProperties(properties: EncodedProperty[]): EncodedProperty[] {
  return [...properties].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** JSON with object keys sorted (point values are maps), so equal content gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
