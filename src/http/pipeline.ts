/**
 * The request pipeline, in one function (after Zapier's create-app-request-client):
 *   auth header → throttle → send → classify (401 → refresh once; 429/5xx/reset → retry after
 *   Retry-After or backoff) → parse.
 * Each step lives in its own file; this one only orders them and keeps the counters.
 */
import type { Authenticator } from "../auth/authenticator.js";
import type { Clock } from "../clock.js";
import { ConnectorError, type ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Throttle } from "../throttle/throttle.js";
import { classifyOutcome, type ClassifyContext, type RetryReason, type Verdict } from "./classify-outcome.js";
import { pathnameOf, type RequestLabel } from "./create-http-error.js";
import type { AttemptOutcome, HttpResponse, PipelineRequest } from "./http-request.js";
import { parseResponse } from "./parse-response.js";
import type { RequestStats } from "./request-stats.js";
import { sendRequest, type SendOptions } from "./send-request.js";

/** Passed to `onRetry` before the pipeline sleeps and repeats a request. */
export interface RetryInfo {
  /** The attempt that failed, 1-based. */
  attempt: number;
  maxAttempts: number;
  /** How long the pipeline waits before the next attempt, in ms. */
  delayMs: number;
  reason: RetryReason;
  method: string;
  path: string;
  status?: number;
  code: ErrorCode;
  message: string;
}

/** Passed to `onRateLimit` on every 429 that will be retried; all new requests wait until `pausedUntil`. */
export interface RateLimitInfo extends RetryInfo {
  /** What `Retry-After` asked for, in ms; undefined when the header was absent (backoff used instead). */
  retryAfterMs?: number;
  /** Epoch ms until which the client sends nothing. */
  pausedUntil: number;
}

/** Resolved retry settings (see `RetryOptions` for the defaults). */
export interface RetrySettings {
  /** Attempts per request, first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Random source for jitter, `[0, 1)`. */
  random: () => number;
}

/** What the pipeline is built from; one set per client. */
export interface PipelineDeps {
  send: SendOptions;
  throttle: Throttle;
  /** Read lazily: the token manager itself sends its token requests through this pipeline. */
  authenticator: () => Authenticator;
  clock: Clock;
  retry: RetrySettings;
  stats: RequestStats;
  logger: Logger;
  /** The client-wide signal; aborting it stops every request. */
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  onRateLimit?: (info: RateLimitInfo) => void;
}

/** Runs one request through the pipeline; resolves to a 2xx response or throws a typed error. */
export type Execute = (req: PipelineRequest) => Promise<HttpResponse>;

interface AttemptState {
  attempt: number;
  refreshed: boolean;
  rejectedToken?: string;
}

/** Build the function that runs one request through every step. */
export function createPipeline(deps: PipelineDeps): Execute {
  return async function execute(request) {
    const req = { ...request, signal: combineSignals(deps.signal, request.signal) };
    const label: RequestLabel = { area: req.area ?? "[http]", what: req.what ?? "request failed", method: req.method, path: req.path };
    const state: AttemptState = { attempt: 1, refreshed: false };
    try {
      for (;;) {
        const auth = await authorize(req, state, deps); // 1. auth header
        const release = await acquireSlots(req, deps); // 2. throttle
        const verdict = await sendRequest(req, auth.header, deps.send) // 3. send
          .then((outcome) => classifyAttempt(outcome, contextOf(req, label, state, auth.token !== undefined, deps), req, deps)) // 4. classify
          .finally(release);
        if (verdict.action === "done") return parseResponse(verdict.response, req.responseType ?? "json", label); // 5. parse
        if (verdict.action === "fail") throw verdict.error;
        if (verdict.action === "refresh") Object.assign(state, { refreshed: true, rejectedToken: auth.token });
        else await waitBeforeRetry(req, state, verdict, deps);
      }
    } catch (error) {
      // Once the run is aborted, whatever the transport reported (undici rejects with the signal's
      // reason, which the classifier cannot recognise) is the abort.
      const isAbort = error instanceof ConnectorError && error.code === "ABORTED";
      throw req.signal?.aborted && !isAbort ? abortedError(label, error) : error;
    }
  };
}

