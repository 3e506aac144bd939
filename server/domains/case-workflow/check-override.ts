import type { Tx } from "../../platform/neo4j/database.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { MARK_EVENT_OVERRIDE } from "./statements.js";

/** A coordinator's "do it anyway" for a sanity check of matchCase or startSprint: force: true with a reason. */
export interface Override {
  reason: string;
}

/** The force + reason of a mutation's arguments: null without force; a force without a reason is refused. */
export function overrideFrom(force: boolean | null | undefined, reason: string | null | undefined): Override | null {
  if (!force) return null;
  return { reason: reason?.trim() ?? "" };
}

/** Checks an override before anything is written: it needs a reason, which goes on the event. */
export function checkOverride(override: Override | null): Override | null {
  if (override && override.reason.trim() === "") {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      "An override (force: true) needs a reason, recorded on the case's timeline.",
      "reason",
    );
  }
  return override;
}

/** Notes on the event which checks the coordinator overrode (CaseEvent.overrode), when any. */
export async function recordOverride(tx: Tx, eventId: string, overrode: string[]): Promise<void> {
  if (overrode.length > 0) await tx.run(MARK_EVENT_OVERRIDE, { eventId, overrode });
}
