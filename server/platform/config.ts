import { availableParallelism } from "node:os";
import { z } from "zod";

/**
 * The one configuration object of the app, read from the environment and validated at boot.
 * Every variable has a default (or is optional) and a description; the README's configuration
 * table is this list. Nothing else in the code reads `process.env`.
 */
const sizePattern = /^\d+[kmg]$/i;

/**
 * Analytics are CPU-bound in Neo4j: with half the cores running them, the other half serves everyone's
 * ordinary requests (measured on 2 cores, docs/performance.md "One user's worst requests").
 */
const defaultHeavyRequestsTotal = Math.max(1, Math.floor(availableParallelism() / 2));

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const configSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development")
    .describe("`production` turns off introspection and detailed errors."),
  HOST: z.string().min(1).default("127.0.0.1").describe("Interface the HTTP server listens on."),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(4000)
    .describe("HTTP port for the API and the client (0 = any free port)."),
  NEO4J_URI: z
    .string()
    .regex(
      /^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/.+/,
      "must start with bolt://, neo4j:// or neo4j+s:// (or their +s/+ssc forms)",
    )
    .optional()
    .describe("An external Neo4j (server, cluster, Aura). Unset: the embedded Neo4j is started."),
  NEO4J_USERNAME: z.string().default("neo4j").describe("User for an external Neo4j."),
  NEO4J_PASSWORD: z.string().default("").describe("Password for an external Neo4j (secret, never logged)."),
  NEO4J_DATABASE: z.string().min(1).default("neo4j").describe("Database name."),
  NEO4J_HOME: z.string().min(1).default(".neo4j/data").describe("Embedded: the data folder (kept across restarts)."),
  NEO4J_RUNTIME_DIR: z
    .string()
    .min(1)
    .default(".neo4j/runtime")
    .describe("Embedded: where the resolved launcher, classpath and APOC plugin are cached."),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687).describe("Embedded: Bolt port on 127.0.0.1."),
  NEO4J_HEAP: z.string().regex(sizePattern, "a size such as 512m or 2g").default("1g").describe("Embedded: Java heap size."),
  NEO4J_PAGECACHE: z
    .string()
    .regex(sizePattern, "a size such as 512m or 2g")
    .default("512m")
    .describe("Embedded: page cache size."),
  NEO4J_START_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(180_000)
    .describe("Embedded: how long to wait for Neo4j to start."),
  JAVA_HOME: z.string().optional().describe("Embedded: the Java 17+ installation to use (default: `java` on the PATH)."),
  NEO4J_RESTART_BACKOFF_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(1_000)
    .describe("Embedded: wait before restarting a Neo4j that died; doubles per failed attempt, at most 30 s."),
  NEO4J_RESTART_MAX_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe("Embedded: deaths and failed restarts within NEO4J_RESTART_WINDOW_MS after which the API exits non-zero."),
  NEO4J_RESTART_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(600_000)
    .describe("Embedded: the window in which NEO4J_RESTART_MAX_FAILURES counts."),
  NEO4J_JVM_OPTIONS: z
    .string()
    .optional()
    .describe("Embedded: extra JVM options, space-separated (the tests start theirs with a quicker start; docs/performance.md)."),
  SEED_DEMO: booleanFromEnv.default(true).describe("Load the demo data when the database holds no data yet."),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info").describe("Log level."),
  // --- Trust: sign-in, limits, faults (docs/security.md) ---
  JWT_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 48`)")
    .optional()
    .describe(
      "Secret that signs sign-in tokens (HS256; secret, never logged). Required in production; in development a random secret kept in DEV_SECRET_FILE; in tests one per process.",
    ),
  DEV_SECRET_FILE: z
    .string()
    .min(1)
    .default(".neo4j/dev-signing-secret")
    .describe(
      "Development without JWT_SECRET: where the random signing secret is kept (owner-only), so sign-ins and e-mailed links survive a restart.",
    ),
  JWT_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 30m, 8h or 1d")
    .default("8h")
    .describe("How long a sign-in token stays valid."),
  ADMIN_EMAIL: z
    .string()
    .email()
    .optional()
    .describe("Production: e-mail of the first admin, created at start when no admin exists."),
  ADMIN_PASSWORD: z
    .string()
    .min(12, "must be at least 12 characters")
    .optional()
    .describe("Production: password of that first admin (secret, never logged; change it after the first sign-in)."),
  BACKUP_KEY: z
    .string()
    .min(16, "must be at least 16 characters (e.g. `openssl rand -base64 32`)")
    .optional()
    .describe("npm run backup encrypts with it (AES-256-GCM) and npm run restore decrypts (secret, never logged)."),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(12).describe("Deepest field nesting a GraphQL operation may have."),
  MAX_QUERY_COST: z.coerce
    .number()
    .int()
    .min(1)
    .default(2_000_000)
    .describe(
      "Highest estimated cost of one GraphQL operation from a signed-in caller (lists count as their `limit` or the graph's counts, see docs/security.md).",
    ),
  MAX_QUERY_TOKENS: z.coerce
    .number()
    .int()
    .min(100)
    .default(10_000)
    .describe("Most lexical tokens one GraphQL document may have (parsing stops beyond)."),
  MAX_PAGE_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .default(1000)
    .describe("Largest `limit`/`first` a list query may ask, and the cap on lists asked without one."),
  ANONYMOUS_MAX_QUERY_COST: z.coerce
    .number()
    .int()
    .min(1)
    .default(1_000)
    .describe("Highest estimated cost of one GraphQL operation from a caller without a token (docs/security.md)."),
  MAX_ALIASES: z.coerce.number().int().min(1).default(15).describe("Most aliases one GraphQL operation may use (GraphQL Armor)."),
  MAX_DIRECTIVES: z.coerce
    .number()
    .int()
    .min(1)
    .default(50)
    .describe("Most directives one GraphQL operation may use (GraphQL Armor)."),
  MAX_INPUT_DEPTH: z.coerce
    .number()
    .int()
    .min(4)
    .default(32)
    .describe("Deepest nesting of `{`/`[` in one argument value or variable (a `where` filter), checked before parsing."),
  MAX_EXPENSIVE_FIELDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe("Most analytics (warmPaths, nextBestContacts, embedding, …, and `__schema`) in one GraphQL operation."),
  HEAVY_REQUEST_COST: z.coerce
    .number()
    .int()
    .min(1)
    .default(200_000)
    .describe(
      "From this estimated cost on (or with an analytic in it) a request counts as heavy: capped per user, shorter time limit.",
    ),
  HEAVY_REQUESTS_PER_USER: z.coerce
    .number()
    .int()
    .min(1)
    .default(1)
    .describe("Heavy requests one user (or one IP address, anonymous) may have running at once; more wait their turn."),
  HEAVY_REQUESTS_TOTAL: z.coerce
    .number()
    .int()
    .min(1)
    .default(defaultHeavyRequestsTotal)
    .describe(
      "Heavy requests all users together may have running at once (default: half the CPU cores, at least 1); more wait, users taking turns.",
    ),
  HEAVY_QUEUE_PER_USER: z.coerce
    .number()
    .int()
    .min(0)
    .default(4)
    .describe("Heavy requests one user may have waiting for their turn; more get 429 at once (0: no waiting)."),
  HEAVY_QUEUE_WAIT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(30_000)
    .describe("Longest a heavy request waits for its turn before it gets 429."),
  ANALYTICS_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(30_000)
    .describe(
      "A heavy request's time budget per analytic it holds, for all its Neo4j transactions together; past it they stop (QUERY_TIMEOUT).",
    ),
  HEAVY_WORK_SHARE_PERCENT: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(33)
    .describe(
      "While others are being served, the most of the time a heavy request's Neo4j statements may take (HeavyStatementPacer).",
    ),
  // --- analytics worker (issue #19 part 2) ---
  ANALYTICS_WORKER: z
    .enum(["on", "off"])
    .default("on")
    .describe(
      "`on`: embedding, nextBestContacts, escalationPlan, impactIfGone and warmPaths from the coordinators run in one long-lived " +
        "worker thread holding the warm-tie store (the API thread only routes; it answers itself while the worker is down). `off`: on the API thread.",
    ),
  WARM_PATHS_IN_MEMORY: z
    .enum(["on", "off"])
    .default("on")
    .describe(
      "`on`: the analytics worker answers warmPaths (from the coordinators and from given people) with an exact search over " +
        "every tie held in its memory (tagged with the tie version and following tie writes; the same answer as Neo4j's search, " +
        "which answers while the ties load). `off`: searched in Neo4j.",
    ),
  WARM_PATHS_IN_MEMORY_MAX_TIES: z.coerce
    .number()
    .int()
    .min(0)
    .default(3_000_000)
    .describe(
      "The most KNOWS ties the analytics worker holds in memory for warmPaths (~32 bytes each); above it Neo4j searches.",
    ),
  WARM_PATHS_IN_MEMORY_LOAD_BUDGET_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(600_000)
    .describe(
      "How long the analytics worker's read of every tie (in the background, paced) may take in all, its own budget rather " +
        "than the request's (QUERY_TIMEOUT_MS) that started it; past it the read stops and the next request starts another.",
    ),
  WARM_TIES_CARRY_OVER: z
    .enum(["on", "off"])
    .default("on")
    .describe(
      "`on`: when the analytics worker's held tie graph follows a tie write, the embeddings' warm lists and remembered thread " +
        "counts go on at the new tie version as far as the write left them unchanged (exact; docs/network-analytics.md). " +
        "`off`: every tie write gives the next request new lists and an empty memo (the bench's before).",
    ),
  TIE_FOLLOW_PAIRS: z
    .enum(["on", "off"])
    .default("on")
    .describe(
      "`on`: when a tie write names the pairs whose ties it changed (an interaction, a strength by hand, an import, a " +
        "rederivation), the analytics worker's held tie graph follows it by reading the ties between each pair. `off`: by " +
        "reading all the ties of both people, as before (~4,000 for a coordinator at L; the bench's before).",
    ),
  TIE_FOLLOW_AT_COMMIT: z
    .enum(["on", "off"])
    .default("on")
    .describe(
      "`on`: a mutation that changed ties tells the analytics worker once it has committed, and the worker's held tie graph " +
        "follows the write at once. `off`: the next analytics request that needs the graph follows it (the bench's before).",
    ),
  // --- end of analytics worker ---
  COUNT_CACHE_TTL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(60_000)
    .describe("How long the graph's counts (the cost estimate's list sizes, from Neo4j's count store) are reused."),
  NEO4J_TRANSACTION_MEMORY: z
    .string()
    .regex(sizePattern, "a size such as 256m or 1g")
    .default("256m")
    .describe("Embedded: most heap one transaction may use (db.memory.transaction.max); beyond, Neo4j stops it."),
  MAX_BODY_SIZE: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, "a size such as 100kb or 1mb")
    .default("1mb")
    .describe("Largest request body /graphql accepts."),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(600)
    .describe("Requests per minute to /graphql per signed-in user."),
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      "Requests per minute to /graphql per IP address without a token (sign-in, the public pages); default RATE_LIMIT_PER_MINUTE (600).",
    ),
  ANSWER_LINKS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe("Requests per minute to the answer links (/answer/…, no sign-in) per IP address."),
  // --- The public question form (issue #18 part 1; docs/security.md "The public question form") ---
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|loopback|\d+|[0-9a-fA-F.:/, ]+)$/, "false, true, loopback, a number of hops or addresses")
    .default("false")
    .describe(
      "Which proxies in front of the API to believe about the client's address (express `trust proxy`): `false` (the socket's address), `loopback`, a number of hops, or addresses/subnets. The rate limits per address use it.",
    ),
  PUBLIC_FORM_PER_10_MIN: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe("Submissions of the public question form per client address in 10 minutes (every attempt counts)."),
  PUBLIC_FORM_PER_DAY: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe("Submissions of the public question form per client address in 24 hours (every attempt counts)."),
  PUBLIC_FORM_MIN_FILL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3)
    .describe(
      "Least seconds between opening the public question form (its signed form token) and sending it; faster is refused.",
    ),
  // --- end of the public question form ---
  LOGIN_ATTEMPTS_PER_15_MIN: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe("Failed sign-ins allowed per IP address and e-mail in 15 minutes."),
  QUERY_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(30_000)
    .describe("Longest a GraphQL request's Neo4j transaction may run before Neo4j stops it."),
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(30_000)
    .describe("External Neo4j: how long to keep retrying (with back-off) at start before giving up."),
  NEO4J_ACQUISITION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(5_000)
    .describe("Longest a request waits for a Neo4j connection before failing with SERVICE_UNAVAILABLE."),
  NEO4J_TX_RETRY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3_000)
    .describe("How long the driver retries a transaction on a transient error before giving up."),
  PROPOSAL_EXPIRY_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(14)
    .describe("Days after which a proposal to a teacher without an answer counts as expired."),
  PROPOSAL_COOLDOWN_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .default(60)
    .describe("Days before the same case may be proposed to the same teacher again (unless forced)."),
  SUGGESTION_WEIGHTS: z
    .string()
    .regex(
      /^\s*(topicOverlap|levelFit|timing|remainingCapacity|trackRecord|warmPath|effortFit)\s*=\s*\d+(\.\d+)?\s*(,\s*(topicOverlap|levelFit|timing|remainingCapacity|trackRecord|warmPath|effortFit)\s*=\s*\d+(\.\d+)?\s*)*$/,
      "a list such as topicOverlap=0.3,levelFit=0.15,timing=0.2,remainingCapacity=0.1,trackRecord=0.08,warmPath=0.07,effortFit=0.1",
    )
    .optional()
    .describe(
      "Case suggestion weights, name=number separated by commas; names left out keep their default (docs/case-workflow.md).",
    ),
  EMBEDDING_REFRESH_MINUTES: z.coerce
    .number()
    .min(0)
    .max(10_080, "at most a week (10080 minutes)")
    .default(60)
    .describe(
      "Minutes between recomputations of the stored embedding figures that embeddingRanking reads (0 = never; docs/network-analytics.md).",
    ),
  // --- Mail: digests, proposals, reminders (docs/mail.md) ---
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must start with smtp:// or smtps:// (e.g. smtps://user:password@mail.example.org:465)")
    .optional()
    .describe(
      "Mail server the digests, proposals and reminders go out through (secret: may hold a password, never logged). Unset: every message is kept in the outbox in the graph instead (docs/mail.md).",
    ),
  MAIL_FROM: z
    .string()
    .min(3)
    .default("Digitale Werkplaats MKB <werkplaats@localhost>")
    .describe("Sender of every message (From), e.g. `Digitale Werkplaats MKB <werkplaats@example.org>`."),
  PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .describe("Address teachers reach the API at, for the answer links in messages. Unset: the address the API listens on."),
  ANSWER_LINK_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 48`)")
    .optional()
    .describe(
      "Secret that signs the answer links in messages (HS256; secret, never logged). Unset: derived from the sign-in key (JWT_SECRET, or in development the secret in DEV_SECRET_FILE).",
    ),
  DIGEST_SCHEDULE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_440)
    .default(15)
    .describe("Minutes between the schedule's rounds: due digests, retries, reminders (0 = no schedule; docs/mail.md)."),
  DIGEST_HOURS: z
    .string()
    .regex(/^([01]?\d|2[0-3])-([01]?\d|2[0-4])$/, "two hours such as 9-17")
    .default("9-17")
    .describe("Working hours (Amsterdam time, Monday to Friday) in which the schedule sends digests and reminders."),
  MAIL_RETRY_MINUTES: z.coerce
    .number()
    .min(0.001)
    .default(5)
    .describe("Wait before retrying a message the mail server refused; doubles per failed attempt (docs/mail.md)."),
  MAIL_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(6)
    .describe("Attempts to send one message before it is given up (listed on the coordinators' to-do list)."),
  REMINDER_DAYS_BEFORE: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .default(3)
    .describe("Days before a proposal expires that the teacher gets one reminder (0 = no reminders)."),
});

