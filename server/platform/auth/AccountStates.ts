import type { DatabaseMonitor } from "../faults/DatabaseMonitor.js";
import { isConnectivityError, type Database } from "../neo4j/database.js";
import { isRole, type Role } from "./roles.js";
import { READ_ACCOUNT_STATE } from "./statements.js";

/** The account behind a token as it is now: what every signed-in request is checked against. */
export interface AccountState {
  roles: Role[];
  disabled: boolean;
  /** Bumped by a change of roles, disabling, a new password and "sign out everywhere" (statements.ts). */
  tokenVersion: number;
}

/**
 * How long a looked-up account is trusted without asking the graph again: 5 s. Changes made through
 * this process (AuthResolver) clear the entry at once, so they bite on the very next request; the
 * 5 s bound only matters for changes made elsewhere (another API process, a script on the graph).
 * Without the cache every signed-in request would cost one more round trip to Neo4j.
 */
export const ACCOUNT_CACHE_MS = 5_000;

/** At most this many accounts are cached; the oldest entry goes first. Accounts are few; tokens of unknown ids are not. */
const MAX_ENTRIES = 10_000;

/** "unavailable": Neo4j cannot be asked now and nothing is known of this account (the request gets 503). */
export type AccountLookup = AccountState | undefined | "unavailable";

interface Entry {
  state: AccountState | undefined;
  at: number;
}

/**
 * Tokens are stateless, so without this a demoted, disabled or signed-out account would keep its
 * powers until the token expires (8 h). Every signed-in request looks up its account here (by the
 * token's subject): unknown or disabled accounts, tokens of an older version and roles the account
 * no longer has are refused (authenticate-request.ts). Lookups are cached per account for
 * ACCOUNT_CACHE_MS; while Neo4j is gone, the last known state is used.
 */
export class AccountStates {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<AccountLookup>>();
  /** Counts invalidations: a lookup that began before one must not store what it read. */
  private epoch = 0;

  constructor(
    private readonly db: Database,
    private readonly maxAgeMs = ACCOUNT_CACHE_MS,
    /** While Neo4j is known to be gone, use the last known state instead of waiting for it. */
    private readonly monitor?: DatabaseMonitor,
  ) {}

  async get(userId: string): Promise<AccountLookup> {
    const entry = this.entries.get(userId);
    if (entry && (Date.now() - entry.at <= this.maxAgeMs || !(this.monitor?.isUp ?? true))) return entry.state;
    if (!entry && !(this.monitor?.isUp ?? true)) return "unavailable";
    let pending = this.loading.get(userId);
    if (!pending) {
      const started: Promise<AccountLookup> = this.refresh(userId).finally(() => {
        if (this.loading.get(userId) === started) this.loading.delete(userId);
      });
      pending = started;
      this.loading.set(userId, started);
    }
    return pending;
  }

  /** Forget what is known of one account (or of all): its next request reads the graph. */
  invalidate(userId?: string): void {
    this.epoch++;
    if (userId === undefined) {
      this.entries.clear();
      this.loading.clear();
    } else {
      this.entries.delete(userId);
      this.loading.delete(userId);
    }
  }

  /** The graph's answer for one account; tests may answer for accounts of their own (tests/helpers/server.ts). */
  protected async load(userId: string): Promise<AccountState | undefined> {
    const rows = await this.db.read(READ_ACCOUNT_STATE, { id: userId });
    const row = rows[0];
    if (!row) return undefined;
    return {
      roles: Array.isArray(row.roles) ? row.roles.filter(isRole) : [],
      disabled: row.disabled === true,
      tokenVersion: Number(row.tokenVersion ?? 0),
    };
  }

  private async refresh(userId: string): Promise<AccountLookup> {
    const epoch = this.epoch;
    try {
      const state = await this.load(userId);
      // Read before a change was made (and invalidated): answer this request, but do not keep it.
      if (epoch !== this.epoch) return state;
      this.entries.delete(userId);
      this.entries.set(userId, { state, at: Date.now() });
      if (this.entries.size > MAX_ENTRIES) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
      return state;
    } catch (error) {
      if (!isConnectivityError(error)) throw error;
      // Neo4j unreachable: the request fails fast elsewhere; use what we knew, if anything.
      this.monitor?.report(error);
      const known = this.entries.get(userId);
      return known ? known.state : "unavailable";
    }
  }
}
