import type { Database } from "../../platform/neo4j/database.js";
import type { MappingStatus } from "../../platform/model/graph-enums.js";
import { interactionOrder, interactionProjection, toOutreachInteraction } from "./interaction-projection.js";
import { MappingSubject, type MappingRow, type OutreachPerson } from "./outreach-types.js";

export interface MappingTableFilter {
  institution?: string | null | undefined;
  status?: MappingStatus | null | undefined;
}

/**
 * Every programme, and every course under each programme it is part of, with its mapping status,
 * teachers, latest interaction and counts. Courses that belong to no programme are not listed.
 * Sorted by institution, programme (the programme's own row first), course.
 */
export async function readMappingTable(db: Database, filter: MappingTableFilter): Promise<MappingRow[]> {
  const rows = await db.read(
    `MATCH (p:Programme)-[:OFFERED_BY]->(i:Institution)
     WHERE $institution IS NULL OR i.id = $institution
     CALL (p, i) {
       WITH p, i
       WHERE $status IS NULL OR coalesce(p.mappingStatus, 'NOT_APPROACHED') = $status
       RETURN 'PROGRAMME' AS kind, p AS subject, 0 AS sortKind
       UNION
       WITH p, i
       MATCH (c:Course)-[:PART_OF]->(p)
       WHERE $status IS NULL OR coalesce(c.mappingStatus, 'NOT_APPROACHED') = $status
       RETURN 'COURSE' AS kind, c AS subject, 1 AS sortKind
     }
     // The courses a row speaks for: the course itself, or the programme's courses.
     WITH p, i, kind, subject, sortKind,
          CASE kind WHEN 'COURSE' THEN [subject] ELSE [(c:Course)-[:PART_OF]->(subject) | c] END AS courses
     CALL (courses) {
       UNWIND courses AS c
       MATCH (t:Person)-[:TEACHES]->(c)
       WITH DISTINCT t ORDER BY t.name, t.id
       RETURN collect(t {.id, .name, .email}) AS teachers
     }
     CALL (subject, courses) {
       UNWIND [subject] + courses AS target
       MATCH (x:Interaction)-[:ABOUT]->(target)
       WITH DISTINCT x ORDER BY ${interactionOrder}
       RETURN count(x) AS interactionCount, head(collect(${interactionProjection})) AS lastInteraction
     }
     CALL (courses) {
       UNWIND courses AS c
       MATCH (e:ExampleAssignment)-[:FOR_COURSE]->(c)
       RETURN count(DISTINCT e) AS exampleAssignmentCount
     }
     RETURN kind, subject.id AS id, subject.name AS name,
            coalesce(subject.mappingStatus, 'NOT_APPROACHED') AS status,
            i.id AS institutionId, i.name AS institutionName, p.id AS programmeId, p.name AS programmeName,
            teachers, lastInteraction, interactionCount, exampleAssignmentCount
     ORDER BY institutionName, institutionId, programmeName, programmeId, sortKind, name, id`,
    { institution: filter.institution ?? null, status: filter.status ?? null },
  );
  return rows.map((r) => ({
    kind: r.kind === "PROGRAMME" ? MappingSubject.PROGRAMME : MappingSubject.COURSE,
    id: String(r.id),
    name: String(r.name),
    status: r.status as MappingStatus,
    institutionId: String(r.institutionId),
    institutionName: String(r.institutionName),
    programmeId: String(r.programmeId),
    programmeName: String(r.programmeName),
    teachers: r.teachers as OutreachPerson[],
    lastInteraction: r.lastInteraction ? toOutreachInteraction(r.lastInteraction) : null,
    interactionCount: Number(r.interactionCount),
    exampleAssignmentCount: Number(r.exampleAssignmentCount),
  }));
}
