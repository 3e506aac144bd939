import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isRelationship,
  isTime,
  Neo4jError,
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type Session,
  type SessionConfig,
} from "neo4j-driver";
import { CATALOGUE_VERSION_BUMP, PING, READ_TIE_VERSION, TIE_VERSION_BUMP } from "./statements.js";
import { touchesTies } from "./tie-version.js";
import { touchesCatalogue } from "./catalogue-version.js";

/**
 * The only module that imports neo4j-driver. Everything else asks the graph through `Database`:
 * reads go in read mode and writes through write transactions, so a cluster can route them, and
 * results come back as plain values (numbers, ISO strings, objects).
 */

export type DatabaseErrorCode = "UNREACHABLE" | "AUTH_FAILED" | "DATABASE_NOT_FOUND" | "UNKNOWN";

/** A failure to reach the configured Neo4j; `message` is one line that says what to do. */
export class DatabaseConnectionError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DatabaseConnectionError";
  }
}

export interface ConnectOptions {
  uri: string;
  username?: string | undefined;
  password?: string | undefined;
  database: string;
  /** No credentials: the embedded Neo4j runs with auth off on the loopback interface. */
  noAuth?: boolean;
  /** How long to wait for a connection before calling the server unreachable. */
  connectionTimeoutMs?: number;
  /**
   * How long a query waits for a connection from the pool. Short, so that requests fail fast
   * with a clear error while Neo4j is gone instead of piling up (default: connectionTimeoutMs).
   */
  connectionAcquisitionTimeoutMs?: number;
  /** How long the driver retries a transaction on transient errors (default 15 s). */
  maxTransactionRetryTimeMs?: number;
}

export type Params = Record<string, unknown>;

/**
 * Runs a heavy request's read statements in turn and may make each wait before it starts (server/platform/limits/
 * pace-heavy-work.ts, `HeavyStatementPacer`): the statement's time limit is taken when it really starts.
 */
export interface StatementPacer {
  run<T>(statement: () => Promise<T>): Promise<T>;
}
export type Row = Record<string, unknown>;

export interface ServerInfo {
  version: string;
  edition: string;
  address: string;
}

/** One transaction's view, for work that takes several statements and must commit or fail as one. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/**
 * What only the owner of the Neo4j process can do to its files: the embedded launcher's log pruning
 * (server/platform/neo4j/embedded.ts). Absent on an external Neo4j.
 */
export interface StoreMaintenance {
  /** Rotates, checkpoints and prunes the transaction logs; resolves with what is left. */
  pruneTransactionLogs(): Promise<string>;
}

/** Remembers the bookmarks of one user's transactions (see UserBookmarks); opaque outside this module. */
export type Bookmarks = BookmarkManager;

/**
 * A fresh bookmark manager of the driver; with `initial`, one that starts after those transactions (a worker
 * thread continuing a user's chain from the bookmarks the API thread handed it, bookmarkList).
 */
export function createBookmarks(initial?: readonly string[]): Bookmarks {
  return neo4j.bookmarkManager(initial && initial.length > 0 ? { initialBookmarks: [...initial] } : {});
}

export class Database {
  constructor(
    /** The raw driver, for @neo4j/graphql only. */
    readonly driver: Driver,
    readonly name: string,
    /** Neo4j stops a transaction of this Database that runs longer (undefined: the server's setting). */
    private readonly timeoutMs?: number,
    /**
     * How this Database was connected, so that work in a worker thread (which cannot share the
     * driver) can open its own connection to the same server; never logged.
     */
    readonly connectOptions?: ConnectOptions,
    /** Shared by every Database on the same driver (withTransactionTimeout), set once by start.ts. */
    private readonly maintenance: { current?: StoreMaintenance } = {},
    /**
     * Causal consistency: every session of this Database starts after the transactions these
     * bookmarks name and adds its own commits to them, so a read (even on a cluster follower that
     * lags) sees what the same user wrote before. Undefined: no chaining (background work).
     */
    readonly bookmarks?: Bookmarks,
    /**
     * A time budget for all transactions of this Database together (epoch ms; withTimeBudget): each is given
     * what is left as its timeout, and none starts after it. A heavy request's (docs/security.md "Limits").
     */
    readonly deadline?: number,
    /** A heavy request's pacer (withPacer): its `read`s run in turn, giving way to light requests. */
    readonly pacer?: StatementPacer,
  ) {}

