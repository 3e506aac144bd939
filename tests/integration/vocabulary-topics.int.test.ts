import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateTopics } from "../../server/domains/vocabulary/index.js";
import { nowIso } from "../../server/platform/clock/read-clock.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { loadDemoData } from "../../seed/load-demo.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { day, ok, signedInAs } from "./cases-graph-fixtures.js";

/**
 * Issue #15 on the demo data: words in, topics out. An intake in the SME owner's words ("webshop, automatisering")
 * gets the same suggestions as one in the courses' words ("web shop, automation"), and each suggestion says which
 * topic matched how; effort fit orders otherwise equal courses by the table; the migration of free-text topics
 * reports every unmatched word and changes nothing the second time; autocomplete and the coordinators' mutations.
 */
let db: Database;
let server: TestServer;
const FLEUR = "person-fleur-bakker";

const INTAKE = `mutation($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId proposedTopics } }`;
const SUGGESTIONS = `query($case: ID!, $limit: Int, $weights: SuggestionWeightsInput, $language: Language) {
  caseSuggestions(case: $case, limit: $limit, weights: $weights, language: $language) {
    courseId courseKind score sharedTopics topicMatches { caseWord courseTopicId relation credit }
    factors { factor score } } }`;

interface Suggestion {
  courseId: string;
  courseKind: string | null;
  score: number;
  sharedTopics: string[];
  topicMatches: { caseWord: string; courseTopicId: string; relation: string; credit: number }[];
  factors: { factor: string; score: number }[];
}

async function intake(topics: string[], effort = "SPRINT"): Promise<{ caseId: string; proposedTopics: string[] }> {
  const input = {
    sme: { name: "Fietsenmaker Test", city: "Haarlem" },
    title: "Verkopen via internet",
    topics,
    wantedLevels: ["HBO", "MBO", "WO"],
    effort,
    earliestStart: day(20),
    deadline: day(300),
  };
  return (await ok<{ intakeCase: { caseId: string; proposedTopics: string[] } }>(server, INTAKE, { input })).intakeCase;
}

async function suggestions(caseId: string, variables: Record<string, unknown> = {}): Promise<Suggestion[]> {
  return (await ok<{ caseSuggestions: Suggestion[] }>(server, SUGGESTIONS, { case: caseId, limit: 10, ...variables }))
    .caseSuggestions;
}

