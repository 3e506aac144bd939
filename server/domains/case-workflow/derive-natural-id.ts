import { createHash } from "node:crypto";

/**
 * A stable UUID-shaped id from a natural key (an SME's name + city, a partner's name). MERGE on a
 * property with a unique constraint is the one way Neo4j guarantees no duplicates under concurrent
 * writes; name + city has no constraint of its own, but `id` has, so the key becomes the id.
 */
export function deriveNaturalId(kind: string, ...parts: Array<string | null>): string {
  const key = [kind, ...parts.map((p) => normaliseKey(p))].join("|");
  const hex = createHash("sha256").update(key).digest("hex");
  // Version 5 / RFC 4122 variant bits, so it reads as a UUID like the generated ids.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The form natural keys are compared in, the same as Cypher's toLower(trim(x)): trimmed, lower case. */
export function normaliseKey(value: string | null | undefined): string {
  return (value ?? "").trim().toLowerCase();
}
