import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { gql, tokenFor, type RawResponse } from "../helpers/trust-requests.js";

/**
 * Issue #15, the coordinators' vocabulary (docs/matching.md, "Coordinators' changes"): create a topic, add and remove
 * synonyms, set broader and narrower links (a circle is refused), accept or reject proposals, merge a duplicate (every
 * link moves, nothing is left hanging, the history records it), refused for analysts and viewers; and the sync after a
 * generic updateCases re-links only the cases that update touched. Own fixtures (prefixed ids and words), no reset.
 */
let db: Database;
let server: TestServer;
let url: string;
let scope: OwnScope;
let coordinator: string;
let analyst: string;
let viewer: string;
/** A word of this file's own (the prefix without its dash), so no other file's topic is found by it. */
let w: string;
const createdTopics: string[] = [];

async function call(query: string, variables: Record<string, unknown> = {}, token = coordinator): Promise<RawResponse> {
  return gql(url, query, variables, token);
}

async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await call(query, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

async function refusedWith(query: string, variables: Record<string, unknown>, token = coordinator) {
  const response = await call(query, variables, token);
  expect(response.body.errors?.length).toBeGreaterThan(0);
  return response.body.errors?.[0]?.extensions ?? {};
}

/** A topic written directly: id and words of this file. */
async function seedTopic(name: string, status = "ACCEPTED", synonyms: string[] = []): Promise<string> {
  const id = scope.id(name);
  const labelEn = `${w} ${name}`;
  const keys = [labelEn, `${w}${name}nl`, ...synonyms].map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ""));
  await db.write(
    `CREATE (:Topic {id: $id, status: $status, labelNl: $labelNl, labelEn: $labelEn, synonyms: $synonyms, keys: $keys})`,
    { id, status, labelNl: `${w}${name}nl`, labelEn, synonyms, keys },
  );
  return id;
}

async function broaderOf(id: string): Promise<string[]> {
  const rows = await db.read("MATCH (:Topic {id: $id})-[:BROADER]->(b:Topic) RETURN b.id AS id ORDER BY id", { id });
  return rows.map((r) => String(r.id));
}

const SET_LINKS = `mutation($id: ID!, $broader: [ID!], $narrower: [ID!]) { setTopicLinks(id: $id, broader: $broader, narrower: $narrower) }`;
const MERGE = `mutation($from: ID!, $into: ID!) { mergeTopic(from: $from, into: $into) }`;
const CREATE = `mutation($nl: String!, $en: String!, $synonyms: [String!], $broader: [ID!]) {
  createTopic(labelNl: $nl, labelEn: $en, synonyms: $synonyms, broader: $broader) }`;
const HISTORY = `query($id: ID!) { history(id: $id) { kind label changes { field old new } } }`;

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  w = scope.prefix.replace(/-$/, "");
  server = await startTestServer(db);
  url = server.http.url;
  coordinator = await tokenFor(["COORDINATOR"], scope.id("coordinator"));
  analyst = await tokenFor(["ANALYST"], scope.id("analyst"));
  viewer = await tokenFor(["VIEWER"], scope.id("viewer"));
});

afterAll(async () => {
  await db.write("MATCH (r:EditRecord) WHERE r.nodeId STARTS WITH $prefix OR r.nodeId IN $ids DETACH DELETE r", {
    prefix: scope.prefix,
    ids: createdTopics,
  });
  await db.write("MATCH (t:Topic) WHERE t.id IN $ids DETACH DELETE t", { ids: createdTopics });
  // Proposals made from this file's words.
  await db.write("MATCH (t:Topic) WHERE t.id STARTS WITH $proposed DETACH DELETE t", { proposed: `proposed-${w}` });
  await scope.clean();
  await server?.http.close();
  await db?.close();
});

