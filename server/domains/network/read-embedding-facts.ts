import type { Database } from "../../platform/neo4j/database.js";
import type { EmbeddingActivity } from "./EmbeddingTypes.js";
import { roleHoldersOfInstitution, roleHoldersOfProgramme } from "./resolve-path-targets.js";

/**
 * The facts the ladder and the activity figures rest on, read per programme or institution in
 * one query (also for all of them at once, for the refresh). "Active on d": validFrom ≤ d and
 * (no validTo or validTo ≥ d). A sprint "ran in the 12 months up to d" when its status is RUNNING
 * or COMPLETED and its start (its startDate, else its teaching period's) lies in (d − 1 year, d].
 * A proposal is "open on d" when sent on or before d, not expired by d (expiresAt after d) and not
 * answered by d.
 */

export interface ProgrammeFacts {
  id: string;
  name: string;
  institutionId: string | null;
  institutionName: string | null;
  /** R(P): teachers of its courses, its coordinators and directors. */
  roleHolderIds: string[];
  /** Coordinators and directors of P with a warm tie to W (or in W themselves). */
  managementWithWarmTie: string[];
  /** Coordinators and directors of P who signed an agreement for P or one of its courses, active on asOf. */
  managementWhoSigned: string[];
  /** Structural agreements covering a course of P, active on asOf. */
  structuralAgreements: string[];
  /** Distinct teaching periods of P's sprints that ran in the 12 months up to asOf. */
  sprintPeriods: string[];
  /** Institution-level agreements of P's institution signed by its dean or a board member, active on asOf. */
  boardAgreements: string[];
  activity: EmbeddingActivity;
  activityYearEarlier: EmbeddingActivity;
}

export interface InstitutionFacts {
  id: string;
  name: string;
  programmeIds: string[];
  /** R(I): every role at the institution, deans and board members included. */
  roleHolderIds: string[];
  activity: EmbeddingActivity;
  activityYearEarlier: EmbeddingActivity;
}

const active = (a: string, d: string) => `${a}.validFrom <= ${d} AND (${a}.validTo IS NULL OR ${a}.validTo >= ${d})`;

const sprintRan = (s: string, d: string) => `${s}.status IN ['RUNNING', 'COMPLETED']
  AND ${d} - duration('P1Y') < coalesce(${s}.startDate, COLLECT { MATCH (${s})-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
  AND coalesce(${s}.startDate, COLLECT { MATCH (${s})-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= ${d}`;

const proposalOpen = (p: string, d: string) => `date(${p}.sentAt) <= ${d} AND date(${p}.expiresAt) > ${d}
  AND (${p}.answer IS NULL OR (${p}.answeredAt IS NOT NULL AND date(${p}.answeredAt) > ${d}))`;

/** The activity figures of programme `g` on date `d`, as map entries. */
const programmeActivity = (d: string) => `{
  sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(g) WHERE ${sprintRan("s", d)} RETURN DISTINCT s.id }),
  agreements: size(COLLECT {
    MATCH (a:Agreement)-[:COVERS]->(g) WHERE ${active("a", d)} RETURN a.id AS x
    UNION
    MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(g) WHERE ${active("a", d)} RETURN a.id AS x }),
  openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(g) WHERE ${proposalOpen("p", d)} RETURN DISTINCT p.id })
}`;

const institutionActivity = (d: string) => `{
  sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE ${sprintRan("s", d)} RETURN DISTINCT s.id }),
  agreements: size(COLLECT {
    MATCH (a:Agreement)-[:COVERS]->(i) WHERE ${active("a", d)} RETURN a.id AS x
    UNION
    MATCH (a:Agreement)-[:COVERS]->(:Programme)-[:OFFERED_BY]->(i) WHERE ${active("a", d)} RETURN a.id AS x
    UNION
    MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE ${active("a", d)} RETURN a.id AS x }),
  openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE ${proposalOpen("p", d)} RETURN DISTINCT p.id })
}`;

