import type { Database } from "../../platform/neo4j/database.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

export type TargetKind = "PERSON" | "COURSE" | "PROGRAMME" | "INSTITUTION";

/** What `to` names, and the people a path may end at. */
export interface PathTargets {
  kind: TargetKind;
  id: string;
  name: string;
  /** A person, or everyone holding a role at the course, programme or institution; sorted. */
  personIds: string[];
}

/**
 * The role holders of an organisation, as one COLLECT body per kind. A course's roles are its
 * teachers; a programme's (R(P)) its courses' teachers, its coordinators and directors; an
 * institution's all its programmes' roles plus its deans and board members.
 */
export const roleHoldersOfProgramme = `
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(g) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) RETURN t.id AS id`;

export const roleHoldersOfInstitution = `
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:DEAN_OF|BOARD_MEMBER_OF]->(i) RETURN t.id AS id`;

/**
 * What the id in $to names, as rows (rank, kind, name, people): at most one per kind, the person
 * first. A union to embed in a statement; targetsQuery keeps the best row.
 */
export const pathTargetsUnion = `
  MATCH (p:Person {id: $to})
  RETURN 0 AS rank, 'PERSON' AS kind, p.name AS name, [p.id] AS people
  UNION ALL
  MATCH (c:Course {id: $to})
  RETURN 1 AS rank, 'COURSE' AS kind, c.name AS name, COLLECT { MATCH (t:Person)-[:TEACHES]->(c) RETURN DISTINCT t.id } AS people
  UNION ALL
  MATCH (g:Programme {id: $to})
  RETURN 2 AS rank, 'PROGRAMME' AS kind, g.name AS name, COLLECT { ${roleHoldersOfProgramme} } AS people
  UNION ALL
  MATCH (i:Institution {id: $to})
  RETURN 3 AS rank, 'INSTITUTION' AS kind, i.name AS name, COLLECT { ${roleHoldersOfInstitution} } AS people`;

const targetsQuery = `
CALL () {${pathTargetsUnion}
}
RETURN kind, name, people
ORDER BY rank
LIMIT 1`;

/** Resolves `to`: a person, course, programme or institution id; anything else is NOT_FOUND on `field`. */
export async function resolvePathTargets(db: Database, id: string, field = "to"): Promise<PathTargets> {
  const row = (await db.read(targetsQuery, { to: id }))[0];
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `No person, course, programme or institution has id "${id}".`, field);
  return {
    kind: row.kind as TargetKind,
    id,
    name: String(row.name ?? ""),
    personIds: [...new Set((row.people as string[] | null) ?? [])].sort(),
  };
}
