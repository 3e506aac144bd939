import type { Tx } from "../../platform/neo4j/database.js";
import type { SprintRecord } from "./sprint-types.js";
import { READ_SPRINT } from "./statements.js";

export async function readSprint(tx: Tx, sprintId: string): Promise<SprintRecord | null> {
  const rows = await tx.run(READ_SPRINT, { id: sprintId });
  return (rows[0] as unknown as SprintRecord | undefined) ?? null;
}
