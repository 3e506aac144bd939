import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSchema } from "type-graphql";
import { customResolvers } from "../../server/app/build-schema.js";
import { listen, type RunningHttp } from "../../server/app/listen.js";
import { checkAuth } from "../../server/platform/auth/check-auth.js";
import { loadConfig } from "../../server/platform/config.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { fieldCosts } from "../../server/platform/limits/field-costs.js";
import { loadDemoData } from "../../seed/load-demo.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { codeOf, gql, tokenFor, type RawResponse } from "../helpers/trust-requests.js";
import { testAccounts } from "../helpers/test-accounts.js";

/**
 * Issue #13 part 1, "a cost for everything", against the demo data with the default limits
 * (docs/security.md "Limits"): each reproduction of the issue is refused before it runs, with a
 * code and the field, and other users are served meanwhile; ordinary nested queries pass.
 */
let db: Database;
let server: RunningHttp;
let viewer: string;
let other: string;
let institution: string;
let graphBefore: number;

const env = { NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "100000" };

const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
const nodeCount = async () => Number((await db.read("MATCH (n) RETURN count(n) AS n"))[0]?.n);
const ordinary = `{ institutions(limit: 5, sort: [{ name: ASC }]) { id name } }`;

/** Another user's ordinary query still answers. */
async function othersServed(): Promise<void> {
  const answer = await gql(server.url, ordinary, undefined, other);
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  expect((await fetch(`${server.url}health`)).status).toBe(200);
}

function refusedWith(response: RawResponse, code: string, extra: Record<string, unknown> = {}): void {
  expect(response.body.data ?? undefined).toBeUndefined();
  expect(response.body.errors?.[0]?.extensions).toMatchObject({ code, ...extra });
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await loadDemoData(db);
  server = await listen(loadConfig(env), db, { accounts: testAccounts });
  viewer = await tokenFor(["VIEWER"], "cost-viewer");
  other = await tokenFor(["VIEWER"], "cost-other");
  institution = String((await db.read("MATCH (i:Institution) RETURN i.id AS id ORDER BY id LIMIT 1"))[0]?.id);
  graphBefore = await nodeCount();
}, 180_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
});

describe("the cost of generated fields comes from the graph's counts", () => {
  it("passes institutions { programmes { courses { teachers { name } } } } on the demo data (was refused at 77,023,000)", async () => {
    const nested = await gql(server.url, `{ institutions { programmes { courses { teachers { name } } } } }`, undefined, viewer);
    expect(nested.body.errors).toBeUndefined();
    expect((nested.body.data?.institutions as unknown[]).length).toBeGreaterThan(0);
  });

  it("checks default variable values like sent ones", async () => {
    const withDefault = `query($n: Int = 1000) { people(limit: 100) { knows(limit: $n) { knows(limit: $n) { knows(limit: $n) { name } } } } }`;
    refusedWith(await gql(server.url, withDefault, undefined, viewer), "QUERY_TOO_COMPLEX");
    refusedWith(
      await gql(server.url, withDefault.replace("$n: Int = 1000", "$n: Int"), { n: 1000 }, viewer),
      "QUERY_TOO_COMPLEX",
    );
    const tooLargeDefault = await gql(server.url, `query($n: Int = 5000) { people(limit: $n) { name } }`, undefined, viewer);
    refusedWith(tooLargeDefault, "PAGE_TOO_LARGE", { field: "limit" });
    await othersServed();
  });
});

