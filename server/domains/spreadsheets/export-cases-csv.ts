import { stringify } from "csv-stringify/sync";
import type { Database } from "../../platform/neo4j/database.js";
import { LIST_SEPARATOR } from "./validate-csv-row.js";

/**
 * The columns of the cases export. The first ones are cases.csv's import columns, so an export
 * reads back in (the rest are ignored by the import); docs/spreadsheets.md describes them all.
 */
export const caseExportColumns = [
  "id",
  "title",
  "smeId",
  "smeKvkNumber",
  "question",
  "topics",
  "wantedLevels",
  "effort",
  "earliestStart",
  "deadline",
  "status",
  "closeReason",
  "created",
  "coordinatorId",
  "smeName",
  "smeCity",
  "referredBy",
  "matchedAt",
  "completedAt",
  "closedAt",
  "courseId",
  "courseName",
  "programmeName",
  "institutionId",
  "institutionName",
  "teachingPeriod",
  "sprintStatus",
] as const;

/** Every case with its SME, status, dates, and — once matched — course, institution and period, oldest first. */
export async function exportCasesCsv(db: Database): Promise<string> {
  const rows = await db.read(
    `MATCH (c:Case)
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
     RETURN c.id AS id, c.title AS title, s.id AS smeId, s.kvkNumber AS smeKvkNumber, c.question AS question,
            c.topics AS topics, c.wantedLevels AS wantedLevels, c.effort AS effort,
            toString(c.earliestStart) AS earliestStart, toString(c.deadline) AS deadline, c.status AS status, closeReason,
            toString(c.created) AS created, head([(c)-[:HANDLED_BY]->(k:Person) | k.id]) AS coordinatorId,
            s.name AS smeName, s.city AS smeCity, head([(pa:Partner)-[:REFERRED]->(s) | pa.name]) AS referredBy,
            toString(matchedAt) AS matchedAt, toString(completedAt) AS completedAt, toString(closedAt) AS closedAt,
            courseId, courseName, programmeName, institutionId, institutionName, teachingPeriod, sprintStatus
     ORDER BY c.created, c.id`,
  );
  return toCsv(rows, caseExportColumns);
}

/** CSV text with a header, lists joined by semicolons, a byte-order mark so Excel reads UTF-8. */
export function toCsv(rows: Array<Record<string, unknown>>, columns: readonly string[]): string {
  const records = rows.map((row) =>
    columns.map((column) => {
      const value = row[column];
      if (value === null || value === undefined) return "";
      return Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
    }),
  );
  return stringify(records, { header: true, columns: [...columns], bom: true, record_delimiter: "unix" });
}
