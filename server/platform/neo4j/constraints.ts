import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.js";
import { AWAIT_INDEXES } from "./statements.js";

const constraintsFile = fileURLToPath(new URL("../../../schema/constraints.cypher", import.meta.url));

/** The statements of schema/constraints.cypher, comments dropped. */
export function constraintStatements(): string[] {
  return readFileSync(constraintsFile, "utf8")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Creates the constraints and indexes that do not exist yet, then waits for the indexes to come online. */
export async function ensureConstraints(db: Database): Promise<void> {
  for (const statement of constraintStatements()) {
    await db.autoCommit(statement);
  }
  await db.autoCommit(AWAIT_INDEXES);
}
