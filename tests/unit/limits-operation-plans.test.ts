import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { checkOperationLimits, OperationPlans } from "../../server/platform/limits/limit-operations.js";

/** The per-document plan of the operation limits: made once, applied to each request's variables. */
const schema = buildSchema(`
  type Query { things(limit: Int): [Thing!]! thing: Thing }
  type Thing { name: String parts(limit: Int): [Thing!]! }
`);
const limits = { maxDepth: 5, maxCost: 100, maxPageSize: 10 };
const document = parse(`query Q($a: Int, $b: Int) { things(limit: $a) { name parts(limit: $b) { name } } thing { name } }`);
// things: a × (1 + name 1 + b × (1 + name 1)) ; thing: 1 + 1
const expected = (a: number, b: number) => Math.max(1, a) * (2 + Math.max(1, b) * 2) + 2;

describe("OperationPlans", () => {
  it("makes one plan per document and operation, and reads the variables on every check", () => {
    const plans = new OperationPlans(limits);
    const plan = plans.planFor(schema, document, "Q");
    expect(plans.planFor(schema, document, "Q")).toBe(plan);
    expect(plan?.depth).toBe(3);
    for (const [a, b] of [
      [1, 1],
      [3, 4],
      [0, 10],
      [5, 0],
    ] as const) {
      const cost = expected(a, b);
      if (cost <= limits.maxCost) {
        expect(plans.check(schema, document, "Q", { a, b })).toEqual({ depth: 3, cost });
      } else {
        expect(() => plans.check(schema, document, "Q", { a, b })).toThrow(/could cost/);
      }
      // The uncached check agrees.
      if (cost <= limits.maxCost)
        expect(checkOperationLimits(schema, document, "Q", { a, b }, limits)).toEqual({ depth: 3, cost });
    }
  });

  it("refuses over-limit variables with a plan made for small ones", () => {
    const plans = new OperationPlans(limits);
    expect(plans.check(schema, document, "Q", { a: 1, b: 1 }).cost).toBe(expected(1, 1));
    expect(() => plans.check(schema, document, "Q", { a: 11, b: 1 })).toThrow(
      /things: limit must be between 0 and 10 \(asked 11\)/,
    );
    expect(() => plans.check(schema, document, "Q", { a: 1, b: -2 })).toThrow(/parts: limit must be between 0 and 10/);
    expect(() => plans.check(schema, document, "Q", { a: 10, b: 10 })).toThrow(/could cost 222 \(at most 100\)/);
    // No variables: the top-level list counts at maxPageSize, the nested one at 20.
    expect(() => plans.check(schema, document, "Q", {})).toThrow(/could cost 422/);
    expect(plans.check(schema, document, "Q", { a: 2, b: 2 }).cost).toBe(expected(2, 2));
  });
});
