import { ACCOUNT_CACHE_MS, AccountStates, type AccountState } from "../../server/platform/auth/AccountStates.js";
import { ROLES } from "../../server/platform/auth/roles.js";
import type { DatabaseMonitor } from "../../server/platform/faults/DatabaseMonitor.js";
import type { Database } from "../../server/platform/neo4j/database.js";

/**
 * The server refuses tokens of accounts that are not in the graph (AccountStates). Most test files
 * sign tokens for made-up users (`tokenFor`, `startTestServer`) without creating (:User) nodes,
 * which would disturb their graph counts. The ids they sign for are noted here, and servers the
 * helpers start look those up as accounts with every role, version 0, never disabled (the token's
 * roles are what the request then has). Any other id is looked up in the graph only: a token for
 * an id nobody signed for is refused as on the real server. Tests of sign-in itself use the real
 * lookup alone (`startTestServer(db, { realAccounts: true })`).
 */
const signedForTests = new Set<string>();

export function noteTestAccount(id: string): void {
  signedForTests.add(id);
}

class TestAccounts extends AccountStates {
  protected override async load(userId: string): Promise<AccountState | undefined> {
    const real = await super.load(userId);
    if (real || !signedForTests.has(userId)) return real;
    return { roles: [...ROLES], disabled: false, tokenVersion: 0 };
  }
}

/** For `listen(config, db, { accounts: testAccounts })`. */
export const testAccounts = (db: Database, monitor: DatabaseMonitor): AccountStates =>
  new TestAccounts(db, ACCOUNT_CACHE_MS, monitor);
