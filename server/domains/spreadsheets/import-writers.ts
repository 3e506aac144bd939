import { randomUUID } from "node:crypto";
import type { Tx } from "../../platform/neo4j/database.js";
import { stageRank } from "../figures/index.js";
import { MappingStatus } from "../../platform/model/graph-enums.js";
import { IMPORTABLE_CASE_STATUSES, type FileName } from "./csv-formats.js";
import type { RowProblem } from "./read-csv-text.js";
import type { ValidRow } from "./validate-csv-row.js";

/** What the import knows across files: SME ids from smes.csv that resolved to another SME. */
export interface ImportContext {
  /** smes.csv id (or KvK number) → the id of the SME node the row was merged into. */
  smeAlias: Map<string, string>;
}

/** How one file's rows are checked against the graph and written. */
export interface FileWriter {
  /** What a row is, for the change check: a node of this label with id `entityId`, or a KNOWS tie. */
  entity: { label: string; id: (row: ValidRow) => string } | { tie: true };
  /**
   * Checks rows against the graph (conflicts the cells cannot show) and resolves values the Cypher
   * needs; returns problems for rows that must not be written.
   */
  prepare?: (tx: Tx, rows: ValidRow[], context: ImportContext) => Promise<RowProblem[]>;
  /** Writes a batch of rows: `$rows` is a list of value maps, each with `line` and `isNew`. */
  cypher: string;
}

const mappingRank = Object.fromEntries(Object.values(MappingStatus).map((s, i) => [s, i]));
export const writerParams = { mappingRank, stageRank };

/** Raises the mapping status to the sheet's value when that is further; never lowers it. */
const raiseMapping = `n.mappingStatus = CASE
  WHEN row.mappingStatus IS NOT NULL AND $mappingRank[row.mappingStatus] > $mappingRank[coalesce(n.mappingStatus, 'NOT_APPROACHED')]
  THEN row.mappingStatus ELSE coalesce(n.mappingStatus, 'NOT_APPROACHED') END`;

/** Adds a relationship per id in a list cell (roles, periods): additive, never removes. */
const linkEach = (list: string, pattern: string, label: string) => `CALL (n, row) {
  UNWIND coalesce(row.${list}, []) AS ref
  MATCH (m:${label} {id: ref})
  MERGE ${pattern}
}`;

/** A row refers to a node that must stay where it is: refuse to move it to another parent. */
async function refuseMoves(
  tx: Tx,
  rows: ValidRow[],
  file: FileName,
  query: string,
  field: string,
  what: (row: ValidRow, current: string) => string,
): Promise<RowProblem[]> {
  const found = await tx.run(query, { rows: rows.map((r) => ({ line: r.line, ...r.values })) });
  const problems: RowProblem[] = [];
  for (const hit of found) {
    const row = rows.find((r) => r.line === hit.line);
    if (row) problems.push({ file, line: row.line, field, reason: what(row, String(hit.current)) });
  }
  return problems;
}

