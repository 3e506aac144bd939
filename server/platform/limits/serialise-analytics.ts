import { defaultFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import type { FieldCost } from "./cost-input.js";

/**
 * The analytics of one request run one after the other, not side by side. graphql-js resolves the
 * root fields of a query concurrently, so `{ a: warmPaths(…) b: nextBestContacts(…) }` used to put
 * two path searches on Neo4j at once: with HEAVY_REQUESTS_PER_USER that is what one user holds of
 * the database's CPU. Measured with bench/cost-load.ts on 2 cores (docs/performance.md "One user's
 * worst request"): the worst allowed request kept Neo4j at 84 % of a core and other users' p95 at
 * 3× idle. Now one user has at most one analytic running: HEAVY_REQUESTS_PER_USER (1) requests, each
 * running its analytics in turn. Their answers are the same; the request takes the sum of their
 * times instead of the longest, within the same ANALYTICS_TIMEOUT_MS per transaction.
 *
 * Analytics are the root fields whose cost (`@Cost`, field-costs.ts) says `expensive`. Each request
 * (its context object) has its own queue; nothing is shared between requests.
 */
export function serialiseAnalytics(schema: GraphQLSchema): GraphQLSchema {
  const queues = new WeakMap<object, Promise<unknown>>();
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const cost = (field.extensions as { cost?: FieldCost } | undefined)?.cost;
    if (!cost?.expensive) continue;
    const original = field.resolve ?? defaultFieldResolver;
    field.resolve = (source: unknown, args: Record<string, unknown>, context: object, info: GraphQLResolveInfo) => {
      const before = queues.get(context) ?? Promise.resolve();
      // The next analytic starts when this one has ended, whether it answered or failed.
      const run = before.then(() => original(source, args, context, info));
      queues.set(
        context,
        run.catch(() => undefined),
      );
      return run;
    };
  }
  return schema;
}