async function authorize(req: PipelineRequest, state: AttemptState, deps: PipelineDeps): Promise<{ header: string; token?: string }> {
  if (req.authorization !== undefined) return { header: req.authorization };
  const auth = deps.authenticator();
  const rejected = state.rejectedToken;
  state.rejectedToken = undefined;
  const token = rejected === undefined ? await auth.getAccessToken(req.signal) : await auth.renewAfterUnauthorized(rejected, req, req.signal);
  return { header: `Bearer ${token}`, token };
}

async function acquireSlots(req: PipelineRequest, deps: PipelineDeps): Promise<() => void> {
  const began = deps.clock.now();
  const releaseExtra = req.limiter ? await req.limiter.acquire(req.signal) : undefined;
  const release = await deps.throttle.acquire(req.signal).catch((error: unknown) => {
    releaseExtra?.();
    throw error;
  });
  deps.stats.throttleWaitMs += deps.clock.now() - began;
  return () => {
    release();
    releaseExtra?.();
  };
}

/**
 * Count the attempt and classify it. A 429 pauses every new request of the client (Akeneo counts per
 * connection) here, before this request frees its throttle slot, so no waiter slips through in between.
 */
function classifyAttempt(outcome: AttemptOutcome, ctx: ClassifyContext, req: PipelineRequest, deps: PipelineDeps): Verdict {
  deps.stats.requests += 1;
  if (req.isTokenRequest) deps.stats.tokenRequests += 1;
  if (outcome.type === "response" && outcome.response.status === 429) deps.stats.rateLimited += 1;
  const verdict = classifyOutcome(outcome, ctx);
  if (verdict.action === "retry" && verdict.reason === "rate-limited") deps.throttle.pauseUntil(ctx.nowMs + verdict.delayMs);
  return verdict;
}

async function waitBeforeRetry(req: PipelineRequest, state: AttemptState, verdict: Extract<Verdict, { action: "retry" }>, deps: PipelineDeps): Promise<void> {
  const { error, delayMs, reason } = verdict;
  const info: RetryInfo = { attempt: state.attempt, maxAttempts: deps.retry.maxAttempts, delayMs, reason, method: req.method, path: req.path, code: error.code, message: error.message };
  if (error.status !== undefined) info.status = error.status;
  deps.stats.retries += 1;
  state.attempt += 1;
  if (reason === "rate-limited") {
    const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
    deps.onRateLimit?.({ ...info, pausedUntil: deps.throttle.stats().pausedUntil, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  deps.onRetry?.(info);
  deps.logger.debug({ attempt: info.attempt, delayMs, reason, status: info.status, code: info.code }, `retrying ${req.method} ${pathnameOf(req.path)}`);
  await deps.clock.sleep(delayMs, req.signal);
}

function contextOf(req: PipelineRequest, label: RequestLabel, state: AttemptState, usesBearer: boolean, deps: PipelineDeps): ClassifyContext {
  return {
    label,
    policy: req.retry ?? (req.method === "POST" ? "unsafe" : "idempotent"),
    usesBearer,
    refreshed: state.refreshed,
    attempt: state.attempt,
    maxAttempts: deps.retry.maxAttempts,
    nowMs: deps.clock.now(),
    backoff: deps.retry,
    random: deps.retry.random,
  };
}

function combineSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b);
}

function abortedError(label: RequestLabel, cause: unknown): ConnectorError {
  return new ConnectorError(`${label.area} ${label.what}: ${label.method} ${pathnameOf(label.path)} → aborted; the run was cancelled`, {
    code: "ABORTED",
    kind: "transient",
    retryable: false,
    method: label.method,
    url: label.path,
    cause,
  });
}
