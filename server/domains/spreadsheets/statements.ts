import { bumpingCatalogueVersion } from "../../platform/neo4j/catalogue-version.js";
import type { RefLabel } from "./csv-formats.js";
import { bumpingTieVersion, pairsWithIds, TIE_CHANGE_MOST_PEOPLE } from "../../platform/neo4j/tie-version.js";

/**
 * The Cypher of the spreadsheet import and export, each statement whole. An import statement
 * writes a batch: `$rows` is a list of a file's value maps, each with `line` and `isNew`; mapping
 * statuses are ranked by $mappingRank. Snapshots: tests/snapshots/cypher/spreadsheets/.
 */

// ---- Export ---------------------------------------------------------------------------------

/**
 * Every case with its SME, status, dates, its topics' labels in $language (NL or EN), and — once matched — course,
 * institution and period, oldest first.
 */
export const EXPORT_CASES = /* cypher */ `
MATCH (c:Case)
OPTIONAL MATCH (s:Sme)-[:ASKED]->(c)
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_EVENT]->(e:CaseEvent)
  WITH e ORDER BY e.at
  RETURN min(CASE WHEN e.to = 'MATCHED' THEN e.at END) AS matchedAt,
         min(CASE WHEN e.to = 'COMPLETED' THEN e.at END) AS completedAt,
         max(CASE WHEN e.to = 'CLOSED' THEN e.at END) AS closedAt,
         last(collect(CASE WHEN e.to = 'CLOSED' THEN e.reason END)) AS closeReason
}
CALL (c) {
  OPTIONAL MATCH (sp:Sprint)-[:FOR_CASE]->(c) WHERE coalesce(sp.status, '') <> 'CANCELLED'
  WITH sp ORDER BY sp.startDate DESC, sp.id
  LIMIT 1
  OPTIONAL MATCH (sp)-[:IN_COURSE]->(course:Course)
  OPTIONAL MATCH (course)-[:PART_OF]->(p:Programme)-[:OFFERED_BY]->(i:Institution)
  OPTIONAL MATCH (sp)-[:IN_PERIOD]->(tp:TeachingPeriod)
  RETURN sp.status AS sprintStatus, course.id AS courseId, course.name AS courseName,
         head(collect(p.name)) AS programmeName, head(collect(i.id)) AS institutionId, head(collect(i.name)) AS institutionName,
         head(collect(tp.name + ' ' + tp.academicYear)) AS teachingPeriod
}
CALL (c) {
  // The case's own referral (a second case of the SME may come through another partner).
  OPTIONAL MATCH (pa:Partner)-[r:REFERRED]->(c)
  WITH pa, r ORDER BY r.date, pa.id LIMIT 1
  RETURN pa.id AS referringPartnerId, toString(r.date) AS referralDate, r.by AS referringPersonId, pa.name AS referredBy
}
RETURN c.id AS id, c.title AS title, s.id AS smeId, s.kvkNumber AS smeKvkNumber, c.question AS question,
       c.topics AS topics, c.wantedLevels AS wantedLevels, c.effort AS effort,
       COLLECT { MATCH (c)-[:ABOUT]->(t:Topic)
                 WITH CASE WHEN $language = 'EN' THEN t.labelEn ELSE t.labelNl END AS label ORDER BY label
                 RETURN label } AS topicLabels,
       toString(c.earliestStart) AS earliestStart, toString(c.deadline) AS deadline, c.status AS status, closeReason,
       toString(c.created) AS created, head([(c)-[:HANDLED_BY]->(k:Person) | k.id]) AS coordinatorId,
       s.name AS smeName, s.city AS smeCity, referringPartnerId, referralDate, referringPersonId, referredBy,
       toString(matchedAt) AS matchedAt, toString(completedAt) AS completedAt, toString(closedAt) AS closedAt,
       courseId, courseName, programmeName, institutionId, institutionName, teachingPeriod, sprintStatus
ORDER BY c.created, c.id`;

