import { Kind, type FieldNode, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import type { GraphQLContext } from "../graphql/context.js";

type Resolver = GraphQLFieldResolver<unknown, GraphQLContext>;

/**
 * Ids of the nodes a generated `where` selects, through the generated list query's own resolver (its filter
 * language, so every filter a generated update or delete accepts is understood): at most `max + 1`, so the
 * caller can tell "more than max". Used by the edit history (record-generic-edits.ts: which nodes an edit
 * touches) and by the vocabulary's sync after updateCases (only the touched cases are re-linked).
 */
export async function selectGeneratedIds(
  listName: string,
  where: unknown,
  max: number,
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  schema: GraphQLSchema = info.schema,
): Promise<string[]> {
  const query = schema.getQueryType();
  const listField = query?.getFields()[listName];
  const listResolve = listField?.resolve as Resolver | undefined;
  if (!query || !listField || !listResolve) return [];
  const variable = "selectedWhere";
  const node: FieldNode = {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: listName },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: "where" },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
      },
      { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "limit" }, value: { kind: Kind.INT, value: String(max + 1) } },
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: "id" } }] },
  };
  const listInfo: GraphQLResolveInfo = {
    ...info,
    fieldName: listName,
    fieldNodes: [node],
    returnType: listField.type,
    parentType: query,
    path: { prev: undefined, key: listName, typename: query.name },
    variableValues: { ...info.variableValues, [variable]: where ?? null },
  };
  const rows = (await listResolve(undefined, { where, limit: max + 1 }, ctx, listInfo)) as Array<{ id: string }>;
  return rows.map((r) => String(r.id));
}
