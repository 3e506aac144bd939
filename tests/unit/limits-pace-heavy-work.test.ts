import { describe, expect, it } from "vitest";
import { HeavyStatementPacer, LIGHT_WAIT_MS, LightRequests } from "../../server/platform/limits/pace-heavy-work.js";

/**
 * HeavyStatementPacer (server/platform/limits/pace-heavy-work.ts, issue #13): a heavy request's statements run one at a
 * time and give way to light requests — before each while light ones run, after one during which they ran as long as it
 * took — within a quarter of its budget; alone, it is not slowed.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Log = Array<{ from: number; to: number }>;

/** A statement that takes `ms` and records when it ran. */
function statement(ms: number, log: Log) {
  return async () => {
    const from = performance.now();
    await sleep(ms);
    log.push({ from, to: performance.now() });
    return ms;
  };
}

/** Runs a statement of `ms` during which a light request comes and goes: the pacer then owes a pause after it. */
async function besideLightRequest(pacer: HeavyStatementPacer, light: LightRequests, ms: number, log: Log): Promise<void> {
  const during = pacer.run(statement(ms, log));
  await sleep(10);
  light.start()();
  await during;
}

/** How long the pacer's next (1 ms) statement waited before it started. */
async function waitBeforeNext(pacer: HeavyStatementPacer, log: Log): Promise<number> {
  const asked = performance.now();
  await pacer.run(statement(1, log));
  return log.at(-1)!.from - asked;
}

describe("HeavyStatementPacer", () => {
  it("runs a request's statements one at a time, and without light requests does not wait", async () => {
    const pacer = new HeavyStatementPacer(new LightRequests(), 10_000);
    const log: Log = [];
    const started = performance.now();
    expect(await Promise.all([pacer.run(statement(30, log)), pacer.run(statement(30, log))])).toEqual([30, 30]);
    expect(log[1]!.from).toBeGreaterThanOrEqual(log[0]!.to - 1);
    expect(performance.now() - started).toBeLessThan(60 + 150);
    expect(pacer.paused).toBeLessThan(10);
  });

  it("waits while light requests run, and pauses after a statement that ran beside them as long as it took", async () => {
    const light = new LightRequests(undefined, 50); // half: the pause as long as the statement (the default is a third)
    const pacer = new HeavyStatementPacer(light, 10_000);
    const log: Log = [];
    const end = light.start();
    const first = pacer.run(statement(40, log));
    await sleep(30);
    expect(log).toHaveLength(0); // waiting for the light request
    end();
    await first;
    // The light request ended before the statement started: nothing owed, the next one starts at once.
    const second = performance.now();
    await pacer.run(statement(10, log));
    expect(log[1]!.from - second).toBeLessThan(25);
    // A light request during a statement: the next one waits about as long as that statement took.
    await besideLightRequest(pacer, light, 50, log);
    expect(await waitBeforeNext(pacer, log)).toBeGreaterThanOrEqual(45);
    // The pause is owed by the thread's heavy lane, not the request: the next heavy request waits it out too.
    await besideLightRequest(pacer, light, 50, log);
    expect(await waitBeforeNext(new HeavyStatementPacer(light, 10_000), log)).toBeGreaterThanOrEqual(45);
  });

  it("never waits more than LIGHT_WAIT_MS per statement, nor more than its allowance in all", async () => {
    const light = new LightRequests();
    light.start(); // a light request that never ends
    const pacer = new HeavyStatementPacer(light, 250);
    const log: Log = [];
    const started = performance.now();
    await pacer.run(statement(1, log));
    expect(log[0]!.from - started).toBeGreaterThanOrEqual(LIGHT_WAIT_MS - 5);
    expect(log[0]!.from - started).toBeLessThan(LIGHT_WAIT_MS + 150);
    for (let i = 0; i < 5; i++) await pacer.run(statement(1, log));
    // 250 ms of allowance: about two and a half waits, then no more.
    expect(pacer.paused).toBeLessThan(250 + 150);
    const last = performance.now();
    await pacer.run(statement(1, log));
    expect(log.at(-1)!.from - last).toBeLessThan(25);
  });

  it("pauses in proportion to its share (HEAVY_WORK_SHARE_PERCENT): at a third, twice as long as the statement took", async () => {
    const light = new LightRequests(undefined, 33);
    expect(light.pauseFactor).toBeCloseTo(67 / 33, 5);
    const pacer = new HeavyStatementPacer(light, 10_000);
    const log: Log = [];
    await besideLightRequest(pacer, light, 50, log);
    const waited = await waitBeforeNext(pacer, log);
    expect(waited).toBeGreaterThanOrEqual(95);
    expect(waited).toBeLessThan(100 + 150);
    // A long statement's pause is capped at LIGHT_WAIT_MS × the same factor.
    await besideLightRequest(pacer, light, 300, log);
    const waitedLong = await waitBeforeNext(pacer, log);
    expect(waitedLong).toBeGreaterThanOrEqual(LIGHT_WAIT_MS * light.pauseFactor - 5);
    expect(waitedLong).toBeLessThan(LIGHT_WAIT_MS * light.pauseFactor + 150);
  });

  it("shares its count with another thread through the SharedArrayBuffer", () => {
    const light = new LightRequests();
    const seen = new LightRequests(light.buffer);
    expect(seen.pauseFactor).toBe(light.pauseFactor);
    const end = light.start();
    expect(seen.running).toBe(1);
    end();
    end();
    expect(seen.running).toBe(0);
    expect(seen.started).toBe(1);
  });
});
