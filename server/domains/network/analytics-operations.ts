import type { Database } from "../../platform/neo4j/database.js";
import { bestWarmPaths, type BestWarmPathsInput } from "./best-warm-paths.js";
import { bestWarmPathsInMemory } from "./best-warm-paths-in-memory.js";
import { computeInstitutionEmbedding, computeProgrammeEmbedding, type EmbeddingOptions } from "./compute-embedding.js";
import { planEscalation, type EscalationArgs } from "./escalation-plan.js";
import { findNextBestContacts, type NextBestArgs } from "./find-next-best-contacts.js";
import { findWarmPaths, type WarmPathsInput } from "./find-warm-paths.js";
import { findWarmPathsInMemory } from "./find-warm-paths-in-memory.js";
import type { TieGraphSettings } from "./TieGraphStore.js";
import { computeImpactIfGone, type ImpactArgs } from "./impact-if-gone.js";

/**
 * What this thread does differently: set by the analytics worker's thread at its start (analytics-worker-thread.ts).
 * warmPathsInMemory: warmPaths searched over the tie graph held in this thread (find-warm-paths-in-memory.ts, the same
 * answer as findWarmPaths); null (the API thread, WARM_PATHS_IN_MEMORY=off): searched in Neo4j.
 */
export const analyticsSettings: { warmPathsInMemory: TieGraphSettings | null } = { warmPathsInMemory: null };

/**
 * The analytics the analytics worker answers (issue #19, docs/performance.md "Analytics off the event loop"), by name:
 * the very functions the resolvers called before, so the worker's answer and the API thread's (its fallback) are the
 * same computation on the same graph. Each takes the request's Database (in the worker: the worker's own driver with
 * the request's time budget and bookmarks) and plain, structured-clone-able arguments, and answers plain data.
 */
export const analyticsOperations = {
  programmeEmbedding: (db: Database, args: EmbeddingOptions & { programme: string }) =>
    computeProgrammeEmbedding(db, args.programme, args),
  institutionEmbedding: (db: Database, args: EmbeddingOptions & { institution: string }) =>
    computeInstitutionEmbedding(db, args.institution, args),
  nextBestContacts: (db: Database, args: NextBestArgs) => findNextBestContacts(db, args),
  escalationPlan: (db: Database, args: EscalationArgs) => planEscalation(db, args),
  impactIfGone: (db: Database, args: ImpactArgs) => computeImpactIfGone(db, args),
  warmPaths: (db: Database, args: WarmPathsInput) =>
    analyticsSettings.warmPathsInMemory
      ? findWarmPathsInMemory(db, args, analyticsSettings.warmPathsInMemory)
      : findWarmPaths(db, args),
  // The suggestions' warm-path factor (suggest-courses.ts): per teacher the best path from the coordinators, over the
  // ties held (best-warm-paths-in-memory.ts, the same answer as bestWarmPaths) instead of reading the coordinators' half
  // again after every tie write. A Map crosses to the API thread as it is (structured clone).
  bestWarmPaths: (db: Database, args: BestWarmPathsInput) =>
    analyticsSettings.warmPathsInMemory
      ? bestWarmPathsInMemory(db, args, analyticsSettings.warmPathsInMemory)
      : bestWarmPaths(db, args),
};

export type AnalyticsOperation = keyof typeof analyticsOperations;
export type AnalyticsArgs<O extends AnalyticsOperation> = Parameters<(typeof analyticsOperations)[O]>[1];
export type AnalyticsAnswer<O extends AnalyticsOperation> = Awaited<ReturnType<(typeof analyticsOperations)[O]>>;

export function isAnalyticsOperation(name: string): name is AnalyticsOperation {
  return Object.hasOwn(analyticsOperations, name);
}

/** Runs one operation on this thread. */
export function runAnalytics(db: Database, operation: AnalyticsOperation, args: Record<string, unknown>): Promise<unknown> {
  const run = analyticsOperations[operation] as (db: Database, args: Record<string, unknown>) => Promise<unknown>;
  return run(db, args);
}
