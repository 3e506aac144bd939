import type { Database } from "../../platform/neo4j/database.js";
import { isTwoWay, type CountedInteraction } from "./derive-tie-strength.js";
import { resolveWorkspace } from "./resolve-workspace.js";
import type { CoordinatorTie, PathIntroducer } from "./WarmPathTypes.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_COORDINATOR_TIES, READ_PERSON_EXISTS } from "./statements.js";

/**
 * coordinatorTies: for a person's page, each coordinator of the workspace and their own tie to the
 * person — strength (and whether it is warm by the workspace's threshold), channel, since, the
 * latest contact, when they last actually spoke (the latest two-way interaction by the weights of
 * derive-tie-strength.ts) and the introducer. Coordinators without a tie are listed with null
 * fields. Ordered by strength (none last), then name and id. The person is NOT_FOUND on `person`.
 */
export async function readCoordinatorTies(
  db: Database,
  input: { person: string; workspace?: string | null; me?: string | null },
): Promise<CoordinatorTie[]> {
  const side = await resolveWorkspace(db, input.workspace);
  const exists = await db.read(READ_PERSON_EXISTS, { id: input.person });
  if (exists.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id "${input.person}".`, "person");
  const rows = await db.read(READ_COORDINATOR_TIES, { person: input.person, coordinators: side.coordinatorIds });
  const ties = rows.map((row): CoordinatorTie => {
    const interactions = (row.interactions as CountedInteraction[]) ?? [];
    const spoke = interactions.filter(isTwoWay).map((i) => i.date);
    const strength = row.strength == null ? null : Number(row.strength);
    return {
      coordinator: { id: String(row.id), name: String(row.name ?? "") },
      me: input.me != null && input.me === row.id,
      strength,
      warm: strength !== null && strength >= side.warmThreshold,
      channel: (row.channel as string | null) ?? null,
      since: (row.since as string | null) ?? null,
      lastContact: (row.lastContact as string | null) ?? null,
      lastSpoke: spoke.length > 0 ? spoke.sort().at(-1)! : null,
      interactions: interactions.length,
      manual: row.manual === true,
      introducedBy: (row.introducedBy as PathIntroducer | null) ?? null,
    };
  });
  return ties.sort(
    (a, b) =>
      (b.strength ?? -1) - (a.strength ?? -1) ||
      a.coordinator.name.localeCompare(b.coordinator.name) ||
      a.coordinator.id.localeCompare(b.coordinator.id),
  );
}
