import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/**
 * The answer links (/answer/…, no sign-in; docs/mail.md, docs/security.md) are limited per address
 * (ANSWER_LINKS_PER_MINUTE, `limitAnswerLinks` in server/platform/limits/limit-rate.ts). Forged tokens only:
 * nothing is written, so the file owns no data.
 */
let db: Database;
let server: TestServer;
const limit = 3;

beforeAll(async () => {
  db = await connectTestDatabase();
  server = await startTestServer(db, { roles: null, env: { ANSWER_LINKS_PER_MINUTE: String(limit) } });
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("the answer links' rate limit", () => {
  it("answers the first requests from one address, then 429 with Retry-After, for opening and for answering", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < limit; i++) {
      const response = await fetch(`${server.http.url}answer/not.a.token${i}`);
      statuses.push(response.status);
      await response.text();
    }
    // A forged token is a clear "not valid" page (400), not a rate-limit answer.
    expect(statuses).toEqual(Array(limit).fill(400));
    const refused = await fetch(`${server.http.url}answer/not.a.token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "reason=x",
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after") ?? refused.headers.get("ratelimit")).toBeTruthy();
    const page = await refused.text();
    expect(page).toContain("Te veel verzoeken");
    expect(page).toContain("Too many requests");
  });
});