/** Everyone in the graph with their roles and organisations, by name. */
export const EXPORT_CONTACTS = /* cypher */ `
MATCH (n:Person)
WITH n,
     [(n)-[:TEACHES]->(x:Course) | x] AS teaches,
     [(n)-[:COORDINATES]->(x:Programme) | x] AS coordinates,
     [(n)-[:DIRECTS]->(x:Programme) | x] AS directs,
     [(n)-[:DEAN_OF]->(x:Institution) | x] AS deanOf,
     [(n)-[:BOARD_MEMBER_OF]->(x:Institution) | x] AS boardMemberOf,
     [(n)-[:WORKS_AT]->(x:Partner) | x] AS worksAt,
     [(n)-[:COORDINATOR_OF]->(x:Workspace) | x] AS coordinatorOf,
     [(n)-[:CONTACT_FOR]->(x:Sme) | x] AS contactFor
WITH n, teaches, coordinates, directs, deanOf, boardMemberOf, worksAt, coordinatorOf, contactFor,
     [r IN [
       [size(teaches), 'teacher'], [size(coordinates), 'programme coordinator'], [size(directs), 'programme director'],
       [size(deanOf), 'dean'], [size(boardMemberOf), 'board member'], [size(worksAt), 'partner'],
       [size(coordinatorOf), 'workspace coordinator'], [size(contactFor), 'SME contact']
     ] WHERE r[0] > 0 | r[1]] AS roles,
     [(n)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution) | i.name]
       + [p IN coordinates + directs | head([(p)-[:OFFERED_BY]->(i:Institution) | i.name])]
       + [x IN deanOf + boardMemberOf + worksAt + coordinatorOf + contactFor | x.name] AS organisationNames
RETURN n.id AS id, n.name AS name, n.email AS email, n.phone AS phone, n.jobTitle AS jobTitle,
       roles, reduce(acc = [], o IN organisationNames | CASE WHEN o IS NULL OR o IN acc THEN acc ELSE acc + o END) AS organisations,
       [x IN teaches | x.id] AS teaches, [x IN coordinates | x.id] AS coordinates, [x IN directs | x.id] AS directs,
       [x IN deanOf | x.id] AS deanOf, [x IN boardMemberOf | x.id] AS boardMemberOf, [x IN worksAt | x.id] AS worksAt,
       [x IN coordinatorOf | x.id] AS coordinatorOf, [x IN contactFor | x.id] AS contactFor
ORDER BY n.name, n.id`;

// ---- Import: checks before writing ----------------------------------------------------------

/** Which of the ids ($ids) that a file's cells refer to exist as nodes of the label (a fixed list). */
export function readExistingIdsStatement(label: RefLabel): string {
  return /* cypher */ `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN n.id AS id`;
}

/** The labels of the nodes the import writes, one file each. */
export type ImportedLabel =
  "Institution" | "TeachingPeriod" | "Partner" | "Programme" | "Course" | "Person" | "Sme" | "Case" | "Agreement" | "Interaction";

/**
 * A row's node as it is, properties and relationships, read before and after a batch is written
 * to tell created, updated and unchanged rows apart ($rows: line and id).
 */
export function readRowStateStatement(label: ImportedLabel): string {
  return /* cypher */ `
UNWIND $rows AS row
OPTIONAL MATCH (n:${label} {id: row.id})
RETURN row.line AS line, properties(n) AS props,
       [(n)-[r]-(m) | type(r) + CASE WHEN startNode(r) = n THEN '>' ELSE '<' END + coalesce(m.id, '') + ' ' + coalesce(toString(r.date), '') + coalesce(' ' + r.by, '')] AS rels`;
}

/** As readRowStateStatement, for ties.csv: the KNOWS tie between the row's two people, either direction. */
export const READ_TIE_ROW_STATE = /* cypher */ `
UNWIND $rows AS row
OPTIONAL MATCH (:Person {id: row.a})-[k:KNOWS]-(:Person {id: row.b})
RETURN row.line AS line, collect(properties(k)) AS ties`;

/** Teaching periods that belong to another institution than the row says: the import does not move them. */
export const READ_MOVED_TEACHING_PERIODS = /* cypher */ `
UNWIND $rows AS row
MATCH (:TeachingPeriod {id: row.id})<-[:HAS_PERIOD]-(i:Institution) WHERE i.id <> row.institutionId
RETURN row.line AS line, i.id AS current`;

/** Programmes offered by another institution than the row says: the import does not move them. */
export const READ_MOVED_PROGRAMMES = /* cypher */ `
UNWIND $rows AS row
MATCH (:Programme {id: row.id})-[:OFFERED_BY]->(i:Institution) WHERE i.id <> row.institutionId
RETURN row.line AS line, i.id AS current`;

