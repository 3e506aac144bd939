import { type QueryResult, type Session, type Transaction } from "neo4j-driver";
import { Database, isRetriableQueryError, toNative, type Params, type Row, type Tx } from "./database.js";
import { CATALOGUE_VERSION_BUMP, TIE_VERSION_BUMP } from "./statements.js";
import { TIE_VERSION_BUMP_START, touchesTies } from "./tie-version.js";
import { touchesCatalogue } from "./catalogue-version.js";

/**
 * One write transaction for a whole GraphQL mutation request: every write the request makes — the
 * generated mutations (@neo4j/graphql runs on it as its `executionContext`) and the custom ones
 * (through `database()`, whose writeTx runs inside it) — commits together, and only when the
 * response has no error; otherwise it is rolled back (server/platform/graphql/request-transaction-plugin.ts).
 * So a request that answers with an error writes nothing, also when the error comes while the
 * response is built, after the writes ran.
 *
 * Opened on first use (a request refused before it touches the graph opens none). Retries: a
 * transaction function used to be retried on transient errors (deadlocks) and a domain's own retry
 * loop (intake's lost MERGE race) re-ran its work in a fresh transaction. Both still work while
 * nothing has been written in this request yet: an error in such work rolls the transaction back,
 * so the next attempt starts fresh. After a write, an error fails the request as a whole.
 */
export class RequestTransaction {
  private session: Session | undefined;
  private opening: Promise<Transaction> | undefined;
  private written = false;
  /** Whether a statement of this transaction moved the tie version (it may have changed ties). */
  private tiesMoved = false;
  private finished = false;

  constructor(private readonly db: Database) {}

  /** Whether a write ran in this transaction (generated mutation, or finished custom write work). */
  get hasWrites(): boolean {
    return this.written;
  }

  /**
   * Whether what this transaction wrote moved the tie version (a statement with the bump in front, tie-version.ts, or a
   * generated write that touches ties): once committed, the analytics worker is told, so that it follows the tie writes
   * at once instead of at the next analytics request (request-transaction-plugin.ts).
   */
  get wroteTies(): boolean {
    return this.tiesMoved;
  }

  private async transaction(): Promise<Transaction> {
    if (this.finished) throw new Error("The request's transaction has already ended.");
    if (!this.opening) {
      // The request Database's session settings carry the user's bookmarks (causal consistency on a cluster).
      const session = this.db.driver.session(this.db.sessionConfig("WRITE"));
      this.session = session;
      const timeout = this.db.transactionTimeoutMs;
      this.opening = Promise.resolve(session.beginTransaction(timeout === undefined ? {} : { timeout }));
      // A failed BEGIN (Neo4j gone) must not leave the session open.
      this.opening.catch(() => this.discard());
    }
    return this.opening;
  }

  /** Rolls back and forgets the open transaction (if any): the next use opens a fresh one. */
  private async discard(): Promise<void> {
    const opening = this.opening;
    const session = this.session;
    this.opening = undefined;
    this.session = undefined;
    this.written = false;
    this.tiesMoved = false;
    if (opening) {
      const tx = await opening.catch(() => undefined);
      if (tx?.isOpen()) await tx.rollback().catch(() => {});
    }
    await session?.close().catch(() => {});
  }

  /**
   * What @neo4j/graphql runs its statements on: a transaction as it expects one (a `run` method). A
   * statement that may change ties (touchesTies: an edit of a `knows` edge, a person deleted) moves the
   * tie version first, in this transaction (server/platform/neo4j/tie-version.ts); one that may change the courses'
   * catalogue (touchesCatalogue) the catalogue version (catalogue-version.ts).
   */
  readonly executionContext = {
    run: async (query: string, parameters?: Params): Promise<QueryResult> => {
      const tx = await this.transaction();
      this.written = true;
      if (touchesTies(query)) {
        this.tiesMoved = true;
        await tx.run(TIE_VERSION_BUMP);
      }
      if (touchesCatalogue(query)) await tx.run(CATALOGUE_VERSION_BUMP);
      return await tx.run(query, parameters);
    },
  };

  async run(cypher: string, params: Params = {}): Promise<Row[]> {
    const tx = await this.transaction();
    if (cypher.includes(TIE_VERSION_BUMP_START)) this.tiesMoved = true;
    const result = await tx.run(cypher, params);
    return result.records.map((r) => toNative(r.toObject()) as Row);
  }

  /** Write work of a custom mutation, inside this transaction (see the class comment on retries). */
  async work<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const fresh = !this.written;
      try {
        const result = await work({ run: (cypher, params) => this.run(cypher, params) });
        this.written = true;
        return result;
      } catch (error) {
        if (!fresh) throw error;
        await this.discard();
        if (attempt >= 5 || !isRetriableQueryError(error)) throw error;
        // With jitter: requests that deadlocked on the same nodes (ten intakes of one SME at once) would otherwise
        // wake together and deadlock again, attempt after attempt (CI saw it fail all five under load).
        await new Promise((resolve) => setTimeout(resolve, 25 * 3 ** attempt * (0.5 + Math.random())));
      }
    }
  }

  /** Commits what the request wrote (nothing to do when it opened no transaction). */
  async commit(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const opening = this.opening;
    try {
      if (opening) await (await opening).commit();
    } finally {
      await this.session?.close().catch(() => {});
    }
  }

  async rollback(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.discard();
  }

  /** The request's view of the database for custom resolvers: reads and writes inside this transaction. */
  database(): Database {
    return new TransactionBoundDatabase(this.db, this);
  }
}

/**
 * A Database whose reads and writes run in the request's transaction (so a custom mutation sees
 * what an earlier root field of the same request wrote, and its writes commit with the rest).
 * Statements that cannot run in an explicit transaction (autoCommit), streams and server checks
 * keep their own sessions.
 */
class TransactionBoundDatabase extends Database {
  constructor(
    private readonly base: Database,
    private readonly request: RequestTransaction,
  ) {
    super(base.driver, base.name, base.transactionTimeoutMs, base.connectOptions);
  }

  override get storeMaintenance(): ReturnType<Database["ownTransactions"]>["storeMaintenance"] {
    return this.base.storeMaintenance;
  }

  override ownTransactions(): Database {
    return this.base;
  }

  override async read(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.request.run(cypher, params);
  }

  override async readEach<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work({ run: (cypher, params) => this.request.run(cypher, params) });
  }

  override async readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work({ run: (cypher, params) => this.request.run(cypher, params) });
  }

  override async write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.request.work((tx) => tx.run(cypher, params));
  }

  override async writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.request.work(work);
  }

  override withTransactionTimeout(): Database {
    return this;
  }
}
