import express from "express";
import { buildSchema, execute, parse, type DocumentNode, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { guardSchema, SelectionVerdicts } from "../../server/platform/auth/guard-schema.js";
import type { Role } from "../../server/platform/auth/roles.js";
import { BoundedCache } from "../../server/platform/graphql/bounded-cache.js";
import { checkNesting } from "../../server/platform/limits/check-nesting.js";
import { DocumentCosts } from "../../server/platform/limits/limit-operations.js";

/**
 * What #19 part 3 keeps between requests, and what each kept thing is keyed by: the guard's verdict per field node,
 * roles and variables; the cost per document, operation name, variables and reading of the graph's counts; the
 * nesting scan per document text. Each test asks the same key twice (worked out once) and every other key (worked out
 * again, with its own answer). tests/integration/document-cache-roles.int.test.ts asks the same through the server.
 */

describe("BoundedCache", () => {
  it("keeps at most its size, dropping the least recently used", () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });
});

/** A stand-in for the resolve info the verdicts read: the field's node(s) and the coerced variables. */
function infoOf(document: DocumentNode, variableValues: Record<string, unknown> = {}, nodes = 1): GraphQLResolveInfo {
  const operation = document.definitions[0];
  if (operation?.kind !== "OperationDefinition") throw new Error("an operation first");
  const fieldNodes = operation.selectionSet.selections.slice(0, nodes);
  return { fieldNodes, variableValues } as unknown as GraphQLResolveInfo;
}

describe("SelectionVerdicts (guard-schema.ts): per field node, roles and variables", () => {
  const document = parse(`query ($text: Boolean!) { cases { title question @include(if: $text) } }`);
  const counting = () => {
    let calls = 0;
    return {
      calls: () => calls,
      compute: (verdict: ReturnType<Parameters<SelectionVerdicts["verdict"]>[2]>) => () => {
        calls++;
        return verdict;
      },
    };
  };

  it("works a key out once, and each other roles or variables again", () => {
    const verdicts = new SelectionVerdicts();
    const count = counting();
    const refused = { type: "Case", field: "question", how: "read" } as const;
    const viewer: Role[] = ["VIEWER"];
    expect(verdicts.verdict(infoOf(document, { text: true }), viewer, count.compute(refused))).toEqual(refused);
    expect(verdicts.verdict(infoOf(document, { text: true }), viewer, count.compute(null))).toEqual(refused);
    expect(count.calls()).toBe(1);
    // Another role, the same document and variables: its own verdict.
    expect(verdicts.verdict(infoOf(document, { text: true }), ["COORDINATOR"], count.compute(null))).toBeNull();
    // The same role, other variables: its own verdict.
    expect(verdicts.verdict(infoOf(document, { text: false }), viewer, count.compute(null))).toBeNull();
    // Anonymous is a key of its own too.
    expect(verdicts.verdict(infoOf(document, { text: true }), undefined, count.compute(refused))).toEqual(refused);
    expect(count.calls()).toBe(4);
    // And the first key still has its own.
    expect(verdicts.verdict(infoOf(document, { text: true }), viewer, count.compute(null))).toEqual(refused);
    expect(verdicts.verdict(infoOf(document, { text: true }), ["COORDINATOR"], count.compute(refused))).toBeNull();
    expect(count.calls()).toBe(4);
  });

  it("takes roles as a set, keeps nothing across documents, and works merged field nodes out every time", () => {
    const verdicts = new SelectionVerdicts();
    const count = counting();
    verdicts.verdict(infoOf(document), ["VIEWER", "ANALYST"], count.compute(null));
    verdicts.verdict(infoOf(document), ["ANALYST", "VIEWER"], count.compute(null));
    expect(count.calls()).toBe(1);
    // The same text parsed again (a document Apollo's cache dropped): other nodes, worked out again.
    verdicts.verdict(
      infoOf(parse(`query ($text: Boolean!) { cases { title question @include(if: $text) } }`)),
      ["VIEWER"],
      count.compute(null),
    );
    expect(count.calls()).toBe(2);
    const twice = parse(`{ cases { title } cases { question } }`);
    verdicts.verdict(infoOf(twice, {}, 2), ["VIEWER"], count.compute(null));
    verdicts.verdict(infoOf(twice, {}, 2), ["VIEWER"], count.compute(null));
    expect(count.calls()).toBe(4);
  });
});