/** The SMEs a smes.csv row may be: by KvK number, by id, and (without a KvK number) by name and city. */
export const RESOLVE_SMES = /* cypher */ `
UNWIND $rows AS row
OPTIONAL MATCH (byKvk:Sme {kvkNumber: row.kvkNumber})
OPTIONAL MATCH (byId:Sme {id: row.id})
CALL (row) {
  OPTIONAL MATCH (same:Sme)
  WHERE row.kvkNumber IS NULL AND row.city IS NOT NULL
    AND toLower(trim(same.name)) = toLower(trim(row.name)) AND toLower(trim(same.city)) = toLower(trim(row.city))
  RETURN collect(same.id) AS byNameCity
}
RETURN row.line AS line, byKvk.id AS kvkId, byId.id AS idId, byId.kvkNumber AS idKvk, byNameCity`;

/** The SME a cases.csv row names (by id or KvK number), and the SME of the case when it exists. */
export const RESOLVE_CASE_SMES = /* cypher */ `
UNWIND $rows AS row
OPTIONAL MATCH (byId:Sme {id: row.smeId})
OPTIONAL MATCH (byKvk:Sme {kvkNumber: row.smeKvkNumber})
OPTIONAL MATCH (existing:Case {id: row.id})
OPTIONAL MATCH (existing)<-[:ASKED]-(current:Sme)
RETURN row.line AS line, coalesce(byId.id, byKvk.id) AS sme, existing IS NOT NULL AS exists, collect(current.id) AS currentSmes`;

// ---- Import: one statement per file ---------------------------------------------------------

export const IMPORT_INSTITUTIONS = bumpingCatalogueVersion(/* cypher */ `
UNWIND $rows AS row
MERGE (n:Institution {id: row.id})
SET n.name = row.name, n.kind = row.kind,
    n.shortName = coalesce(row.shortName, n.shortName), n.city = coalesce(row.city, n.city),
    n.website = coalesce(row.website, n.website)`);

export const IMPORT_TEACHING_PERIODS = bumpingCatalogueVersion(/* cypher */ `
UNWIND $rows AS row
MATCH (i:Institution {id: row.institutionId})
MERGE (n:TeachingPeriod {id: row.id})
SET n.name = row.name, n.academicYear = row.academicYear, n.startDate = date(row.startDate), n.endDate = date(row.endDate)
MERGE (i)-[:HAS_PERIOD]->(n)`);

export const IMPORT_PARTNERS = /* cypher */ `
UNWIND $rows AS row
MERGE (n:Partner {id: row.id})
SET n.name = row.name, n.kind = row.kind`;

/** The mapping status is raised to the sheet's value when that is further; never lowered. */
export const IMPORT_PROGRAMMES = bumpingCatalogueVersion(/* cypher */ `
UNWIND $rows AS row
MATCH (i:Institution {id: row.institutionId})
MERGE (n:Programme {id: row.id})
SET n.name = row.name, n.level = row.level,
    n.mappingStatus = CASE
      WHEN row.mappingStatus IS NOT NULL AND $mappingRank[row.mappingStatus] > $mappingRank[coalesce(n.mappingStatus, 'NOT_APPROACHED')]
      THEN row.mappingStatus ELSE coalesce(n.mappingStatus, 'NOT_APPROACHED') END
MERGE (n)-[:OFFERED_BY]->(i)`);

/** The mapping status as in IMPORT_PROGRAMMES; teaching periods are added, never removed. */
export const IMPORT_COURSES = bumpingCatalogueVersion(/* cypher */ `
UNWIND $rows AS row
MATCH (p:Programme {id: row.programmeId})
MERGE (n:Course {id: row.id})
ON CREATE SET n.themes = []
SET n.name = row.name, n.kind = row.kind, n.studyYear = coalesce(row.studyYear, n.studyYear),
    n.themes = coalesce(row.themes, n.themes),
    n.mappingStatus = CASE
      WHEN row.mappingStatus IS NOT NULL AND $mappingRank[row.mappingStatus] > $mappingRank[coalesce(n.mappingStatus, 'NOT_APPROACHED')]
      THEN row.mappingStatus ELSE coalesce(n.mappingStatus, 'NOT_APPROACHED') END
MERGE (n)-[:PART_OF]->(p)
WITH n, row
CALL (n, row) {
  UNWIND coalesce(row.periodIds, []) AS ref
  MATCH (m:TeachingPeriod {id: ref})
  MERGE (n)-[:RUNS_IN]->(m)
}`);

