import { DomainError, ErrorCode } from "../graphql/domain-error.js";
import { log } from "../log.js";
import { isConnectivityError, type Database } from "../neo4j/database.js";

export type MonitorState =
  | { state: "up"; since: string }
  | { state: "starting" | "down" | "restarting"; since: string; reason: string; attempts: number; nextProbeInMs: number };

export interface MonitorOptions {
  /** First wait between probes while Neo4j is gone; doubles up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Where Neo4j is, for the log line (never credentials). */
  target?: string;
}

/**
 * Knows whether Neo4j answers now. When a request fails because Neo4j is unreachable (or health
 * finds it so), the monitor goes "down": requests then fail at once with SERVICE_UNAVAILABLE
 * instead of each waiting for a connection, and a probe retries with back-off (0.5 s doubling to
 * 5 s) until Neo4j answers, when the API serves again by itself. At start it is "starting" until
 * the first answer. "restarting": the embedded Neo4j died and its supervisor
 * (server/platform/neo4j/supervise-embedded.ts) is starting it again; the monitor does not probe
 * meanwhile and probes at once when the supervisor says the JVM runs again.
 */
export class DatabaseMonitor {
  private status: MonitorState;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly db: Database,
    options: MonitorOptions = {},
    initial: "up" | "starting" = "up",
  ) {
    this.minBackoffMs = options.minBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.target = options.target ?? "Neo4j";
    const since = new Date().toISOString();
    this.status =
      initial === "up"
        ? { state: "up", since }
        : { state: "starting", since, reason: "connecting", attempts: 0, nextProbeInMs: 0 };
  }

  private readonly target: string;

  get isUp(): boolean {
    return this.status.state === "up";
  }

  current(): MonitorState {
    return this.status;
  }

  /** Throws SERVICE_UNAVAILABLE while Neo4j is known to be gone: the request does not wait. */
  assertUp(): void {
    if (this.status.state === "up") return;
    throw new DomainError(
      ErrorCode.SERVICE_UNAVAILABLE,
      this.status.state === "starting"
        ? "The database is not reachable yet; the server keeps trying. Try again shortly."
        : this.status.state === "restarting"
          ? "The database is restarting; the server brings it back by itself. Try again shortly."
          : "The database is not reachable right now; the server reconnects by itself. Try again shortly.",
      undefined,
      { retryAfterSeconds: Math.max(1, Math.ceil(this.status.nextProbeInMs / 1000)) },
    );
  }

  /** Call with any error a request met: an unreachable Neo4j turns the monitor down. */
  report(error: unknown): void {
    if (isConnectivityError(error)) this.markDown(firstLine(error));
  }

  markDown(reason: string): void {
    if (this.stopped || this.status.state !== "up") return;
    log.warn(`${this.target} is not reachable: requests fail fast with SERVICE_UNAVAILABLE until it answers again.`, { reason });
    this.status = { state: "down", since: new Date().toISOString(), reason, attempts: 0, nextProbeInMs: this.minBackoffMs };
    this.schedule(this.minBackoffMs);
  }

  /** Neo4j has not answered yet (start on an external one): fail fast and say so until markUp. */
  markStarting(): void {
    this.status = { state: "starting", since: new Date().toISOString(), reason: "connecting", attempts: 0, nextProbeInMs: 0 };
  }

  /** Health during the start: which attempt, why the last failed, when the next comes. */
  noteStartAttempt(attempts: number, reason: string, nextProbeInMs: number): void {
    if (this.status.state === "up") return;
    this.status = { state: "starting", since: this.status.since, reason, attempts, nextProbeInMs };
  }

  /** The supervisor restarts the embedded Neo4j: say so (health, fail-fast message) until it runs again. */
  noteRestarting(reason: string, attempt: number, nextTryInMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const since = this.status.state === "up" ? new Date().toISOString() : this.status.since;
    this.status = { state: "restarting", since, reason, attempts: attempt, nextProbeInMs: nextTryInMs };
  }

  /** The supervisor has the embedded Neo4j running again: probe now (the driver reconnects on its own). */
  noteRestarted(): void {
    if (this.stopped || this.status.state === "up") return;
    this.status = { ...this.status, state: "down", reason: "restarted; reconnecting", attempts: 0, nextProbeInMs: 0 };
    this.schedule(0);
  }

  markUp(): void {
    if (this.status.state === "up") return;
    this.status = { state: "up", since: new Date().toISOString() };
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves when Neo4j answers (or at once if it does). */
  whenUp(): Promise<void> {
    if (this.status.state === "up") return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.probe(), ms);
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    this.timer = undefined;
    if (this.stopped || this.status.state === "up" || this.status.state === "restarting") return;
    try {
      await this.db.ping();
      const downFor = Date.now() - Date.parse(this.status.since);
      log.info(`${this.target} answers again: serving requests.`, { afterMs: downFor, attempts: this.status.attempts + 1 });
      this.markUp();
    } catch (error) {
      const attempts = this.status.attempts + 1;
      const wait = Math.min(this.maxBackoffMs, this.minBackoffMs * 2 ** Math.min(attempts, 10));
      this.status = { ...this.status, attempts, reason: firstLine(error), nextProbeInMs: wait };
      this.schedule(wait);
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? "").slice(0, 200);
}
