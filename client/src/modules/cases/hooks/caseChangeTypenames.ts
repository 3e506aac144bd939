/**
 * Every result type a case's change can alter. Workflow mutations pass these as urql's
 * `additionalTypenames`, so the document cache drops (and refetches) the board, the case page and
 * the figures that hold them.
 */
export const caseChangeTypenames = [
  "CaseBoard",
  "CaseCard",
  "Case",
  "CaseWorkflow",
  "CaseTimelineEntry",
  "CaseSuggestion",
  "ProposalRecord",
  "SprintRecord",
  "MilestoneRecord",
  "Sprint",
  "FunnelStage",
  "MatchFigures",
  "Digest",
];

/**
 * For queries of case data: the document cache learns a result's types from the result itself, so
 * an empty list (no proposals yet) would never be invalidated. Declaring the types fixes that.
 * A constant, so urql sees the same context object on every render.
 */
export const caseQueryContext = { additionalTypenames: caseChangeTypenames };
