import { Kind, parse } from "graphql";

/** Which type definitions are nodes and which are relationship properties (for the input walker and the guard). */
export interface GraphShape {
  nodeTypes: ReadonlySet<string>;
  relationshipPropertyTypes: ReadonlySet<string>;
}

export function readGraphShape(typeDefs: string): GraphShape {
  const nodeTypes = new Set<string>();
  const relationshipPropertyTypes = new Set<string>();
  for (const def of parse(typeDefs).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const names = (def.directives ?? []).map((d) => d.name.value);
    if (names.includes("node")) nodeTypes.add(def.name.value);
    if (names.includes("relationshipProperties")) relationshipPropertyTypes.add(def.name.value);
  }
  return { nodeTypes, relationshipPropertyTypes };
}