/** What a linking pass can change: the links with their words, the topics, and the recorded words. */
async function topicGraph(): Promise<unknown> {
  return db.read(
    `MATCH (n)-[a:ABOUT]->(t:Topic) WHERE n:Case OR n:Course
     WITH n, a, t ORDER BY n.id, t.id
     RETURN count(*) AS links, collect(n.id + '>' + t.id + ':' + a.word + ':' + a.how) AS all,
            COUNT { MATCH (x:Topic) } AS topics, COLLECT { MATCH (k:Case) RETURN k.topicWords ORDER BY k.id } AS words`,
  );
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await loadDemoData(db);
  server = await signedInAs(await startTestServer(db), FLEUR);
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("migrating free-text topics", () => {
  it("links the demo's words (none unmatched), reports unmatched words of an older graph, and is idempotent", async () => {
    // The demo was linked by its loader: nothing left to do.
    expect(await migrateTopics(db, nowIso())).toMatchObject({ cases: 0, courses: 0, unmatched: [] });
    const linked = await topicGraph();

    // A graph from before the vocabulary: no links, no recorded words; plus a case and a course with words no topic knows.
    await db.write("MATCH (n)-[a:ABOUT]->(:Topic) DELETE a");
    await db.write("MATCH (n) WHERE n:Case OR n:Course REMOVE n.topicWords");
    await db.write(
      `CREATE (:Case {id: 'vocab-old-case', title: 'Oud', topics: ['Webwinkel', 'blockchainz', 'Kassasysteem'], status: 'CLOSED',
                      wantedLevels: []})
       CREATE (:Course {id: 'vocab-old-course', name: 'Oud vak', kind: 'COURSE', themes: ['kassasysteem', 'automatisring']})`,
    );
    const first = await migrateTopics(db, nowIso());
    // Courses are linked first, so the course's spelling of the shared unknown word is the one reported.
    expect(first.unmatched.sort()).toEqual(["blockchainz", "kassasysteem"]);
    expect(first.fuzzy).toEqual([expect.objectContaining({ word: "automatisring", topicId: "automation" })]);
    const cases = Number((await db.read("MATCH (k:Case) RETURN count(k) AS n"))[0]?.n);
    const courses = Number((await db.read("MATCH (c:Course) RETURN count(c) AS n"))[0]?.n);
    expect(first).toMatchObject({ cases, courses });
    // Both spellings of the unknown word share one proposed topic.
    const proposed = await db.read(
      "MATCH (t:Topic {status: 'PROPOSED'})<-[:ABOUT]-(n) RETURN t.id AS id, count(n) AS n ORDER BY id",
    );
    expect(proposed).toEqual([
      { id: "proposed-blockchainz", n: 1 },
      { id: "proposed-kassasysteem", n: 2 },
    ]);

    const after = await topicGraph();
    const second = await migrateTopics(db, nowIso());
    expect(second).toEqual({ cases: 0, courses: 0, unmatched: [], fuzzy: [] });
    expect(await topicGraph()).toEqual(after);

    // Apart from the two added nodes, the demo is linked as its loader linked it.
    await db.write("MATCH (n) WHERE n.id IN ['vocab-old-case', 'vocab-old-course'] DETACH DELETE n");
    await db.write("MATCH (t:Topic {status: 'PROPOSED'}) DETACH DELETE t");
    expect(await topicGraph()).toEqual(linked);
  });

  it("reports a word once however it is spelled, also when the spellings are batches apart", async () => {
    // 600 cases: the migration takes 500 per transaction, so the first and the last are linked in different passes.
    await db.write(
      `UNWIND range(0, 599) AS i
       CREATE (:Case {id: 'vocab-batch-' + right('00' + toString(i), 3), title: 'Batch', status: 'CLOSED', wantedLevels: [],
                      topics: CASE i WHEN 0 THEN ['3D-printen', 'data'] WHEN 599 THEN ['3d printen ', 'Data'] ELSE ['data'] END})`,
    );
    const first = await migrateTopics(db, nowIso());
    expect(first).toMatchObject({ cases: 600, courses: 0, unmatched: ["3D-printen"], fuzzy: [] });
    const after = await topicGraph();
    expect(await migrateTopics(db, nowIso())).toEqual({ cases: 0, courses: 0, unmatched: [], fuzzy: [] });
    expect(await topicGraph()).toEqual(after);
    await db.write("MATCH (n:Case) WHERE n.id STARTS WITH 'vocab-batch-' DETACH DELETE n");
    await db.write("MATCH (t:Topic {status: 'PROPOSED'}) DETACH DELETE t");
  });

  it("links every node however many batches it takes (XL: 1,000 batches of 500 cases), each batch reading on from the last", async () => {
    // Batches of 2 here: 900 cases take 450 passes, past the 400-pass safety stop that left the rest unlinked until the
    // next start (at XL's 500,000 cases in batches of 500: 1,000 passes); now the passes go on until none is left.
    await db.write(
      `UNWIND range(0, 899) AS i
       CREATE (:Case {id: 'vocab-many-' + right('00' + toString(i), 3), title: 'Veel', status: 'CLOSED', wantedLevels: [],
                      topics: CASE i % 2 WHEN 0 THEN ['data'] ELSE ['webwinkel', 'kassasysteem'] END})`,
    );
    const first = await migrateTopics(db, nowIso(), { batchSize: 2 });
    expect(first).toMatchObject({ cases: 900, courses: 0, unmatched: ["kassasysteem"] });
    const [row] = await db.read(
      `MATCH (k:Case) WHERE k.id STARTS WITH 'vocab-many-'
       RETURN count(k) AS cases, sum(COUNT { (k)-[:ABOUT]->(:Topic) }) AS links,
              count(CASE WHEN k.topicWords = k.topics THEN 1 END) AS recorded`,
    );
    expect(row).toEqual({ cases: 900, links: 450 + 2 * 450, recorded: 900 });
    expect(await migrateTopics(db, nowIso(), { batchSize: 2 })).toEqual({ cases: 0, courses: 0, unmatched: [], fuzzy: [] });
    await db.write("MATCH (n:Case) WHERE n.id STARTS WITH 'vocab-many-' DETACH DELETE n");
    await db.write("MATCH (t:Topic {status: 'PROPOSED'}) DETACH DELETE t");
  });
});

describe("words in, topics out", () => {
  it("gives an intake in the owner's words the same top suggestions as one in the courses' words", async () => {
    const reference = await intake(["web shop", "automation"]);
    const expected = await suggestions(reference.caseId);
    expect(expected.length).toBeGreaterThan(3);
    for (const words of [
      ["webshop", "automatisering"],
      ["Web-Shop", "Automatiseren"],
      ["webwinkel", "procesautomatisering"],
    ]) {
      const other = await intake(words);
      expect(other.proposedTopics).toEqual([]);
      const got = await suggestions(other.caseId);
      expect(got.map((s) => [s.courseId, s.score])).toEqual(expected.map((s) => [s.courseId, s.score]));
    }
  });

  it("says which topic matched how", async () => {
    const { caseId } = await intake(["webshop", "automatisering"]);
    // All of them: the courses about a neighbouring topic only rank below those about the same topics.
    const list = await suggestions(caseId, { limit: 100 });
    const shared = list.flatMap((s) => s.sharedTopics);
    expect(shared).toContain("web shop (yours: webshop)");
    expect(shared).toContain("automation (yours: automatisering)");
    const nl = (await suggestions(caseId, { language: "NL", limit: 100 })).flatMap((s) => s.sharedTopics);
    expect(nl).toContain("webshop");
    expect(nl).toContain("automatisering");
    // A course about e-commerce (broader than web shop) counts half, and says so.
    const broader = list.flatMap((s) => s.topicMatches).find((m) => m.relation === "BROADER");
    expect(broader).toMatchObject({ caseWord: "webshop", courseTopicId: "e-commerce", credit: 0.5 });
    expect(shared).toContain("e-commerce (broader than yours: webshop)");
  });

  it("counts E-commerce as the same topic as e-commerce, and web shop courses as narrower", async () => {
    const upper = await suggestions((await intake(["E-commerce"])).caseId);
    const lower = await suggestions((await intake(["e-commerce"])).caseId);
    expect(upper.map((s) => [s.courseId, s.score])).toEqual(lower.map((s) => [s.courseId, s.score]));
    expect(upper.flatMap((s) => s.topicMatches).some((m) => m.relation === "NARROWER" && m.courseTopicId === "web-shop")).toBe(
      true,
    );
  });
});

describe("effort fit", () => {
  it("orders courses that are otherwise equal by the effort table", async () => {
    const { caseId } = await intake(["data"], "SPRINT");
    // Only topic overlap and effort fit count: courses with the same overlap differ by effort fit alone.
    const weights = { topicOverlap: 1, effortFit: 1, levelFit: 0, timing: 0, remainingCapacity: 0, trackRecord: 0, warmPath: 0 };
    const list = await suggestions(caseId, { weights });
    const effort = (s: Suggestion) => s.factors.find((f) => f.factor === "effortFit")?.score;
    const table: Record<string, number> = { COURSE: 1, PROJECT: 1, MINOR: 0.5, INTERNSHIP: 0.25, GRADUATION: 0 };
    for (const s of list) expect(effort(s)).toBe(table[s.courseKind ?? ""]);
    const kinds = list.map((s) => s.courseKind);
    // All fully matching courses: project and course sprints come first, an internship or graduation never above them.
    const lastSprintLike = Math.max(...kinds.map((k, i) => (k === "PROJECT" || k === "COURSE" ? i : -1)));
    const firstLarge = kinds.findIndex((k) => k === "INTERNSHIP" || k === "GRADUATION");
    if (firstLarge >= 0) expect(lastSprintLike).toBeLessThan(firstLarge);
    expect(kinds.slice(0, 3).every((k) => k === "PROJECT" || k === "COURSE")).toBe(true);
  });
});

describe("autocomplete and the coordinators' vocabulary", () => {
  const TOPICS = `query($prefix: String!) { topicSuggestions(prefix: $prefix, limit: 5) { id labelNl labelEn status } }`;
  const first = async (prefix: string) =>
    (await ok<{ topicSuggestions: { id: string }[] }>(server, TOPICS, { prefix })).topicSuggestions[0]?.id;

  it("offers topics for what was typed: a prefix, another spelling, a typo", async () => {
    expect(await first("websh")).toBe("web-shop");
    expect(await first("web-sh")).toBe("web-shop");
    expect(await first("automatiser")).toBe("automation");
    expect(await first("boekhoud")).toBe("bookkeeping");
    expect(await first("cybersecurty")).toBe("cybersecurity");
  });

  it("keeps unknown words as proposed topics that a coordinator accepts, merges or extends", async () => {
    const { caseId, proposedTopics } = await intake(["webshop", "kassa-systeem", "Voorraadtelling"]);
    expect(proposedTopics).toEqual(["kassa-systeem", "Voorraadtelling"]);
    const LIST = `{ vocabularyTopics { id labelEn status caseCount proposedFrom } }`;
    const list = (await ok<{ vocabularyTopics: { id: string; caseCount: number; proposedFrom: string }[] }>(server, LIST))
      .vocabularyTopics;
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "proposed-kassasysteem", caseCount: 1, proposedFrom: "kassa-systeem" }),
      ]),
    );
    await ok(
      server,
      `mutation { acceptTopic(id: "proposed-kassasysteem", labelNl: "kassasysteem", labelEn: "point of sale", broader: ["e-commerce"]) }`,
    );
    await ok(server, `mutation { mergeTopic(from: "proposed-voorraadtelling", into: "erp") }`);
    await ok(server, `mutation { addTopicSynonym(id: "erp", synonym: "voorraadsysteem") }`);
    const links = await db.read(
      "MATCH (:Case {id: $caseId})-[a:ABOUT]->(t:Topic) RETURN t.id AS id, a.word AS word ORDER BY id",
      { caseId },
    );
    expect(links).toEqual([
      { id: "erp", word: "Voorraadtelling" },
      { id: "proposed-kassasysteem", word: "kassa-systeem" },
      { id: "web-shop", word: "webshop" },
    ]);
    // The merged word and the new synonym now resolve to the topic at the next intake.
    const next = await intake(["voorraadtelling", "voorraadsysteem", "kassasysteem"]);
    expect(next.proposedTopics).toEqual([]);
    expect(await first("point of")).toBe("proposed-kassasysteem");
  });
});
