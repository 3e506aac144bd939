import type { Database } from "../../platform/neo4j/database.js";
import type { MappingStatus } from "../../platform/model/graph-enums.js";
import { toOutreachInteraction } from "./interaction-projection.js";
import { MappingSubject, type MappingRow, type OutreachPerson } from "./outreach-types.js";
import { COUNT_MAPPING_TABLE_PROGRAMMES, READ_MAPPING_TABLE, READ_MAPPING_TABLE_PAGE } from "./statements.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { Row } from "../../platform/neo4j/database.js";

export interface MappingTableFilter {
  institution?: string | null | undefined;
  status?: MappingStatus | null | undefined;
}

/** The mapping table (READ_MAPPING_TABLE): a row per programme and per course under it, sorted. */
export async function readMappingTable(db: Database, filter: MappingTableFilter): Promise<MappingRow[]> {
  const rows = await db.read(READ_MAPPING_TABLE, { institution: filter.institution ?? null, status: filter.status ?? null });
  return rows.map(toMappingRow);
}

/** Most programmes one page of the mapping table may hold. */
export const MAX_MAPPING_PAGE = 100;

/**
 * One page of the mapping table, paged by programme so a programme's rows stay together (READ_MAPPING_TABLE_PAGE),
 * with the number of programmes and institutions the filter finds (COUNT_MAPPING_TABLE_PROGRAMMES), read in one
 * transaction so the count and the page agree.
 */
export async function readMappingTablePage(
  db: Database,
  filter: MappingTableFilter,
  first: number,
  offset: number,
): Promise<{ programmeCount: number; institutionCount: number; first: number; offset: number; rows: MappingRow[] }> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_MAPPING_PAGE) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_MAPPING_PAGE}.`, "first");
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "offset must be 0 or more.", "offset");
  }
  const params = { institution: filter.institution ?? null, status: filter.status ?? null };
  return db.readTx(async (tx) => {
    const [count] = await tx.run(COUNT_MAPPING_TABLE_PROGRAMMES, params);
    const rows = await tx.run(READ_MAPPING_TABLE_PAGE, { ...params, offset, limit: first });
    return {
      programmeCount: Number(count?.programmes ?? 0),
      institutionCount: Number(count?.institutions ?? 0),
      first,
      offset,
      rows: rows.map(toMappingRow),
    };
  });
}

function toMappingRow(r: Row): MappingRow {
  return {
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
  };
}