/** A relationship per id in each role cell: added, never removed. */
export const IMPORT_PEOPLE = /* cypher */ `
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n.name = row.name, n.email = coalesce(row.email, n.email), n.phone = coalesce(row.phone, n.phone),
    n.jobTitle = coalesce(row.jobTitle, n.jobTitle), n.note = coalesce(row.note, n.note)
WITH n, row
CALL (n, row) {
  UNWIND coalesce(row.teaches, []) AS ref
  MATCH (m:Course {id: ref})
  MERGE (n)-[:TEACHES]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.coordinates, []) AS ref
  MATCH (m:Programme {id: ref})
  MERGE (n)-[:COORDINATES]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.directs, []) AS ref
  MATCH (m:Programme {id: ref})
  MERGE (n)-[:DIRECTS]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.deanOf, []) AS ref
  MATCH (m:Institution {id: ref})
  MERGE (n)-[:DEAN_OF]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.boardMemberOf, []) AS ref
  MATCH (m:Institution {id: ref})
  MERGE (n)-[:BOARD_MEMBER_OF]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.worksAt, []) AS ref
  MATCH (m:Partner {id: ref})
  MERGE (n)-[:WORKS_AT]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.coordinatorOf, []) AS ref
  MATCH (m:Workspace {id: ref})
  MERGE (n)-[:COORDINATOR_OF]->(m)
}`;

/** One tie per pair, either direction: MERGE without a direction finds an existing one. */
export const IMPORT_TIES = bumpingTieVersion(
  /* cypher */ `
UNWIND $rows AS row
MATCH (a:Person {id: row.personA}), (b:Person {id: row.personB})
MERGE (a)-[k:KNOWS]-(b)
SET k.strength = row.strength, k.channel = row.channel,
    k.since = coalesce(date(row.since), k.since), k.lastContact = coalesce(date(row.lastContact), k.lastContact),
    k.note = coalesce(row.note, k.note), k.manual = coalesce(row.manual, k.manual)`,
  // The pair of each row (a row writes only the ties between its two people); a bigger page says "*" (every tie read again).
  `CASE WHEN size($rows) > ${TIE_CHANGE_MOST_PEOPLE / 2} THEN null ELSE ${pairsWithIds("[row IN $rows | [row.personA, row.personB]]")} END`,
);

/** Into the SME each row resolved to ($rows' targetId, RESOLVE_SMES). */
export const IMPORT_SMES = /* cypher */ `
UNWIND $rows AS row
MERGE (n:Sme {id: row.targetId})
SET n.name = row.name, n.kvkNumber = coalesce(row.kvkNumber, n.kvkNumber), n.sector = coalesce(row.sector, n.sector),
    n.size = coalesce(row.size, n.size), n.city = coalesce(row.city, n.city)
WITH n, row
CALL (n, row) {
  MATCH (p:Person {id: row.contactPersonId})
  MERGE (p)-[:CONTACT_FOR]->(n)
}`;

/**
 * Status, creation time and the first timeline events are set when the case is created only:
 * afterwards the lifecycle runs through the API, and the sheet's status is not applied.
 */
