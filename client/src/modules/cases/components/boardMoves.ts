import type { CaseAction, CaseStatus } from "../../../generated/graphql";

/**
 * The status each workflow step leads to (docs/case-workflow.md "States and transitions"): what a column on the board
 * means as a drop target. Which steps a card may take is the server's `allowedActions` (never worked out here);
 * a column accepts a card when one of those steps leads into it.
 */
export const ACTION_TARGET: Readonly<Record<CaseAction, CaseStatus>> = {
  QUALIFY: "QUALIFIED",
  PROPOSE: "PROPOSED",
  MATCH: "MATCHED",
  START_SPRINT: "IN_SPRINT",
  COMPLETE: "COMPLETED",
  CLOSE: "CLOSED",
};

/** The step that takes a card with these allowed actions into `to`; null when none does (the drop is refused). */
export function actionInto(allowedActions: readonly CaseAction[], to: CaseStatus): CaseAction | null {
  return allowedActions.find((action) => ACTION_TARGET[action] === to) ?? null;
}

/** The statuses a card may be moved into, in lifecycle order of the steps. */
export function targetsOf(allowedActions: readonly CaseAction[]): CaseStatus[] {
  return allowedActions.map((action) => ACTION_TARGET[action]).filter((status, i, all) => all.indexOf(status) === i);
}

/** A move asked for by a drop or the card's menu: the card's CaseActions performs it as if its button was pressed. */
export interface MoveRequest {
  caseId: string;
  action: CaseAction;
  /** Tells two requests of the same move apart (a second drop after a cancelled dialog). */
  nonce: number;
}
