import type { Database } from "../../platform/neo4j/database.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_PATH_TARGETS } from "./statements.js";

export type TargetKind = "PERSON" | "COURSE" | "PROGRAMME" | "INSTITUTION";

/** What `to` names, and the people a path may end at. */
export interface PathTargets {
  kind: TargetKind;
  id: string;
  name: string;
  /** A person, or everyone holding a role at the course, programme or institution; sorted. */
  personIds: string[];
}

/** Resolves `to`: a person, course, programme or institution id; anything else is NOT_FOUND on `field`. */
export async function resolvePathTargets(db: Database, id: string, field = "to"): Promise<PathTargets> {
  const row = (await db.read(READ_PATH_TARGETS, { to: id }))[0];
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `No person, course, programme or institution has id "${id}".`, field);
  return {
    kind: row.kind as TargetKind,
    id,
    name: String(row.name ?? ""),
    personIds: [...new Set((row.people as string[] | null) ?? [])].sort(),
  };
}
