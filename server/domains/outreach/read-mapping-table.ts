import type { Database } from "../../platform/neo4j/database.js";
import type { MappingStatus } from "../../platform/model/graph-enums.js";
import { toOutreachInteraction } from "./interaction-projection.js";
import { MappingSubject, type MappingRow, type OutreachPerson } from "./outreach-types.js";
import { READ_MAPPING_TABLE } from "./statements.js";

export interface MappingTableFilter {
  institution?: string | null | undefined;
  status?: MappingStatus | null | undefined;
}

/** The mapping table (READ_MAPPING_TABLE): a row per programme and per course under it, sorted. */
export async function readMappingTable(db: Database, filter: MappingTableFilter): Promise<MappingRow[]> {
  const rows = await db.read(READ_MAPPING_TABLE, { institution: filter.institution ?? null, status: filter.status ?? null });
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
