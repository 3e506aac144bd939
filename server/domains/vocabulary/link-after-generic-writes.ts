import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { rootFieldPolicy } from "../../platform/auth/guard-schema.js";
import { nowIso } from "../../platform/clock/read-clock.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { readGraphShape } from "../../platform/validation/read-graph-shape.js";
import { linkStaleTopics, type TopicOwner } from "./link-topics.js";

type Resolver = GraphQLFieldResolver<unknown, GraphQLContext>;

/**
 * Case and course editing through the generated API (updateCases, createCourses, updateCourses, a course created
 * inside a programme, …) writes the free-text words; this wrapper links them to topics after the generated
 * resolver ran, in the same request transaction (linkStaleTopics: only nodes whose words changed). Cases are only
 * checked after updateCases (no other generated mutation can write a case's topics); courses after every generated
 * create or update, since a course can be created nested in a programme, period, person or agreement. The check
 * reads the courses' words (10,000 on the L graph: a few milliseconds), not their links.
 */
export function linkTopicsAfterGenericWrites(schema: GraphQLSchema, typeDefs: string): GraphQLSchema {
  const shape = readGraphShape(typeDefs);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    if (rootFieldPolicy("mutation", field, shape).kind !== "generated-write") continue;
    if (!/^(create|update)/.test(field.name)) continue;
    const labels: TopicOwner[] = field.name === "updateCases" ? ["Case"] : ["Course"];
    const original = (field.resolve ?? defaultFieldResolver) as Resolver;
    field.resolve = async (source, args, ctx: GraphQLContext, info) => {
      const result: unknown = await original(source, args, ctx, info);
      await ctx.db.writeTx((tx) => linkStaleTopics(tx, nowIso(), { labels }));
      return result;
    };
  }
  return schema;
}