/** Programmes by id ($programmes), or every programme when $programmes is null. */
export const programmeFactsQuery = `
MATCH (g:Programme)
WHERE $programmes IS NULL OR g.id IN $programmes
WITH g, date($asOf) AS d, date($asOf) - duration('P1Y') AS d1
OPTIONAL MATCH (g)-[:OFFERED_BY]->(i:Institution)
WITH g, d, d1, i ORDER BY i.id
WITH g, d, d1, head(collect(i)) AS i
RETURN g.id AS id, g.name AS name, i.id AS institutionId, i.name AS institutionName,
  COLLECT { ${roleHoldersOfProgramme} } AS roleHolderIds,
  COLLECT {
    MATCH (x:Person)-[:COORDINATES|DIRECTS]->(g)
    WHERE x.id IN $coordinators
       OR EXISTS { MATCH (x)-[r:KNOWS]-(w:Person) WHERE w.id IN $coordinators AND r.strength >= $threshold }
    RETURN DISTINCT x.id } AS managementWithWarmTie,
  COLLECT {
    MATCH (x:Person)-[:COORDINATES|DIRECTS]->(g)
    MATCH (x)-[:SIGNED]->(a:Agreement)-[:COVERS]->(o)
    WHERE (o = g OR (o:Course AND EXISTS { (o)-[:PART_OF]->(g) })) AND ${active("a", "d")}
    RETURN DISTINCT x.id } AS managementWhoSigned,
  COLLECT {
    MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(g)
    WHERE a.structural = true AND ${active("a", "d")}
    RETURN DISTINCT a.id } AS structuralAgreements,
  COLLECT {
    MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(g), (s)-[:IN_PERIOD]->(tp:TeachingPeriod)
    WHERE ${sprintRan("s", "d")}
    RETURN DISTINCT tp.id } AS sprintPeriods,
  COLLECT {
    MATCH (x:Person)-[:SIGNED]->(a:Agreement {scope: 'INSTITUTION'})-[:COVERS]->(i)
    WHERE (EXISTS { (x)-[:DEAN_OF]->(i) } OR EXISTS { (x)-[:BOARD_MEMBER_OF]->(i) }) AND ${active("a", "d")}
    RETURN DISTINCT a.id } AS boardAgreements,
  ${programmeActivity("d")} AS activity,
  ${programmeActivity("d1")} AS activityYearEarlier
ORDER BY id`;

export const institutionFactsQuery = `
MATCH (i:Institution)
WHERE $institutions IS NULL OR i.id IN $institutions
WITH i, date($asOf) AS d, date($asOf) - duration('P1Y') AS d1
RETURN i.id AS id, i.name AS name,
  COLLECT { MATCH (g:Programme)-[:OFFERED_BY]->(i) RETURN g.id ORDER BY g.id } AS programmeIds,
  COLLECT { ${roleHoldersOfInstitution} } AS roleHolderIds,
  ${institutionActivity("d")} AS activity,
  ${institutionActivity("d1")} AS activityYearEarlier
ORDER BY id`;

const sortedIds = (value: unknown): string[] => [...new Set((value as string[] | null) ?? [])].sort();

function toActivity(value: unknown): EmbeddingActivity {
  const v = (value ?? {}) as Record<string, unknown>;
  return { sprints: Number(v.sprints ?? 0), agreements: Number(v.agreements ?? 0), openProposals: Number(v.openProposals ?? 0) };
}

export async function readProgrammeFacts(
  db: Database,
  params: { programmes: string[] | null; coordinators: string[]; threshold: number; asOf: string },
): Promise<ProgrammeFacts[]> {
  const rows = await db.read(programmeFactsQuery, params);
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name ?? ""),
    institutionId: (row.institutionId as string | null) ?? null,
    institutionName: (row.institutionName as string | null) ?? null,
    roleHolderIds: sortedIds(row.roleHolderIds),
    managementWithWarmTie: sortedIds(row.managementWithWarmTie),
    managementWhoSigned: sortedIds(row.managementWhoSigned),
    structuralAgreements: sortedIds(row.structuralAgreements),
    sprintPeriods: sortedIds(row.sprintPeriods),
    boardAgreements: sortedIds(row.boardAgreements),
    activity: toActivity(row.activity),
    activityYearEarlier: toActivity(row.activityYearEarlier),
  }));
}

export async function readInstitutionFacts(
  db: Database,
  params: { institutions: string[] | null; asOf: string },
): Promise<InstitutionFacts[]> {
  const rows = await db.read(institutionFactsQuery, params);
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name ?? ""),
    programmeIds: sortedIds(row.programmeIds),
    roleHolderIds: sortedIds(row.roleHolderIds),
    activity: toActivity(row.activity),
    activityYearEarlier: toActivity(row.activityYearEarlier),
  }));
}
