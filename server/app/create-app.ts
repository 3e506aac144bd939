import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express } from "express";
import type { GraphQLSchema } from "graphql";
import type { JWTPayload } from "jose";
import { authenticateRequest } from "../platform/auth/authenticate-request.js";
import { AccountStates, ACCOUNT_CACHE_MS } from "../platform/auth/AccountStates.js";
import { guardSchema } from "../platform/auth/guard-schema.js";
import { LoginThrottle } from "../platform/auth/LoginThrottle.js";
import { sessionCookieFor } from "../platform/auth/session-cookie.js";
import type { RequestUser } from "../platform/auth/roles.js";
import type { Config } from "../platform/config.js";
import { DatabaseMonitor } from "../platform/faults/DatabaseMonitor.js";
import { formatFault } from "../platform/faults/format-fault.js";
import { buildGraphQLSchema, readTypeDefs } from "./build-schema.js";
import { recordGenericEdits } from "../domains/history/index.js";
import { linkTopicsAfterGenericWrites } from "../domains/vocabulary/index.js";
import { createContext, type GraphQLContext } from "../platform/graphql/context.js";
import { formatError } from "../platform/graphql/format-error.js";
import { requestTransactionPlugin } from "../platform/graphql/request-transaction-plugin.js";
import { checkRequestShape } from "../platform/limits/check-request-shape.js";
import { handleBodyErrors, handleUnexpectedErrors } from "../platform/limits/handle-body-errors.js";
import { checkNesting } from "../platform/limits/check-nesting.js";
import { GraphCountStore, readRelationshipFields } from "../platform/limits/graph-counts.js";
import { operationLimitsPlugin } from "../platform/limits/limit-operations.js";
import { serialiseAnalytics } from "../platform/limits/serialise-analytics.js";
import { LightRequests } from "../platform/limits/pace-heavy-work.js";
import { anonymousRatePerMinute, limitAnswerLinks, limitRate } from "../platform/limits/limit-rate.js";
import { publicFormGuard } from "../platform/limits/limit-submissions.js";
import type { Database } from "../platform/neo4j/database.js";
import { UserBookmarks } from "../platform/neo4j/user-bookmarks.js";
import { readGraphShape } from "../platform/validation/read-graph-shape.js";
import { mailServicesFrom, type MailServices } from "../platform/mail/mail-services.js";
import type { AuthServices, Mailer } from "../platform/graphql/context.js";
import { answerByLink } from "../domains/proposals/index.js";
import { recordFirstSignIn } from "../domains/invitations/index.js";
import { AnalyticsWorker } from "../domains/network/index.js";

const clientDist = fileURLToPath(new URL("../../client/dist", import.meta.url));

export interface App {
  express: Express;
  apollo: ApolloServer<GraphQLContext>;
  /** Whether Neo4j answers; /health reports it and resolvers fail fast while it does not. */
  monitor: DatabaseMonitor;
  /** Sending mail: the transport, clock and link settings (docs/mail.md); the schedule uses the same. */
  mailer: Mailer;
  /** The analytics worker (ANALYTICS_WORKER=on and a Database that says how to connect); stopped with Apollo. */
  analytics?: AnalyticsWorker;
  /**
   * The schema served at /graphql (the process's one, `appSchema`); tests that walk every field read it here instead of
   * building their own.
   */
  schema: GraphQLSchema;
}

export interface AppOptions {
  /** "starting": Neo4j has not answered yet (an external one still coming up, see start.ts). */
  databaseState?: "up" | "starting";
  /** Where the accounts behind tokens are looked up; tests add accounts of their own (tests/helpers/server.ts). */
  accounts?: (db: Database, monitor: DatabaseMonitor) => AccountStates;
  /** Tests replace the mail transport or the clock (e.g. a ManualClock, an SMTP server of their own). */
  mail?: Partial<MailServices>;
  /** The analytics worker thread's compiled module (AnalyticsWorkerOptions.threadModule): tests give their build's. */
  analyticsThreadModule?: URL;
}