describe("analytics have a cost, and aliases of them are capped", () => {
  it("refuses 500 aliases of warmPaths(k: 100000, maxHops: 6) before anything runs, three times, and serves others", async () => {
    const flood = aliases(500, `warmPaths(to: "${institution}", k: 100000, maxHops: 6) { score }`);
    for (let i = 0; i < 3; i++) {
      const refused = await gql(server.url, flood, undefined, viewer);
      expect(refused.status).toBe(400);
      refusedWith(refused, "TOO_MANY_ALIASES", { maxAliases: 15 });
    }
    await othersServed();
  });

  it("refuses k above the page cap, and more analytics per request than MAX_EXPENSIVE_FIELDS", async () => {
    const bigK = await gql(server.url, `{ warmPaths(to: "${institution}", k: 100000) { score } }`, undefined, viewer);
    refusedWith(bigK, "PAGE_TOO_LARGE", { field: "k" });
    const four = aliases(4, `warmPaths(to: "${institution}", maxHops: 1) { score }`);
    refusedWith(await gql(server.url, four, undefined, viewer), "TOO_MANY_ALIASES", {
      field: "warmPaths",
      maxExpensiveFields: 3,
    });
    const nextBest = aliases(200, `nextBestContacts(institution: "${institution}", maxHops: 6, limit: 1000) { person { name } }`);
    refusedWith(await gql(server.url, nextBest, undefined, viewer), "TOO_MANY_ALIASES");
    await othersServed();
  });

  it("counts maxHops: three warm path searches at 6 hops cost too much, two are the worst allowed and run", async () => {
    const three = aliases(3, `warmPaths(to: "${institution}", k: 10, maxHops: 6) { score }`);
    refusedWith(await gql(server.url, three, undefined, viewer), "QUERY_TOO_COMPLEX", { maxCost: 2_000_000 });
    const two = await gql(
      server.url,
      aliases(2, `warmPaths(to: "${institution}", k: 10, maxHops: 6) { score }`),
      undefined,
      viewer,
    );
    expect(two.body.errors).toBeUndefined();
    await othersServed();
  });

  it("queues a user's concurrent heavy requests behind their own, refuses beyond the queue (429), and serves another user in turn", async () => {
    // One heavy request at a time in all (the default on 2 cores), two of one user's may wait.
    const capped = await listen(
      loadConfig({ ...env, HEAVY_REQUESTS_PER_USER: "1", HEAVY_REQUESTS_TOTAL: "1", HEAVY_QUEUE_PER_USER: "2" }),
      db,
      { accounts: testAccounts },
    );
    try {
      const heavy = `{ a: warmPaths(to: "${institution}", maxHops: 5) { score } b: embedding(institution: "${institution}", maxHops: 5) { level } }`;
      const ends: Array<{ who: string; at: number; answer: RawResponse }> = [];
      const send = (who: string, token: string) =>
        gql(capped.url, heavy, undefined, token).then((answer) => {
          ends.push({ who, at: performance.now(), answer });
          return answer;
        });
      const mine = Array.from({ length: 5 }, () => send("viewer", viewer));
      // The other user asks after the whole flood, while the viewer's first runs.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const theirs = send("other", other);
      // Ordinary queries never pass the gate: they answer while heavy ones wait.
      const fine = await Promise.all(Array.from({ length: 8 }, () => gql(capped.url, ordinary, undefined, viewer)));
      for (const answer of fine) expect(answer.body.errors).toBeUndefined();
      await Promise.all([...mine, theirs]);

      const viewers = ends.filter((e) => e.who === "viewer");
      const refused = viewers.filter((e) => codeOf(e.answer) === "TOO_MANY_REQUESTS");
      const served = viewers.filter((e) => e.answer.status === 200 && e.answer.body.errors === undefined);
      // One ran, two waited and ran, two found the queue full.
      expect(viewers.map((e) => codeOf(e.answer) ?? "OK").sort()).toEqual([
        "OK",
        "OK",
        "OK",
        "TOO_MANY_REQUESTS",
        "TOO_MANY_REQUESTS",
      ]);
      expect(served.length).toBe(3);
      expect(refused.length).toBe(2);
      expect(refused[0]?.answer.status).toBe(429);
      expect(refused[0]?.answer.body.errors?.[0]?.extensions).toMatchObject({
        reason: "CONCURRENT_HEAVY_REQUESTS",
        queue: "QUEUE_FULL",
        maxQueued: 2,
      });
      // When to try again, in the body and as HTTP's Retry-After.
      const retryAfter = refused[0]?.answer.body.errors?.[0]?.extensions?.retryAfterSeconds;
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(refused[0]?.answer.headers.get("retry-after")).toBe(String(retryAfter));
      // The other user's heavy request was not put behind the viewer's flood: it ended before the viewer's last one.
      const theirEnd = ends.find((e) => e.who === "other");
      expect(theirEnd?.answer.body.errors).toBeUndefined();
      expect(theirEnd!.at).toBeLessThan(Math.max(...served.map((e) => e.at)));
    } finally {
      await capped.close();
    }
  });
});

describe("directives per operation (GraphQL Armor's max-directives)", () => {
  // Inline fragments each with one directive: no aliases, nothing deep, cheap; only the directives count.
  const withDirectives = (count: number) =>
    `{ institutions(limit: 1) { ${Array.from({ length: count }, () => "... @include(if: true) { id }").join(" ")} } }`;

  it("refuses 51 directives with TOO_MANY_DIRECTIVES before anything runs, and runs 50", async () => {
    const refused = await gql(server.url, withDirectives(51), undefined, viewer);
    expect(refused.status).toBe(400);
    refusedWith(refused, "TOO_MANY_DIRECTIVES", { directives: 51, maxDirectives: 50 });
    const allowed = await gql(server.url, withDirectives(50), undefined, viewer);
    expect(allowed.body.errors).toBeUndefined();
    expect((allowed.body.data?.institutions as unknown[]).length).toBe(1);
    await othersServed();
  });
});

