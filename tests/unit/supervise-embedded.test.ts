import { describe, expect, it, vi } from "vitest";
import type { EmbeddedNeo4j } from "../../server/platform/neo4j/embedded.js";
import { EmbeddedSupervisor, exitOnGiveUp, type SupervisorState } from "../../server/platform/neo4j/supervise-embedded.js";

/**
 * The supervisor's policy (back-off, the failure window, giving up) on stand-ins for the JVM handle:
 * which process runs and when it ends is all the supervisor sees of Neo4j. The real JVM killed and
 * restarted: tests/integration/faults-neo4j-lost.int.test.ts.
 */
interface StandIn extends EmbeddedNeo4j {
  die(signal?: NodeJS.Signals): void;
}

let nextPid = 100;
function standIn(): StandIn {
  let end: (value: { code: number | null; signal: NodeJS.Signals | null }) => void = () => {};
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => (end = resolve));
  return {
    uri: "bolt://127.0.0.1:1",
    version: "5.26",
    pid: nextPid++,
    exited,
    pruneTransactionLogs: () => Promise.resolve("1 files, 1 rotations"),
    stop: () => {
      end({ code: 0, signal: null });
      return Promise.resolve();
    },
    die: (signal = "SIGKILL") => end({ code: null, signal }),
  };
}

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("the embedded Neo4j's supervisor", () => {
  it("restarts a JVM that died, backing off per failed attempt, and counts the restart", async () => {
    const started: StandIn[] = [];
    let failNext = 0;
    const states: SupervisorState[] = [];
    const supervisor = await EmbeddedSupervisor.start({
      start: () => {
        if (failNext > 0) {
          failNext--;
          return Promise.reject(new Error("Embedded Neo4j: port 1 on 127.0.0.1 is already in use"));
        }
        const jvm = standIn();
        started.push(jvm);
        return Promise.resolve(jvm);
      },
      backoffMs: 20,
      maxBackoffMs: 1_000,
      maxFailures: 5,
      windowMs: 60_000,
      onState: (state) => states.push(state),
      onGiveUp: () => expect.fail("gave up"),
    });
    failNext = 1;
    started[0]?.die();
    // Waits for the outcome rather than a fixed 200 ms: at load 7 the two back-offs (20 + 40 ms) took longer.
    await vi.waitFor(() => expect(states.at(-1)?.state).toBe("running"), { timeout: 5_000, interval: 10 });
    expect(states.map((s) => (s.state === "restarting" ? `restarting ${s.attempt} in ${s.nextTryInMs}` : s.state))).toEqual([
      "restarting 1 in 20",
      "restarting 2 in 40",
      "running",
    ]);
    expect(supervisor.current).toBe(started[1]);
    expect(supervisor.state()).toMatchObject({ state: "running", restarts: 1, pid: started[1]?.pid });
    await supervisor.stop();
    expect(supervisor.state().state).toBe("stopped");
  });

  it("gives up with the reason after maxFailures within the window, and does not restart after stop()", async () => {
    const reasons: string[] = [];
    const jvms: StandIn[] = [];
    const supervisor = await EmbeddedSupervisor.start({
      start: () => {
        const jvm = standIn();
        jvms.push(jvm);
        return Promise.resolve(jvm);
      },
      backoffMs: 10,
      maxBackoffMs: 10,
      maxFailures: 3,
      windowMs: 60_000,
      onGiveUp: (reason) => reasons.push(reason),
    });
    for (let i = 0; i < 3; i++) {
      jvms.at(-1)?.die();
      await tick(60);
    }
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(
      /was killed \(SIGKILL\); that is 3 failures within 60 s \(NEO4J_RESTART_MAX_FAILURES=3\): giving up/,
    );
    expect(supervisor.state().state).toBe("given-up");
    expect(jvms).toHaveLength(3); // the first and two restarts; none after giving up

    const calm = await EmbeddedSupervisor.start({
      start: () => Promise.resolve(standIn()),
      backoffMs: 10,
      maxBackoffMs: 10,
      maxFailures: 3,
      windowMs: 60_000,
      onGiveUp: (reason) => reasons.push(reason),
    });
    const first = calm.current;
    await calm.stop();
    await tick(40);
    expect(calm.current).toBe(first);
    expect(calm.state().state).toBe("stopped");
  });

  it("by default (npm start) prints the reason and exits with code 1, for systemd or Docker to restart the service", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      exitOnGiveUp("the embedded Neo4j (pid 7) was killed (SIGKILL); that is 5 failures within 600 s");
      expect(stderr).toHaveBeenCalledWith(
        "Stopping: the embedded Neo4j (pid 7) was killed (SIGKILL); that is 5 failures within 600 s\n",
      );
      expect(exit).toHaveBeenCalledWith(1);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
