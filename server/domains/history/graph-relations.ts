import { Kind, parse, type TypeNode } from "graphql";

/** One relationship field of schema/graph.graphql, as the history snapshots follow it. */
export interface RelationField {
  type: string;
  direction: "OUT" | "IN" | "BOTH";
  target: string;
  /** The @relationshipProperties type, when the relationship has properties. */
  properties?: string;
}

export type GraphRelations = ReadonlyMap<string, ReadonlyMap<string, RelationField>>;

function namedOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedOf(type.type);
}

/** Node type → relationship field → how it is stored, read from the type definitions. */
export function readGraphRelations(typeDefs: string): GraphRelations {
  const relations = new Map<string, Map<string, RelationField>>();
  for (const def of parse(typeDefs).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const fields = new Map<string, RelationField>();
    for (const field of def.fields ?? []) {
      const directive = (field.directives ?? []).find((d) => d.name.value === "relationship");
      if (!directive) continue;
      const arg = (name: string) => {
        const value = directive.arguments?.find((a) => a.name.value === name)?.value;
        return value && (value.kind === Kind.STRING || value.kind === Kind.ENUM) ? value.value : undefined;
      };
      const direction = arg("queryDirection") === "UNDIRECTED" ? "BOTH" : arg("direction") === "IN" ? "IN" : "OUT";
      const properties = arg("properties");
      fields.set(field.name.value, {
        type: arg("type") ?? "",
        direction,
        target: namedOf(field.type),
        ...(properties ? { properties } : {}),
      });
    }
    relations.set(def.name.value, fields);
  }
  return relations;
}
