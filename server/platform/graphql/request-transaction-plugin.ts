import type { ApolloServerPlugin } from "@apollo/server";
import { log } from "../log.js";
import { RequestTransaction } from "../neo4j/request-transaction.js";
import type { GraphQLContext } from "./context.js";
import { ErrorCode } from "./domain-error.js";

/**
 * A failed request writes nothing: every mutation operation runs in one transaction of its own
 * (server/platform/neo4j/request-transaction.ts), committed when the response carries no error and
 * rolled back when it carries any — an input refusal, a rule, an access refusal, or an error
 * raised while the response was built (a non-null field resolving to null after the write ran).
 * Queries write nothing and keep their auto-commit reads. A commit that fails turns the whole
 * response into an error: the client never sees data for a write that did not happen.
 */
export function requestTransactionPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let request: RequestTransaction | undefined;
      /** The request's own Database (with the caller's bookmarks), before the transaction's takes its place. */
      let own: GraphQLContext["db"] | undefined;
      return {
        async executionDidStart({ operation, contextValue }) {
          // Apollo starts execution even when the operation name matched nothing (operation undefined, despite the type).
          if ((operation as typeof operation | undefined)?.operation !== "mutation") return;
          own = contextValue.db;
          request = new RequestTransaction(contextValue.db);
          contextValue.db = request.database();
          contextValue.executionContext = request.executionContext;
          contextValue.requestTransaction = request;
        },
        async willSendResponse({ response, contextValue }) {
          if (!request) return;
          const body = response.body;
          const failed = body.kind !== "single" || (body.singleResult.errors?.length ?? 0) > 0;
          if (failed) {
            await request.rollback();
            return;
          }
          try {
            await request.commit();
            // Ties changed: the analytics worker follows them now, not at the next analytics request (AnalyticsWorker.ts).
            if (request.wroteTies && own) contextValue.analytics?.tiesMoved?.(own);
          } catch (error) {
            log.warn("A mutation's transaction did not commit", { error: (error as Error).message });
            body.singleResult = {
              data: null,
              errors: [
                {
                  message: "The change could not be saved and nothing was written; try again.",
                  extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
                },
              ],
            };
          }
        },
      };
    },
  };
}