export const fileWriters: Record<FileName, FileWriter> = {
  "institutions.csv": {
    entity: { label: "Institution", id: (r) => String(r.values.id) },
    cypher: `UNWIND $rows AS row
      MERGE (n:Institution {id: row.id})
      SET n.name = row.name, n.kind = row.kind,
          n.shortName = coalesce(row.shortName, n.shortName), n.city = coalesce(row.city, n.city),
          n.website = coalesce(row.website, n.website)`,
  },

  "teaching-periods.csv": {
    entity: { label: "TeachingPeriod", id: (r) => String(r.values.id) },
    prepare: (tx, rows) =>
      refuseMoves(
        tx,
        rows,
        "teaching-periods.csv",
        `UNWIND $rows AS row
         MATCH (:TeachingPeriod {id: row.id})<-[:HAS_PERIOD]-(i:Institution) WHERE i.id <> row.institutionId
         RETURN row.line AS line, i.id AS current`,
        "institutionId",
        (row, current) => `period ${String(row.values.id)} belongs to institution ${current}; the import does not move it`,
      ),
    cypher: `UNWIND $rows AS row
      MATCH (i:Institution {id: row.institutionId})
      MERGE (n:TeachingPeriod {id: row.id})
      SET n.name = row.name, n.academicYear = row.academicYear, n.startDate = date(row.startDate), n.endDate = date(row.endDate)
      MERGE (i)-[:HAS_PERIOD]->(n)`,
  },

  "partners.csv": {
    entity: { label: "Partner", id: (r) => String(r.values.id) },
    cypher: `UNWIND $rows AS row
      MERGE (n:Partner {id: row.id})
      SET n.name = row.name, n.kind = row.kind`,
  },

  "programmes.csv": {
    entity: { label: "Programme", id: (r) => String(r.values.id) },
    prepare: (tx, rows) =>
      refuseMoves(
        tx,
        rows,
        "programmes.csv",
        `UNWIND $rows AS row
         MATCH (:Programme {id: row.id})-[:OFFERED_BY]->(i:Institution) WHERE i.id <> row.institutionId
         RETURN row.line AS line, i.id AS current`,
        "institutionId",
        (row, current) => `programme ${String(row.values.id)} is offered by institution ${current}; the import does not move it`,
      ),
    cypher: `UNWIND $rows AS row
      MATCH (i:Institution {id: row.institutionId})
      MERGE (n:Programme {id: row.id})
      SET n.name = row.name, n.level = row.level, ${raiseMapping}
      MERGE (n)-[:OFFERED_BY]->(i)`,
  },

  "courses.csv": {
    entity: { label: "Course", id: (r) => String(r.values.id) },
    cypher: `UNWIND $rows AS row
      MATCH (p:Programme {id: row.programmeId})
      MERGE (n:Course {id: row.id})
      ON CREATE SET n.themes = []
      SET n.name = row.name, n.kind = row.kind, n.studyYear = coalesce(row.studyYear, n.studyYear),
          n.themes = coalesce(row.themes, n.themes), ${raiseMapping}
      MERGE (n)-[:PART_OF]->(p)
      WITH n, row
      ${linkEach("periodIds", "(n)-[:RUNS_IN]->(m)", "TeachingPeriod")}`,
  },

  "people.csv": {
    entity: { label: "Person", id: (r) => String(r.values.id) },
    cypher: `UNWIND $rows AS row
      MERGE (n:Person {id: row.id})
      SET n.name = row.name, n.email = coalesce(row.email, n.email), n.phone = coalesce(row.phone, n.phone),
          n.jobTitle = coalesce(row.jobTitle, n.jobTitle), n.note = coalesce(row.note, n.note)
      WITH n, row
      ${linkEach("teaches", "(n)-[:TEACHES]->(m)", "Course")}
      ${linkEach("coordinates", "(n)-[:COORDINATES]->(m)", "Programme")}
      ${linkEach("directs", "(n)-[:DIRECTS]->(m)", "Programme")}
      ${linkEach("deanOf", "(n)-[:DEAN_OF]->(m)", "Institution")}
      ${linkEach("boardMemberOf", "(n)-[:BOARD_MEMBER_OF]->(m)", "Institution")}
      ${linkEach("worksAt", "(n)-[:WORKS_AT]->(m)", "Partner")}
      ${linkEach("coordinatorOf", "(n)-[:COORDINATOR_OF]->(m)", "Workspace")}`,
  },

  "ties.csv": {
    entity: { tie: true },
    // One tie per pair, either direction: MERGE without a direction finds an existing one.
    cypher: `UNWIND $rows AS row
      MATCH (a:Person {id: row.personA}), (b:Person {id: row.personB})
      MERGE (a)-[k:KNOWS]-(b)
      SET k.strength = row.strength, k.channel = row.channel,
          k.since = coalesce(date(row.since), k.since), k.lastContact = coalesce(date(row.lastContact), k.lastContact),
          k.note = coalesce(row.note, k.note), k.manual = coalesce(row.manual, k.manual)`,
  },

  "smes.csv": {
    entity: { label: "Sme", id: (r) => String(r.values.targetId) },
    prepare: resolveSmes,
    cypher: `UNWIND $rows AS row
      MERGE (n:Sme {id: row.targetId})
      SET n.name = row.name, n.kvkNumber = coalesce(row.kvkNumber, n.kvkNumber), n.sector = coalesce(row.sector, n.sector),
          n.size = coalesce(row.size, n.size), n.city = coalesce(row.city, n.city)
      WITH n, row
      CALL (n, row) {
        MATCH (p:Person {id: row.contactPersonId})
        MERGE (p)-[:CONTACT_FOR]->(n)
      }
      CALL (n, row) {
        MATCH (pa:Partner {id: row.referredBy})
        MERGE (pa)-[r:REFERRED]->(n)
        SET r.date = date(row.referralDate)
      }`,
  },

  "cases.csv": {
    entity: { label: "Case", id: (r) => String(r.values.id) },
    prepare: resolveCaseSmes,
    // Status, creation time and the first timeline events are set when the case is created only:
    // afterwards the lifecycle runs through the API, and the sheet's status is not applied.
    cypher: `UNWIND $rows AS row
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
        WITH n, row WHERE row.isNew
        UNWIND CASE coalesce(row.status, 'INTAKE')
                 WHEN 'INTAKE' THEN [[null, 'INTAKE', null]]
                 ELSE [[null, 'INTAKE', null], ['INTAKE', row.status, row.closeReason]] END AS step
        CREATE (n)-[:HAD_EVENT]->(:CaseEvent {id: randomUUID(), from: step[0], to: step[1], at: n.created, by: 'import',
                                              reason: step[2], note: 'Imported from cases.csv'})
      }`,
  },
};

