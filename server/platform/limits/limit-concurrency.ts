/**
 * How many heavy requests (an analytic, or a cost above HEAVY_REQUEST_COST) run at once: at most
 * `perCaller` for one caller (signed-in user, or IP address when anonymous) and `total` for everyone,
 * so that one user's analytics cannot take the whole connection pool. A request over either cap is
 * refused at once (429 TOO_MANY_REQUESTS) rather than queued: the caller retries, nothing piles up.
 */
export class HeavyRequestGate {
  private readonly running = new Map<string, number>();
  private total = 0;

  constructor(
    readonly perCaller: number,
    readonly totalCap: number,
  ) {}

  /** A release function when the caller may start one more heavy request; undefined when not. */
  tryEnter(caller: string): (() => void) | undefined {
    const mine = this.running.get(caller) ?? 0;
    if (mine >= this.perCaller || this.total >= this.totalCap) return undefined;
    this.running.set(caller, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.running.get(caller) ?? 1) - 1;
      if (left <= 0) this.running.delete(caller);
      else this.running.set(caller, left);
    };
  }

  /** Heavy requests running now (for tests and /health-style reports). */
  inFlight(caller?: string): number {
    return caller === undefined ? this.total : (this.running.get(caller) ?? 0);
  }
}
