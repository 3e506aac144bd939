/**
 * The network domain's public face: what other domains may use (they import only this file).
 * Suggestions score a teacher by the best warm path to them (docs/case-workflow.md, the warm path
 * factor), found by the same search as warmPaths.
 */
export { bestWarmPaths, searchBestWarmPaths, type BestWarmPath, type BestWarmPathsInput } from "./best-warm-paths.js";
/** Outreach: a logged interaction strengthens the tie between the two people. */
export { applyInteractionToTie, lockPair } from "./apply-interaction-to-tie.js";