export const IMPORT_CASES = /* cypher */ `
UNWIND $rows AS row
MATCH (s:Sme {id: row.smeTargetId})
MERGE (n:Case {id: row.id})
ON CREATE SET n.status = coalesce(row.status, 'INTAKE'), n.created = coalesce(datetime(row.created), datetime()),
              n.topics = [], n.wantedLevels = []
SET n.title = row.title, n.question = coalesce(row.question, n.question), n.topics = coalesce(row.topics, n.topics),
    n.wantedLevels = coalesce(row.wantedLevels, n.wantedLevels), n.effort = coalesce(row.effort, n.effort),
    n.earliestStart = coalesce(date(row.earliestStart), n.earliestStart), n.deadline = coalesce(date(row.deadline), n.deadline)
MERGE (s)-[:ASKED]->(n)
WITH n, row
CALL (n, row) {
  MATCH (p:Person {id: row.coordinatorId})
  MERGE (n)-[:HANDLED_BY]->(p)
}
CALL (n, row) {
  // One referral per case: the row's partner replaces another one; without one it is left alone.
  MATCH (pa:Partner {id: row.referringPartnerId})
  OPTIONAL MATCH (n)<-[other:REFERRED]-(x:Partner) WHERE x.id <> pa.id
  WITH n, row, pa, collect(other) AS others
  FOREACH (o IN others | DELETE o)
  MERGE (pa)-[r:REFERRED]->(n)
  SET r.date = date(row.referralDate), r.by = coalesce(row.referringPersonId, r.by)
}
CALL (n, row) {
  WITH n, row WHERE row.isNew
  UNWIND CASE coalesce(row.status, 'INTAKE')
           WHEN 'INTAKE' THEN [[null, 'INTAKE', null]]
           ELSE [[null, 'INTAKE', null], ['INTAKE', row.status, row.closeReason]] END AS step
  CREATE (n)-[:HAD_EVENT]->(:CaseEvent {id: randomUUID(), from: step[0], to: step[1], at: n.created, by: 'import',
                                        reason: step[2], note: 'Imported from cases.csv'})
}`;

// ---- Import: agreements and the outreach log (#17 part 2) -----------------------------------

/** Agreements that exist with another scope than the row says: the import does not change what one covers. */
export const READ_CHANGED_AGREEMENT_SCOPES = /* cypher */ `
UNWIND $rows AS row
MATCH (n:Agreement {id: row.id}) WHERE n.scope <> row.scope
RETURN row.line AS line, n.scope AS current`;

/**
 * An agreement merged on its id; empty cells leave values alone, lists of what it covers, who signed and the
 * workspace are added, never removed. A new one is not structural unless the sheet says so (schema: Boolean!).
 */
export const IMPORT_AGREEMENTS = bumpingCatalogueVersion(/* cypher */ `
UNWIND $rows AS row
MERGE (n:Agreement {id: row.id})
ON CREATE SET n.structural = false, n.assignmentTypes = []
SET n.scope = row.scope, n.assignmentTypes = coalesce(row.assignmentTypes, n.assignmentTypes),
    n.casesPerPeriod = coalesce(row.casesPerPeriod, n.casesPerPeriod), n.planning = coalesce(row.planning, n.planning),
    n.process = coalesce(row.process, n.process), n.supervision = coalesce(row.supervision, n.supervision),
    n.structural = coalesce(row.structural, n.structural), n.signedOn = coalesce(date(row.signedOn), n.signedOn),
    n.validFrom = date(row.validFrom), n.validTo = coalesce(date(row.validTo), n.validTo)
WITH n, row
CALL (n, row) {
  UNWIND coalesce(row.courses, []) AS ref
  MATCH (m:Course {id: ref})
  MERGE (n)-[:COVERS]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.programmes, []) AS ref
  MATCH (m:Programme {id: ref})
  MERGE (n)-[:COVERS]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.institutions, []) AS ref
  MATCH (m:Institution {id: ref})
  MERGE (n)-[:COVERS]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.signedBy, []) AS ref
  MATCH (m:Person {id: ref})
  MERGE (m)-[:SIGNED]->(n)
}
CALL (n, row) {
  MATCH (w:Workspace {id: row.workspaceId})
  MERGE (n)-[:MADE_BY]->(w)
}`);

/** Interactions already in the log under a row's id, as the row would state them: the log is not edited. */
export const READ_EXISTING_INTERACTIONS = /* cypher */ `
UNWIND $rows AS row
MATCH (x:Interaction {id: row.id})
RETURN row.line AS line,
       head([(b:Person)-[:INITIATED]->(x) | b.id]) AS by, head([(x)-[:WITH]->(w:Person) | w.id]) AS with,
       toString(x.date) AS date, x.channel AS channel, x.result AS result, x.note AS note,
       head([(x)-[:ABOUT]->(p:Programme) | p.id]) AS aboutProgramme, head([(x)-[:ABOUT]->(c:Course) | c.id]) AS aboutCourse,
       head([(x)-[:INTRODUCED_BY]->(i:Person) | i.id]) AS introducedBy`;
