import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/platform/config.js";
import { startProduct } from "../../server/app/start.js";
import { testJvmOptionsEnv } from "../helpers/neo4j.js";
import { freePort } from "../helpers/processes.js";

/**
 * What `npm start` promises on the embedded default: the demo data in an empty database, the data
 * kept across a stop and a start, and the demo data not loaded a second time.
 */
const home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-start-test-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function post(url: string, query: string, token?: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${url}graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as never;
}

/** Signs in as the demo coordinator, or admin (demo users exist outside production mode; see docs/security.md). */
async function signIn(url: string, role: "coordinator" | "admin" = "coordinator"): Promise<string> {
  const result = await post(
    url,
    `mutation { login(email: "${role}@werkplaats.example", password: "demo-${role}-werkplaats") { token } }`,
  );
  const token = (result.data?.login as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`demo sign-in failed: ${JSON.stringify(result.errors)}`);
  return token;
}

/** Every file under `dir` whose bytes hold `text` (as UTF-8 or Latin-1), relative to `dir`. */
function filesHolding(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, "utf8"), Buffer.from(text, "latin1")];
  const hits: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at)) {
      const file = path.join(at, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (needles.some((needle) => readFileSync(file).includes(needle))) hits.push(path.relative(dir, file));
    }
  };
  walk(dir);
  return hits;
}

describe("npm start on the embedded default", () => {
  it("seeds an empty database, keeps what a mutation wrote across a restart, and does not seed twice; erased values are in no file", async () => {
    const env = {
      NEO4J_HOME: home,
      NEO4J_BOLT_PORT: String(await freePort()),
      PORT: "0",
      NEO4J_HEAP: "768m",
      NEO4J_PAGECACHE: "128m",
      ...testJvmOptionsEnv(),
    };
    const first = await startProduct(loadConfig(env));
    let countsBefore: unknown;
    try {
      const token = await signIn(first.url);
      const demo = await post(
        first.url,
        "{ institutions(limit: 20) { name programmes(limit: 10) { name courses(limit: 10) { name teachers(limit: 5) { name } } } } }",
        token,
      );
      expect(demo.errors).toBeUndefined();
      const institutions = demo.data?.institutions as Array<{ programmes: unknown[] }>;
      expect(institutions.length).toBeGreaterThanOrEqual(6);

      const created = await post(
        first.url,
        `mutation { createInstitutions(input: [{ name: "ROC Na De Herstart", kind: MBO, city: "Zaandam" }]) { institutions { id } } }`,
        token,
      );
      expect(created.errors).toBeUndefined();

      // Erasure that holds (docs/security.md, "Erasure"): after erasePerson, the e-mail and the note are
      // in no file under the data folder (store, indexes, transaction logs, logs), and a case question
      // naming the person is offered for review (and left as it is: the name stays there).
      const stamp = Date.now();
      const person = {
        id: `p-erase-${stamp}`,
        name: `Zebediah Quarterstaff ${stamp}`,
        email: `zebediah.quarterstaff.${stamp}@erasure-test.voorbeeld.example`,
        note: `Erasure test ${stamp}: prefers calls after lunch, ask about the hydrogen project first`,
      };
      await first.db.write(
        `CREATE (:Person {id: $id, name: $name, email: $email, note: $note})
         CREATE (:Case {id: $caseId, title: 'Erasure review', question: 'Can ' + $name + ' help with our planning tool?', topics: [], wantedLevels: []})`,
        { ...person, caseId: `c-erase-${stamp}` },
      );
      const admin = await signIn(first.url, "admin");
      const erased = await post(
        first.url,
        `mutation { erasePerson(id: "${person.id}") { erasedId mentionsToReview { nodeType id field snippet } storeFilesCleaned } }`,
        admin,
      );
      expect(erased.errors).toBeUndefined();
      const erasure = erased.data?.erasePerson as { mentionsToReview: unknown[]; storeFilesCleaned: boolean };
      expect(erasure.storeFilesCleaned).toBe(true);
      expect(erasure.mentionsToReview).toEqual([
        {
          nodeType: "Case",
          id: `c-erase-${stamp}`,
          field: "question",
          snippet: `Can ${person.name} help with our planning tool?`,
        },
      ]);
      for (const value of [person.email, person.note]) expect(filesHolding(home, value), value).toEqual([]);

      countsBefore = (await first.db.read("MATCH (n) RETURN count(n) AS nodes"))[0];
    } finally {
      await first.stop();
    }

    const second = await startProduct(loadConfig({ ...env, NEO4J_BOLT_PORT: String(await freePort()) }));
    try {
      const after = await post(
        second.url,
        `{ institutions(where: { name: { eq: "ROC Na De Herstart" } }) { name kind city } }`,
        await signIn(second.url),
      );
      expect(after.data?.institutions).toEqual([{ name: "ROC Na De Herstart", kind: "MBO", city: "Zaandam" }]);
      expect((await second.db.read("MATCH (n) RETURN count(n) AS nodes"))[0]).toEqual(countsBefore);
      expect(second.timings.seedMs).toBeUndefined();
    } finally {
      await second.stop();
    }
  }, 300_000); // two Neo4j starts and a demo seed
});
