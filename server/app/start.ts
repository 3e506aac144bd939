import { ConfigError, type Config } from "../platform/config.js";
import { HttpListenError, listen, type RunningHttp } from "./listen.js";
import { log } from "../platform/log.js";
import { ensureConstraints } from "../platform/neo4j/constraints.js";
import { createDatabase, DatabaseConnectionError, verifyDatabase, type Database } from "../platform/neo4j/database.js";
import { ensureDemoUsers } from "../platform/auth/ensure-demo-users.js";
import { ensureFirstAdmin } from "../platform/auth/ensure-first-admin.js";
import { UserStore } from "../platform/auth/UserStore.js";
import { waitForDatabase } from "../platform/faults/wait-for-database.js";
import { EmbeddedNeo4jError, startEmbeddedNeo4j, type EmbeddedNeo4j } from "../platform/neo4j/embedded.js";
import { EmbeddedSupervisor, exitOnGiveUp, type SupervisorState } from "../platform/neo4j/supervise-embedded.js";
import { graphIsEmpty, loadDemoData } from "../../seed/load-demo.js";
import { embeddedOptionsFrom } from "../platform/neo4j/embedded-options-from-config.js";
import { rederiveTies, scheduleEmbeddingRefresh, scheduleTieRederivation } from "../domains/network/index.js";
import { scheduleDigests } from "../domains/proposals/index.js";
import { matchingSettings } from "../domains/suggestions/index.js";
import { migrateCaseGraph } from "../domains/case-workflow/index.js";
import { loadStarterVocabulary, migrateTopics } from "../domains/vocabulary/index.js";
import { refreshSuggestionCounts } from "../domains/suggestions/index.js";
import { nowIso } from "../platform/clock/read-clock.js";
import { collectStartupGarbage } from "./collect-startup-garbage.js";
import { signingKey } from "../platform/auth/sign-token.js";

