import { describe, expect, it } from "vitest";
import { createThrottle, type Throttle } from "../../src/throttle/throttle.js";
import { createManualClock, flushMicrotasks, type ManualClock } from "../helpers/manual-clock.js";

/** Run `tasks` tasks that each hold their slot for `holdMs` (simulated); record grant times. */
async function simulate(throttle: Throttle, clock: ManualClock, tasks: number, holdMs: number) {
  const start = clock.now();
  const grants: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = async () => {
    const release = await throttle.acquire();
    grants.push(clock.now() - start);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await clock.sleep(holdMs);
    inFlight -= 1;
    release();
  };
  const all = Promise.all(Array.from({ length: tasks }, run));
  await clock.runAll();
  await all;
  return { grants, maxInFlight, elapsed: clock.now() - start };
}

/** The most grants in any closed window of `windowMs`. */
function maxInWindow(grants: number[], windowMs: number): number {
  return Math.max(...grants.map((g) => grants.filter((t) => t >= g && t <= g + windowMs).length));
}

describe("createThrottle", () => {
  it("never starts more than `limit` requests in any window, and refills as soon as the oldest leaves it", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 5, windowMs: 1000, clock });
    const { grants, elapsed } = await simulate(throttle, clock, 20, 10);
    expect(maxInWindow(grants, 1000)).toBe(5);
    // 4 bursts of 5. Each request leaves the window 1010 ms (window + 1% margin) after it ended (10 ms after
    // its start): the server may have seen it arrive as late as that. No fixed sleeps beyond that.
    expect([...new Set(grants)]).toEqual([0, 1020, 2040, 3060]);
    expect(elapsed).toBe(3070);
  });

  it("counts a request from its start until a window after it ended, whatever its duration", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 2, windowMs: 1000, clock, marginMs: 0 });
    const { grants } = await simulate(throttle, clock, 4, 300);
    // Arrivals may be anywhere in [start, end]: the third starts 1000 ms after the first ended.
    expect(grants).toEqual([0, 0, 1300, 1300]);
  });

  it("with every counted request still in flight, waits for one to end, then a window", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 1, windowMs: 100, clock, marginMs: 0 });
    const release = await throttle.acquire();
    let grantedAt: number | undefined;
    const start = clock.now();
    const next = throttle.acquire(new AbortController().signal).then(() => (grantedAt = clock.now() - start));
    await clock.advance(500);
    expect(grantedAt).toBeUndefined();
    release();
    await clock.runAll();
    await next;
    expect(grantedAt).toBe(600);
  });

  it("never has more than `concurrency` in flight and keeps the pipe full", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 1000, windowMs: 60_000, concurrency: 3, clock });
    const { grants, maxInFlight, elapsed } = await simulate(throttle, clock, 10, 100);
    expect(maxInFlight).toBe(3);
    expect(elapsed).toBe(400);
    expect(grants).toEqual([0, 0, 0, 100, 100, 100, 200, 200, 200, 300]);
  });

  it("holds both bounds at once", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 15, windowMs: 2000, concurrency: 3, clock, marginMs: 0 });
    const { grants, maxInFlight } = await simulate(throttle, clock, 60, 37);
    expect(maxInFlight).toBe(3);
    expect(maxInWindow(grants, 1999)).toBe(15);
    expect(grants.at(-1)).toBeLessThan(3 * (2000 + 37) + 5 * 37);
  });

  it("serves waiters in arrival order", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 1, windowMs: 100, concurrency: 1, clock, marginMs: 0 });
    const order: number[] = [];
    const tasks = [1, 2, 3].map(async (id) => {
      const release = await throttle.acquire();
      order.push(id);
      release();
    });
    await clock.runAll();
    await Promise.all(tasks);
    expect(order).toEqual([1, 2, 3]);
  });

  it("pauses every new request until the given instant; a later pause extends it, an earlier one does not", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 100, windowMs: 1000, clock });
    const t0 = clock.now();
    throttle.pauseUntil(t0 + 2000);
    throttle.pauseUntil(t0 + 500);
    let grantedAt = 0;
    const waiting = throttle.acquire().then(() => (grantedAt = clock.now() - t0));
    await clock.advance(1000);
    throttle.pauseUntil(t0 + 3000);
    await clock.runAll();
    await waiting;
    expect(grantedAt).toBe(3000);
    expect(throttle.stats()).toEqual({ waitMs: 3000, inFlight: 1, pausedUntil: t0 + 3000 });
  });

  it("release is idempotent", async () => {
    const clock = createManualClock();
    const throttle = createThrottle({ limit: 10, windowMs: 1000, concurrency: 2, clock });
    const release = await throttle.acquire();
    release();
    release();
    expect(throttle.stats().inFlight).toBe(0);
  });

  it("rejects at once with an aborted signal, and lets the next waiter through", async () => {
    const clock = createManualClock();
    const throttle = createThrottle({ limit: 10, windowMs: 1000, clock });
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(throttle.acquire(controller.signal)).rejects.toThrow("stop");
    await expect(throttle.acquire()).resolves.toBeTypeOf("function");
  });

  it("stops waiting for a slot when aborted, and the slot still goes to the next waiter", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 10, windowMs: 1000, concurrency: 1, clock });
    const release = await throttle.acquire();
    const controller = new AbortController();
    const aborted = throttle.acquire(controller.signal);
    const next = throttle.acquire();
    await flushMicrotasks();
    controller.abort(new Error("cancelled"));
    await expect(aborted).rejects.toThrow("cancelled");
    release();
    await expect(next).resolves.toBeTypeOf("function");
  });

  it("a waiter with a signal gets the slot when it is freed", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 10, windowMs: 1000, concurrency: 1, clock });
    const release = await throttle.acquire();
    const next = throttle.acquire(new AbortController().signal);
    await flushMicrotasks();
    release();
    await expect(next).resolves.toBeTypeOf("function");
  });

  it("stops waiting for the window when aborted", async () => {
    const clock = createManualClock({ autoAdvance: false });
    const throttle = createThrottle({ limit: 1, windowMs: 1000, clock });
    (await throttle.acquire())();
    const controller = new AbortController();
    const waiting = throttle.acquire(controller.signal);
    await flushMicrotasks();
    expect(clock.pending).toBe(1);
    controller.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
    expect(clock.pending).toBe(0);
  });

  it("defaults the margin to 1% of the window, at most 50 ms", async () => {
    for (const [windowMs, expected] of [
      [1000, 1011],
      [60_000, 60_051],
    ] as const) {
      const clock = createManualClock({ autoAdvance: false });
      const throttle = createThrottle({ limit: 1, windowMs, clock });
      const { grants } = await simulate(throttle, clock, 2, 1);
      expect(grants).toEqual([0, expected]);
    }
  });
});
