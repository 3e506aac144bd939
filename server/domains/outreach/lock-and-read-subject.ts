import type { Tx } from "../../platform/neo4j/database.js";
import type { MappingStatus } from "../../platform/model/graph-enums.js";
import { MappingSubject } from "./outreach-types.js";
import {
  LOCK_AND_READ_COURSE,
  LOCK_AND_READ_PROGRAMME,
  WRITE_COURSE_MAPPING_STATUS,
  WRITE_PROGRAMME_MAPPING_STATUS,
} from "./statements.js";

export interface LockedSubject {
  kind: MappingSubject;
  id: string;
  name: string;
  status: MappingStatus;
}

/**
 * Takes the write lock on a programme or course and reads its mapping status, so a concurrent
 * change cannot slip in between the read and our write. Undefined when there is no such node.
 */
export async function lockAndReadSubject(tx: Tx, kind: MappingSubject, id: string): Promise<LockedSubject | undefined> {
  const rows = await tx.run(kind === MappingSubject.PROGRAMME ? LOCK_AND_READ_PROGRAMME : LOCK_AND_READ_COURSE, { id });
  const row = rows[0];
  return row ? { kind, id, name: String(row.name), status: row.status as MappingStatus } : undefined;
}

/** Writes a mapping status (the subject must be locked by `lockAndReadSubject` in the same transaction). */
export async function writeMappingStatus(tx: Tx, subject: LockedSubject, status: MappingStatus): Promise<void> {
  await tx.run(subject.kind === MappingSubject.PROGRAMME ? WRITE_PROGRAMME_MAPPING_STATUS : WRITE_COURSE_MAPPING_STATUS, {
    id: subject.id,
    status,
  });
}
