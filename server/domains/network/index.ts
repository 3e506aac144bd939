/**
 * The network domain's public face: what other domains may use (they import only this file).
 * Suggestions score a teacher by the best warm path to them (docs/case-workflow.md, the warm path
 * factor), found by the same search as warmPaths.
 */
export { bestWarmPaths, searchBestWarmPaths, type BestWarmPath, type BestWarmPathsInput } from "./best-warm-paths.js";
/** Outreach: a logged interaction strengthens the tie between the two people. */
export { applyInteractionToTie, lockPair } from "./apply-interaction-to-tie.js";
/** The app: the resolvers of the schema, and the embedding refresh it schedules at start. */
// Those type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { EmbeddingResolver } from "./EmbeddingResolver.js";
export { NextBestContactsResolver } from "./NextBestContactsResolver.js";
export { NetworkSettingsResolver } from "./NetworkSettingsResolver.js";
export { scheduleEmbeddingRefresh } from "./schedule-embedding-refresh.js";
/** The app: tie strengths re-derived at start and daily (decay without contact). */
export { rederiveTies, scheduleTieRederivation } from "./rederive-ties.js";
export { TieStrengthResolver } from "./TieStrengthResolver.js";
export { WarmPathsResolver } from "./WarmPathsResolver.js";
/** The app: the long-lived analytics worker the analytics resolvers route to (issue #19, ANALYTICS_WORKER). */
export { AnalyticsWorker, answerAnalytics } from "./AnalyticsWorker.js";
/** Portal: its PortalPerson shows a person as a warm path's PathPerson does (name and job title). */
export { PersonNameAndTitle } from "./WarmPathTypes.js";
