import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { WarmPathsResolver, type WarmPathsArgs } from "../../server/domains/network/WarmPathsResolver.js";
import type { GraphQLContext, OffThreadAnalytics } from "../../server/platform/graphql/context.js";

/**
 * Where warmPaths goes (server/domains/network/WarmPathsResolver.ts, issue #19 part 2): from given people to the
 * analytics worker when it searches in memory (its answer equals findWarmPaths': the in-memory integration test), from
 * the coordinators always. No database here: a request routed to the worker touches none on this thread.
 */
function routed(searchesInMemory: boolean) {
  const calls: Array<{ operation: string; args: Record<string, unknown> }> = [];
  const analytics: OffThreadAnalytics = {
    searchesWarmPathsInMemory: searchesInMemory,
    run: (operation, args) => {
      calls.push({ operation, args });
      return Promise.resolve([]);
    },
  };
  // The context's database is never reached on these routes: a value that fails if it were.
  const ctx = { analytics, db: null } as unknown as GraphQLContext;
  return { calls, ctx };
}

const args = (more: Partial<WarmPathsArgs>): WarmPathsArgs =>
  ({ to: "t", fromMe: false, k: 3, maxHops: 4, minStrength: 0, ...more }) as WarmPathsArgs;

describe("warmPaths routing", () => {
  it("sends warmPaths from given people to the worker when it searches in memory", async () => {
    const { calls, ctx } = routed(true);
    await new WarmPathsResolver().warmPaths(args({ from: ["a"] }), ctx);
    expect(calls).toEqual([{ operation: "warmPaths", args: expect.objectContaining({ to: "t", from: ["a"] }) }]);
  });

  it("sends warmPaths from the coordinators to the worker either way", async () => {
    for (const inMemory of [true, false]) {
      const { calls, ctx } = routed(inMemory);
      await new WarmPathsResolver().warmPaths(args({}), ctx);
      expect(calls.map((c) => c.operation)).toEqual(["warmPaths"]);
    }
  });

  it("keeps from given people on this thread when the worker searches in Neo4j", async () => {
    const { calls, ctx } = routed(false);
    // findWarmPaths on this thread: it reaches for the (absent) database.
    await expect(new WarmPathsResolver().warmPaths(args({ from: ["a"] }), ctx)).rejects.toThrow();
    expect(calls).toEqual([]);
  });

  it("refuses from together with fromMe before anything runs", async () => {
    const { calls, ctx } = routed(true);
    await expect(new WarmPathsResolver().warmPaths(args({ from: ["a"], fromMe: true }), ctx)).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "fromMe",
    });
    expect(calls).toEqual([]);
  });
});
