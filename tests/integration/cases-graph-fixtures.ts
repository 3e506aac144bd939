import { noteTestAccount } from "../helpers/test-accounts.js";
import { signToken } from "../../server/platform/auth/sign-token.js";
import { addDays } from "../../server/platform/clock/check-iso-date.js";
import { loadConfig } from "../../server/platform/config.js";
import { todayIso } from "../../server/platform/clock/read-clock.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import type { TestServer } from "../helpers/server.js";
import { linkStaleTopics, type TopicOwner } from "../../server/domains/vocabulary/index.js";
import { nowIso } from "../../server/platform/clock/read-clock.js";
import { bumpingTieVersion } from "../../server/platform/neo4j/tie-version.js";

/**
 * Small hand-built graphs for the case-workflow tests (cases-*.int.test.ts, matching-*.int.test.ts),
 * written with plain Cypher so each test knows exactly what is there. Dates are relative to today,
 * because the suggestions only consider teaching periods that have not begun yet.
 */

/** Today plus `offset` days, as YYYY-MM-DD. */
export function day(offset: number): string {
  return addDays(todayIso(), offset);
}

/** An ISO instant `offset` days from now (negative: in the past). */
export function instant(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString();
}

export async function seedWorkspace(
  db: Database,
  input: { id: string; coordinators: Array<{ id: string; name: string }> },
): Promise<void> {
  await db.write(
    `CREATE (w:Workspace {id: $id, name: 'Werkplaats ' + $id})
     WITH w UNWIND $coordinators AS c
     CREATE (:Person {id: c.id, name: c.name})-[:COORDINATOR_OF]->(w)`,
    input,
  );
}

export async function seedInstitution(db: Database, input: { id: string; kind: "WO" | "HBO" | "MBO" }): Promise<void> {
  await db.write(
    `CREATE (i:Institution {id: $id, name: 'Institution ' + $id, kind: $kind})
     CREATE (:Programme {id: 'prog-' + $id, name: 'Programme ' + $id, level: 'BACHELOR', mappingStatus: 'AGREEMENT'})-[:OFFERED_BY]->(i)`,
    input,
  );
}

export interface CourseSpec {
  id: string;
  name: string;
  themes: string[];
  institution: string;
  teachers?: string[];
  /** Periods of the course's institution it runs in; created when new. */
  periods?: Array<{ id: string; name?: string; start: string; end: string }>;
  /** A course-level agreement; omit for none. `null` casesPerPeriod = no limit. */
  agreement?: { casesPerPeriod: number | null; validFrom?: string; validTo?: string | null };
}

export async function seedCourse(db: Database, spec: CourseSpec): Promise<void> {
  await db.write(
    `MATCH (pr:Programme {id: 'prog-' + $institution})-[:OFFERED_BY]->(i:Institution)
     CREATE (c:Course {id: $id, name: $name, kind: 'PROJECT', themes: $themes, mappingStatus: 'AGREEMENT'})-[:PART_OF]->(pr)
     WITH c, i
     UNWIND $teachers AS t
     MERGE (p:Person {id: t}) ON CREATE SET p.name = 'Teacher ' + t
     CREATE (p)-[:TEACHES]->(c)`,
    { ...spec, teachers: spec.teachers ?? [] },
  );
  for (const period of spec.periods ?? []) {
    await db.write(
      `MATCH (c:Course {id: $course})-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
       MERGE (p:TeachingPeriod {id: $id})
       ON CREATE SET p.name = $name, p.academicYear = '2026-2027', p.startDate = date($start), p.endDate = date($end)
       MERGE (i)-[:HAS_PERIOD]->(p)
       CREATE (c)-[:RUNS_IN]->(p)`,
      { course: spec.id, id: period.id, name: period.name ?? period.id, start: period.start, end: period.end },
    );
  }
  if (spec.agreement) {
    await seedAgreement(db, { id: `agr-${spec.id}`, covers: { label: "Course", id: spec.id }, ...spec.agreement });
  }
  await linkTopics(db, "Course", spec.id);
}

/**
 * Links a fixture's topic words to the vocabulary, as the API does on every write (issue #15): matching and the
 * board filter read the ABOUT links. Without the starter vocabulary loaded, each word becomes a proposed topic
 * of its own, shared by every case and course that uses the word (compared normalised: case, spaces, hyphens).
 */