describe("guardSchema with one parsed document for every request", () => {
  const schema = guardSchema(
    buildSchema(`
      type Case { id: ID title: String question: String }
      input CaseWhere { title: String question: String }
      type Query { cases(where: CaseWhere): [Case!]! }
    `),
    { shape: { nodeTypes: new Set(["Case"]), relationshipPropertyTypes: new Set() } },
  );
  const cases = [{ id: "c1", title: "Webshop", question: "vrije tekst" }];
  const rootValue = { cases: () => cases };
  const run = (document: DocumentNode, roles: Role[] | undefined, variableValues: Record<string, unknown> = {}) =>
    execute({
      schema,
      document,
      rootValue,
      variableValues,
      contextValue: roles ? { user: { id: "u", roles } } : {},
    });
  const answer = async (...args: Parameters<typeof run>) => {
    const result = await run(...args);
    return result.errors
      ? `${String(result.errors[0]?.extensions?.code)} ${result.errors[0]?.message}`
      : JSON.stringify(result.data);
  };

  it("refuses and answers per role and variables, in any order, on the same DocumentNode", async () => {
    const read = parse(`query ($text: Boolean!) { cases { title question @include(if: $text) } }`);
    for (let round = 0; round < 2; round++) {
      expect(await answer(read, ["COORDINATOR"], { text: true })).toBe(
        '{"cases":[{"title":"Webshop","question":"vrije tekst"}]}',
      );
      expect(await answer(read, ["VIEWER"], { text: true })).toBe("FORBIDDEN Your role may not read Case.question.");
      expect(await answer(read, ["VIEWER"], { text: false })).toBe('{"cases":[{"title":"Webshop"}]}');
      expect(await answer(read, undefined, { text: false })).toMatch(/^UNAUTHENTICATED/);
    }
  });

  it("decides a filter on a protected field by the variables' values, not the document alone", async () => {
    const filter = parse(`query ($where: CaseWhere) { cases(where: $where) { title } }`);
    for (let round = 0; round < 2; round++) {
      expect(await answer(filter, ["VIEWER"], { where: { title: "Webshop" } })).toBe('{"cases":[{"title":"Webshop"}]}');
      expect(await answer(filter, ["VIEWER"], { where: { question: "vrij" } })).toBe(
        "FORBIDDEN Your role may not filter or sort on question.",
      );
      expect(await answer(filter, ["COORDINATOR"], { where: { question: "vrij" } })).toBe('{"cases":[{"title":"Webshop"}]}');
    }
  });
});

describe("DocumentCosts (limit-operations.ts): per document, operation name, variables and counts reading", () => {
  it("works a key out once, and each other operation name, variables or reading again", () => {
    const costs = new DocumentCosts();
    const document = parse(`query A($n: Int) { cases(limit: $n) { id } } query B { cases { id } }`);
    let calls = 0;
    const compute = (cost: number) => () => {
      calls++;
      return { cost, expensive: [] };
    };
    expect(costs.cost(document, "A", { n: 5 }, 1, compute(6)).cost).toBe(6);
    expect(costs.cost(document, "A", { n: 5 }, 1, compute(99)).cost).toBe(6);
    expect(calls).toBe(1);
    expect(costs.cost(document, "A", { n: 50 }, 1, compute(51)).cost).toBe(51);
    expect(costs.cost(document, "B", {}, 1, compute(1000)).cost).toBe(1000);
    // A new reading of the graph's counts: worked out again.
    expect(costs.cost(document, "A", { n: 5 }, 2, compute(7)).cost).toBe(7);
    // Another parse of the same text: nothing kept for it.
    expect(costs.cost(parse(`query A($n: Int) { cases(limit: $n) { id } }`), "A", { n: 5 }, 2, compute(8)).cost).toBe(8);
    expect(calls).toBe(5);
  });

  it("keeps no refusal: a failing walk is asked again", () => {
    const costs = new DocumentCosts();
    const document = parse(`{ cases { id } }`);
    let calls = 0;
    const fail = () => {
      calls++;
      throw new Error("PAGE_TOO_LARGE");
    };
    expect(() => costs.cost(document, undefined, {}, 1, fail)).toThrow("PAGE_TOO_LARGE");
    expect(() => costs.cost(document, undefined, {}, 1, fail)).toThrow("PAGE_TOO_LARGE");
    expect(calls).toBe(2);
  });
});

describe("checkNesting: the scan kept per text, the variables checked per request", () => {
  const limits = { maxInputDepth: 3, maxSelectionNesting: 4, maxTokens: 10_000, maxAliases: 2 };
  const handler = checkNesting(limits);
  const app = express();
  app.use(express.json());
  app.post("/", handler, (_req, res) => {
    res.json({ passed: true });
  });

  async function post(query: string, variables?: Record<string, unknown>): Promise<unknown> {
    const server = app.listen(0);
    try {
      await new Promise<void>((resolve) => server.once("listening", () => resolve()));
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { passed?: boolean; errors?: Array<{ extensions?: { code?: string } }> };
      return body.passed ? "passed" : body.errors?.[0]?.extensions?.code;
    } finally {
      server.close();
    }
  }

  it("refuses the same too-deep text every time, and still checks each request's variables", async () => {
    const deep = `{ a { b { c { d { e } } } } }`;
    expect(await post(deep)).toBe("QUERY_TOO_DEEP");
    expect(await post(deep)).toBe("QUERY_TOO_DEEP");
    const query = `query ($w: W) { a(where: $w) { b } }`;
    expect(await post(query, { w: { x: 1 } })).toBe("passed");
    expect(await post(query, { w: { x: { y: { z: { deeper: 1 } } } } })).toBe("BAD_USER_INPUT");
    expect(await post(query, { w: { x: 1 } })).toBe("passed");
  });
});
