import { execute, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { serialiseAnalytics } from "../../server/platform/limits/serialise-analytics.js";

/**
 * One request's analytics run one after the other (server/platform/limits/serialise-analytics.ts): graphql-js
 * resolves root query fields side by side, which put two path searches of one user on Neo4j at once.
 */
function schemaWith(log: string[], running: { now: number; most: number }) {
  const slow =
    (name: string, fail = false) =>
    async () => {
      running.now++;
      running.most = Math.max(running.most, running.now);
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push(`end ${name}`);
      running.now--;
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
  const expensive = { cost: { cost: () => 1, expensive: true } };
  return serialiseAnalytics(
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: "Query",
        fields: {
          a: { type: GraphQLString, extensions: expensive, resolve: slow("a") },
          b: { type: GraphQLString, extensions: expensive, resolve: slow("b", true) },
          c: { type: GraphQLString, extensions: expensive, resolve: slow("c") },
          cheap: { type: GraphQLString, extensions: { cost: { cost: () => 1 } }, resolve: () => "cheap" },
        },
      }),
    }),
  );
}

describe("serialiseAnalytics", () => {
  it("runs a request's expensive root fields one at a time, in order, also after one fails", async () => {
    const log: string[] = [];
    const running = { now: 0, most: 0 };
    const result = await execute({ schema: schemaWith(log, running), document: parse("{ a b c cheap }"), contextValue: {} });
    expect(running.most).toBe(1);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(result.data).toEqual({ a: "a", b: null, c: "c", cheap: "cheap" });
    expect(result.errors?.[0]?.message).toBe("b failed");
  });

  it("does not make two requests wait for each other", async () => {
    const log: string[] = [];
    const running = { now: 0, most: 0 };
    const schema = schemaWith(log, running);
    await Promise.all([
      execute({ schema, document: parse("{ a }"), contextValue: {} }),
      execute({ schema, document: parse("{ c }"), contextValue: {} }),
    ]);
    expect(running.most).toBe(2);
  });
});
