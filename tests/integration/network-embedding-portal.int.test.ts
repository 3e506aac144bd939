import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { ok } from "./cases-graph-fixtures.js";

/**
 * "The embedding counts it" (issue #18 part 4) on a hand-built graph of its own, no warm tie anywhere (so no threads):
 *  - programme P: its coordinator Xavier claimed a case through the portal 10 days ago → an active institution
 *    contact who leads P: rung 3 holds, level 3, AMBER ("stands at level 3 … but we reach no one there warmly"),
 *    and the reason names him;
 *  - programme Q: its coordinator Yara forwarded a case 400 days ago (outside the 180-day window: not active), and
 *    Q's teacher Tim claimed one 20 days ago → active, but not management: rung 3 does not hold, level 0, RED
 *    ("No warm route into Q"), and the reason names Tim.
 */
let db: Database;
let scope: OwnScope;
let server: TestServer;

const QUERY = `query($programme: ID!, $workspace: ID!) {
  embedding(programme: $programme, workspace: $workspace) {
    level verdict verdictReasonEn verdictReasonNl
    ... on ProgrammeEmbedding { rungs { level holds reasonEn } }
  } }`;

interface Answer {
  embedding: {
    level: number;
    verdict: string;
    verdictReasonEn: string;
    verdictReasonNl: string;
    rungs: Array<{ level: number; holds: boolean; reasonEn: string }>;
  };
}

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  server = await startTestServer(db);
  await db.write(
    `CREATE (w:Workspace {id: $p + 'ws', name: 'Werkplaats'})
     CREATE (:Person {id: $p + 'coord', name: 'Carla'})-[:COORDINATOR_OF]->(w)
     CREATE (i:Institution {id: $p + 'inst', name: 'Hogeschool', kind: 'HBO'})
     CREATE (pP:Programme {id: $p + 'P', name: 'P', level: 'BACHELOR', mappingStatus: 'APPROACHED'})-[:OFFERED_BY]->(i)
     CREATE (pQ:Programme {id: $p + 'Q', name: 'Q', level: 'BACHELOR', mappingStatus: 'APPROACHED'})-[:OFFERED_BY]->(i)
     CREATE (cP:Course {id: $p + 'cP', name: 'Course P', kind: 'PROJECT', themes: [], mappingStatus: 'APPROACHED'})-[:PART_OF]->(pP)
     CREATE (cQ:Course {id: $p + 'cQ', name: 'Course Q', kind: 'PROJECT', themes: [], mappingStatus: 'APPROACHED'})-[:PART_OF]->(pQ)
     CREATE (x:Person {id: $p + 'xavier', name: 'Xavier'})-[:COORDINATES]->(pP)
     CREATE (y:Person {id: $p + 'yara', name: 'Yara'})-[:COORDINATES]->(pQ)
     CREATE (t:Person {id: $p + 'tim', name: 'Tim'})-[:TEACHES]->(cQ)
     CREATE (k:Case {id: $p + 'k', title: 'K', topics: [], wantedLevels: [], status: 'PROPOSED', created: datetime()})
     CREATE (k)<-[:OF_CASE]-(:Proposal {id: $p + 'claimX', origin: 'CLAIM', sentAt: datetime() - duration({days: 10}),
                                        sentBy: x.id, channel: 'WEBSITE', expiresAt: datetime() + duration({days: 4})})-[:TO_TEACHER]->(x)
     CREATE (k)<-[:OF_CASE]-(:Proposal {id: $p + 'fwdY', origin: 'FORWARD', sentAt: datetime() - duration({days: 400}),
                                        sentBy: y.id, forwardedBy: y.id, channel: 'WARM_INTRODUCTION',
                                        expiresAt: datetime() - duration({days: 386})})-[:TO_TEACHER]->(t)
     CREATE (k)<-[:OF_CASE]-(:Proposal {id: $p + 'claimT', origin: 'CLAIM', sentAt: datetime() - duration({days: 20}),
                                        sentBy: t.id, channel: 'WEBSITE', expiresAt: datetime() - duration({days: 6})})-[:TO_TEACHER]->(t)`,
    { p: scope.prefix },
  );
});

afterAll(async () => {
  await scope?.clean();
  await server?.http.close();
  await db?.close();
});

describe("active institution contacts in the embedding (#18 part 4)", () => {
  it("lifts rung 3 for a programme whose coordinator scouts through the portal, and names them in the reason", async () => {
    const { embedding } = await ok<Answer>(server, QUERY, { programme: scope.id("P"), workspace: scope.id("ws") });
    expect(embedding.rungs.map((r) => r.holds)).toEqual([true, false, false, true, false, false]);
    expect(embedding.rungs[3]?.reasonEn).toBe(
      "Xavier scouts for us: claimed or forwarded a case through the portal in the last 180 days.",
    );
    expect(embedding.level).toBe(3);
    expect(embedding.verdict).toBe("AMBER");
    expect(embedding.verdictReasonEn).toBe(
      "P stands at level 3 (programme management), but we reach no one there warmly. Active institution contact: Xavier (scouting through the portal).",
    );
    expect(embedding.verdictReasonNl).toContain("Actieve contactpersoon in de instelling: Xavier");
  });

  it("names an active teacher without lifting rung 3, and forgets a forward outside the window", async () => {
    const { embedding } = await ok<Answer>(server, QUERY, { programme: scope.id("Q"), workspace: scope.id("ws") });
    expect(embedding.rungs.map((r) => r.holds)).toEqual([true, false, false, false, false, false]);
    expect(embedding.level).toBe(0);
    expect(embedding.verdict).toBe("RED");
    expect(embedding.verdictReasonEn).toBe(
      "No warm route into Q. Active institution contact: Tim (scouting through the portal).",
    );
    expect(embedding.verdictReasonEn).not.toContain("Yara");
  });
});
