/** Exponential backoff with "equal jitter": half the delay is fixed, the other half random. */

/** Backoff bounds, in ms. */
export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  baseDelayMs: number;
  /** Upper bound of any delay, in ms. */
  maxDelayMs: number;
}

/**
 * The delay before retry number `retry` (1 for the first retry): `baseDelayMs · 2^(retry−1)`, capped at
 * `maxDelayMs`, then jittered into `[d/2, d]` with `random()` in `[0, 1)`.
 */
export function computeBackoff(retry: number, options: BackoffOptions, random: () => number): number {
  const exponential = options.baseDelayMs * 2 ** Math.max(0, retry - 1);
  const capped = Math.min(options.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}
