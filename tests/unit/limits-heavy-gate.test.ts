import { describe, expect, it } from "vitest";
import { GateRefusal, HeavyRequestGate, type Release } from "../../server/platform/limits/limit-concurrency.js";

/**
 * HeavyRequestGate (server/platform/limits/limit-concurrency.ts, issue #13): heavy requests beyond the caps wait in
 * their caller's own queue and the callers take turns, so one user's flood queues behind their own requests.
 */
const limits = { perCaller: 1, total: 1, queuePerCaller: 4, maxWaitMs: 60_000 };

/** Enters and records the order in which the places were given. */
function enterAll(gate: HeavyRequestGate, callers: string[], order: string[]): Array<Promise<Release>> {
  return callers.map((caller, i) =>
    gate.enter(caller).then((release) => {
      order.push(`${caller}#${i}`);
      return release;
    }),
  );
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("HeavyRequestGate", () => {
  it("lets one in at once, queues the flood of the same user, and serves another user next", async () => {
    const gate = new HeavyRequestGate(limits);
    const order: string[] = [];
    const flood = enterAll(gate, ["mallory", "mallory", "mallory", "mallory", "mallory"], order);
    await settle();
    expect(order).toEqual(["mallory#0"]);
    expect(gate.queued("mallory")).toBe(4);
    // Alice comes after the whole flood, yet is next: the queues take turns.
    const alice = gate.enter("alice").then((release) => {
      order.push("alice");
      return release;
    });
    (await flood[0]!)();
    await settle();
    expect(order).toEqual(["mallory#0", "alice"]);
    (await alice)();
    await settle();
    expect(order).toEqual(["mallory#0", "alice", "mallory#1"]);
    for (const place of flood.slice(1)) {
      (await place)();
      await settle();
    }
    expect(order).toEqual(["mallory#0", "alice", "mallory#1", "mallory#2", "mallory#3", "mallory#4"]);
    expect(gate.inFlight()).toBe(0);
    expect(gate.queued()).toBe(0);
  });

  it("takes turns between several waiting users in the order they came", async () => {
    const gate = new HeavyRequestGate(limits);
    const order: string[] = [];
    const releases: Release[] = [];
    const first = await gate.enter("a");
    for (const caller of ["a", "a", "b", "c", "b"]) {
      void gate.enter(caller).then((release) => {
        order.push(caller);
        releases.push(release);
      });
    }
    first();
    for (let i = 0; i < 5; i++) {
      await settle();
      releases[i]!();
    }
    // a was just served, so b and c (in the order they came) go first; then the turns alternate between a and b.
    expect(order).toEqual(["b", "c", "a", "b", "a"]);
    expect(gate.inFlight()).toBe(0);
  });

  it("refuses at once beyond the caller's queue, and with no queue at all", async () => {
    const gate = new HeavyRequestGate({ ...limits, queuePerCaller: 2 });
    const running = await gate.enter("u");
    const waiting = [gate.enter("u"), gate.enter("u")];
    await expect(gate.enter("u")).rejects.toMatchObject({ reason: "QUEUE_FULL" });
    // Another user still queues (the full queue is u's alone), and goes first: u was served last.
    const other = gate.enter("v");
    running();
    (await other)();
    (await waiting[0]!)();
    (await waiting[1]!)();
    expect(gate.inFlight()).toBe(0);
    const strict = new HeavyRequestGate({ ...limits, queuePerCaller: 0 });
    const only = await strict.enter("u");
    await expect(strict.enter("u")).rejects.toBeInstanceOf(GateRefusal);
    only();
  });

  it("refuses a request that waited too long, or whose client left, and gives its turn to the next", async () => {
    const gate = new HeavyRequestGate({ ...limits, maxWaitMs: 100 });
    const running = await gate.enter("u");
    const started = performance.now();
    await expect(gate.enter("v")).rejects.toMatchObject({ reason: "WAITED_TOO_LONG" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    const controller = new AbortController();
    const gone = gate.enter("w", controller.signal);
    const next = gate.enter("x");
    controller.abort();
    await expect(gone).rejects.toMatchObject({ reason: "CLIENT_GONE" });
    expect(gate.queued()).toBe(1);
    running();
    (await next)();
    expect(gate.inFlight()).toBe(0);
  });

  it("runs up to the total at once, each caller within their own cap", async () => {
    const gate = new HeavyRequestGate({ perCaller: 2, total: 3, queuePerCaller: 4, maxWaitMs: 60_000 });
    const a = [await gate.enter("a"), await gate.enter("a")];
    const b = await gate.enter("b");
    expect(gate.inFlight()).toBe(3);
    const order: string[] = [];
    const waiting = enterAll(gate, ["a", "c"], order);
    b();
    await settle();
    // The free place goes to c: a already runs its two.
    expect(order).toEqual(["c#1"]);
    a[0]!();
    await settle();
    expect(order).toEqual(["c#1", "a#0"]);
    for (const place of waiting) (await place)();
    a[1]!();
    expect(gate.inFlight()).toBe(0);
  });
});