describe("merging a duplicate topic", () => {
  it("moves every ABOUT link, label, synonym and BROADER link in one go, leaves nothing on the duplicate, records it", async () => {
    const dup = await seedTopic("webwinkel", "ACCEPTED", [`${w} e-winkel`]);
    const into = await seedTopic("webshop");
    const wider = await seedTopic("ecommerce");
    const narrower = await seedTopic("bolshop");
    await db.write(
      `MATCH (d:Topic {id: $dup}), (i:Topic {id: $into}), (b:Topic {id: $wider}), (n:Topic {id: $narrower})
       CREATE (d)-[:BROADER]->(b), (n)-[:BROADER]->(d)
       CREATE (c1:Case {id: $c1, title: 'One', topics: ['webwinkel'], topicWords: ['webwinkel'], status: 'INTAKE'})
       CREATE (c1)-[:ABOUT {word: 'webwinkel', how: 'EXACT'}]->(d)
       CREATE (c2:Case {id: $c2, title: 'Two', topics: ['webwinkel', 'webshop'], topicWords: ['webwinkel', 'webshop'], status: 'INTAKE'})
       CREATE (c2)-[:ABOUT {word: 'webwinkel', how: 'EXACT'}]->(d), (c2)-[:ABOUT {word: 'webshop', how: 'EXACT'}]->(i)
       CREATE (k:Course {id: $k, name: 'Vak', kind: 'COURSE', themes: ['e-winkel'], topicWords: ['e-winkel']})
       CREATE (k)-[:ABOUT {word: 'e-winkel', how: 'EXACT'}]->(d)`,
      { dup, into, wider, narrower, c1: scope.id("case-1"), c2: scope.id("case-2"), k: scope.id("course-1") },
    );

    expect(await ok(MERGE, { from: dup, into })).toEqual({ mergeTopic: into });

    // Nothing hangs on the duplicate: no ABOUT, no BROADER either way; it stays as MERGED (the starter file cannot revive it).
    const [left] = await db.read(
      "MATCH (d:Topic {id: $dup}) RETURN d.status AS status, d.mergedInto AS into, COUNT { (d)--() } AS links, d.keys AS keys",
      { dup },
    );
    expect(left).toEqual({ status: "MERGED", into, links: 0, keys: [] });
    const about = await db.read("MATCH (n)-[a:ABOUT]->(:Topic {id: $into}) RETURN n.id AS id, a.word AS word ORDER BY id, word", {
      into,
    });
    expect(about).toEqual([
      { id: scope.id("case-1"), word: "webwinkel" },
      // The case about both has one link: its own word for the surviving topic.
      { id: scope.id("case-2"), word: "webshop" },
      { id: scope.id("course-1"), word: "e-winkel" },
    ]);
    expect(await broaderOf(into)).toEqual([wider]);
    expect(await broaderOf(narrower)).toEqual([into]);
    const [kept] = await db.read("MATCH (i:Topic {id: $into}) RETURN i.synonyms AS synonyms", { into });
    expect(kept?.synonyms).toEqual([`${w}webwinkelnl`, `${w} webwinkel`, `${w} e-winkel`]);

    // The history of both topics says so.
    const dupHistory = (
      await ok<{ history: { kind: string; changes: { field: string; new: string }[] }[] }>(HISTORY, { id: dup })
    ).history;
    expect(dupHistory[0]?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "mergedInto", new: JSON.stringify(into) })]),
    );
    const intoHistory = (await ok<{ history: { changes: { field: string; new: string }[] }[] }>(HISTORY, { id: into })).history;
    const moved = intoHistory[0]?.changes.find((c) => c.field === "about (moved)");
    expect(JSON.parse(moved?.new ?? "[]")).toEqual([scope.id("case-1"), scope.id("case-2"), scope.id("course-1")]);

    // A merged topic is gone from use: merging it again, or into it, is refused with the field named.
    expect(await refusedWith(MERGE, { from: dup, into: wider }, coordinator)).toMatchObject({ code: "NOT_FOUND", field: "from" });
    expect(await refusedWith(MERGE, { from: wider, into: dup }, coordinator)).toMatchObject({ code: "NOT_FOUND", field: "into" });
  });

  it("refuses a merge whose moved BROADER links would close a circle, and changes nothing", async () => {
    const a = await seedTopic("cirkela");
    const b = await seedTopic("cirkelb");
    const c = await seedTopic("cirkelc");
    // a → c and c → b: merging a into b moves a's link to c onto b, so b → c → b.
    await db.write(
      "MATCH (a:Topic {id: $a}), (b:Topic {id: $b}), (c:Topic {id: $c}) CREATE (a)-[:BROADER]->(c), (c)-[:BROADER]->(b)",
      {
        a,
        b,
        c,
      },
    );
    expect(await refusedWith(MERGE, { from: a, into: b })).toMatchObject({ code: "BAD_USER_INPUT", field: "into" });
    expect(await broaderOf(a)).toEqual([c]);
    const [status] = await db.read("MATCH (a:Topic {id: $a}) RETURN a.status AS status", { a });
    expect(status?.status).toBe("ACCEPTED");
  });
});