/**
 * The app's schema, built once per process for what it depends on: the type definitions and the page-size cap. Nothing
 * in it belongs to one app or one Database: every request's context names the driver the generated fields run on
 * (`executionContext`, server/platform/graphql/context.ts), the wrappers keep their state per request (the context
 * object), and the Armor checks, the document cache and the limits live in each ApolloServer. The product builds one app
 * per process; the integration tests start ~60 test servers in a run, and building the @neo4j/graphql + type-graphql
 * schema took 2.4–3.8 CPU-s each (docs/performance.md "The test suite's time", session 9).
 */
const appSchemas = new Map<string, Promise<GraphQLSchema>>();

function appSchema(db: Database, typeDefs: string, maxPageSize: number): Promise<GraphQLSchema> {
  const key = `${maxPageSize}\n${typeDefs}`;
  const known = appSchemas.get(key);
  if (known) return known;
  const building = (async () => {
    // Generic edits are recorded (server/domains/history) inside the guard, so access and input checks come first.
    const recorded = recordGenericEdits(await buildGraphQLSchema(db, { maxPageSize }), typeDefs);
    // Case and course words written through the generated API are then linked to topics (server/domains/vocabulary), in
    // the same transaction but after the edit was recorded: the links are derived, not an edit of anyone's.
    const linked = linkTopicsAfterGenericWrites(recorded, typeDefs);
    // A request's analytics run one after the other (server/platform/limits/serialise-analytics.ts, issue #13).
    return serialiseAnalytics(guardSchema(linked, { shape: readGraphShape(typeDefs) }));
  })();
  appSchemas.set(key, building);
  // A failed build is not kept: the next app tries again.
  building.catch(() => appSchemas.delete(key));
  return building;
}

/**
 * Express with the GraphQL endpoint at /graphql, a health endpoint, and the built client at /.
 * In front of Apollo, in order: the bearer token (401 when invalid), the rate limit, the body size
 * limit; inside it, the operation limits (depth, page size, cost) and the guard around every root
 * field (access, protected fields, input, fail-fast). docs/security.md describes each.
 */