export type Config = z.infer<typeof configSchema>;

/** Raised when the environment does not describe a usable configuration; its message is one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Treat empty strings as unset, as shells and compose files often pass them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `Configuration: ${issue.path.join(".")} ${issue.message.toLowerCase()}.`),
    );
  }
  // Production refuses to sign tokens with a secret nobody chose (docs/security.md).
  if (parsed.data.NODE_ENV === "production" && !parsed.data.JWT_SECRET) {
    throw new ConfigError([
      "Configuration: JWT_SECRET is required in production (at least 32 random characters, e.g. `openssl rand -base64 48`).",
    ]);
  }
  return parsed.data;
}

/** The configuration as it can be logged: secrets masked. */
export function describeConfig(config: Config): Record<string, string | number | boolean | undefined> {
  const mask = (value: string | undefined): string => (value ? "********" : "");
  return {
    ...config,
    NEO4J_PASSWORD: mask(config.NEO4J_PASSWORD),
    JWT_SECRET: mask(config.JWT_SECRET),
    ADMIN_PASSWORD: mask(config.ADMIN_PASSWORD),
    BACKUP_KEY: mask(config.BACKUP_KEY),
    SMTP_URL: mask(config.SMTP_URL),
    ANSWER_LINK_SECRET: mask(config.ANSWER_LINK_SECRET),
  };
}
