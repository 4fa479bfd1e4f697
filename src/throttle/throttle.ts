/**
 * The request limiter: at most `limit` requests in any window of `windowMs`, at most `concurrency` in
 * flight, and a pause that holds every new request until a given instant (a 429's Retry-After).
 *
 * A sliding-window log with an injected clock. The server counts a request when it arrives, which is some
 * time between our start and the end of its response; we cannot see when. So a request stays in the log
 * from its start until `windowMs` after it *ended*: however slow or jittery the network, no window of the
 * server's can then hold more than `limit` arrivals. A waiter sleeps exactly until the oldest finished request
 * leaves the window (or until a request finishes), so the pipe stays full without fixed sleeps.
 * Waiters are served one at a time, in arrival order (FIFO), through a promise chain.
 */
import type { Clock } from "../clock.js";

/** Bounds of one limiter. */
export interface ThrottleOptions {
  /** Maximum requests in any window of `windowMs` (≥ 1). */
  limit: number;
  /** Window length in milliseconds (> 0). */
  windowMs: number;
  /** Maximum requests in flight at once. Default: unlimited. */
  concurrency?: number;
  /** Extra spacing added to the window, in ms (clock granularity). Default: 1% of `windowMs`, at most 50 ms. */
  marginMs?: number;
  clock: Clock;
}

/** A limiter's counters. */
export interface ThrottleStats {
  /** Total time callers spent waiting in `acquire`, in ms. */
  waitMs: number;
  inFlight: number;
  /** Epoch ms until which new requests are held (0 when never paused). */
  pausedUntil: number;
}

/** A limiter: acquire before each request, release when it ended. */
export interface Throttle {
  /** Wait for room, then count one request. Resolves to `release`: call it once the response has ended. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Hold every new request until `epochMs` (a later pause extends, an earlier one is ignored). */
  pauseUntil(epochMs: number): void;
  stats(): ThrottleStats;
}

/** One request in the log: in flight (`endedAt` undefined) or ended at `endedAt` (epoch ms). */
interface LogEntry {
  endedAt?: number;
}

/** Create a limiter; keep one per client (no module-level state). */
export function createThrottle(options: ThrottleOptions): Throttle {
  const { limit, windowMs, clock } = options;
  const concurrency = options.concurrency ?? Number.POSITIVE_INFINITY;
  const spanMs = windowMs + (options.marginMs ?? Math.min(50, Math.ceil(windowMs / 100)));
  const log: LogEntry[] = [];
  let inFlight = 0;
  let pausedUntil = 0;
  let waitMs = 0;
  let gate: Promise<unknown> = Promise.resolve();
  let notifyRelease: (() => void) | undefined;

  const released = (signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      notifyRelease = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    });

  /** Drop requests that ended a whole span ago; return when the oldest remaining ended one leaves (or undefined). */
  function prune(now: number): number | undefined {
    let oldestEnd: number | undefined;
    for (let i = log.length - 1; i >= 0; i--) {
      const endedAt = log[i]!.endedAt;
      if (endedAt === undefined) continue;
      if (endedAt <= now - spanMs) log.splice(i, 1);
      else oldestEnd = Math.min(oldestEnd ?? endedAt, endedAt);
    }
    return oldestEnd;
  }

  async function waitForRoom(signal: AbortSignal | undefined): Promise<LogEntry> {
    for (;;) {
      signal?.throwIfAborted();
      const now = clock.now();
      const oldestEnd = prune(now);
      if (pausedUntil > now) await clock.sleep(pausedUntil - now, signal);
      else if (inFlight >= concurrency) await released(signal);
      else if (log.length >= limit) await (oldestEnd === undefined ? released(signal) : clock.sleep(oldestEnd + spanMs - now, signal));
      else {
        const entry: LogEntry = {};
        log.push(entry);
        inFlight += 1;
        return entry;
      }
    }
  }

  return {
    async acquire(signal) {
      const began = clock.now();
      const turn = gate.then(() => waitForRoom(signal));
      gate = turn.catch(() => undefined);
      const entry = await turn;
      waitMs += clock.now() - began;
      return () => {
        if (entry.endedAt !== undefined) return;
        entry.endedAt = clock.now();
        inFlight -= 1;
        const notify = notifyRelease;
        notifyRelease = undefined;
        notify?.();
      };
    },
    pauseUntil(epochMs) {
      pausedUntil = Math.max(pausedUntil, epochMs);
    },
    stats: () => ({ waitMs, inFlight, pausedUntil }),
  };
}
