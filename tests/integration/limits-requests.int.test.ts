import { testAccounts } from "../helpers/test-accounts.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/platform/config.js";
import { listen, type RunningHttp } from "../../server/app/listen.js";
import { anonymousRatePerMinute, burstLimit, REFUSAL_HOLD_MS } from "../../server/platform/limits/limit-rate.js";
import { isTransactionTimeout, type Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { codeOf, gql, postRaw, tokenFor } from "../helpers/trust-requests.js";

/**
 * The limits on one request, each with its documented number (docs/security.md), on a server
 * started with small limits so the tests reach them: depth, page size, cost, tokens, body size,
 * batching, rate, CSRF, query time; and production mode's quiet errors and closed introspection.
 */
let db: Database;
let small: RunningHttp;
let token: string;
const env = {
  NODE_ENV: "test",
  PORT: "0",
  HOST: "127.0.0.1",
  MAX_QUERY_DEPTH: "6",
  MAX_PAGE_SIZE: "3",
  MAX_QUERY_COST: "500",
  MAX_QUERY_TOKENS: "400",
  MAX_BODY_SIZE: "10kb",
  RATE_LIMIT_PER_MINUTE: "1000",
};

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  small = await listen(loadConfig(env), db, { accounts: testAccounts });
  token = await tokenFor(["COORDINATOR"]);
  await db.write("UNWIND range(1, 5) AS i CREATE (:Institution {id: 'inst-' + i, name: 'Institution ' + i, kind: 'HBO'})");
});

afterAll(async () => {
  await small?.close();
  await db?.close();
});

