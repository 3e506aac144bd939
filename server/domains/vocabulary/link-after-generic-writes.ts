import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { rootFieldPolicy } from "../../platform/auth/guard-schema.js";
import { nowIso } from "../../platform/clock/read-clock.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { readGraphShape } from "../../platform/validation/read-graph-shape.js";
import { selectGeneratedIds } from "../../platform/validation/select-generated-ids.js";
import { linkStaleTopics, type TopicOwner } from "./link-topics.js";

type Resolver = GraphQLFieldResolver<unknown, GraphQLContext>;

/** More cases than this in one updateCases (the history refuses over 1,000 anyway): check them all instead. */
const MAX_TOUCHED_CASES = 1000;

/**
 * Case and course editing through the generated API (updateCases, createCourses, updateCourses, a course created
 * inside a programme, …) writes the free-text words; this wrapper links them to topics after the generated
 * resolver ran, in the same request transaction (linkStaleTopics: only nodes whose words changed).
 *
 * Cases are only checked after updateCases (no other generated mutation can write a case's topics), and only the
 * cases it touches: their ids are selected with the update's own `where` before it runs (selectGeneratedIds, the
 * generated list query's filter), so an edit of one case reads one case, not all 50,000 of the L graph
 * (tests/integration/vocabulary-admin.int.test.ts counts the rows read). Courses are checked after every generated
 * create or update, since a course can be created nested in a programme, period, person or agreement; that check
 * reads the courses' words (10,000 on the L graph: a few milliseconds), not their links.
 */
export function linkTopicsAfterGenericWrites(schema: GraphQLSchema, typeDefs: string): GraphQLSchema {
  const shape = readGraphShape(typeDefs);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    if (rootFieldPolicy("mutation", field, shape).kind !== "generated-write") continue;
    if (!/^(create|update)/.test(field.name)) continue;
    const labels: TopicOwner[] = field.name === "updateCases" ? ["Case"] : ["Course"];
    const original = (field.resolve ?? defaultFieldResolver) as Resolver;
    field.resolve = async (source, args: Record<string, unknown>, ctx: GraphQLContext, info) => {
      let ids: string[] | null = null;
      if (field.name === "updateCases") {
        // Before the update: a `where` on the words it changes would select other cases afterwards.
        const selected = await selectGeneratedIds("cases", args.where, MAX_TOUCHED_CASES, ctx, info);
        ids = selected.length > MAX_TOUCHED_CASES ? null : selected;
      }
      const result: unknown = await original(source, args, ctx, info);
      await ctx.db.writeTx((tx) => linkStaleTopics(tx, nowIso(), { labels, ids }));
      return result;
    };
  }
  return schema;
}