  /**
   * The time limit the next transaction gets: the fixed one, or what is left of the budget when that is
   * less (at least 1 ms: 0 would mean "no limit" to Neo4j). Undefined: the server's setting.
   */
  get transactionTimeoutMs(): number | undefined {
    if (this.deadline === undefined) return this.timeoutMs;
    const left = Math.max(1, Math.ceil(this.deadline - Date.now()));
    return this.timeoutMs === undefined ? left : Math.min(this.timeoutMs, left);
  }

  /** The embedded Neo4j's file maintenance (erasure: server/domains/privacy/erase-person.ts); undefined on an external one. */
  get storeMaintenance(): StoreMaintenance | undefined {
    return this.maintenance.current;
  }

  setStoreMaintenance(maintenance: StoreMaintenance): void {
    this.maintenance.current = maintenance;
  }

  /**
   * The same connection pool, with a time limit on every transaction: what a GraphQL request gets,
   * so one expensive request cannot hold the database for long. Closing it closes the shared driver,
   * so only the owner of the original closes.
   */
  withTransactionTimeout(ms: number): Database {
    return this.derive({ timeoutMs: ms });
  }

  /**
   * The same connection pool, with `ms` from now for all its transactions together: a heavy request runs many
   * statements (a path search descends a ladder, an impact computes every programme twice), and a limit per
   * transaction alone would let it run for minutes. Past the budget the next statement fails as timed out.
   */
  withTimeBudget(ms: number): Database {
    return this.derive({ deadline: Date.now() + ms });
  }

  /** The same, its reads paced (a heavy request's, set with its time budget: limit-operations.ts, the analytics worker). */
  withPacer(pacer: StatementPacer): Database {
    return this.derive({ pacer });
  }

  /**
   * The same driver, name and bookmarks without a request's limits — its time limit per transaction, its time budget and
   * its pacer — under a budget of its own (`budgetMs` from now, each transaction given what is left) and, when given, a
   * pacer of its own. For work a request starts but does not wait for, which must neither end with that request's budget
   * nor take its turns: the analytics worker's read of every tie (TieGraphStore.ts, WARM_PATHS_IN_MEMORY_LOAD_BUDGET_MS).
   */
  detached(budgetMs: number, pacer?: StatementPacer): Database {
    return new Database(
      this.driver,
      this.name,
      undefined,
      this.connectOptions,
      this.maintenance,
      this.bookmarks,
      Date.now() + budgetMs,
      pacer,
    );
  }

  /** The fixed time limit per transaction (withTransactionTimeout), without the budget; for a worker to apply the same. */
  get fixedTimeoutMs(): number | undefined {
    return this.timeoutMs;
  }

  /** The bookmarks this Database's sessions start after, as plain strings (to hand to a worker thread). */
  async bookmarkList(): Promise<string[]> {
    return this.bookmarks ? [...(await this.bookmarks.getBookmarks())] : [];
  }

  /** The same connection pool, its sessions chained by one user's bookmarks (a request's Database, see context.ts). */
  withBookmarks(bookmarks: Bookmarks): Database {
    return this.derive({ bookmarks });
  }

  /** The same driver, name, connection options and maintenance, with some of the per-request settings changed. */
  private derive(changes: { timeoutMs?: number; bookmarks?: Bookmarks; deadline?: number; pacer?: StatementPacer }): Database {
    return new Database(
      this.driver,
      this.name,
      changes.timeoutMs ?? this.timeoutMs,
      this.connectOptions,
      this.maintenance,
      changes.bookmarks ?? this.bookmarks,
      changes.deadline ?? this.deadline,
      changes.pacer ?? this.pacer,
    );
  }