/**
 * SMEs are merged by KvK number when the row has one, else by id, else by name and city (as the
 * intake does). Sets `targetId` on each row and records aliases for cases.csv.
 */
async function resolveSmes(tx: Tx, rows: ValidRow[], context: ImportContext): Promise<RowProblem[]> {
  const found = await tx.run(
    `UNWIND $rows AS row
     OPTIONAL MATCH (byKvk:Sme {kvkNumber: row.kvkNumber})
     OPTIONAL MATCH (byId:Sme {id: row.id})
     CALL (row) {
       OPTIONAL MATCH (same:Sme)
       WHERE row.kvkNumber IS NULL AND row.city IS NOT NULL
         AND toLower(trim(same.name)) = toLower(trim(row.name)) AND toLower(trim(same.city)) = toLower(trim(row.city))
       RETURN collect(same.id) AS byNameCity
     }
     RETURN row.line AS line, byKvk.id AS kvkId, byId.id AS idId, byId.kvkNumber AS idKvk, byNameCity`,
    { rows: rows.map((r) => ({ line: r.line, ...r.values })) },
  );
  const problems: RowProblem[] = [];
  for (const hit of found) {
    const row = rows.find((r) => r.line === hit.line);
    if (!row) continue;
    const v = row.values;
    const kvkId = hit.kvkId as string | null;
    const idId = hit.idId as string | null;
    const byNameCity = (hit.byNameCity as string[]) ?? [];
    let target: string;
    if (kvkId && idId && kvkId !== idId) {
      problems.push({ file: "smes.csv", line: row.line, field: "kvkNumber", reason: `KvK number ${String(v.kvkNumber)} belongs to SME ${kvkId}, id ${idId} is another SME` });
      continue;
    } else if (kvkId) {
      target = kvkId;
    } else if (idId) {
      if (v.kvkNumber && hit.idKvk && hit.idKvk !== v.kvkNumber) {
        problems.push({ file: "smes.csv", line: row.line, field: "kvkNumber", reason: `SME ${idId} has KvK number ${String(hit.idKvk)}; the import does not change it` });
        continue;
      }
      target = idId;
    } else if (byNameCity.length === 1 && byNameCity[0]) {
      target = byNameCity[0];
    } else if (byNameCity.length > 1) {
      problems.push({ file: "smes.csv", line: row.line, field: "name", reason: `${byNameCity.length} SMEs are named ${String(v.name)} in ${String(v.city)}: give the KvK number or the id of one` });
      continue;
    } else {
      target = v.id ? String(v.id) : randomUUID();
    }
    v.targetId = target;
    if (v.id) context.smeAlias.set(String(v.id), target);
    if (v.kvkNumber) context.smeAlias.set(`kvk:${String(v.kvkNumber)}`, target);
  }
  return problems;
}

