/**
 * Time, injected. Nothing in the runtime reads `Date.now()` or calls `setTimeout` directly, so tests
 * can drive time (see `test/helpers/manual-clock.ts`) and read the delays that were requested.
 */
import { setTimeout as sleepTimer } from "node:timers/promises";

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolve after `ms` milliseconds; reject with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0) {
      signal?.throwIfAborted();
      return;
    }
    await sleepTimer(ms, undefined, signal ? { signal } : undefined);
  },
};