  /**
   * The settings of every session this Database opens: its database, the access mode (so a
   * cluster routes reads to followers), and its bookmarks when it has them. Whoever opens a session
   * on `driver` for a request's work opens it with these, so the user's bookmarks flow through.
   */
  sessionConfig(mode: "READ" | "WRITE", extra: Omit<SessionConfig, "database" | "defaultAccessMode"> = {}): SessionConfig {
    return {
      database: this.name,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.bookmarks ? { bookmarkManager: this.bookmarks } : {}),
      ...extra,
    };
  }

  /**
   * This Database with writes that commit on their own. A mutation request's view
   * (request-transaction.ts) runs writes in the request's one transaction; work that must see its
   * write committed before it goes on (erasure, then cleaning the store files) asks for this.
   */
  ownTransactions(): Database {
    return this;
  }

  private txConfig(): { timeout?: number } {
    if (this.deadline !== undefined && Date.now() >= this.deadline) throw new TimeBudgetSpent();
    const timeout = this.transactionTimeoutMs;
    return timeout === undefined ? {} : { timeout };
  }

  /** One round trip without the driver's retries: answers fast whether Neo4j is there now. */
  async ping(): Promise<void> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(PING);
    } finally {
      await session.close();
    }
  }

  /**
   * One read statement. It needs no explicit transaction, and an auto-commit query costs one round
   * trip where a transaction function costs two (BEGIN and RUN, then COMMIT): about a millisecond
   * less per read on loopback. Like a transaction function it is retried on transient errors, but
   * not on losing the server, which the caller reports at once (server/platform/faults).
   */
  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    if (this.pacer) return this.pacer.run(() => this.readNow(cypher, params));
    return this.readNow(cypher, params);
  }

  private async readNow(cypher: string, params: Params): Promise<Row[]> {
    return withReadRetries(async () => {
      const session = this.driver.session(this.sessionConfig("READ"));
      try {
        const result = await session.run(cypher, params, this.txConfig());
        return result.records.map((r) => toNative(r.toObject()) as Row);
      } finally {
        await session.close();
      }
    });
  }

  /**
   * The graph's version: the bookmark Neo4j hands back when a read ends, which names the last
   * transaction it had applied (the same until the next write commits, a new one after any
   * write). For equality only, never decoded; null when the server gives none.
   */
  async graphVersion(): Promise<string | null> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(PING);
      const bookmarks = session.lastBookmarks();
      return bookmarks.length > 0 ? [...bookmarks].sort().join(" ") : null;
    } finally {
      await session.close();
    }
  }

  /**
   * The ties' version (tie-version.ts): the TieVersion node's value, which every writer of KNOWS
   * moves in its own transaction, so it changes when ties change and only then. Without the node (a
   * wiped graph, before the first start or bump) the graph version stands in, which moves on any
   * write. One round trip; for equality only; null when neither is known.
   */
  async tieVersion(): Promise<string | null> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(READ_TIE_VERSION);
      const version: unknown = result.records[0]?.get("version");
      if (typeof version === "string") return `ties:${version}`;
      const bookmarks = session.lastBookmarks();
      return bookmarks.length > 0 ? `graph:${[...bookmarks].sort().join(" ")}` : null;
    } finally {
      await session.close();
    }
  }

  /**
   * Read work whose statements each run as an auto-commit read: for one statement (or several
   * that need no common snapshot), a round trip less than readTx each.
   */
  async readEach<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work({ run: (cypher, params) => this.read(cypher, params) });
  }

  /**
   * The driver as @neo4j/graphql gets it: the same pool, except that its read transaction
   * functions run their statement as an auto-commit query (one round trip instead of two, as in
   * read()). @neo4j/graphql sends one statement per root field in a transaction function of its
   * own, so nothing that shared a transaction is split. Writes keep real write transactions.
   * Its sessions use this Database's bookmarks instead of the driver-wide manager @neo4j/graphql
   * asks for (a request's Database: the user's, see context.ts `executionContext`).
   */
  graphqlDriver(): Driver {
    const real = this.driver;
    const bookmarks = this.bookmarks;
    return new Proxy(real, {
      get(target, key, receiver) {
        if (key !== "session") return Reflect.get(target, key, receiver);
        return (config?: Parameters<Driver["session"]>[0]) => {
          const session = target.session(bookmarks ? { ...config, bookmarkManager: bookmarks } : config);
          return new Proxy(session, {
            get(s, k, r) {
              if (k === "executeWrite") {
                // A generated write that may change ties (touchesTies) bumps the tie version first, in its transaction;
                // one that may change the courses' catalogue (touchesCatalogue) the catalogue version.
                return <T>(work: (tx: ManagedTransaction) => Promise<T> | T, txConfig?: Parameters<Session["executeWrite"]>[1]) =>
                  s.executeWrite((tx) => {
                    const bumping = {
                      run: async (cypher: string, params?: Params) => {
                        if (touchesTies(cypher)) await tx.run(TIE_VERSION_BUMP);
                        if (touchesCatalogue(cypher)) await tx.run(CATALOGUE_VERSION_BUMP);
                        return tx.run(cypher, params);
                      },
                    } as unknown as ManagedTransaction;
                    return work(bumping);
                  }, txConfig);
              }
              if (k !== "executeRead") {
                const value: unknown = Reflect.get(s, k, r);
                return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(s) : value;
              }
              return async <T>(
                work: (tx: ManagedTransaction) => Promise<T> | T,
                txConfig?: { timeout?: number; metadata?: Record<string, unknown> },
              ) => {
                const tx = {
                  run: (cypher: string, params?: Params) => s.run(cypher, params, txConfig),
                } as unknown as ManagedTransaction;
                return withReadRetries(() => Promise.resolve(work(tx)));
              };
            },
          });
        };
      },
    });
  }

  async write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.writeTx((tx) => tx.run(cypher, params));
  }

  async readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session(this.sessionConfig("READ"));
    try {
      return await session.executeRead((tx) => work(wrap(tx)), this.txConfig());
    } finally {
      await session.close();
    }
  }

  async writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session(this.sessionConfig("WRITE"));
    try {
      return await session.executeWrite((tx) => work(wrap(tx)), this.txConfig());
    } finally {
      await session.close();
    }
  }

  /** Statements that cannot run inside an explicit transaction (schema changes, CALL … IN TRANSACTIONS). */
  async autoCommit(cypher: string, params: Params = {}): Promise<Row[]> {
    const session = this.driver.session(this.sessionConfig("WRITE"));
    try {
      const result = await session.run(cypher, params);
      return result.records.map((r) => toNative(r.toObject()) as Row);
    } finally {
      await session.close();
    }
  }

  /**
   * Streams the rows of one read query, converted as by read(), without holding the whole result in
   * memory: the driver pulls records in batches as the loop consumes them. For backups of the whole
   * graph (server/domains/backup). An auto-commit read, so no retries and no time limit; leaving the loop ends it.
   */
  async *stream(cypher: string, params: Params = {}): AsyncGenerator<Row> {
    const session = this.driver.session(this.sessionConfig("READ", { fetchSize: 2000 }));
    try {
      for await (const record of session.run(cypher, params)) yield toNative(record.toObject()) as Row;
    } finally {
      await session.close();
    }
  }

  async serverInfo(): Promise<ServerInfo> {
    const rows = await this.read("CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition");
    const info = await this.driver.getServerInfo({ database: this.name });
    return {
      version: String(rows[0]?.version ?? "unknown"),
      edition: String(rows[0]?.edition ?? "unknown"),
      address: info.address ?? "unknown",
    };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

const READ_RETRIES = 3;

/** Runs an auto-commit read again on a transient failure, as a transaction function would. */
async function withReadRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= READ_RETRIES || !isRetriableQueryError(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25 * 4 ** n));
  }
}