describe("broader and narrower links", () => {
  it("sets both lists, and refuses a circle (direct, longer, or through the narrower list) leaving the links as they were", async () => {
    const top = await seedTopic("digitaal");
    const mid = await seedTopic("verkoop");
    const leaf = await seedTopic("kassa");
    await ok(SET_LINKS, { id: mid, broader: [top], narrower: [leaf] });
    expect(await broaderOf(mid)).toEqual([top]);
    expect(await broaderOf(leaf)).toEqual([mid]);

    // A list left out stays as it is: top's narrower mid stays, so mid (or leaf, below it) cannot also be broader.
    expect(await refusedWith(SET_LINKS, { id: top, broader: [mid] })).toMatchObject({ code: "BAD_USER_INPUT", field: "broader" });
    expect(await refusedWith(SET_LINKS, { id: top, broader: [leaf] })).toMatchObject({ field: "broader" });
    expect(await refusedWith(SET_LINKS, { id: leaf, narrower: [top] })).toMatchObject({ field: "narrower" });
    expect(await refusedWith(SET_LINKS, { id: top, broader: [top] })).toMatchObject({ field: "broader" });
    expect(await refusedWith(SET_LINKS, { id: top, broader: [scope.id("nothing")] })).toMatchObject({
      code: "NOT_FOUND",
      field: "broader",
    });
    // Rolled back: the hierarchy is the one set first.
    expect(await broaderOf(top)).toEqual([]);
    expect(await broaderOf(mid)).toEqual([top]);
    expect(await broaderOf(leaf)).toEqual([mid]);

    // Replacing: the leaf moves up to the top, its old link goes.
    await ok(SET_LINKS, { id: leaf, broader: [top] });
    expect(await broaderOf(leaf)).toEqual([top]);
    const history = (await ok<{ history: { changes: { field: string; old: string; new: string }[] }[] }>(HISTORY, { id: leaf }))
      .history;
    expect(history[0]?.changes).toEqual([{ field: "broader", old: JSON.stringify([mid]), new: JSON.stringify([top]) }]);
  });
});

describe("creating topics and synonyms", () => {
  it("creates a topic found by its words, adds and removes synonyms, and refuses a word another topic has", async () => {
    const broader = await seedTopic("administratie");
    const created = await ok<{ createTopic: string }>(CREATE, {
      nl: `${w} kassasysteem`,
      en: `${w} point of sale`,
      synonyms: [`${w} pos`],
      broader: [broader],
    });
    const id = created.createTopic;
    createdTopics.push(id);
    expect(await broaderOf(id)).toEqual([broader]);
    const first = async (prefix: string) =>
      (
        await ok<{ topicSuggestions: { id: string }[] }>(`query($p: String!) { topicSuggestions(prefix: $p) { id } }`, {
          p: prefix,
        })
      ).topicSuggestions[0]?.id;
    // The autocomplete's cached vocabulary is dropped on the write: the new topic is offered at once.
    expect(await first(`${w} kassasys`)).toBe(id);

    await ok(`mutation($id: ID!, $s: String!) { addTopicSynonym(id: $id, synonym: $s) }`, { id, s: `${w} afrekensysteem` });
    expect(await first(`${w}afreken`)).toBe(id);
    // Removed by its key: another spelling of the same word removes it.
    await ok(`mutation($id: ID!, $s: String!) { removeTopicSynonym(id: $id, synonym: $s) }`, { id, s: `${w}-Afreken-Systeem` });
    const [row] = await db.read("MATCH (t:Topic {id: $id}) RETURN t.synonyms AS synonyms, t.keys AS keys", { id });
    expect(row?.synonyms).toEqual([`${w} pos`]);
    expect(row?.keys).not.toContain(`${w}afrekensysteem`);

    expect(
      await refusedWith(`mutation($id: ID!, $s: String!) { removeTopicSynonym(id: $id, synonym: $s) }`, { id, s: "nooit" }),
    ).toMatchObject({ code: "NOT_FOUND", field: "synonym" });
    // One spelling, one topic: a word another topic is found by is refused.
    expect(await refusedWith(CREATE, { nl: `${w} iets`, en: `${w}-POS` })).toMatchObject({ code: "CONFLICT", field: "labelEn" });
    expect(
      await refusedWith(`mutation($id: ID!, $s: String!) { addTopicSynonym(id: $id, synonym: $s) }`, {
        id: broader,
        s: `${w} point-of-sale`,
      }),
    ).toMatchObject({ code: "CONFLICT", field: "synonym" });
    expect(await refusedWith(CREATE, { nl: " ", en: "x" })).toMatchObject({ code: "BAD_USER_INPUT", field: "labelNl" });
  });

  it("is refused for analysts and viewers, who still read the vocabulary", async () => {
    const id = await seedTopic("alleenlezen");
    for (const token of [analyst, viewer]) {
      for (const [query, variables] of [
        [CREATE, { nl: `${w} verboden`, en: `${w} forbidden` }],
        [`mutation($id: ID!) { addTopicSynonym(id: $id, synonym: "nee") }`, { id }],
        [`mutation($id: ID!) { removeTopicSynonym(id: $id, synonym: "nee") }`, { id }],
        [SET_LINKS, { id, broader: [] }],
        [MERGE, { from: id, into: id }],
        [`mutation($id: ID!) { rejectTopic(id: $id) }`, { id }],
        [`mutation($id: ID!) { acceptTopic(id: $id, labelNl: "a", labelEn: "b") }`, { id }],
      ] as const) {
        expect(await refusedWith(query, variables, token)).toMatchObject({ code: "FORBIDDEN" });
      }
    }
    const [row] = await db.read("MATCH (t:Topic {id: $id}) RETURN t.synonyms AS synonyms", { id });
    expect(row?.synonyms).toEqual([]);
  });
});

