import type { DatabaseMonitor } from "../faults/DatabaseMonitor.js";
import type { Database } from "../neo4j/database.js";
import { READ_DISABLED_USER_IDS } from "./statements.js";

/**
 * Tokens are stateless, so a disabled account's token would live until it expires. This keeps the
 * ids of disabled accounts (a small set), refreshed at most every `maxAgeMs`, and refuses their
 * tokens at once. A failed refresh keeps the last known set.
 */
export class DisabledUsers {
  private ids = new Set<string>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly maxAgeMs = 30_000,
    /** While Neo4j is known to be gone, keep the last known set instead of waiting for it. */
    private readonly monitor?: DatabaseMonitor,
  ) {}

  async has(userId: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > this.maxAgeMs && (this.monitor?.isUp ?? true)) {
      this.loading ??= this.refresh().finally(() => (this.loading = undefined));
      await this.loading;
    }
    return this.ids.has(userId);
  }

  /** Forget the cached set: the next check reads the graph (after a user was changed). */
  invalidate(): void {
    this.loadedAt = 0;
  }

  private async refresh(): Promise<void> {
    try {
      const rows = await this.db.read(READ_DISABLED_USER_IDS);
      const ids = rows[0]?.ids;
      this.ids = new Set(Array.isArray(ids) ? ids.map(String) : []);
      this.loadedAt = Date.now();
    } catch (error) {
      // Neo4j unreachable: the request fails fast elsewhere; keep what we knew.
      this.monitor?.report(error);
    }
  }
}