/** A transient failure of the query itself (a lock, a leader switch), not of reaching the server. */
export function isRetriableQueryError(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    error.code.startsWith("Neo.TransientError.") &&
    !/MemoryPoolOutOfMemory|TransactionMemoryLimit|Terminated|TimedOut/i.test(error.code) &&
    !isConnectivityError(error)
  );
}

function wrap(tx: ManagedTransaction): Tx {
  return {
    async run(cypher, params = {}) {
      const result = await tx.run(cypher, params);
      return result.records.map((r) => toNative(r.toObject()) as Row);
    },
  };
}

/**
 * Converts driver values (Integer, temporal types, nodes) to plain JavaScript values. Every row of every read passes
 * here (a board page: ~50 cards of ~25 values), so it allocates only the converted objects and arrays: strings,
 * numbers and booleans return at once (none of the driver's types is a primitive), and maps are copied key by key
 * instead of through entry arrays (#19 part 3: 13 % of the API thread's time in the board's 32-client profile).
 */
export function toNative(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = toNative(value[i]);
    return items;
  }
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value)) return toNative(value.properties);
  if (isRelationship(value)) return toNative(value.properties);
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const converted = toNative(source[key]);
    // A map key "__proto__" stays a key (as Object.fromEntries made it), never the copy's prototype.
    if (key === "__proto__")
      Object.defineProperty(copy, key, { value: converted, enumerable: true, writable: true, configurable: true });
    else copy[key] = converted;
  }
  return copy;
}