export async function createApp(config: Config, db: Database, httpServer: Server, options: AppOptions = {}): Promise<App> {
  const production = config.NODE_ENV === "production";
  const monitor = new DatabaseMonitor(db, { target: "Neo4j" }, options.databaseState ?? "up");
  const typeDefs = readTypeDefs();
  const shape = readGraphShape(typeDefs);
  const schema = await appSchema(db, typeDefs, config.MAX_PAGE_SIZE);
  // Analytics off the API's event loop (issue #19): a worker thread with its own driver to the same Neo4j. It starts
  // with the product (start.ts) or at the first analytics request, and ends with Apollo.
  // Light requests are counted while they run; heavy requests' statements give way to them, also in the worker (#13).
  const light = new LightRequests(undefined, config.HEAVY_WORK_SHARE_PERCENT);
  const analytics =
    config.ANALYTICS_WORKER === "on" && db.connectOptions
      ? new AnalyticsWorker({
          connect: db.connectOptions,
          warmPathsInMemory:
            config.WARM_PATHS_IN_MEMORY === "on"
              ? {
                  maxTies: config.WARM_PATHS_IN_MEMORY_MAX_TIES,
                  loadBudgetMs: config.WARM_PATHS_IN_MEMORY_LOAD_BUDGET_MS,
                  carryOver: config.WARM_TIES_CARRY_OVER === "on",
                  followPairs: config.TIE_FOLLOW_PAIRS === "on",
                }
              : undefined,
          followAtCommit: config.TIE_FOLLOW_AT_COMMIT === "on",
          light,
          ...(options.analyticsThreadModule ? { threadModule: options.analyticsThreadModule } : {}),
        })
      : undefined;
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    // server/main.ts owns shutdown (drain HTTP, close the driver, stop Neo4j). Apollo's own signal
    // handlers (on outside NODE_ENV=test) raced it and left the shutdown hanging until the 60 s guard.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    // Every operation is sent whole: no persisted-query cache to fill or poison. Parsed and validated documents are
    // still kept by Apollo's default documentStore (an in-memory LRU keyed by the text's sha-256): validation depends
    // on the schema only, and everything that depends on the caller runs per request (docs/performance.md, #19;
    // tests/integration/document-cache-roles.int.test.ts).
    persistedQueries: false,
    parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
    formatError: (formatted, error) => formatFault(formatError(formatted, error), error, { production }),
    // Apollo's default indents every response by two spaces: a larger body to build, send and parse.
    stringifyResult: (value) => JSON.stringify(value),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No @cacheControl hints in this schema and POST responses are not cached: without this, Apollo
      // wraps every field resolver of the schema to compute a cache policy on each request (docs/performance.md).
      ApolloServerPluginCacheControlDisabled(),
      // One transaction per mutation request, committed only when the response has no error.
      requestTransactionPlugin(),
      // --- Request cost (issue #13): Armor's depth/alias/directive limits, the cost from arguments and the graph's
      // counts, analytics per operation, concurrent heavy requests per user (docs/security.md "Limits"). ---
      operationLimitsPlugin(
        {
          maxDepth: config.MAX_QUERY_DEPTH,
          maxCost: config.MAX_QUERY_COST,
          maxAnonymousCost: config.ANONYMOUS_MAX_QUERY_COST,
          maxPageSize: config.MAX_PAGE_SIZE,
          maxAliases: config.MAX_ALIASES,
          maxDirectives: config.MAX_DIRECTIVES,
          maxExpensiveFields: config.MAX_EXPENSIVE_FIELDS,
          heavyRequestCost: config.HEAVY_REQUEST_COST,
          heavyRequestsPerCaller: config.HEAVY_REQUESTS_PER_USER,
          heavyRequestsTotal: config.HEAVY_REQUESTS_TOTAL,
          heavyQueuePerCaller: config.HEAVY_QUEUE_PER_USER,
          heavyQueueWaitMs: config.HEAVY_QUEUE_WAIT_MS,
          analyticsTimeoutMs: config.ANALYTICS_TIMEOUT_MS,
        },
        {
          counts: new GraphCountStore(db, readRelationshipFields(readTypeDefs()), config.COUNT_CACHE_TTL_MS),
          nodeTypes: shape.nodeTypes,
          light,
        },
      ),
      // --- end of request cost ---
      {
        async serverWillStart() {
          return {
            async serverWillStop() {
              monitor.stop();
              await analytics?.stop();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const accounts = options.accounts?.(db, monitor) ?? new AccountStates(db, ACCOUNT_CACHE_MS, monitor);
  // Mail: PUBLIC_URL, or the address listen() learns once the port is known (listen.ts sets it).
  const mailer: Mailer = {
    services: mailServicesFrom(config, `http://${config.HOST}:${config.PORT}/`, options.mail),
    db,
  };

  const auth: AuthServices = {
    config,
    throttle: new LoginThrottle(config.LOGIN_ATTEMPTS_PER_15_MIN),
    passwordThrottle: new LoginThrottle(config.LOGIN_ATTEMPTS_PER_15_MIN),
    invitationThrottle: new LoginThrottle(config.LOGIN_ATTEMPTS_PER_15_MIN),
    accounts,
    // An invited person's first sign-in is an interaction on the inviter's tie (docs/security.md "Invitations").
    afterSignIn: (requestDb, user) => recordFirstSignIn(requestDb, user, mailer.services.clock.now()),
  };

  // Each user's reads see their own writes, also on a cluster follower (docs: README "Operations").
  const bookmarks = new UserBookmarks();

  // The public question form's attempts per address (issue #18; docs/security.md "The public question form").
  const publicForm = publicFormGuard(config);

  const app = express();
  app.disable("x-powered-by");
  // Which proxies to believe about the client's address (TRUST_PROXY): req.ip keys the rate limits per address.
  app.set("trust proxy", trustProxySetting(config.TRUST_PROXY));
  // An ETag is a hash of every response body; GraphQL answers are POSTs nobody revalidates.
  // (express.static and sendFile below set their own.)
  app.set("etag", false);

  app.get("/health", async (_req, res) => {
    const status = monitor.current();
    if (status.state !== "up") {
      res.status(503).json({
        status: "degraded",
        neo4j: {
          reachable: false,
          state: status.state,
          reason: status.reason,
          attempts: status.attempts,
          nextTryInMs: status.nextProbeInMs,
          since: status.since,
        },
      });
      return;
    }
    try {
      const info = await db.serverInfo();
      res.json({ status: "ok", neo4j: { reachable: true, version: info.version, edition: info.edition } });
    } catch (error) {
      monitor.report(error);
      res.status(503).json({ status: "degraded", neo4j: { reachable: false, state: monitor.current().state } });
    }
  });

  app.use(
    "/graphql",
    authenticateRequest(config, accounts, { secureCookie: production }),
    limitRate(
      config.RATE_LIMIT_PER_MINUTE,
      anonymousRatePerMinute(config.RATE_LIMIT_PER_MINUTE, config.ANONYMOUS_RATE_LIMIT_PER_MINUTE),
    ),
    express.json({ limit: config.MAX_BODY_SIZE }),
    handleBodyErrors,
    checkRequestShape,
    // Request cost (issue #13): nesting of values and selections, before the parser recurses into them.
    checkNesting({
      maxInputDepth: config.MAX_INPUT_DEPTH,
      maxSelectionNesting: 2 * config.MAX_QUERY_DEPTH,
      maxTokens: config.MAX_QUERY_TOKENS,
      maxAliases: config.MAX_ALIASES,
    }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext(db, {
          user: res.locals.user as RequestUser | undefined,
          bookmarks: res.locals.user ? bookmarks.for((res.locals.user as RequestUser).id) : undefined,
          jwt: res.locals.jwt as (JWTPayload & { roles: string[] }) | undefined,
          queryTimeoutMs: config.QUERY_TIMEOUT_MS,
          ip: req.ip ?? "unknown",
          auth,
          session: sessionCookieFor(req, res, production),
          monitor,
          mailer,
          signal: abortedWhenClientLeaves(res),
          publicForm,
          ...(analytics ? { analytics } : {}),
        }),
    }),
    handleUnexpectedErrors,
  );

  // Answer links in messages (docs/mail.md): opening one changes nothing, its button (POST) records the answer.
  const answerPage = (submit: boolean): express.RequestHandler => {
    return (req, res, next) => {
      const token = String(req.params.token ?? "");
      const body = req.body as { reason?: unknown } | undefined;
      const reason = submit && typeof body?.reason === "string" ? body.reason : null;
      answerByLink(db, mailer.services, { token, submit, reason })
        .then((page) => {
          res
            .status(page.status)
            .set({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" })
            .send(page.html);
        })
        .catch(next);
    };
  };
  const answerLimit = limitAnswerLinks(config.ANSWER_LINKS_PER_MINUTE);
  app.get("/answer/:token", answerLimit, answerPage(false));
  app.post("/answer/:token", answerLimit, express.urlencoded({ extended: false, limit: "16kb" }), answerPage(true));

  if (existsSync(clientDist)) {
    // Vite names every file under /assets/ by a hash of its content, so a browser may keep it unasked for a year; only
    // index.html (which names them) is asked for again on each load. Before, every page load revalidated its ~11 scripts,
    // styles and fonts with the server (a 304 each, behind the API's requests in the same event loop).
    app.use("/assets", express.static(path.join(clientDist, "assets"), { immutable: true, maxAge: "365d" }));
    app.use(express.static(clientDist));
    // The client routes in the browser: every other GET serves its shell.
    app.get(/^\/(?!graphql|health).*/, (_req, res) => res.sendFile(path.join(clientDist, "index.html")));
  }
  return { express: app, apollo, monitor, mailer, schema, ...(analytics ? { analytics } : {}) };
}

/** A signal aborted when the connection closes before the response was sent (the client gave up). */
function abortedWhenClientLeaves(res: express.Response): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** TRUST_PROXY as express reads it: true/false, a number of hops, or the names and addresses themselves. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