export async function linkTopics(db: Database, label: TopicOwner, id: string): Promise<void> {
  await db.writeTx((tx) => linkStaleTopics(tx, nowIso(), { ids: [id], labels: [label] }));
}

export async function seedAgreement(
  db: Database,
  input: {
    id: string;
    covers: { label: "Course" | "Programme" | "Institution"; id: string };
    casesPerPeriod: number | null;
    validFrom?: string;
    validTo?: string | null;
  },
): Promise<void> {
  const scope = { Course: "COURSE", Programme: "PROGRAMME", Institution: "INSTITUTION" }[input.covers.label];
  await db.write(
    `MATCH (x:${input.covers.label} {id: $coversId})
     CREATE (a:Agreement {id: $id, scope: $scope, assignmentTypes: ['PROJECT'], casesPerPeriod: $cap, structural: true,
                          validFrom: date($validFrom), validTo: date($validTo)})-[:COVERS]->(x)`,
    {
      coversId: input.covers.id,
      id: input.id,
      scope,
      cap: input.casesPerPeriod,
      validFrom: input.validFrom ?? day(-365),
      validTo: input.validTo ?? null,
    },
  );
}

export async function seedTie(db: Database, a: string, b: string, strength: number): Promise<void> {
  // As the server's tie writers: the tie version moves on (server/platform/neo4j/tie-version.ts).
  await db.write(
    bumpingTieVersion(`MERGE (x:Person {id: $a}) ON CREATE SET x.name = 'Person ' + $a
     MERGE (y:Person {id: $b}) ON CREATE SET y.name = 'Person ' + $b
     CREATE (x)-[:KNOWS {strength: $strength, channel: 'COLLEAGUE'}]->(y)`),
    { a, b, strength },
  );
}

export interface CaseSpec {
  id: string;
  title?: string;
  status?: string;
  topics?: string[];
  wantedLevels?: string[];
  earliestStart?: string | null;
  deadline?: string | null;
  sme?: string;
  coordinator?: string;
  created?: string;
}

/** A case written directly, in any state (for reads; the lifecycle tests go through the API). */
export async function seedCase(db: Database, spec: CaseSpec): Promise<void> {
  await db.write(
    `MERGE (s:Sme {id: $sme}) ON CREATE SET s.name = 'SME ' + $sme, s.city = 'Haarlem'
     CREATE (s)-[:ASKED]->(k:Case {id: $id, title: $title, status: $status, topics: $topics, wantedLevels: $levels,
                                   effort: 'SPRINT', earliestStart: date($earliestStart), deadline: date($deadline),
                                   created: datetime($created)})
     CREATE (k)-[:HAD_EVENT]->(:CaseEvent {id: randomUUID(), to: $status, at: datetime($created)})
     WITH k
     OPTIONAL MATCH (c:Person {id: $coordinator})
     FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (k)-[:HANDLED_BY]->(c))`,
    {
      id: spec.id,
      title: spec.title ?? `Case ${spec.id}`,
      status: spec.status ?? "QUALIFIED",
      topics: spec.topics ?? ["data"],
      levels: spec.wantedLevels ?? ["HBO"],
      earliestStart: spec.earliestStart === undefined ? day(30) : spec.earliestStart,
      deadline: spec.deadline === undefined ? day(150) : spec.deadline,
      sme: spec.sme ?? `sme-${spec.id}`,
      coordinator: spec.coordinator ?? null,
      created: spec.created ?? new Date().toISOString(),
    },
  );
  await linkTopics(db, "Case", spec.id);
}

/**
 * The test server, but signed in as an account linked to `personId` (a coordinator), so the
 * timeline records that person as the one who acted.
 */
export async function signedInAs(server: TestServer, personId: string): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: "test" });
  noteTestAccount(`user-${personId}`);
  const { token } = await signToken(config, { id: `user-${personId}`, roles: ["COORDINATOR"], personId });
  return {
    http: server.http,
    token,
    async graphql(query, variables) {
      const response = await fetch(`${server.http.url}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
  };
}

export interface GraphQLErrorShape {
  message: string;
  extensions?: Record<string, unknown>;
}

/** Runs an operation that must succeed and returns its data. */
export async function ok<T>(server: TestServer, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await server.graphql<T>(query, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** Runs an operation that must fail and returns its first error. */
export async function refused(
  server: TestServer,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLErrorShape> {
  const result = await server.graphql(query, variables);
  const error = result.errors?.[0];
  if (!error) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
  return error;
}
