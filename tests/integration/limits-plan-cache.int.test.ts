import { testAccounts } from "../helpers/test-accounts.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/platform/config.js";
import { listen, type RunningHttp } from "../../server/app/listen.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { codeOf, gql, postRaw, tokenFor } from "../helpers/trust-requests.js";

/**
 * The operation limits keep their per-document verdicts per parsed document (server/platform/limits/limit-operations.ts), and
 * Apollo hands the same parsed document to every request with the same text. These tests send one
 * text again and again with different variables: a plan made for small variables must still
 * refuse large ones, for each operation of a document, and allow small ones afterwards.
 */
let db: Database;
let server: RunningHttp;
let token: string;

// institutions(limit: $n) { id programmes(limit: $m) { name } } costs n × (1 + 1 + m × (1 + 1)).
const query = `query Wide($n: Int, $m: Int) { institutions(limit: $n, sort: [{ id: ASC }]) { id programmes(limit: $m) { name } } }
query Deep { institutions(limit: 1) { programmes(limit: 1) { institution(limit: 1) { programmes(limit: 1) { name } } } } }`;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await listen(
    loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      MAX_PAGE_SIZE: "3",
      MAX_QUERY_COST: "20",
      MAX_QUERY_DEPTH: "4",
      RATE_LIMIT_PER_MINUTE: "100000",
    }),
    db,
    { accounts: testAccounts },
  );
  token = await tokenFor(["COORDINATOR"]);
  await db.write(`UNWIND range(1, 3) AS i
    CREATE (n:Institution {id: 'inst-' + i, name: 'Institution ' + i, kind: 'HBO'})
    CREATE (:Programme {id: 'prog-' + i, name: 'Programme ' + i})-[:OFFERED_BY]->(n)`);
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

const wide = (variables: Record<string, unknown>) =>
  postRaw(server.url, JSON.stringify({ query, variables, operationName: "Wide" }), { authorization: `Bearer ${token}` });

describe("operation limits with a document seen before", () => {
  it("refuses large variables after the same text passed with small ones, and passes small ones again", async () => {
    const small = await wide({ n: 1, m: 1 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.institutions).toEqual([{ id: "inst-1", programmes: [{ name: "Programme 1" }] }]);

    const costly = await wide({ n: 3, m: 3 }); // 3 × (2 + 3 × 2) = 24 > 20
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", cost: 24, maxCost: 20 });

    const justFits = await wide({ n: 2, m: 3 }); // 2 × 8 = 16
    expect(justFits.body.errors).toBeUndefined();
    expect((justFits.body.data?.institutions as unknown[]).length).toBe(2);

    const tooLarge = await wide({ n: 1, m: 4 });
    expect(tooLarge.body.errors?.[0]?.extensions).toMatchObject({ code: "PAGE_TOO_LARGE", field: "limit", maxPageSize: 3 });
    expect(tooLarge.body.errors?.[0]?.message).toMatch(/^programmes: limit/);
    const negative = await wide({ n: -1, m: 1 });
    expect(codeOf(negative)).toBe("PAGE_TOO_LARGE");

    // Without the variables the lists count at the graph's counts: 3 institutions × (2 + 2 × 2), the
    // programmes per institution being twice their mean (1), from Neo4j's count store.
    const unbounded = await wide({});
    expect(unbounded.body.errors).toBeUndefined();

    const smallAgain = await wide({ n: 1, m: 1 });
    expect(smallAgain.body.errors).toBeUndefined();
  });

  it("plans each operation of one document on its own", async () => {
    expect((await wide({ n: 1, m: 1 })).body.errors).toBeUndefined();
    const deep = await postRaw(server.url, JSON.stringify({ query, operationName: "Deep" }), {
      authorization: `Bearer ${token}`,
    });
    expect(deep.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", depth: 5, maxDepth: 4 });
    expect((await wide({ n: 1, m: 1 })).body.errors).toBeUndefined();
  });

  it("refuses literal limits of a repeated text every time", async () => {
    for (let i = 0; i < 3; i++) {
      const literal = await gql(server.url, `{ institutions(limit: 4) { id } }`, undefined, token);
      expect(codeOf(literal)).toBe("PAGE_TOO_LARGE");
    }
  });
});
