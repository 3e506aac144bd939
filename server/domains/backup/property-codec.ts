import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

/**
 * How property values travel through a backup file. The driver helpers turn temporal values into
 * strings, which would lose their type; so Cypher (STREAM_NODES, STREAM_RELATIONSHIPS) tags every
 * property with its type (valueType) and writes temporal values in Cypher's own ISO form, which the
 * matching function (date(), datetime(), duration(), …) parses back exactly. A property is [key, type, value], e.g.
 * ["since", "DATE", "2024-05-01"], ["tags", "LIST<STRING>", ["a", "b"]].
 */

export type EncodedProperty = [key: string, type: string, value: unknown];

const scalarTypes = new Set([
  "INTEGER",
  "FLOAT",
  "STRING",
  "BOOLEAN",
  "DATE",
  "ZONED DATETIME",
  "LOCAL DATETIME",
  "ZONED TIME",
  "LOCAL TIME",
  "DURATION",
  "POINT",
]);

/** Types that arrive in Neo4j unchanged when sent as plain JSON values through the driver. */
const plainTypes = new Set(["STRING", "BOOLEAN", "LIST<STRING>", "LIST<BOOLEAN>", "LIST<NOTHING>"]);

/** JSON has no NaN or infinities: floats that are not finite travel as strings ("NaN", "Infinity"). */
function jsonSafeFloat(value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
}

/**
 * Checks the types Cypher reported and makes the values JSON-safe. Throws for a type the backup
 * cannot carry (a byte array, say) rather than writing a file that would restore something else.
 */
export function checkEncodedProperties(properties: unknown, where: string): EncodedProperty[] {
  if (!Array.isArray(properties)) throw new DomainError(ErrorCode.BAD_FILE, `Properties of ${where} are not a list.`);
  return properties.map((entry) => {
    const [key, type, value] = entry as [string, string, unknown];
    const element = elementType(type);
    if (!scalarTypes.has(element ?? type) && type !== "LIST<NOTHING>") {
      throw new DomainError(
        ErrorCode.UNSUPPORTED_TYPE,
        `Property "${key}" of ${where} has type ${type}, which the backup cannot carry.`,
      );
    }
    if (type === "FLOAT") return [key, type, jsonSafeFloat(value)];
    if (type === "LIST<FLOAT>" && Array.isArray(value)) return [key, type, value.map(jsonSafeFloat)];
    return [key, type, value];
  });
}

function elementType(type: string): string | undefined {
  return type.startsWith("LIST<") && type.endsWith(">") ? type.slice(5, -1) : undefined;
}

/** A name as a Cypher identifier: backticks, with backticks inside doubled. */
export function quoteName(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}

/** True when values of this type reach Neo4j unchanged as plain JSON values sent by the driver. */
function isPlain(type: string): boolean {
  return plainTypes.has(type);
}

function decodeScalarCypher(type: string, v: string): string {
  switch (type) {
    case "INTEGER":
      return `toInteger(${v})`;
    // toFloat also reads the "NaN" and "Infinity" strings that stand in for non-finite floats.
    case "FLOAT":
      return `toFloat(${v})`;
    case "DATE":
      return `date(${v})`;
    case "ZONED DATETIME":
      return `datetime(${v})`;
    case "LOCAL DATETIME":
      return `localdatetime(${v})`;
    case "ZONED TIME":
      return `time(${v})`;
    case "LOCAL TIME":
      return `localtime(${v})`;
    case "DURATION":
      return `duration(${v})`;
    case "POINT":
      return `CASE WHEN ${v}.z IS NULL THEN point({srid: toInteger(${v}.srid), x: ${v}.x, y: ${v}.y})
        ELSE point({srid: toInteger(${v}.srid), x: ${v}.x, y: ${v}.y, z: ${v}.z}) END`;
    default:
      return v;
  }
}

/**
 * A Cypher expression that turns the JSON value `v` of a property of `type` back into its Neo4j
 * type, e.g. date($p1[i]) for a DATE, [e IN $p2[i] | toInteger(e)] for a LIST<INTEGER>.
 */
export function decodeCypher(type: string, v: string): string {
  if (isPlain(type)) return v;
  const element = elementType(type);
  if (element) return `[e IN ${v} | ${decodeScalarCypher(element, "e")}]`;
  return decodeScalarCypher(type, v);
}