describe("proposed topics and the sync after generic edits", () => {
  const UPDATE = `mutation($id: ID!, $topics: [String!]!) {
    updateCases(where: { id: { eq: $id } }, update: { topics: { set: $topics } }) { cases { id } } }`;
  const linksOf = async (id: string) =>
    (await db.read("MATCH (:Case {id: $id})-[a:ABOUT]->(t:Topic) RETURN t.id AS id ORDER BY id", { id })).map((r) =>
      String(r.id),
    );

  it("links only the cases an updateCases touched, and a rejected word is not linked or proposed again", async () => {
    const edited = scope.id("edited");
    const untouched = scope.id("untouched");
    // Words of this file alike to none of its topics' words (beyond the prefix), so they are proposed, not guessed.
    // Both cases were linked once; the second's words were then changed outside the API (stale, like a graph before #15).
    await db.write(
      `CREATE (:Case {id: $edited, title: 'E', topics: [], topicWords: [], status: 'INTAKE'})
       CREATE (:Case {id: $untouched, title: 'U', topics: [$word], topicWords: [], status: 'INTAKE'})`,
      { edited, untouched, word: `${w}vergeten` },
    );
    const word = `${w}zegelkaart`;
    await ok(UPDATE, { id: edited, topics: [word] });
    const proposal = `proposed-${word}`;
    expect(await linksOf(edited)).toEqual([proposal]);
    // The untouched case is still stale: the sync read the edited case only, not every case of the graph.
    const [stale] = await db.read(
      "MATCH (k:Case {id: $untouched}) RETURN k.topicWords AS words, COUNT { (k)-[:ABOUT]->() } AS links",
      {
        untouched,
      },
    );
    expect(stale).toEqual({ words: [], links: 0 });

    // Rejecting the proposal unlinks the case (its word stays) and the word is not linked again on the next edit.
    await ok(`mutation($id: ID!) { rejectTopic(id: $id) }`, { id: proposal });
    expect(await linksOf(edited)).toEqual([]);
    await ok(UPDATE, { id: edited, topics: [word, `${w}vloerplan`] });
    expect(await linksOf(edited)).toEqual([`proposed-${w}vloerplan`]);
    const [topic] = await db.read("MATCH (t:Topic {id: $proposal}) RETURN t.status AS status", { proposal });
    expect(topic?.status).toBe("REJECTED");
    expect(await refusedWith(`mutation($id: ID!) { rejectTopic(id: $id) }`, { id: proposal })).toMatchObject({
      code: "NOT_FOUND",
      field: "id",
    });
    // Only a proposal can be rejected; an accepted duplicate is merged instead.
    const accepted = await seedTopic("geaccepteerd");
    expect(await refusedWith(`mutation($id: ID!) { rejectTopic(id: $id) }`, { id: accepted })).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      field: "id",
    });
  });
});