describe("anonymous callers and introspection", () => {
  it("refuses 1,500 anonymous databaseStatus aliases, and gives anonymous callers a small budget", async () => {
    const flood = await gql(server.url, aliases(1500, "databaseStatus { reachable }"));
    expect(flood.status).toBe(400);
    refusedWith(flood, "TOO_MANY_ALIASES");
    const few = await gql(server.url, aliases(3, "databaseStatus { reachable }"));
    expect(few.body.errors).toBeUndefined();
    // One sign-in fits an anonymous request (a password hash each), two do not.
    const signIn = `login(email: "nobody@example.test", password: "not the password") { token }`;
    expect(codeOf(await gql(server.url, `{ ${signIn} }`.replace("{", "mutation {")))).not.toBe("QUERY_TOO_COMPLEX");
    refusedWith(await gql(server.url, `mutation { a: ${signIn} b: ${signIn} }`), "QUERY_TOO_COMPLEX", { maxCost: 1_000 });
    // An introspection costs more than an anonymous caller may spend; a signed-in one may ask one.
    const anonymous = await gql(server.url, `{ __schema { types { name fields { name } } } }`);
    refusedWith(anonymous, "QUERY_TOO_COMPLEX", { maxCost: 1_000 });
    const signedIn = await gql(server.url, `{ __schema { types { name fields { name } } } }`, undefined, viewer);
    expect(signedIn.body.errors).toBeUndefined();
  });

  it("bounds introspection: the full query passes once, 400 aliased __schema and nested type loops are refused", async () => {
    const full = await gql(server.url, getIntrospectionQuery(), undefined, viewer);
    expect(full.body.errors).toBeUndefined();
    refusedWith(await gql(server.url, aliases(400, "__schema { types { name } }"), undefined, viewer), "TOO_MANY_ALIASES");
    refusedWith(await gql(server.url, aliases(4, "__schema { queryType { name } }"), undefined, viewer), "TOO_MANY_ALIASES", {
      field: "__schema",
    });
    const loop = `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`;
    // graphql-js's own MaxIntrospectionDepthRule stops loops of fields { type { fields … } } (3 levels).
    const looped = await gql(server.url, loop, undefined, viewer);
    refusedWith(looped, "GRAPHQL_VALIDATION_FAILED");
    expect(looped.body.errors?.[0]?.message).toMatch(/Maximum introspection depth exceeded/);
    await othersServed();
  });
});

describe("deep input is bad input, refused before parsing", () => {
  const deepWhere = (levels: number) => "{ AND: [".repeat(levels) + `{ name: { eq: "x" } }` + "] }".repeat(levels);
  const deepJson = (levels: number): Record<string, unknown> => {
    let value: Record<string, unknown> = { name: { eq: "x" } };
    for (let i = 0; i < levels; i++) value = { AND: [value] };
    return value;
  };

  it("refuses a where nested 1,000 levels deep as BAD_USER_INPUT on `where` (literal, variable, default value)", async () => {
    const literal = await gql(server.url, `{ people(where: ${deepWhere(1000)}) { name } }`, undefined, viewer);
    expect(literal.status).toBe(400);
    refusedWith(literal, "BAD_USER_INPUT", { field: "where" });
    const variable = await gql(
      server.url,
      `query($w: PersonWhere) { people(where: $w) { name } }`,
      { w: deepJson(1000) },
      viewer,
    );
    refusedWith(variable, "BAD_USER_INPUT", { field: "where" });
    const byDefault = await gql(
      server.url,
      `query($w: PersonWhere = ${deepWhere(1000)}) { people(where: $w) { name } }`,
      undefined,
      viewer,
    );
    refusedWith(byDefault, "BAD_USER_INPUT");
    // Selections nested far beyond MAX_QUERY_DEPTH are refused before the parser recurses into them too.
    const deepSelection = await gql(
      server.url,
      "{ people { " + "knows { ".repeat(2000) + "name" + " }".repeat(2001) + " }",
      undefined,
      viewer,
    );
    refusedWith(deepSelection, "QUERY_TOO_DEEP");
    // An ordinary filter a few levels deep is fine.
    const fine = await gql(
      server.url,
      `query($w: PersonWhere) { people(where: $w, limit: 1) { name } }`,
      { w: deepJson(5) },
      viewer,
    );
    expect(fine.body.errors).toBeUndefined();
    await othersServed();
  });

  it("changed nothing in the graph", async () => {
    expect(await nodeCount()).toBe(graphBefore);
  });
});

describe("every custom field has a cost", () => {
  it("finds a @Cost on each custom query and mutation, in the served (merged) schema", async () => {
    // The schema the server serves (built once per process, server/app/create-app.ts appSchema), not a second build.
    const schema = server.app.schema;
    const custom = await buildSchema({ resolvers: customResolvers, validate: false, authChecker: checkAuth });
    const missing: string[] = [];
    for (const root of [custom.getQueryType(), custom.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const served = (root?.name === "Query" ? schema.getQueryType() : schema.getMutationType())?.getFields()[field.name];
        if (!(served?.extensions as { cost?: unknown } | undefined)?.cost) missing.push(field.name);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(fieldCosts).length).toBeGreaterThan(40);
  });
});
