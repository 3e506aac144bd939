import type { Database } from "../../server/platform/neo4j/database.js";
import { bumpingTieVersion } from "../../server/platform/neo4j/tie-version.js";

/**
 * Small hand-built graphs for the network analytics tests, written with UNWIND in one transaction.
 * Ties are stored once per pair, from the first-named person to the second.
 */
export interface TieSpec {
  a: string;
  b: string;
  strength: number;
  channel?: string;
  since?: string;
  lastContact?: string;
  manual?: boolean;
}

export interface GraphSpec {
  workspace?: { id: string; name: string; coordinators: string[] } | null;
  people?: Array<{ id: string; name: string }>;
  ties?: TieSpec[];
  institutions?: Array<{ id: string; name: string; shortName?: string }>;
  programmes?: Array<{ id: string; name: string; institution: string }>;
  courses?: Array<{ id: string; name: string; programme: string }>;
  teaches?: Array<[person: string, course: string]>;
  coordinates?: Array<[person: string, programme: string]>;
  directs?: Array<[person: string, programme: string]>;
  deans?: Array<[person: string, institution: string]>;
  board?: Array<[person: string, institution: string]>;
  agreements?: Array<{
    id: string;
    scope: "COURSE" | "PROGRAMME" | "INSTITUTION";
    structural?: boolean;
    validFrom: string;
    validTo?: string;
    covers: string[];
    signedBy?: string[];
  }>;
  periods?: Array<{ id: string; startDate: string; endDate: string }>;
  sprints?: Array<{ id: string; status: string; course: string; period?: string; startDate?: string }>;
  proposals?: Array<{ id: string; course: string; sentAt: string; expiresAt: string; answer?: string; answeredAt?: string }>;
}

export async function writeGraph(db: Database, spec: GraphSpec): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run("UNWIND $rows AS r CREATE (:Person {id: r.id, name: r.name})", { rows: spec.people ?? [] });
    if (spec.workspace) {
      await tx.run(
        `CREATE (w:Workspace {id: $id, name: $name})
         WITH w UNWIND $coordinators AS c MATCH (p:Person {id: c}) CREATE (p)-[:COORDINATOR_OF]->(w)`,
        spec.workspace,
      );
    }
    await tx.run("UNWIND $rows AS r CREATE (:Institution {id: r.id, name: r.name, shortName: r.shortName, kind: 'HBO'})", {
      rows: (spec.institutions ?? []).map((i) => ({ shortName: null, ...i })),
    });
    await tx.run(
      `UNWIND $rows AS r MATCH (i:Institution {id: r.institution})
       CREATE (:Programme {id: r.id, name: r.name, level: 'BACHELOR', mappingStatus: 'NOT_APPROACHED'})-[:OFFERED_BY]->(i)`,
      { rows: spec.programmes ?? [] },
    );
    await tx.run(
      `UNWIND $rows AS r MATCH (g:Programme {id: r.programme})
       CREATE (:Course {id: r.id, name: r.name, kind: 'PROJECT', themes: [], mappingStatus: 'NOT_APPROACHED'})-[:PART_OF]->(g)`,
      { rows: spec.courses ?? [] },
    );
    const link = async (pairs: Array<[string, string]> | undefined, label: string, type: string) =>
      tx.run(`UNWIND $rows AS r MATCH (p:Person {id: r[0]}), (o:${label} {id: r[1]}) CREATE (p)-[:${type}]->(o)`, {
        rows: pairs ?? [],
      });
    await link(spec.teaches, "Course", "TEACHES");
    await link(spec.coordinates, "Programme", "COORDINATES");
    await link(spec.directs, "Programme", "DIRECTS");
    await link(spec.deans, "Institution", "DEAN_OF");
    await link(spec.board, "Institution", "BOARD_MEMBER_OF");
    await tx.run(
      `UNWIND $rows AS r
       CREATE (a:Agreement {id: r.id, scope: r.scope, structural: r.structural, validFrom: date(r.validFrom), assignmentTypes: []})
       SET a.validTo = CASE WHEN r.validTo IS NULL THEN null ELSE date(r.validTo) END
       WITH a, r
       CALL (a, r) { UNWIND r.covers AS c MATCH (o) WHERE (o:Course OR o:Programme OR o:Institution) AND o.id = c CREATE (a)-[:COVERS]->(o) }
       CALL (a, r) { UNWIND r.signedBy AS s MATCH (p:Person {id: s}) CREATE (p)-[:SIGNED]->(a) }`,
      { rows: (spec.agreements ?? []).map((a) => ({ structural: false, validTo: null, signedBy: [], ...a })) },
    );
    await tx.run(
      "UNWIND $rows AS r CREATE (:TeachingPeriod {id: r.id, name: r.id, academicYear: '', startDate: date(r.startDate), endDate: date(r.endDate)})",
      {
        rows: spec.periods ?? [],
      },
    );
    await tx.run(
      `UNWIND $rows AS r MATCH (c:Course {id: r.course})
       CREATE (s:Sprint {id: r.id, status: r.status})-[:IN_COURSE]->(c)
       SET s.startDate = CASE WHEN r.startDate IS NULL THEN null ELSE date(r.startDate) END
       WITH s, r CALL (s, r) { MATCH (tp:TeachingPeriod {id: r.period}) CREATE (s)-[:IN_PERIOD]->(tp) }`,
      { rows: (spec.sprints ?? []).map((x) => ({ period: null, startDate: null, ...x })) },
    );
    await tx.run(
      `UNWIND $rows AS r MATCH (c:Course {id: r.course})
       CREATE (p:Proposal {id: r.id, channel: 'EMAIL', sentAt: datetime(r.sentAt), expiresAt: datetime(r.expiresAt)})-[:FOR_COURSE]->(c)
       SET p.answer = r.answer, p.answeredAt = CASE WHEN r.answeredAt IS NULL THEN null ELSE datetime(r.answeredAt) END`,
      { rows: (spec.proposals ?? []).map((x) => ({ answer: null, answeredAt: null, ...x })) },
    );
    // Ties written as the server's writers do: with the tie version moved on (server/platform/neo4j/tie-version.ts).
    await tx.run(
      bumpingTieVersion(`UNWIND $rows AS r MATCH (a:Person {id: r.a}), (b:Person {id: r.b})
       CREATE (a)-[k:KNOWS {strength: r.strength, channel: coalesce(r.channel, 'COLLEAGUE')}]->(b)
       SET k.since = CASE WHEN r.since IS NULL THEN null ELSE date(r.since) END,
           k.lastContact = CASE WHEN r.lastContact IS NULL THEN null ELSE date(r.lastContact) END,
           k.manual = r.manual`),
      { rows: (spec.ties ?? []).map((t) => ({ channel: null, since: null, lastContact: null, manual: null, ...t })) },
    );
  });
}

/** People named by id only: "x" → { id: "x", name: "X" }. */
export function peopleNamed(...ids: string[]): Array<{ id: string; name: string }> {
  return ids.map((id) => ({ id, name: id.toUpperCase() }));
}

/** A seeded PRNG (mulberry32), so generated graphs are the same on every run: the synthetic generator's own. */
export { seededRandom } from "../../seed/synthetic/Random.js";
