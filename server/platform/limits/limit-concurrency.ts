/**
 * How many heavy requests (an analytic, or a cost above HEAVY_REQUEST_COST) run at once, and who goes
 * next. At most `perCaller` run for one caller (signed-in user, or IP address when anonymous) and
 * `total` for everyone (HEAVY_REQUESTS_TOTAL: analytics are CPU-bound in Neo4j, so on a small machine
 * fewer of them at once leave the cores to everyone else's ordinary requests; docs/security.md "Limits").
 *
 * A heavy request that cannot start waits in its caller's own queue, and the queues take turns: a free
 * place goes to the waiting caller served longest ago (never served first; ties in the order they
 * started waiting). So one user's flood queues behind that user's own requests, and another user's
 * heavy request waits for at most the requests already running and one turn of each other caller —
 * never for the flood. A waiting request holds no Neo4j connection and
 * costs nothing (the gate is entered before execution starts); one that would make its caller's queue
 * longer than `queuePerCaller`, or has waited `maxWaitMs`, or whose client has gone, is refused. Ordinary
 * requests never pass the gate.
 */
export interface HeavyGateLimits {
  /** Heavy requests one caller may have running at once (HEAVY_REQUESTS_PER_USER). */
  perCaller: number;
  /** Heavy requests all callers together may have running at once (HEAVY_REQUESTS_TOTAL). */
  total: number;
  /** Heavy requests one caller may have waiting (HEAVY_QUEUE_PER_USER); 0: refused at once. */
  queuePerCaller: number;
  /** Longest a heavy request waits for its turn (HEAVY_QUEUE_WAIT_MS). */
  maxWaitMs: number;
}

/** Why the gate refused: the caller's queue was full, the wait was too long, or the client went away. */
export type GateRefusalReason = "QUEUE_FULL" | "WAITED_TOO_LONG" | "CLIENT_GONE";

export class GateRefusal extends Error {
  constructor(readonly reason: GateRefusalReason) {
    super(`heavy request refused: ${reason}`);
    this.name = "GateRefusal";
  }
}

/** Ends a heavy request's place; calling it again does nothing. */
export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
  refuse: (reason: GateRefusalReason) => void;
}

export class HeavyRequestGate {
  private readonly running = new Map<string, number>();
  /** Callers with waiting requests, in the order they started waiting. */
  private readonly waiting = new Map<string, Waiter[]>();
  /** When each caller with a request running or waiting was last given a place (a sequence number). */
  private readonly lastServed = new Map<string, number>();
  private served = 0;
  private total = 0;

  constructor(readonly limits: HeavyGateLimits) {}

  /**
   * Resolves with a release function when the caller's heavy request may run: at once when a place is
   * free and nobody waits for it, else at its turn. Rejects with a GateRefusal when it may not wait.
   */
  enter(caller: string, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new GateRefusal("CLIENT_GONE"));
    const queue = this.waiting.get(caller) ?? [];
    const mayStartNow = this.total < this.limits.total && this.mine(caller) < this.limits.perCaller && queue.length === 0;
    if (!mayStartNow && queue.length >= this.limits.queuePerCaller) return Promise.reject(new GateRefusal("QUEUE_FULL"));
    return new Promise<Release>((resolve, reject) => {
      let settled = false;
      const leave = (reason: GateRefusalReason) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        const mineWaiting = this.waiting.get(caller);
        const at = mineWaiting?.indexOf(waiter) ?? -1;
        if (mineWaiting && at >= 0) mineWaiting.splice(at, 1);
        if (mineWaiting?.length === 0) this.waiting.delete(caller);
        if (this.mine(caller) === 0 && !this.waiting.has(caller)) this.lastServed.delete(caller);
        reject(new GateRefusal(reason));
      };
      const onAbort = () => leave("CLIENT_GONE");
      const waiter: Waiter = {
        grant: (release) => {
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
        refuse: leave,
      };
      const timer = setTimeout(() => leave("WAITED_TOO_LONG"), this.limits.maxWaitMs);
      timer.unref?.();
      signal?.addEventListener("abort", onAbort, { once: true });
      queue.push(waiter);
      if (!this.waiting.has(caller)) this.waiting.set(caller, queue);
      this.dispatch();
    });
  }

  /** Heavy requests running now, of one caller or of all. */
  inFlight(caller?: string): number {
    return caller === undefined ? this.total : this.mine(caller);
  }

  /** Heavy requests waiting now, of one caller or of all. */
  queued(caller?: string): number {
    if (caller !== undefined) return this.waiting.get(caller)?.length ?? 0;
    let count = 0;
    for (const queue of this.waiting.values()) count += queue.length;
    return count;
  }

  private mine(caller: string): number {
    return this.running.get(caller) ?? 0;
  }

  /** Gives free places to waiting requests: each to the caller that may run one more and was served longest ago. */
  private dispatch(): void {
    while (this.total < this.limits.total) {
      let next: string | undefined;
      for (const caller of this.waiting.keys()) {
        if (this.mine(caller) >= this.limits.perCaller) continue;
        if (next === undefined || (this.lastServed.get(caller) ?? 0) < (this.lastServed.get(next) ?? 0)) next = caller;
      }
      if (next === undefined) return;
      const queue = this.waiting.get(next) ?? [];
      const waiter = queue.shift();
      if (queue.length === 0) this.waiting.delete(next);
      if (!waiter) continue;
      this.running.set(next, this.mine(next) + 1);
      this.lastServed.set(next, ++this.served);
      this.total++;
      waiter.grant(this.releaseFor(next));
    }
  }

  private releaseFor(caller: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = this.mine(caller) - 1;
      if (left <= 0) this.running.delete(caller);
      else this.running.set(caller, left);
      // A caller with nothing running or waiting is forgotten: its next request is new again.
      if (left <= 0 && !this.waiting.has(caller)) this.lastServed.delete(caller);
      this.dispatch();
    };
  }
}
