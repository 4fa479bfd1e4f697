/**
 * Options of `createAkeneoClient`, and their resolution into one defaulted state (octokit's
 * `RetryOptions` → `RetryState`; undici's RetryHandler lists its defaults the same way).
 */
import type { Dispatcher } from "undici";
import type { AuthOptions } from "../auth/authenticator.js";
import type { TokenStore } from "../auth/token-store.js";
import { systemClock, type Clock } from "../clock.js";
import { ConnectorError } from "../errors.js";
import type { RateLimitInfo, RetryInfo, RetrySettings } from "../http/pipeline.js";
import { silentLogger, type Logger } from "../logger.js";
import { registerSecret } from "../redact.js";

/** The connection's limits (subscription credentials `throttleLimit`, `throttleSeconds`, `concurrentConnections`). */
export interface ClientLimits {
  /** Requests (token requests and retries included) in any window of `throttleSeconds`. Default 500. */
  throttleLimit?: number;
  /** Window length in seconds. Default 60. */
  throttleSeconds?: number;
  /** Requests in flight at once, and the size of the connection pool. Default 4 (Akeneo allows 4 per connection). */
  concurrentConnections?: number;
}

/** Retry bounds of 408, 429, 5xx, timeouts and resets. */
export interface RetryOptions {
  /** Attempts per request, the first included. Default 6. */
  maxAttempts?: number;
  /** Backoff before the first retry, in ms; doubles each time. Default 500. */
  baseDelayMs?: number;
  /** Upper bound of a backoff delay, in ms. Default 30 000. */
  maxDelayMs?: number;
  /** Random source in `[0, 1)` for jitter (delays are `[d/2, d]`). Default `Math.random`; tests pass a constant. */
  random?: () => number;
}

/** Options of `createAkeneoClient`; everything but `baseUrl` and `auth` has a default. */
export interface AkeneoClientOptions {
  /** The PIM's address, e.g. `https://pim.example.com` (no `/api` suffix). */
  baseUrl: string;
  auth: AuthOptions;
  limits?: ClientLimits;
  /** An undici dispatcher. Default: an Agent with `concurrentConnections` keep-alive connections, closed by `close()`. */
  dispatcher?: Dispatcher;
  /** Default `systemClock`. All waiting (throttle, backoff, Retry-After) goes through it. */
  clock?: Clock;
  /** Default: silent. */
  logger?: Logger;
  /** Where the token pair is kept. Default: in memory. */
  tokenStore?: TokenStore;
  retry?: RetryOptions;
  /** Timeout for the response headers and between body chunks, in ms. Default 60 000. */
  timeoutMs?: number;
  /** Called before every retry. Must not throw. */
  onRetry?(info: RetryInfo): void;
  /** Called on every 429 that will be retried (all new requests pause until `info.pausedUntil`). Must not throw. */
  onRateLimit?(info: RateLimitInfo): void;
  /** Aborting it stops every request of the client. */
  signal?: AbortSignal;
}

/** The options with every default applied. */
export interface ClientState {
  baseUrl: string;
  limits: Required<ClientLimits>;
  retry: RetrySettings;
  clock: Clock;
  logger: Logger;
  timeoutMs: number;
}

function invalid(field: string, rule: string, value: unknown): ConnectorError {
  return new ConnectorError(`[config] ${field} ${rule}, got ${JSON.stringify(value)}`, { code: "CONFIG_INVALID", kind: "config" });
}

function positive(field: string, value: number, integer = true): number {
  if (typeof value !== "number" || !(value > 0) || (integer && !Number.isInteger(value))) throw invalid(field, integer ? "must be a positive integer" : "must be a positive number", value);
  return value;
}

/** The base URL without trailing slashes; throws CONFIG_INVALID when it is not an http(s) URL. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalid("baseUrl", "must be an absolute URL such as https://pim.example.com", baseUrl);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw invalid("baseUrl", "must use https (or http on a local network)", baseUrl);
  if (url.username || url.password || url.search || url.hash) throw invalid("baseUrl", "must not carry credentials, a query or a fragment", url.origin);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** Resolve every default once. */
export function resolveClientOptions(options: AkeneoClientOptions): ClientState {
  const limits = options.limits ?? {};
  const retry = options.retry ?? {};
  if (options.auth.type === "password") {
    registerSecret(options.auth.clientSecret);
    registerSecret(options.auth.password);
  } else if ("accessToken" in options.auth) registerSecret(options.auth.accessToken);
  return {
    baseUrl: normalizeBaseUrl(options.baseUrl),
    limits: {
      throttleLimit: positive("throttleLimit", limits.throttleLimit ?? 500),
      throttleSeconds: positive("throttleSeconds", limits.throttleSeconds ?? 60, false),
      concurrentConnections: positive("concurrentConnections", limits.concurrentConnections ?? 4),
    },
    retry: {
      maxAttempts: positive("retry.maxAttempts", retry.maxAttempts ?? 6),
      baseDelayMs: positive("retry.baseDelayMs", retry.baseDelayMs ?? 500, false),
      maxDelayMs: positive("retry.maxDelayMs", retry.maxDelayMs ?? 30_000, false),
      random: retry.random ?? Math.random,
    },
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
    timeoutMs: positive("timeoutMs", options.timeoutMs ?? 60_000, false),
  };
}
