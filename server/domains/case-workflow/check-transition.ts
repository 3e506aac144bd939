import { CaseAction, OPEN_STATUSES } from "./case-enums.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { CaseWorkflowOptions } from "./case-types.js";

export { CaseAction } from "./case-enums.js";

interface TransitionRule {
  /** States the action may start from. */
  from: readonly CaseStatus[];
  /** The state it leads to; `null` keeps the current state (a further proposal while PROPOSED). */
  to: (current: CaseStatus) => CaseStatus | null;
  /** What the step needs, for the error message and docs/case-workflow.md. */
  needs: string;
}

/**
 * The lifecycle: INTAKE → QUALIFIED → PROPOSED → MATCHED → IN_SPRINT → COMPLETED, and CLOSED from any
 * open state. The only table of allowed transitions; every mutation asks it before it writes.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseAction, TransitionRule>> = {
  QUALIFY: {
    from: [CaseStatus.INTAKE],
    to: () => CaseStatus.QUALIFIED,
    needs: "topics, wanted levels, effort, earliest start and deadline",
  },
  PROPOSE: {
    from: [CaseStatus.QUALIFIED, CaseStatus.PROPOSED],
    to: (current) => (current === CaseStatus.QUALIFIED ? CaseStatus.PROPOSED : null),
    needs: "a teacher and a course the teacher teaches",
  },
  MATCH: {
    from: [CaseStatus.PROPOSED],
    to: () => CaseStatus.MATCHED,
    needs: "a course, a teaching period it runs in, and a free place under its agreement",
  },
  START_SPRINT: { from: [CaseStatus.MATCHED], to: () => CaseStatus.IN_SPRINT, needs: "a planned sprint" },
  COMPLETE: { from: [CaseStatus.IN_SPRINT], to: () => CaseStatus.COMPLETED, needs: "a running sprint and its outcome" },
  CLOSE: { from: OPEN_STATUSES, to: () => CaseStatus.CLOSED, needs: "a reason (withdrawn, not feasible, no match)" },
};

const ACTION_WORDS: Record<CaseAction, string> = {
  QUALIFY: "qualified",
  PROPOSE: "proposed to a teacher",
  MATCH: "matched",
  START_SPRINT: "put in sprint",
  COMPLETE: "completed",
  CLOSE: "closed",
};

/**
 * The state `action` leads to from `current` (null: the state stays), or an ILLEGAL_TRANSITION
 * error that says which states the action needs.
 */
export function checkTransition(action: CaseAction, current: CaseStatus): CaseStatus | null {
  const rule = CASE_TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    throw new DomainError(
      ErrorCode.ILLEGAL_TRANSITION,
      `A case in ${current} cannot be ${ACTION_WORDS[action]}; that needs a case in ${rule.from.join(" or ")}.`,
      "case",
    );
  }
  return rule.to(current);
}

/**
 * What a case in `status` may do next, read from CASE_TRANSITIONS — the table checkTransition
 * enforces — so the client's buttons (Case.allowedActions via caseWorkflow, CaseCard) never copy it:
 * - allowedActions: the actions whose `from` holds the status, in lifecycle order;
 * - acceptsSuggestions: whether the case can still reach a state that PROPOSE starts from (now or
 *   after further steps), i.e. whether course suggestions still matter (INTAKE, QUALIFIED, PROPOSED).
 */
export function caseWorkflowOptions(status: CaseStatus): CaseWorkflowOptions {
  return {
    allowedActions: Object.values(CaseAction).filter((action) => CASE_TRANSITIONS[action].from.includes(status)),
    acceptsSuggestions: canReachProposal(status),
  };
}

function canReachProposal(status: CaseStatus, seen: Set<CaseStatus> = new Set()): boolean {
  if (CASE_TRANSITIONS.PROPOSE.from.includes(status)) return true;
  seen.add(status);
  return Object.values(CaseAction).some((action) => {
    const rule = CASE_TRANSITIONS[action];
    if (!rule.from.includes(status)) return false;
    const next = rule.to(status) ?? status;
    return !seen.has(next) && canReachProposal(next, seen);
  });
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === "string" && (Object.values(CaseStatus) as string[]).includes(value);
}
