/**
 * The classify step of the pipeline: given what one attempt produced (a response or a transport error),
 * decide what happens next: done, refresh the token once, retry after a delay, or fail with a typed error.
 * Pure: time and randomness come in through the context.
 */
import type { ConnectorError } from "../errors.js";
import { computeBackoff, type BackoffOptions } from "./backoff.js";
import { classifyNetworkError, createNetworkError } from "./classify-network-error.js";
import { classifyStatus } from "./classify-status.js";
import { createHttpError, type ErrorResponse, type RequestLabel } from "./create-http-error.js";
import type { AttemptOutcome, RawResponse, RetryPolicy } from "./http-request.js";

/** Why an attempt is repeated (in `onRetry` info). */
export type RetryReason = "rate-limited" | "server-error" | "timeout" | "network";

/** Everything the decision depends on besides the outcome itself. */
export interface ClassifyContext {
  label: RequestLabel;
  policy: RetryPolicy;
  /** The request carried a bearer token (a 401 then means: refresh once and retry). */
  usesBearer: boolean;
  /** A refresh after a 401 already happened for this request. */
  refreshed: boolean;
  /** Number of this attempt, 1-based (refresh retries not counted). */
  attempt: number;
  maxAttempts: number;
  nowMs: number;
  backoff: BackoffOptions;
  random: () => number;
}

/** What the pipeline does next. */
export type Verdict =
  | { action: "done"; response: RawResponse }
  | { action: "refresh" }
  | { action: "retry"; delayMs: number; reason: RetryReason; error: ConnectorError }
  | { action: "fail"; error: ConnectorError };

const gaveUp = (ctx: ClassifyContext) => ` (gave up after ${ctx.attempt} attempts)`;

function decideResponse(response: ErrorResponse, ctx: ClassifyContext): Verdict {
  const { status } = response;
  if (status === 401 && ctx.usesBearer && !ctx.refreshed) return { action: "refresh" };
  const retryable = classifyStatus(status).retryable && (status === 429 || ctx.policy !== "unsafe");
  if (!retryable) return { action: "fail", error: createHttpError(response, ctx.label, ctx.nowMs) };
  if (ctx.attempt >= ctx.maxAttempts) return { action: "fail", error: createHttpError(response, ctx.label, ctx.nowMs, gaveUp(ctx)) };
  const error = createHttpError(response, ctx.label, ctx.nowMs);
  const delayMs = error.retryAfterMs ?? computeBackoff(ctx.attempt, ctx.backoff, ctx.random);
  const reason: RetryReason = status === 429 ? "rate-limited" : status === 408 ? "timeout" : "server-error";
  return { action: "retry", delayMs, reason, error };
}

function decideError(cause: unknown, ctx: ClassifyContext): Verdict {
  const klass = classifyNetworkError(cause);
  const retryable = klass.retryable && (ctx.policy !== "unsafe" || !klass.sent);
  if (!retryable) return { action: "fail", error: createNetworkError(cause, klass, ctx.label) };
  if (ctx.attempt >= ctx.maxAttempts) return { action: "fail", error: createNetworkError(cause, klass, ctx.label, gaveUp(ctx)) };
  const reason: RetryReason = klass.code === "TIMEOUT" ? "timeout" : "network";
  return { action: "retry", delayMs: computeBackoff(ctx.attempt, ctx.backoff, ctx.random), reason, error: createNetworkError(cause, klass, ctx.label) };
}

/** Decide what follows one attempt. 2xx responses are `done`; `parse` handles them. */
export function classifyOutcome(outcome: AttemptOutcome, ctx: ClassifyContext): Verdict {
  if (outcome.type === "error") return decideError(outcome.error, ctx);
  const { status } = outcome.response;
  if (status >= 200 && status < 300) return { action: "done", response: outcome.response };
  return decideResponse(outcome.response, ctx);
}