/**
 * A case names its SME by smeId (through smes.csv's aliases) or smeKvkNumber; an existing case keeps
 * its SME. A new case may start as INTAKE, QUALIFIED or CLOSED (with a reason); for an existing case
 * the status column is not applied.
 */
async function resolveCaseSmes(tx: Tx, rows: ValidRow[], context: ImportContext): Promise<RowProblem[]> {
  const wanted = rows.map((r) => {
    const v = r.values;
    const viaId = v.smeId ? (context.smeAlias.get(String(v.smeId)) ?? String(v.smeId)) : null;
    const viaKvk = v.smeKvkNumber ? (context.smeAlias.get(`kvk:${String(v.smeKvkNumber)}`) ?? null) : null;
    return { line: r.line, id: v.id, smeId: viaId ?? viaKvk, smeKvkNumber: viaId || viaKvk ? null : v.smeKvkNumber };
  });
  const found = await tx.run(
    `UNWIND $rows AS row
     OPTIONAL MATCH (byId:Sme {id: row.smeId})
     OPTIONAL MATCH (byKvk:Sme {kvkNumber: row.smeKvkNumber})
     OPTIONAL MATCH (existing:Case {id: row.id})
     OPTIONAL MATCH (existing)<-[:ASKED]-(current:Sme)
     RETURN row.line AS line, coalesce(byId.id, byKvk.id) AS sme, existing IS NOT NULL AS exists, collect(current.id) AS currentSmes`,
    { rows: wanted },
  );
  const problems: RowProblem[] = [];
  for (const hit of found) {
    const row = rows.find((r) => r.line === hit.line);
    if (!row) continue;
    const v = row.values;
    const field = v.smeId ? "smeId" : "smeKvkNumber";
    if (!hit.sme) {
      problems.push({ file: "cases.csv", line: row.line, field, reason: `no SME ${v.smeId ? `with id ${String(v.smeId)}` : `with KvK number ${String(v.smeKvkNumber)}`} in the database or smes.csv` });
      continue;
    }
    if (!hit.exists && v.status && !(IMPORTABLE_CASE_STATUSES as readonly unknown[]).includes(v.status)) {
      problems.push({
        file: "cases.csv",
        line: row.line,
        field: "status",
        reason: `a new case can start as ${IMPORTABLE_CASE_STATUSES.join(", ")}; ${String(v.status)} needs proposals or a sprint: import it as QUALIFIED and move it on in the app`,
      });
      continue;
    }
    if (!hit.exists && v.status === "CLOSED" && !v.closeReason) {
      problems.push({ file: "cases.csv", line: row.line, field: "closeReason", reason: "is required for a new CLOSED case" });
      continue;
    }
    const current = hit.currentSmes as string[];
    if (current.length > 0 && !current.includes(String(hit.sme))) {
      problems.push({ file: "cases.csv", line: row.line, field, reason: `case ${String(v.id)} was asked by SME ${current.join(", ")}; the import does not move it` });
      continue;
    }
    v.smeTargetId = hit.sme;
  }
  return problems;
}
