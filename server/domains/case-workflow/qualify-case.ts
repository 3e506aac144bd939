import type { Database } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import { CaseAction, checkTransition } from "./check-transition.js";
import { refreshSuggestionCount } from "../suggestions/index.js";
import { lockCase } from "./lock-case.js";
import type { CaseStatusChange } from "./case-types.js";
import { recordStatusChange } from "./record-status-change.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_QUALIFICATION_FIELDS } from "./statements.js";

/**
 * INTAKE → QUALIFIED. A qualified case is ready to be matched, so it must say what it is about
 * (topics), for whom (wanted levels), how much work (effort) and when (earliest start, deadline):
 * the matching suggestions need every one of them.
 */
export async function qualifyCase(
  db: Database,
  caseId: string,
  note: string | null,
  actor: Actor,
  now: string,
): Promise<CaseStatusChange> {
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    const locked = await lockCase(tx, caseId);
    const to = checkTransition(CaseAction.QUALIFY, locked.status) ?? CaseStatus.QUALIFIED;
    const rows = await tx.run(READ_QUALIFICATION_FIELDS, { id: caseId });
    const k = rows[0] ?? {};
    const missing = (field: string, what: string): never => {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `The case cannot be qualified without ${what}; add it first.`, field);
    };
    if (!k.topics) missing("topics", "at least one topic");
    if (!k.levels) missing("wantedLevels", "a wanted level");
    if (k.effort == null) missing("effort", "an effort (small, sprint or semester)");
    if (k.earliestStart == null) missing("earliestStart", "an earliest start");
    if (k.deadline == null) missing("deadline", "a deadline");
    if (String(k.deadline) < String(k.earliestStart)) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `The deadline ${String(k.deadline)} is before the earliest start ${String(k.earliestStart)}.`,
        "deadline",
      );
    }
    const change = await recordStatusChange(tx, { caseId, from: locked.status, to, at: now, by: actor.id, note });
    // Topics and levels may have been edited during intake: count again.
    await refreshSuggestionCount(tx, caseId, now);
    return change;
  });
}