/** What `npm start` brings up, in order, and takes down in reverse. */
export interface RunningProduct {
  url: string;
  db: Database;
  http: RunningHttp;
  /** The embedded Neo4j running now (after a restart by the supervisor, the new JVM). */
  readonly embedded?: EmbeddedNeo4j;
  /** Restarts the embedded Neo4j when it dies (docs: README "Operations"); absent on an external Neo4j. */
  supervisor?: EmbeddedSupervisor;
  /** Figures of this start, for the log and the README: milliseconds per phase. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

/** Errors whose message is already one line that says what to do: print it, no stack trace. */
export function isExplainedStartupError(error: unknown): error is Error {
  return (
    error instanceof ConfigError ||
    error instanceof EmbeddedNeo4jError ||
    error instanceof DatabaseConnectionError ||
    error instanceof HttpListenError
  );
}

export interface StartOptions {
  /**
   * The supervisor gave up on the embedded Neo4j (too many deaths within the window): by default the
   * reason goes to stderr and the process exits with code 1, so systemd or Docker restarts the service.
   */
  onGiveUp?: (reason: string) => void;
}

/** Connects to Neo4j (the embedded one when NEO4J_URI is unset), prepares the graph, and serves HTTP. */
export async function startProduct(config: Config, options: StartOptions = {}): Promise<RunningProduct> {
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  let supervisor: EmbeddedSupervisor | undefined;
  let embedded: EmbeddedNeo4j | undefined;
  // Until HTTP (and with it the monitor behind /health) is up, supervisor states only go to the log.
  let onSupervisorState: (state: SupervisorState) => void = () => {};
  let db: Database | undefined;
  let http: RunningHttp | undefined;
  // The signing key settles first, from the whole configuration (in development: kept in DEV_SECRET_FILE).
  signingKey(config);
  try {
    if (!config.NEO4J_URI) {
      const embeddedOptions = embeddedOptionsFrom(config, (line) => log.info(line));
      supervisor = await EmbeddedSupervisor.start({
        start: () => startEmbeddedNeo4j(embeddedOptions),
        backoffMs: config.NEO4J_RESTART_BACKOFF_MS,
        maxBackoffMs: 30_000,
        maxFailures: config.NEO4J_RESTART_MAX_FAILURES,
        windowMs: config.NEO4J_RESTART_WINDOW_MS,
        onState: (state) => onSupervisorState(state),
        onGiveUp: options.onGiveUp ?? exitOnGiveUp,
      });
      embedded = supervisor.current;
      timings.neo4jStartMs = Date.now() - t0;
      log.info(`Embedded Neo4j ${embedded.version} ready at ${embedded.uri}`, { ms: timings.neo4jStartMs });
    }
    const uri = config.NEO4J_URI ?? embedded?.uri ?? "";
    const target = { uri, database: config.NEO4J_DATABASE };
    db = createDatabase({
      ...target,
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD,
      noAuth: !config.NEO4J_URI,
      connectionTimeoutMs: config.NEO4J_ACQUISITION_TIMEOUT_MS,
      connectionAcquisitionTimeoutMs: config.NEO4J_ACQUISITION_TIMEOUT_MS,
      maxTransactionRetryTimeMs: config.NEO4J_TX_RETRY_MS,
    });
    if (supervisor) {
      // The launcher prunes its transaction logs after an erasure (docs/security.md); always the JVM running now.
      const supervised = supervisor;
      db.setStoreMaintenance({ pruneTransactionLogs: () => supervised.current.pruneTransactionLogs() });
    }
    if (config.NEO4J_URI) {
      // An external Neo4j may still be starting: serve /health ("degraded", with the reason) and
      // retry with back-off; GraphQL requests get SERVICE_UNAVAILABLE until it answers.
      http = await listen(config, db);
      http.app.monitor.markStarting();
      await waitForDatabase(db, { ...target, timeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS, monitor: http.app.monitor });
    } else {
      await verifyDatabase(db, target);
    }
    const t1 = Date.now();
    await ensureConstraints(db);
    await new UserStore(db).ensureConstraints();
    timings.constraintsMs = Date.now() - t1;

    if (config.SEED_DEMO && (await graphIsEmpty(db))) {
      log.info("The database is empty: loading the demo data…");
      const seeded = await loadDemoData(db, { onProgress: (line) => log.info(line) });
      timings.seedMs = seeded.ms;
      log.info("Demo data loaded", { nodes: seeded.nodes, relationships: seeded.relationships, ms: seeded.ms });
    }
    // A graph of an earlier version: referrals per case, no proposal left open on a decided case.
    const migrated = await migrateCaseGraph(db, nowIso());
    if (migrated.referralsMoved + migrated.smeReferralsDropped + migrated.proposalsWithdrawn > 0) {
      log.info("Migrated the case graph", { ...migrated });
    }
    // The vocabulary (issue #15): the starter topics (after the demo data, which only loads into an empty graph), then
    // every case and course whose free-text topics are not linked yet; the words no topic knows are reported.
    const vocabulary = await loadStarterVocabulary(db, nowIso());
    const topics = await migrateTopics(db, nowIso());
    if (topics.cases + topics.courses > 0) {
      log.info("Linked free-text topics to the vocabulary", {
        vocabularyVersion: vocabulary.version,
        cases: topics.cases,
        courses: topics.courses,
        spellingTolerant: topics.fuzzy.length,
        unmatched: topics.unmatched,
      });
      await refreshSuggestionCounts(db, nowIso());
    }
    // Tie strengths as of today, by the current formula: decay since the last run, and ties derived
    // by an earlier formula brought in line (docs/network-analytics.md, tie strength). Idempotent.
    const t2 = Date.now();
    const rederived = await rederiveTies(db);
    timings.rederiveTiesMs = Date.now() - t2;
    log.info("Tie strengths re-derived", { ...rederived, ms: timings.rederiveTiesMs });
    // Sign-in: demo users (one per role, local use only) outside production; in production the
    // first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or a refusal to start.
    if (config.NODE_ENV === "production") await ensureFirstAdmin(db, config);
    else await ensureDemoUsers(db, config.NODE_ENV);

    http ??= await listen(config, db);
    const served = http;
    // The analytics worker now, so the first analytics request does not wait for it (issue #19).
    served.app.analytics?.start();
    const monitor = served.app.monitor;
    onSupervisorState = (state) => {
      if (state.state === "restarting") monitor.noteRestarting(state.reason, state.attempt, state.nextTryInMs);
      else if (state.state === "running") monitor.noteRestarted();
      else if (state.state === "given-up") monitor.noteRestarting(state.reason, 0, 0);
    };
    // Neo4j is ready: keep the stored embedding figures current (docs/network-analytics.md).
    const embeddingRefresh =
      config.EMBEDDING_REFRESH_MINUTES > 0
        ? scheduleEmbeddingRefresh(db, { intervalMs: config.EMBEDDING_REFRESH_MINUTES * 60_000 })
        : undefined;
    // The digest schedule (docs/mail.md): due digests, retries and reminders, first a little after the start.
    const digestSchedule =
      config.DIGEST_SCHEDULE_MINUTES > 0
        ? scheduleDigests(db, served.app.mailer.services, matchingSettings, {
            intervalMs: config.DIGEST_SCHEDULE_MINUTES * 60_000,
            firstDelayMs: Math.min(config.DIGEST_SCHEDULE_MINUTES * 60_000, 30_000),
          })
        : undefined;
    // Decay without contact: re-derive the ties once a day (checked hourly).
    const tieRederivation = scheduleTieRederivation(db, { intervalMs: 60 * 60_000, startedOn: rederived.asOf });
    // Ready to serve: drop the garbage of building the schema before the first request (the idle RSS).
    collectStartupGarbage();
    timings.totalMs = Date.now() - t0;
    const supervised = supervisor;
    const running: RunningProduct = {
      url: served.url,
      db,
      http: served,
      get embedded() {
        return supervised?.current;
      },
      ...(supervised ? { supervisor: supervised } : {}),
      timings,
      async stop() {
        await digestSchedule?.stop();
        await embeddingRefresh?.stop();
        await tieRederivation.stop();
        log.debug("Stopping: HTTP and Apollo");
        await served.close();
        log.debug("Stopping: the driver");
        await db?.close();
        log.debug("Stopping: the embedded Neo4j");
        await supervised?.stop();
      },
    };
    return running;
  } catch (error) {
    await http?.close().catch(() => {});
    await db?.close().catch(() => {});
    await supervisor?.stop().catch(() => {});
    throw error;
  }
}
