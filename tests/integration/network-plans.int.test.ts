import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { READ_WARM_NEIGHBOURS, WRITE_REDERIVED_TIES } from "../../server/domains/network/statements.js";
import { connectTestDatabase } from "../helpers/neo4j.js";

/**
 * Plans that must not depend on the graph's size when they were made. Neo4j keeps a plan until the counts it was made on
 * have moved far enough (the test Neo4j keeps them for the run); planned on a small graph, the warm-neighbour read sought
 * every warm tie of the database through the KNOWS(strength) index for each person and kept only that person's — on
 * 15,000 people an embedding did not end in 150 s (network-analytics-worker, session 13). Expanding from the person is
 * right at every size. EXPLAIN shows the plan Neo4j would use now: the one it holds, or a new one on this graph.
 */
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

async function operators(statement: string, params: Record<string, unknown>): Promise<string[]> {
  const session = db.driver.session(db.sessionConfig("READ"));
  try {
    const result = await session.run(`EXPLAIN ${statement}`, params);
    const walk = (node: PlanNode): string[] => [
      `${node.operatorType} ${String(node.arguments.Details ?? "")}`,
      ...node.children.flatMap(walk),
    ];
    return walk(result.summary.plan as unknown as PlanNode);
  } finally {
    await session.close();
  }
}

describe("plans that hold at any size", () => {
  it("reads a person's warm neighbours by expanding from them, never through the KNOWS(strength) index", async () => {
    const plan = await operators(READ_WARM_NEIGHBOURS, { ids: ["nobody-1", "nobody-2"], threshold: 0.5 });
    expect(plan.some((op) => op.startsWith("Expand"))).toBe(true);
    expect(plan.filter((op) => /RelationshipIndex/.test(op))).toEqual([]);
  });

  it("writes a re-derived strength to the one tie by its id, never through the KNOWS(strength) index", async () => {
    const plan = await operators(WRITE_REDERIVED_TIES, {
      updates: [{ tie: "no-such-tie", strength: 0.5, base: 0.5, previousStrength: 0.4 }],
    });
    expect(plan.filter((op) => /RelationshipIndex/.test(op))).toEqual([]);
  });
});