/**
 * A Database whose driver has not talked to the server yet: for a start that must serve /health
 * (and retry) while an external Neo4j is still coming up. `verifyDatabase` checks it later.
 */
export function createDatabase(options: ConnectOptions): Database {
  const auth = options.noAuth ? undefined : neo4j.auth.basic(options.username ?? "neo4j", options.password ?? "");
  let driver: Driver;
  try {
    driver = neo4j.driver(options.uri, auth, {
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
      connectionAcquisitionTimeout: options.connectionAcquisitionTimeoutMs ?? options.connectionTimeoutMs ?? 10_000,
      maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 15_000,
      userAgent: "werkplaats-broker",
    });
  } catch (error) {
    throw new DatabaseConnectionError("UNKNOWN", `NEO4J_URI ${options.uri} is not usable: ${(error as Error).message}`);
  }
  return new Database(driver, options.database, undefined, options);
}

/** Checks that the server answers, the credentials hold and the database exists; throws explained. */
export async function verifyDatabase(db: Database, options: Pick<ConnectOptions, "uri" | "database">): Promise<void> {
  try {
    await db.driver.verifyConnectivity({ database: options.database });
    await db.ping();
  } catch (error) {
    throw explainConnectionError(error, options);
  }
}

/** Connects and checks that the server answers, the credentials hold and the database exists. */
export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  const db = createDatabase(options);
  try {
    await verifyDatabase(db, options);
  } catch (error) {
    await db.driver.close().catch(() => {});
    throw error;
  }
  return db;
}

/**
 * True when an error means "Neo4j is not there right now" (refused, reset, timed out waiting for a
 * connection), as opposed to an error in the query: the first kind makes the API fail fast until
 * Neo4j answers again.
 */
