import type { Tx } from "../../platform/neo4j/database.js";
import type { MappingStatus } from "../../platform/model/graph-enums.js";
import { MappingSubject } from "./outreach-types.js";

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
  const label = kind === MappingSubject.PROGRAMME ? "Programme" : "Course";
  const rows = await tx.run(
    `MATCH (n:${label} {id: $id})
     SET n._lock = true REMOVE n._lock
     RETURN n.name AS name, coalesce(n.mappingStatus, 'NOT_APPROACHED') AS status`,
    { id },
  );
  const row = rows[0];
  return row ? { kind, id, name: String(row.name), status: row.status as MappingStatus } : undefined;
}

/** Writes a mapping status (the subject must be locked by `lockAndReadSubject` in the same transaction). */
export async function writeMappingStatus(tx: Tx, subject: LockedSubject, status: MappingStatus): Promise<void> {
  const label = subject.kind === MappingSubject.PROGRAMME ? "Programme" : "Course";
  await tx.run(`MATCH (n:${label} {id: $id}) SET n.mappingStatus = $status`, { id: subject.id, status });
}
