import { describe, expect, it } from "vitest";
import { HeavyStatementPacer, LIGHT_WAIT_MS, LightRequests } from "../../server/platform/limits/pace-heavy-work.js";

/**
 * HeavyStatementPacer (server/platform/limits/pace-heavy-work.ts, issue #13): a heavy request's statements run one at a
 * time and give way to light requests — before each while light ones run, after one during which they ran as long as it
 * took — within a quarter of its budget; alone, it is not slowed.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A statement that takes `ms` and records when it ran. */
function statement(ms: number, log: Array<{ from: number; to: number }>) {
  return async () => {
    const from = performance.now();
    await sleep(ms);
    log.push({ from, to: performance.now() });
    return ms;
  };
}

describe("HeavyStatementPacer", () => {
  it("runs a request's statements one at a time, and without light requests does not wait", async () => {
    const pacer = new HeavyStatementPacer(new LightRequests(), 10_000);
    const log: Array<{ from: number; to: number }> = [];
    const started = performance.now();
    expect(await Promise.all([pacer.run(statement(30, log)), pacer.run(statement(30, log))])).toEqual([30, 30]);
    expect(log[1]!.from).toBeGreaterThanOrEqual(log[0]!.to - 1);
    expect(performance.now() - started).toBeLessThan(60 + 150);
    expect(pacer.paused).toBeLessThan(10);
  });

  it("waits while light requests run, and pauses after a statement that ran beside them as long as it took", async () => {
    const light = new LightRequests(undefined, 50); // half: the pause as long as the statement (the default is a third)
    const pacer = new HeavyStatementPacer(light, 10_000);
    const log: Array<{ from: number; to: number }> = [];
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
    const during = pacer.run(statement(50, log));
    await sleep(10);
    light.start()();
    await during;
    const third = performance.now();
    await pacer.run(statement(1, log));
    expect(log[3]!.from - third).toBeGreaterThanOrEqual(45);
    // The pause is owed by the thread's heavy lane, not the request: the next heavy request waits it out too.
    const during2 = pacer.run(statement(50, log));
    await sleep(10);
    light.start()();
    await during2;
    const next = new HeavyStatementPacer(light, 10_000);
    const fourth = performance.now();
    await next.run(statement(1, log));
    expect(log[5]!.from - fourth).toBeGreaterThanOrEqual(45);
  });

  it("never waits more than LIGHT_WAIT_MS per statement, nor more than its allowance in all", async () => {
    const light = new LightRequests();
    light.start(); // a light request that never ends
    const pacer = new HeavyStatementPacer(light, 250);
    const log: Array<{ from: number; to: number }> = [];
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
    const log: Array<{ from: number; to: number }> = [];
    const during = pacer.run(statement(50, log));
    await sleep(10);
    light.start()();
    await during;
    const after = performance.now();
    await pacer.run(statement(1, log));
    expect(log[1]!.from - after).toBeGreaterThanOrEqual(95);
    expect(log[1]!.from - after).toBeLessThan(100 + 150);
    // A long statement's pause is capped at LIGHT_WAIT_MS × the same factor.
    const long = pacer.run(statement(300, log));
    await sleep(10);
    light.start()();
    await long;
    const afterLong = performance.now();
    await pacer.run(statement(1, log));
    expect(log[3]!.from - afterLong).toBeGreaterThanOrEqual(LIGHT_WAIT_MS * light.pauseFactor - 5);
    expect(log[3]!.from - afterLong).toBeLessThan(LIGHT_WAIT_MS * light.pauseFactor + 150);
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