export function isConnectivityError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof DatabaseConnectionError) return e.code === "UNREACHABLE";
    if (e instanceof ForwardedDatabaseError) return e.kind === "unreachable";
    if (e instanceof Neo4jError) {
      if (e.code === "ServiceUnavailable" || e.code === "SessionExpired") return true;
      if (/connection acquisition timed out|ECONNREFUSED|ECONNRESET|Connection was closed|Pool is closed/i.test(e.message))
        return true;
    }
    const message = e instanceof Error ? e.message : "";
    if (/ECONNREFUSED|ECONNRESET|connection acquisition timed out/i.test(message)) return true;
    e = (e as { cause?: unknown; originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A statement of a Database whose time budget (withTimeBudget) is spent: not started, answered like a timeout. */
export class TimeBudgetSpent extends Error {
  constructor() {
    super("The request's time budget for the database is spent.");
    this.name = "TimeBudgetSpent";
  }
}

/** The kinds of database failure the API answers in its own way (format-fault.ts), wherever they happened. */
export type DatabaseFailureKind = "unreachable" | "timeout" | "memory";

/** Which of those kinds `error` is; null: another error (a query's own, or not a database error). */
export function databaseFailureKind(error: unknown): DatabaseFailureKind | null {
  if (isConnectivityError(error)) return "unreachable";
  if (isTransactionTimeout(error)) return "timeout";
  if (isTransactionMemoryLimit(error)) return "memory";
  return null;
}

/**
 * A database failure that happened in a worker thread (the network domain's analytics worker), rebuilt on the API
 * thread with its kind, so that isConnectivityError, isTransactionTimeout and isTransactionMemoryLimit (and with them
 * the client's error code) answer as they would have for the original. No message of the driver crosses over.
 */
export class ForwardedDatabaseError extends Error {
  constructor(
    readonly kind: DatabaseFailureKind,
    name: string,
  ) {
    super(`A database failure in a worker thread (${kind}, ${name}).`);
    this.name = name;
  }
}

/** True when Neo4j stopped a transaction for running past its time limit (or one was not started past its budget). */
export function isTransactionTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof TimeBudgetSpent) return true;
    if (e instanceof ForwardedDatabaseError) return e.kind === "timeout";
    if (
      e instanceof Neo4jError &&
      /TransactionTimedOut|Transaction.*timed out|terminated.*timeout/i.test(`${e.code} ${e.message}`)
    )
      return true;
    e = (e as { originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when Neo4j stopped a transaction for using more memory than one transaction may
 * (`db.memory.transaction.max`, NEO4J_TRANSACTION_MEMORY) or than all of them together may.
 */
export function isTransactionMemoryLimit(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof ForwardedDatabaseError) return e.kind === "memory";
    if (e instanceof Neo4jError && /MemoryPoolOutOfMemory|TransactionMemoryLimit|MemoryLimit/i.test(e.code)) return true;
    e = (e as { originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export function explainConnectionError(
  error: unknown,
  options: Pick<ConnectOptions, "uri" | "database">,
): DatabaseConnectionError {
  const code = error instanceof Neo4jError ? error.code : "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "Neo.ClientError.Security.Unauthorized" || /unauthorized|authentication failure/i.test(message)) {
    return new DatabaseConnectionError(
      "AUTH_FAILED",
      `Neo4j at ${options.uri} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD.`,
    );
  }
  if (code === "Neo.ClientError.Database.DatabaseNotFound" || /database does not exist|DatabaseNotFound/i.test(message)) {
    return new DatabaseConnectionError(
      "DATABASE_NOT_FOUND",
      `Neo4j at ${options.uri} has no database "${options.database}": check NEO4J_DATABASE (Community holds only "neo4j").`,
    );
  }
  if (
    code === "ServiceUnavailable" ||
    code === "SessionExpired" ||
    /ECONNREFUSED|ENOTFOUND|Could not perform discovery|connect|timed out/i.test(message)
  ) {
    return new DatabaseConnectionError(
      "UNREACHABLE",
      `Neo4j at ${options.uri} is not reachable: start it, check NEO4J_URI, or unset NEO4J_URI to use the embedded Neo4j.`,
    );
  }
  return new DatabaseConnectionError("UNKNOWN", `Neo4j at ${options.uri} could not be used: ${message.split("\n")[0]}`);
}
