import { z } from "zod";

/**
 * The one configuration object of the app, read from the environment and validated at boot.
 * Every variable has a default (or is optional) and a description; the README's configuration
 * table is this list. Nothing else in the code reads `process.env`.
 */
const sizePattern = /^\d+[kmg]$/i;

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const configSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development")
    .describe("`production` turns off introspection and detailed errors."),
  HOST: z.string().min(1).default("127.0.0.1").describe("Interface the HTTP server listens on."),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000).describe("HTTP port for the API and the client (0 = any free port)."),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/.+/, "must start with bolt://, neo4j:// or neo4j+s:// (or their +s/+ssc forms)")
    .optional()
    .describe("An external Neo4j (server, cluster, Aura). Unset: the embedded Neo4j is started."),
  NEO4J_USERNAME: z.string().default("neo4j").describe("User for an external Neo4j."),
  NEO4J_PASSWORD: z.string().default("").describe("Password for an external Neo4j (secret, never logged)."),
  NEO4J_DATABASE: z.string().min(1).default("neo4j").describe("Database name."),
  NEO4J_HOME: z.string().min(1).default(".neo4j/data").describe("Embedded: the data folder (kept across restarts)."),
  NEO4J_RUNTIME_DIR: z.string().min(1).default(".neo4j/runtime").describe("Embedded: where the resolved launcher, classpath and APOC plugin are cached."),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687).describe("Embedded: Bolt port on 127.0.0.1."),
  NEO4J_HEAP: z.string().regex(sizePattern, "a size such as 512m or 2g").default("1g").describe("Embedded: Java heap size."),
  NEO4J_PAGECACHE: z.string().regex(sizePattern, "a size such as 512m or 2g").default("512m").describe("Embedded: page cache size."),
  NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(180_000).describe("Embedded: how long to wait for Neo4j to start."),
  JAVA_HOME: z.string().optional().describe("Embedded: the Java 17+ installation to use (default: `java` on the PATH)."),
  SEED_DEMO: booleanFromEnv.default(true).describe("Load the demo data when the database holds no data yet."),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info").describe("Log level."),
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
  return parsed.data;
}

/** The configuration as it can be logged: secrets masked. */
export function describeConfig(config: Config): Record<string, string | number | boolean | undefined> {
  return { ...config, NEO4J_PASSWORD: config.NEO4J_PASSWORD ? "********" : "" };
}
