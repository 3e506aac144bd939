import type { JWTPayload } from "jose";
import type { Config } from "../config.js";
import type { AccountStates } from "../auth/AccountStates.js";
import type { LoginThrottle } from "../auth/LoginThrottle.js";
import type { RequestUser } from "../auth/roles.js";
import type { SessionCookie } from "../auth/session-cookie.js";
import type { DatabaseMonitor } from "../faults/DatabaseMonitor.js";
import type { Bookmarks, Database } from "../neo4j/database.js";
import type { RequestTransaction } from "../neo4j/request-transaction.js";
import type { MailServices } from "../mail/mail-services.js";
import type { PublicFormGuard } from "../limits/limit-submissions.js";

/**
 * Sending mail: the services, and the database outside the request's transaction. A message and its
 * proposals are committed before the attempt to send, and the outcome after it, so what went out is
 * always on record — a mutation that sends mail is therefore not one transaction (docs/mail.md).
 */
export interface Mailer {
  services: MailServices;
  db: Database;
}

/**
 * Analytics answered off the API's thread (issue #19): the network domain's long-lived worker. `run` sends the named
 * operation with its (validated) arguments and the request's database settings (time budget, bookmarks), and resolves
 * with the answer as plain data; when the worker is not available it computes on this thread itself. Absent: the
 * resolvers compute here (ANALYTICS_WORKER=off).
 */
export interface OffThreadAnalytics {
  run(operation: string, args: Record<string, unknown>, db: Database, signal?: AbortSignal): Promise<unknown>;
  /** Whether it searches warm paths over the ties it holds in memory (then warmPaths from given people go there too). */
  readonly searchesWarmPathsInMemory?: boolean;
  /** A write of `db`'s caller that moved the tie version has committed (fire and forget). */
  tiesMoved?(db: Database): void;
}

/** What the sign-in resolvers need besides the database. */
export interface AuthServices {
  config: Pick<Config, "JWT_SECRET" | "JWT_TTL" | "NODE_ENV">;
  throttle: LoginThrottle;
  /** Wrong current passwords in changePassword, per account (any address). */
  passwordThrottle: LoginThrottle;
  /** The accounts behind tokens; AuthResolver clears an entry when it changes the account. */
  accounts: AccountStates;
  /** Wrong, expired or used invitation links, per address (acceptInvitation; the sign-in throttle's rule). */
  invitationThrottle?: LoginThrottle;
  /**
   * Called after each successful sign-in, in its transaction: the app hands in the invitations domain's
   * first-sign-in record (a platform module names no domain).
   */
  afterSignIn?: (db: Database, user: { id: string }) => Promise<void>;
}

/**
 * What every resolver gets. The generated ones read `sessionConfig`, `jwt` (the verified token
 * payload, which @neo4j/graphql's @authorization rules test) and `transaction` (its time limit);
 * the custom ones use `db` and `user`.
 */
export interface GraphQLContext {
  db: Database;
  sessionConfig: { database: string };
  /** The signed-in caller; undefined for anonymous requests (which reach only PUBLIC fields). */
  user?: RequestUser;
  /** The verified JWT payload, for @neo4j/graphql (it trusts `jwt` set by the server). */
  jwt?: JWTPayload & { roles: string[] };
  /** Transaction settings @neo4j/graphql passes to the driver: Neo4j stops a request running longer. */
  transaction?: { timeout?: number };
  /** The caller's address, for sign-in throttling (never logged). */
  ip?: string;
  auth?: AuthServices;
  /** The browser's session cookie of this HTTP exchange: login sets it, signOut clears it (auth/session-cookie.ts). */
  session?: SessionCookie;
  /** Knows whether Neo4j is reachable now; resolvers fail fast while it is not. */
  monitor?: DatabaseMonitor;
  /**
   * What @neo4j/graphql runs the generated fields on. In a mutation: the request's one transaction
   * (server/platform/graphql/request-transaction-plugin.ts; `db` is bound to it too). Otherwise the request's
   * driver, whose sessions carry the user's bookmarks (or the driver given at schema build).
   */
  requestTransaction?: RequestTransaction;
  /** Sending mail (the outbox, digests, reminders); absent where the app was built without it. */
  mailer?: Mailer;
  /** The public question form's limits per address (issue #18); absent where the app was built without it. */
  publicForm?: PublicFormGuard;
  executionContext?: RequestTransaction["executionContext"] | ReturnType<Database["graphqlDriver"]>;
  /** Aborted when the client goes away before its answer is sent (a heavy request waiting its turn then leaves the queue). */
  signal?: AbortSignal;
  /** Where the analytics run (the analytics worker); absent: on this thread. */
  analytics?: OffThreadAnalytics;
}

export interface ContextExtras {
  user?: RequestUser | undefined;
  jwt?: (JWTPayload & { roles: string[] }) | undefined;
  queryTimeoutMs?: number;
  ip?: string;
  auth?: AuthServices;
  session?: SessionCookie;
  monitor?: DatabaseMonitor;
  /** The signed-in user's bookmarks (server/platform/neo4j/user-bookmarks.ts): their reads see their writes. */
  bookmarks?: Bookmarks | undefined;
  mailer?: Mailer;
  signal?: AbortSignal;
  publicForm?: PublicFormGuard;
  analytics?: OffThreadAnalytics;
}

export function createContext(db: Database, extras: ContextExtras = {}): GraphQLContext {
  const chained = extras.bookmarks ? db.withBookmarks(extras.bookmarks) : db;
  const timed = extras.queryTimeoutMs ? chained.withTransactionTimeout(extras.queryTimeoutMs) : chained;
  return {
    db: timed,
    // Always the request's own driver (with the user's bookmarks, if any), never the one the schema was built with: the
    // schema is shared by every app of the process (server/app/create-app.ts appSchema), the Database is the app's.
    executionContext: timed.graphqlDriver(),
    sessionConfig: { database: db.name },
    ...(extras.user ? { user: extras.user } : {}),
    ...(extras.jwt ? { jwt: extras.jwt } : {}),
    ...(extras.queryTimeoutMs ? { transaction: { timeout: extras.queryTimeoutMs } } : {}),
    ...(extras.ip ? { ip: extras.ip } : {}),
    ...(extras.auth ? { auth: extras.auth } : {}),
    ...(extras.session ? { session: extras.session } : {}),
    ...(extras.monitor ? { monitor: extras.monitor } : {}),
    ...(extras.mailer ? { mailer: extras.mailer } : {}),
    ...(extras.signal ? { signal: extras.signal } : {}),
    ...(extras.publicForm ? { publicForm: extras.publicForm } : {}),
    ...(extras.analytics ? { analytics: extras.analytics } : {}),
  };
}
