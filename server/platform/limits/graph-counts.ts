import { Kind, parse, type ConstDirectiveNode, type TypeNode } from "graphql";
import type { Database } from "../neo4j/database.js";
import { countGraphStatement, type CountedRelationship } from "./statements.js";

/**
 * How many nodes of each label and how many relationships of each type the graph holds, read from
 * Neo4j's count store (no node is touched) and kept for a while: what the cost estimate multiplies
 * lists by instead of a fixed guess, so ordinary nested queries pass and floods are still refused.
 */

/** One relationship field of a node type, as schema/graph.graphql declares it. */
interface RelationshipField {
  label: string;
  type: string;
  directions: Array<"OUT" | "IN">;
}

/** Every `@relationship` field of every `@node` type: `Type.field` → its label, type and directions. */
export function readRelationshipFields(typeDefs: string): Map<string, RelationshipField> {
  const fields = new Map<string, RelationshipField>();
  const argument = (directive: ConstDirectiveNode, name: string): string | undefined => {
    const value = directive.arguments?.find((a) => a.name.value === name)?.value;
    return value && (value.kind === Kind.STRING || value.kind === Kind.ENUM) ? value.value : undefined;
  };
  const isList = (type: TypeNode): boolean =>
    type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && isList(type.type));
  for (const def of parse(typeDefs).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || !def.directives?.some((d) => d.name.value === "node")) continue;
    for (const field of def.fields ?? []) {
      const relationship = field.directives?.find((d) => d.name.value === "relationship");
      if (!relationship || !isList(field.type)) continue;
      const type = argument(relationship, "type");
      const direction = argument(relationship, "direction");
      if (!type || (direction !== "OUT" && direction !== "IN")) continue;
      const undirected = argument(relationship, "queryDirection") === "UNDIRECTED";
      fields.set(`${def.name.value}.${field.name.value}`, {
        label: def.name.value,
        type,
        directions: undirected ? ["OUT", "IN"] : [direction],
      });
    }
  }
  return fields;
}

/** The counts as of one reading; synchronous, for the estimators. */
export interface GraphCounts {
  /** Nodes with this label; undefined before the first reading or for an unknown label. */
  nodes(label: string): number | undefined;
  /**
   * How many items the relationship list `Type.field` holds per node, estimated as twice the mean
   * (relationships ÷ nodes, rounded up, at least 1), so skewed lists are not under-counted much;
   * undefined when the field is not a relationship or nothing was read yet.
   */
  fanOut(typeName: string, field: string): number | undefined;
}

/** How much a mean fan-out is multiplied by (docs/security.md). */
export const FAN_OUT_FACTOR = 2;

export class GraphCountStore implements GraphCounts {
  private counts = new Map<string, number>();
  private readAt = -Infinity;
  private reading: Promise<void> | undefined;
  private readonly statement: string;
  /** How many readings have replaced the counts: a cost worked out from one reading is kept until the next (limit-operations.ts). */
  private readings = 0;

  constructor(
    private readonly db: Database,
    private readonly fields: Map<string, RelationshipField>,
    /** How long a reading is used before the next request reads again (COUNT_CACHE_TTL_MS). */
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    const labels = [...new Set([...fields.values()].map((f) => f.label))].sort();
    const relationships = new Map<string, CountedRelationship>();
    for (const { label, type, directions } of fields.values()) {
      for (const direction of directions) relationships.set(`${label}${direction}${type}`, { label, type, direction });
    }
    this.statement = countGraphStatement(labels, [...relationships.values()]);
  }

  /**
   * The counts, read again when the last reading is older than the TTL: the first reading is waited
   * for, later ones run behind the request (it uses the previous counts), one at a time. A failed
   * reading keeps the old counts (or none: the estimate falls back to its fixed sizes) and is tried
   * again after the TTL, so requests do not wait on an unreachable Neo4j again and again.
   */
  async fresh(): Promise<GraphCounts> {
    if (this.now() - this.readAt < this.ttlMs) return this;
    const first = this.readAt === -Infinity;
    this.reading ??= this.db
      .read(this.statement)
      .then((rows) => {
        this.counts = new Map(rows.map((r) => [String(r.key), Number(r.n)]));
        this.readings++;
      })
      .catch(() => {
        // Neo4j away: the request itself will say so; the estimate keeps what it had.
      })
      .finally(() => {
        this.readAt = this.now();
        this.reading = undefined;
      });
    if (first) await this.reading;
    return this;
  }

  /** Which reading the counts are from (0: none yet). */
  get version(): number {
    return this.readings;
  }

  nodes(label: string): number | undefined {
    return this.counts.get(label);
  }

  fanOut(typeName: string, field: string): number | undefined {
    const relationship = this.fields.get(`${typeName}.${field}`);
    const nodes = this.counts.get(typeName);
    if (!relationship || nodes === undefined) return undefined;
    let total = 0;
    for (const direction of relationship.directions) {
      total += this.counts.get(`${relationship.label}${direction === "OUT" ? ">" : "<"}${relationship.type}`) ?? 0;
    }
    return Math.max(1, Math.ceil((FAN_OUT_FACTOR * total) / Math.max(1, nodes)));
  }
}
