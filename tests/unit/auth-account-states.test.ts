import { describe, expect, it } from "vitest";
import { AccountStates, type AccountState } from "../../server/platform/auth/AccountStates.js";
import type { Database } from "../../server/platform/neo4j/database.js";

/** AccountStates with the graph replaced by a table; counts the lookups. */
class TableAccounts extends AccountStates {
  loads = 0;
  gate: Promise<void> = Promise.resolve();
  constructor(
    readonly table: Map<string, AccountState>,
    maxAgeMs: number,
  ) {
    super(undefined as unknown as Database, maxAgeMs);
  }
  protected override async load(userId: string): Promise<AccountState | undefined> {
    this.loads++;
    const state = this.table.get(userId);
    await this.gate;
    return state && { ...state };
  }
}

const coordinator: AccountState = { roles: ["COORDINATOR"], disabled: false, tokenVersion: 0 };

describe("AccountStates", () => {
  it("looks an account up once per cache period, and again after invalidate", async () => {
    const accounts = new TableAccounts(new Map([["u1", coordinator]]), 60_000);
    expect(await accounts.get("u1")).toEqual(coordinator);
    expect(await accounts.get("u1")).toEqual(coordinator);
    expect(accounts.loads).toBe(1);
    accounts.table.set("u1", { ...coordinator, tokenVersion: 1 });
    accounts.invalidate("u1");
    expect(await accounts.get("u1")).toMatchObject({ tokenVersion: 1 });
    expect(accounts.loads).toBe(2);
    expect(await accounts.get("nobody")).toBeUndefined();
  });

  it("asks the graph again once the cache period is over", async () => {
    const accounts = new TableAccounts(new Map([["u1", coordinator]]), 0);
    await accounts.get("u1");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await accounts.get("u1");
    expect(accounts.loads).toBe(2);
  });

  it("does not keep what a lookup read before a change that invalidated it", async () => {
    const accounts = new TableAccounts(new Map([["u1", coordinator]]), 60_000);
    let open!: () => void;
    accounts.gate = new Promise((resolve) => (open = resolve));
    const inFlight = accounts.get("u1");
    // The change commits and invalidates while the old state is on its way back.
    accounts.table.set("u1", { ...coordinator, roles: ["VIEWER"], tokenVersion: 1 });
    accounts.invalidate("u1");
    open();
    expect(await inFlight).toEqual(coordinator);
    accounts.gate = Promise.resolve();
    expect(await accounts.get("u1")).toEqual({ roles: ["VIEWER"], disabled: false, tokenVersion: 1 });
  });
});
