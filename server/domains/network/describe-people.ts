import type { Database } from "../../platform/neo4j/database.js";
import { READ_PERSON_PROFILES } from "./statements.js";
import { roleLabels } from "./explain-warm-path.js";
import type { NetworkRoleKind, PathPerson, PathRole } from "./WarmPathTypes.js";

/** Order in which roles are named when a person holds several: the most senior first. */
const roleRank: Record<NetworkRoleKind, number> = {
  DEAN: 0,
  BOARD_MEMBER: 1,
  DIRECTOR: 2,
  PROGRAMME_COORDINATOR: 3,
  TEACHER: 4,
  WORKSPACE_COORDINATOR: 5,
  PARTNER_CONTACT: 6,
};

interface RawRole {
  kind: NetworkRoleKind;
  courseId: string | null;
  courseName: string | null;
  programmeId: string | null;
  programmeName: string | null;
  institutionId: string | null;
  institutionName: string | null;
  institutionShortName: string | null;
  other: string | null;
}

/**
 * Name, job title and roles of each person, read in one query. `focus` lists organisation ids
 * (course, programme, institution) whose roles are named first: on a path to a programme the
 * teacher's role there matters more than a board seat elsewhere.
 */
export async function describePeople(
  db: Database,
  ids: readonly string[],
  focus: readonly string[] = [],
): Promise<Map<string, PathPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read(READ_PERSON_PROFILES, { ids: [...new Set(ids)] });
  return profilesFromRows(rows, focus);
}

/** Rows of {id, name, jobTitle, roles} (roles as READ_PERSON_PROFILES collects them) as profiles by id. */
export function profilesFromRows(rows: readonly Record<string, unknown>[], focus: readonly string[]): Map<string, PathPerson> {
  const profiles = new Map<string, PathPerson>();
  const focused = new Set(focus);
  for (const row of rows) {
    const roles = (row.roles as RawRole[]).map(toRole);
    const touches = (r: PathRole) =>
      [r.courseId, r.programmeId, r.institutionId].some((x) => x !== null && focused.has(x)) ? 0 : 1;
    roles.sort(
      (a, b) =>
        touches(a) - touches(b) ||
        roleRank[a.kind] - roleRank[b.kind] ||
        a.organisation.localeCompare(b.organisation) ||
        (a.courseName ?? "").localeCompare(b.courseName ?? ""),
    );
    const id = String(row.id);
    const kept = dedupe(roles);
    profiles.set(id, {
      id,
      name: String(row.name ?? ""),
      jobTitle: (row.jobTitle as string | null) ?? null,
      roles: kept,
      organisation: kept[0]?.organisation || null,
    });
  }
  return profiles;
}

/** A person the database did not describe (erased meanwhile): the id stands in for the name. */
export function unknownPerson(id: string): PathPerson {
  return { id, name: id, jobTitle: null, roles: [], organisation: null };
}

function toRole(raw: RawRole): PathRole {
  const institution = raw.institutionShortName ?? raw.institutionName;
  const parts = raw.other !== null ? [raw.other] : [raw.programmeName, institution].filter((x): x is string => Boolean(x));
  return {
    kind: raw.kind,
    labelEn: roleLabels[raw.kind].en,
    labelNl: roleLabels[raw.kind].nl,
    courseId: raw.courseId,
    courseName: raw.courseName,
    programmeId: raw.programmeId,
    programmeName: raw.programmeName,
    institutionId: raw.institutionId,
    institutionName: raw.institutionName,
    organisation: parts.join(", "),
  };
}

/** A teacher of three courses of one programme is named once for that programme. */
function dedupe(roles: PathRole[]): PathRole[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = `${r.kind}|${r.organisation}|${r.courseId ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
