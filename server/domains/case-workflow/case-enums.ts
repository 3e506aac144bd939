import { registerEnumType } from "type-graphql";
import { CaseStatus } from "../../platform/model/graph-enums.js";

/** The case workflow's own enums (not in schema/graph.graphql; those are in server/platform/model/graph-enums.ts). */

/** Why a case was closed before completion. Workflow-only, so it has a name of its own. */
export enum CaseCloseReason {
  WITHDRAWN = "WITHDRAWN",
  NOT_FEASIBLE = "NOT_FEASIBLE",
  NO_MATCH = "NO_MATCH",
}

/** What a timeline entry records. */
export enum CaseTimelineKind {
  STATUS_CHANGE = "STATUS_CHANGE",
  PROPOSAL_SENT = "PROPOSAL_SENT",
  PROPOSAL_ANSWERED = "PROPOSAL_ANSWERED",
  PROPOSAL_FOLLOW_UP = "PROPOSAL_FOLLOW_UP",
  PROPOSAL_WITHDRAWN = "PROPOSAL_WITHDRAWN",
  /** The institution portal (#18): a coordinator confirmed or declined a claim (`answer` says which). */
  CLAIM_DECIDED = "CLAIM_DECIDED",
}

/**
 * The workflow steps that move a case, in lifecycle order; each mutation names the one it performs
 * (check-transition.ts) and `allowedActions` lists those a case may take now.
 */
export enum CaseAction {
  QUALIFY = "QUALIFY",
  PROPOSE = "PROPOSE",
  MATCH = "MATCH",
  START_SPRINT = "START_SPRINT",
  COMPLETE = "COMPLETE",
  CLOSE = "CLOSE",
}

registerEnumType(CaseCloseReason, { name: "CaseCloseReason", description: "Why a case was closed before completion." });
registerEnumType(CaseTimelineKind, { name: "CaseTimelineKind", description: "What a timeline entry records." });
registerEnumType(CaseAction, {
  name: "CaseAction",
  description: "A workflow step that moves a case (qualifyCase, proposeCase, matchCase, startSprint, completeSprint, closeCase).",
});

/** The states a case can still move on from; CLOSED can be reached from each of them. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  CaseStatus.INTAKE,
  CaseStatus.QUALIFIED,
  CaseStatus.PROPOSED,
  CaseStatus.MATCHED,
  CaseStatus.IN_SPRINT,
];

/** How long a case has sat in its state against the thresholds of case-signals.ts (`CASE_AGEING_DAYS`). */
export enum CaseAgeing {
  AGEING = "AGEING",
  STALE = "STALE",
}

/** Where a case's date (desired start, deadline) stands against today (case-signals.ts, `DATE_SIGNAL_DAYS`). */
export enum CaseDateSignal {
  APPROACHING = "APPROACHING",
  PASSED = "PASSED",
}

registerEnumType(CaseAgeing, {
  name: "CaseAgeing",
  description: "A case that waits long in its state: AGEING past the state's first threshold, STALE past the second.",
});
registerEnumType(CaseDateSignal, {
  name: "CaseDateSignal",
  description: "A date of a case that is near (APPROACHING, within the threshold) or behind us (PASSED).",
});
