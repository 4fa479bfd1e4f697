/**
 * A Clock for tests: time moves only when the test (or a sleeper, in auto mode) moves it, and every
 * requested delay is recorded in `sleeps`, so a test reads `[2000, 4000]` instead of waiting.
 *
 * - `autoAdvance: true` (default): `sleep(ms)` jumps time to `max(now, startOfSleep + ms)` and resolves on the
 *   next macrotask. Concurrent sleepers from the same instant do not add up. Good for HTTP tests.
 * - `autoAdvance: false`: sleepers wait in a timer queue until `advance(ms)` or `runAll()` fires them, in
 *   due order. Good for simulating many concurrent tasks (throttle tests).
 */
import type { Clock } from "../../src/clock.js";

interface Timer {
  dueAt: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export interface ManualClock extends Clock {
  /** Every delay passed to `sleep`, in call order (ms). */
  readonly sleeps: number[];
  /** Timers not yet fired (manual mode). */
  readonly pending: number;
  /** Move time forward by `ms`, firing due timers in order. */
  advance(ms: number): Promise<void>;
  /** Jump to the earliest timer and fire it (and any due at the same instant). False when none is pending. */
  runNext(): Promise<boolean>;
  /** Fire every timer (jumping time to each), until no timer is left and the event loop is idle. */
  runAll(maxSteps?: number): Promise<void>;
  /** Set the current time (epoch ms); never backwards. */
  set(epochMs: number): void;
}

/** Let pending promise callbacks and I/O callbacks run. */
export async function flushMicrotasks(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function createManualClock(options: { start?: number; autoAdvance?: boolean } = {}): ManualClock {
  let current = options.start ?? Date.UTC(2025, 0, 1);
  const auto = options.autoAdvance ?? true;
  const sleeps: number[] = [];
  const timers: Timer[] = [];

  function fireDue(): void {
    timers.sort((a, b) => a.dueAt - b.dueAt);
    while (timers.length > 0 && timers[0]!.dueAt <= current) {
      const timer = timers.shift()!;
      timer.signal?.removeEventListener("abort", timer.onAbort);
      timer.resolve();
    }
  }

  const clock: ManualClock = {
    sleeps,
    get pending() {
      return timers.length;
    },
    now: () => current,
    sleep(ms, signal) {
      sleeps.push(ms);
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (auto) {
        current = Math.max(current, current + Math.max(0, ms));
        return new Promise((resolve) => setImmediate(resolve));
      }
      return new Promise<void>((resolve, reject) => {
        const timer: Timer = {
          dueAt: current + Math.max(0, ms),
          resolve,
          reject,
          signal,
          onAbort: () => {
            timers.splice(timers.indexOf(timer), 1);
            reject(signal?.reason);
          },
        };
        signal?.addEventListener("abort", timer.onAbort, { once: true });
        timers.push(timer);
        if (ms <= 0) fireDue();
      });
    },
    async advance(ms) {
      const target = current + ms;
      for (;;) {
        await flushMicrotasks();
        timers.sort((a, b) => a.dueAt - b.dueAt);
        const next = timers[0];
        if (!next || next.dueAt > target) break;
        current = Math.max(current, next.dueAt);
        fireDue();
      }
      current = target;
      await flushMicrotasks();
    },
    async runNext() {
      await flushMicrotasks();
      timers.sort((a, b) => a.dueAt - b.dueAt);
      const next = timers[0];
      if (!next) return false;
      current = Math.max(current, next.dueAt);
      fireDue();
      await flushMicrotasks();
      return true;
    },
    async runAll(maxSteps = 100_000) {
      for (let step = 0; step < maxSteps; step++) {
        await flushMicrotasks();
        timers.sort((a, b) => a.dueAt - b.dueAt);
        const next = timers[0];
        if (!next) return;
        current = Math.max(current, next.dueAt);
        fireDue();
      }
      throw new Error(`manual clock: still busy after ${maxSteps} steps`);
    },
    set(epochMs) {
      current = Math.max(current, epochMs);
      fireDue();
    },
  };
  return clock;
}
