import type { StatementPacer } from "../neo4j/database.js";

/**
 * Heavy requests give way to light ones, statement by statement (issue #13: other users' p95 within 2× of idle during
 * one user's worst request; docs/security.md "Limits", docs/performance.md "One user's worst requests").
 *
 * An analytic is many Neo4j statements of 10–150 ms each (a 6-hop nextBestContacts + embedding: ~67, impactIfGone ~37;
 * measured, bench/cost-load.ts), and while one runs it keeps a core of Neo4j busy: on 2 cores the other users' ordinary
 * requests then share the other core with the API, and their p95 doubled. HEAVY_REQUESTS_TOTAL already lets one heavy
 * request run at a time; this paces that one request's statements:
 *
 * - one at a time (an analytic's `Promise.all` of two reads ran two Neo4j threads at once);
 * - before each, it waits while light requests (every request that did not pass the HeavyRequestGate) are running, at
 *   most LIGHT_WAIT_MS per statement;
 * - after one during which light requests ran, the next heavy statement — of this request or the next heavy request
 *   in the same thread — waits in proportion to how long that statement took: while others are being served, heavy
 *   work takes at most HEAVY_WORK_SHARE_PERCENT of the time (the pause is the statement's time × (100 − share) / share,
 *   at most LIGHT_WAIT_MS × the same factor). (Owed per request only, a user's back-to-back 6-hop warmPaths — two
 *   statements each — still kept Neo4j at 109 % of a core.)
 *
 * The pauses of one request together stay below a quarter of its time budget (ANALYTICS_TIMEOUT_MS per analytic), so a
 * busy service makes an analytic slower, never time out for pacing alone; alone on the server it is not slowed at all.
 * Light requests are counted in shared memory (LightRequests), so the analytics worker thread paces by the same count.
 */
export const LIGHT_WAIT_MS = 100;
/**
 * HEAVY_WORK_SHARE_PERCENT's default: a third (half until session 9, when a paced analytic still kept other users' p95
 * at 1.7–2.0× idle; docs/performance.md "One user's worst requests", fifth round).
 */
export const DEFAULT_HEAVY_SHARE_PERCENT = 33;
/** How often a waiting heavy statement looks again whether the light requests are done. */
const POLL_MS = 2;

/**
 * Light requests running now, and how many ever started, in a SharedArrayBuffer: the API thread counts
 * (operationLimitsPlugin), the analytics worker thread reads (its pacers). The buffer also carries the heavy work's
 * share (HEAVY_WORK_SHARE_PERCENT), so the worker paces by the API thread's setting without a message of its own.
 */
export class LightRequests {
  readonly cells: Int32Array;
  /** This thread's heavy lane: not before this instant (performance.now()) may the next heavy statement start. */
  readonly lane = { owedUntil: 0 };

  /** A new count (the API thread, with the share from the configuration), or another thread's view of one (`buffer`). */
  constructor(buffer?: SharedArrayBuffer, heavySharePercent = DEFAULT_HEAVY_SHARE_PERCENT) {
    this.cells = new Int32Array(buffer ?? new SharedArrayBuffer(12));
    if (!buffer) Atomics.store(this.cells, 2, Math.min(100, Math.max(1, Math.round(heavySharePercent))));
  }

  /** How much longer than a heavy statement the pause after it is: (100 − share) / share (1 at half, 2 at a third). */
  get pauseFactor(): number {
    const share = Atomics.load(this.cells, 2) || DEFAULT_HEAVY_SHARE_PERCENT;
    return (100 - share) / share;
  }

  get buffer(): SharedArrayBuffer {
    return this.cells.buffer as SharedArrayBuffer;
  }

  /** A light request starts; the function returned ends it (once). */
  start(): () => void {
    Atomics.add(this.cells, 0, 1);
    Atomics.add(this.cells, 1, 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      Atomics.sub(this.cells, 0, 1);
    };
  }

  get running(): number {
    return Atomics.load(this.cells, 0);
  }

  /** Light requests started so far (wraps around; compare for change only). */
  get started(): number {
    return Atomics.load(this.cells, 1);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One heavy request's pacer: its statements in turn, giving way to light requests (see above). */
export class HeavyStatementPacer implements StatementPacer {
  private tail: Promise<unknown> = Promise.resolve();
  private pausedMs = 0;

  constructor(
    private readonly light: LightRequests,
    /** The most this request may spend waiting in all: a quarter of its time budget. */
    private readonly maxPauseMs: number,
  ) {}

  /** Milliseconds this request has given way so far (for tests and the bench). */
  get paused(): number {
    return this.pausedMs;
  }

  run<T>(statement: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(() => this.one(statement));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async one<T>(statement: () => Promise<T>): Promise<T> {
    await this.giveWay();
    const startedBefore = this.light.started;
    const since = performance.now();
    try {
      return await statement();
    } finally {
      const now = performance.now();
      if (this.light.running > 0 || this.light.started !== startedBefore) {
        const factor = this.light.pauseFactor;
        this.light.lane.owedUntil = Math.max(this.light.lane.owedUntil, now + Math.min(now - since, LIGHT_WAIT_MS) * factor);
      }
    }
  }

  private async giveWay(): Promise<void> {
    const left = this.maxPauseMs - this.pausedMs;
    if (left <= 0) return;
    const since = performance.now();
    const owed = Math.min(this.light.lane.owedUntil - since, LIGHT_WAIT_MS * Math.max(1, this.light.pauseFactor), left);
    if (owed > 0) await sleep(owed);
    // Then, while light requests still run, at most LIGHT_WAIT_MS more (counted from the start, as before the share).
    const allowance = Math.min(Math.max(LIGHT_WAIT_MS, owed), left);
    while (this.light.running > 0 && performance.now() - since < allowance) await sleep(POLL_MS);
    this.pausedMs += performance.now() - since;
  }
}
