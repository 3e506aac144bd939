import { log } from "../log.js";
import type { EmbeddedNeo4j } from "./embedded.js";

/** What the supervisor of the embedded Neo4j is doing; /health shows it (through the DatabaseMonitor). */
export type SupervisorState =
  | { state: "running"; pid: number; restarts: number; since: string }
  | { state: "restarting"; attempt: number; nextTryInMs: number; reason: string; restarts: number; since: string }
  | { state: "given-up"; reason: string; since: string }
  | { state: "stopped"; since: string };

/** Exits non-zero with the reason: what `npm start` does when the embedded Neo4j cannot be kept running. */
export function exitOnGiveUp(reason: string): void {
  process.stderr.write(`Stopping: ${reason}\n`);
  process.exit(1);
}

export interface SupervisorOptions {
  /** Starts the JVM once (startEmbeddedNeo4j with the app's options, same data folder and port). */
  start: () => Promise<EmbeddedNeo4j>;
  /** First wait before a restart; doubles per failed attempt up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Deaths and failed restarts allowed within `windowMs`; at this many the supervisor gives up. */
  maxFailures: number;
  windowMs: number;
  /** Each change of state (restarting with attempt and wait, running again, given up). */
  onState?: (state: SupervisorState) => void;
  /** Called once when the supervisor gives up: the caller exits non-zero so an outer supervisor takes over. */
  onGiveUp: (reason: string) => void;
}

/**
 * Keeps the embedded Neo4j running: when its JVM ends without being asked (killed, out of memory —
 * it runs with -XX:+ExitOnOutOfMemoryError), it is started again on the same data folder and port
 * after a back-off (NEO4J_RESTART_BACKOFF_MS, doubling per failed attempt, at most 30 s), with one
 * log line per death and per attempt. After NEO4J_RESTART_MAX_FAILURES deaths or failed starts within
 * NEO4J_RESTART_WINDOW_MS it gives up and calls onGiveUp with the reason: then the process should exit
 * non-zero, so systemd or Docker restarts the whole service. Only the embedded default is supervised;
 * an external Neo4j (NEO4J_URI) is only monitored (server/platform/faults/DatabaseMonitor.ts).
 * The first start is not supervised: a failure there is a configuration error, reported at once.
 */
export class EmbeddedSupervisor {
  private instance: EmbeddedNeo4j;
  private status: SupervisorState;
  private failures: number[] = [];
  private restarts = 0;
  private timer: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  private stopped = false;

  private constructor(
    first: EmbeddedNeo4j,
    private readonly options: SupervisorOptions,
  ) {
    this.instance = first;
    this.status = { state: "running", pid: first.pid, restarts: 0, since: new Date().toISOString() };
    this.watch(first);
  }

  /** Starts the embedded Neo4j (a failure here is thrown, not retried) and supervises it from then on. */
  static async start(options: SupervisorOptions): Promise<EmbeddedSupervisor> {
    return new EmbeddedSupervisor(await options.start(), options);
  }

  /** The JVM running now (after a restart, the new one). */
  get current(): EmbeddedNeo4j {
    return this.instance;
  }

  state(): SupervisorState {
    return this.status;
  }

  /** Stops supervising and stops the database cleanly (a restart in progress is awaited, then stopped). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.starting?.catch(() => {});
    this.setState({ state: "stopped", since: new Date().toISOString() });
    await this.instance.stop();
  }

  private setState(state: SupervisorState): void {
    this.status = state;
    this.options.onState?.(state);
  }

  private watch(instance: EmbeddedNeo4j): void {
    void instance.exited.then(({ code, signal }) => {
      if (this.stopped || instance !== this.instance) return;
      const how = signal ? `was killed (${signal})` : code === 3 ? "ran out of memory (exit code 3)" : `exited with code ${code}`;
      this.failed(`the embedded Neo4j (pid ${instance.pid}) ${how}`);
    });
  }

  /** Counts a death or a failed start; restarts after the back-off, or gives up. */
  private failed(reason: string): void {
    const now = Date.now();
    this.failures = this.failures.filter((t) => now - t < this.options.windowMs);
    this.failures.push(now);
    const count = this.failures.length;
    if (count >= this.options.maxFailures) {
      const why =
        `${reason}; that is ${count} failures within ${Math.round(this.options.windowMs / 1000)} s ` +
        `(NEO4J_RESTART_MAX_FAILURES=${this.options.maxFailures}): giving up, so that the service manager restarts the service.`;
      log.error(`Embedded Neo4j: ${why}`);
      this.stopped = true;
      this.setState({ state: "given-up", reason: why, since: new Date().toISOString() });
      this.options.onGiveUp(why);
      return;
    }
    // Consecutive failures since the last good start set the back-off: 1×, 2×, 4×, … up to the cap.
    const attempt = this.status.state === "restarting" ? this.status.attempt + 1 : 1;
    const wait = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (attempt - 1));
    const since = this.status.state === "restarting" ? this.status.since : new Date().toISOString();
    log.error(
      `Embedded Neo4j: ${reason}; restarting it in ${wait < 1_000 ? `${wait} ms` : `${(wait / 1000).toFixed(1)} s`} ` +
        `(attempt ${attempt}; ${count} of ${this.options.maxFailures} failures allowed within ${Math.round(this.options.windowMs / 1000)} s).`,
    );
    this.setState({ state: "restarting", attempt, nextTryInMs: wait, reason, restarts: this.restarts, since });
    this.timer = setTimeout(() => {
      this.starting = this.restart(attempt, since);
    }, wait);
  }

  private async restart(attempt: number, since: string): Promise<void> {
    if (this.stopped) return;
    const started = Date.now();
    try {
      const next = await this.options.start();
      if (this.stopped) {
        await next.stop();
        return;
      }
      this.instance = next;
      this.restarts += 1;
      log.info(
        `Embedded Neo4j restarted (pid ${next.pid}, attempt ${attempt}, ${Date.now() - started} ms; down since ${since}).`,
        { restarts: this.restarts },
      );
      this.setState({ state: "running", pid: next.pid, restarts: this.restarts, since: new Date().toISOString() });
      this.watch(next);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
      this.failed(`restart attempt ${attempt} failed: ${message.slice(0, 300)}`);
    }
  }
}