describe("limits on one operation", () => {
  it("refuses an operation nested deeper than MAX_QUERY_DEPTH, fragments included", async () => {
    const ok = await gql(
      small.url,
      `{ people(limit: 1) { knows(limit: 1) { knows(limit: 1) { knows(limit: 1) { knows(limit: 1) { name } } } } } }`,
      undefined,
      token,
    );
    expect(ok.body.errors).toBeUndefined();
    const deep = await gql(
      small.url,
      `{ people(limit: 1) { knows(limit: 1) { knows(limit: 1) { knows(limit: 1) { knows(limit: 1) { knows(limit: 1) { name } } } } } } }`,
      undefined,
      token,
    );
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", depth: 7, maxDepth: 6 });
    const viaFragments = await gql(
      small.url,
      `{ people(limit: 1) { ...A } } fragment A on Person { knows(limit: 1) { ...B } } fragment B on Person { knows(limit: 1) { knows(limit: 1) { knows(limit: 1) { knows(limit: 1) { id } } } } }`,
      undefined,
      token,
    );
    expect(codeOf(viaFragments)).toBe("QUERY_TOO_DEEP");
  });

  it("refuses a page larger than MAX_PAGE_SIZE, literal or variable, and caps lists asked without one", async () => {
    const literal = await gql(small.url, `{ institutions(limit: 4) { id } }`, undefined, token);
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: "PAGE_TOO_LARGE", field: "limit", maxPageSize: 3 });
    const variable = await gql(
      small.url,
      `query($n: Int) { institutionsConnection(first: $n) { totalCount } }`,
      { n: 1000 },
      token,
    );
    expect(variable.body.errors?.[0]?.extensions).toMatchObject({ code: "PAGE_TOO_LARGE", field: "first" });
    const negative = await gql(small.url, `{ institutions(limit: -1) { id } }`, undefined, token);
    expect(codeOf(negative)).toBe("PAGE_TOO_LARGE");
    const capped = await gql(small.url, `{ institutions { id } }`, undefined, token);
    expect((capped.body.data?.institutions as unknown[]).length).toBe(3);
    const paged = await gql(small.url, `{ institutions(limit: 3, offset: 3, sort: [{ name: ASC }]) { name } }`, undefined, token);
    expect(paged.body.data?.institutions).toEqual([{ name: "Institution 4" }, { name: "Institution 5" }]);
  });

  it("refuses an operation whose estimated cost is above MAX_QUERY_COST (wide or nested lists)", async () => {
    // Each list: its limit × (1 + what it holds): 2 × (1 + 2 × (1 + 2 × (1 + 2 × (1 + 2 × (1 + 1))))) = 94 per alias.
    const chain = (n: number) =>
      `people(limit: ${n}) { knows(limit: ${n}) { knows(limit: ${n}) { knows(limit: ${n}) { knows(limit: ${n}) { name } } } } }`;
    const fine = await gql(
      small.url,
      `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: ${chain(2)}`).join(" ")} }`,
      undefined,
      token,
    );
    expect(fine.body.errors).toBeUndefined();
    // With 3: 3 × (1 + 3 × (1 + 3 × (1 + 3 × (1 + 3 × 2)))) = 606, above 500.
    const nested = await gql(small.url, `{ ${chain(3)} }`, undefined, token);
    expect(nested.status).toBe(400);
    expect(nested.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", cost: 606, maxCost: 500 });
    const wide = await gql(
      small.url,
      `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: ${chain(2)}`).join(" ")} }`,
      undefined,
      token,
    );
    expect(wide.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", cost: 6 * 94 });
  });

  it("stops parsing a document with more than MAX_QUERY_TOKENS tokens", async () => {
    const long = await gql(
      small.url,
      `{ ${Array.from({ length: 150 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
      undefined,
      token,
    );
    expect(long.status).toBe(400);
    expect(codeOf(long)).toBe("GRAPHQL_PARSE_FAILED");
    expect(long.body.errors?.[0]?.message).toMatch(/Document contains more tha[nt] 400 tokens/);
  });
});

describe("limits on the HTTP request", () => {
  it("refuses a body larger than MAX_BODY_SIZE with 413 PAYLOAD_TOO_LARGE", async () => {
    const big = await gql(
      small.url,
      `query($x: String) { institutions(where: { name: { eq: $x } }) { id } }`,
      { x: "y".repeat(11_000) },
      token,
    );
    expect(big.status).toBe(413);
    expect(codeOf(big)).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers malformed JSON with 400 BAD_REQUEST, not a stack trace", async () => {
    const bad = await postRaw(small.url, `{"query": "{ institutions { id } }"`, { authorization: `Bearer ${token}` });
    expect(bad.status).toBe(400);
    expect(codeOf(bad)).toBe("BAD_REQUEST");
    expect(bad.text).not.toMatch(/at .*\.js/);
  });

  it("refuses batched operations", async () => {
    const batch = await postRaw(
      small.url,
      JSON.stringify([{ query: "{ institutions { id } }" }, { query: "{ people { id } }" }]),
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(batch.status).toBe(400);
    expect(batch.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Batched operations are turned off/),
      extensions: { code: "BAD_REQUEST" },
    });
  });

  it("has CSRF prevention on: a simple GET or text/plain POST without a preflight header is refused", async () => {
    const get = await fetch(`${small.url}graphql?query=${encodeURIComponent("{ institutions { id } }")}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const plain = await fetch(`${small.url}graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { createSmes(input: [{ name: "CSRF" }]) { smes { id } } }' }),
    });
    expect(plain.status).toBe(400);
    expect((await db.read("MATCH (s:Sme {name: 'CSRF'}) RETURN count(s) AS n"))[0]?.n).toBe(0);
  });

  it("limits requests per minute per user, and per IP for anonymous callers", async () => {
    // By default an address without a token gets one user's rate (an office behind one NAT); here lowered to see it apart.
    expect(anonymousRatePerMinute(600)).toBe(600);
    const limited = await listen(loadConfig({ ...env, RATE_LIMIT_PER_MINUTE: "5", ANONYMOUS_RATE_LIMIT_PER_MINUTE: "1" }), db, {
      accounts: testAccounts,
    });
    try {
      const a = await tokenFor(["VIEWER"], "user-a");
      const b = await tokenFor(["VIEWER"], "user-b");
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await gql(limited.url, "{ institutions(limit: 1) { id } }", undefined, a)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const refusedAt = performance.now();
      const refused = await gql(limited.url, "{ institutions(limit: 1) { id } }", undefined, a);
      expect(codeOf(refused)).toBe("TOO_MANY_REQUESTS");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      // Held before it is sent (REFUSAL_HOLD_MS): a client that loops on refusals sends one a second, not hundreds.
      expect(performance.now() - refusedAt).toBeGreaterThanOrEqual(REFUSAL_HOLD_MS - 50);
      // Another user has a budget of their own.
      expect((await gql(limited.url, "{ institutions(limit: 1) { id } }", undefined, b)).status).toBe(200);
      // Anonymous sign-in attempts from one address share one budget (here 1 a minute).
      const anonymous: number[] = [];
      for (let i = 0; i < 3; i++)
        anonymous.push((await gql(limited.url, `mutation { login(email: "x@y.nl", password: "p") { token } }`)).status);
      expect(anonymous[0]).not.toBe(429);
      expect(anonymous.slice(1)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });

  it("limits one user's burst to a sixth of the minute's requests in 10 s (burstLimit)", async () => {
    const limited = await listen(loadConfig({ ...env, RATE_LIMIT_PER_MINUTE: "120" }), db, { accounts: testAccounts });
    try {
      const a = await tokenFor(["VIEWER"], "user-burst");
      expect(burstLimit(120)).toBe(20);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await gql(limited.url, "{ institutions(limit: 1) { id } }", undefined, a)).status);
      expect(statuses.every((status) => status === 200)).toBe(true);
      const refused = await gql(limited.url, "{ institutions(limit: 1) { id } }", undefined, a);
      expect(refused.status).toBe(429);
      expect(codeOf(refused)).toBe("TOO_MANY_REQUESTS");
      expect(refused.body.errors?.[0]?.message).toMatch(/at most 20 in 10 seconds/);
    } finally {
      await limited.close();
    }
  });

  it("stops a transaction that runs past QUERY_TIMEOUT_MS (Neo4j ends it)", async () => {
    const timed = db.withTransactionTimeout(300);
    const started = Date.now();
    const error = await timed.read("CALL apoc.util.sleep(5000) RETURN 1 AS one").catch((e: unknown) => e);
    expect(isTransactionTimeout(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe("production mode", () => {
  it("turns off introspection and detailed errors, and keeps codes", async () => {
    const production = await listen(
      loadConfig({ ...env, NODE_ENV: "production", JWT_SECRET: "a-production-secret-of-at-least-32-chars!" }),
      db,
      { accounts: testAccounts },
    );
    try {
      const prodToken = await tokenFor(["COORDINATOR"], "prod-user", { JWT_SECRET: "a-production-secret-of-at-least-32-chars!" });
      const introspection = await gql(production.url, `{ __schema { types { name } } }`, undefined, prodToken);
      expect(codeOf(introspection)).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(introspection.body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
      const typo = await gql(production.url, `{ institution { id } }`, undefined, prodToken);
      expect(codeOf(typo)).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const refused = await gql(production.url, `{ institutions(limit: 99) { id } }`, undefined, prodToken);
      expect(codeOf(refused)).toBe("PAGE_TOO_LARGE");
      for (const response of [introspection, typo, refused]) expect(JSON.stringify(response.body)).not.toContain("stacktrace");
      // A token signed with another secret (the test one) is refused.
      expect((await gql(production.url, `{ institutions { id } }`, undefined, token)).status).toBe(401);
    } finally {
      await production.close();
    }
  });
});
