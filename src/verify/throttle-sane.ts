/**
 * Check 8: the request limits fit Akeneo's documented limits (NOTES §9): at most 4 requests in flight
 * per connection (10 per instance) and about 100 requests per second per instance. It also warns when
 * the rate is so low that a pull takes very long. It fails only on impossible values.
 */
import type { VerifyCheck } from "./verify-types.js";

/** In-flight requests Akeneo allows per connection. */
export const MAX_CONNECTION_CONCURRENCY = 4;
/** In-flight requests Akeneo allows per instance, across connections. */
export const MAX_INSTANCE_CONCURRENCY = 10;
/** Requests per second Akeneo allows per instance. */
export const MAX_REQUESTS_PER_SECOND = 100;
/** Below this rate (1 request per 10 s) a pull is reported as slow. */
export const SLOW_REQUESTS_PER_SECOND = 0.1;

/** `throttle-sane`: a pure check of the credentials' limit fields. */
export const throttleSane: VerifyCheck = {
  name: "throttle-sane",
  title: "Throttle settings are sane",
  dependsOn: ["config-valid"],
  async run(ctx) {
    const config = ctx.config;
    if (!config) return { status: "skipped", message: "no parsed config" };
    const { throttleLimit, throttleSeconds, concurrentConnections } = config.credentials;
    const pageSize = config.settings.pageSize;
    const details = { throttleLimit, throttleSeconds, concurrentConnections, requestsPerSecond: round(throttleLimit / throttleSeconds) };
    const impossible = impossibleValue(throttleLimit, throttleSeconds, concurrentConnections);
    if (impossible) return { status: "fail", message: impossible, fix: "set throttleLimit ≥ 1, throttleSeconds ≥ 1 and concurrentConnections between 1 and 10", details };
    const rate = throttleLimit / throttleSeconds;
    const requests = Math.ceil(1000 / pageSize) + 2; // pages of 1,000 products, plus the token and the attributes
    const waitSeconds = throttleWaitSeconds(requests, throttleLimit, throttleSeconds);
    const pull = `a pull of 1,000 products (${requests} requests) ${waitSeconds === 0 ? "fits in one throttle window" : `waits at least ${formatDuration(waitSeconds)} for the throttle`}`;
    const summary = `${throttleLimit} requests per ${throttleSeconds} s (${round(rate)}/s), ${concurrentConnections} in flight; ${pull}`;
    const warnings: Array<[string, string]> = [];
    if (concurrentConnections > MAX_CONNECTION_CONCURRENCY) {
      warnings.push([
        `${concurrentConnections} concurrent requests exceed Akeneo's ${MAX_CONNECTION_CONCURRENCY} per connection (${MAX_INSTANCE_CONCURRENCY} per instance): expect 429 answers`,
        `set concurrentConnections to ${MAX_CONNECTION_CONCURRENCY} or less, unless your PIM is configured for more`,
      ]);
    }
    if (rate > MAX_REQUESTS_PER_SECOND) {
      warnings.push([
        `${round(rate)} requests per second exceed Akeneo's ~${MAX_REQUESTS_PER_SECOND} per instance`,
        `lower throttleLimit to at most ${MAX_REQUESTS_PER_SECOND * throttleSeconds} for a ${throttleSeconds}-second window`,
      ]);
    }
    if (rate < SLOW_REQUESTS_PER_SECOND) {
      warnings.push(["fewer than 1 request per 10 s: every pull, push and verification waits for the throttle", "raise throttleLimit or shorten throttleSeconds (500 per 60 s suits most PIMs)"]);
    }
    if (warnings.length === 0) return { status: "pass", message: summary, details };
    return { status: "warn", message: `${summary}; ${warnings.map(([m]) => m).join("; ")}`, fix: warnings.map(([, f]) => f).join("\n"), details };
  },
};

function impossibleValue(limit: number, seconds: number, concurrency: number): string | undefined {
  const bad = (value: number, min: number, max = Infinity) => !Number.isFinite(value) || value < min || value > max;
  if (bad(limit, 1)) return `throttleLimit ${limit} is impossible: no request could be sent`;
  if (bad(seconds, 1)) return `throttleSeconds ${seconds} is impossible`;
  if (bad(concurrency, 1, MAX_INSTANCE_CONCURRENCY)) return `concurrentConnections ${concurrency} is impossible (1 to ${MAX_INSTANCE_CONCURRENCY})`;
  return undefined;
}

/** The least time `requests` sent back to back wait for a throttle of `limit` per `seconds`: the first `limit` go at once, then `limit` per window. */
export function throttleWaitSeconds(requests: number, limit: number, seconds: number): number {
  return Math.floor((requests - 1) / limit) * seconds;
}

/** `42 s`, `7 min`, `3.5 h`, `2.1 days`. */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${round(seconds / 3600)} h`;
  return `${round(seconds / 86400)} days`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
