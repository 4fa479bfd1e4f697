/**
 * Seeded, deterministic fault injection: latency, 5xx, socket resets, 429 bursts with Retry-After,
 * early access-token expiry, rejected refresh tokens and 403 ACL answers. Each request draws the
 * same number of random numbers, so a given seed and request order always give the same faults.
 */
import { createPrng, type Prng } from "../prng.js";

/** Faults to inject; every field is optional and off by default. */
export interface FaultOptions {
  /** Delay added before answering every request, ms (default 0). */
  latencyMs?: number;
  /** Probability (0..1) that an API request answers `errorStatus`. */
  errorRate?: number;
  /** Status of injected errors, default 503. */
  errorStatus?: number;
  /** Probability (0..1) that an API request's socket is destroyed without an answer. */
  resetRate?: number;
  /** Probability (0..1) that an API request opens a 429 burst: every request answers 429 until Retry-After elapses. */
  rateLimitRate?: number;
  /** Length of a 429 burst and the Retry-After it announces, seconds (default 1). */
  retryAfterSeconds?: number;
  /** How Retry-After is written: delta seconds (default), an HTTP date, or left out. */
  retryAfterFormat?: "seconds" | "date" | "none";
  /** Access tokens stop working after this many API requests (the client is not told). */
  tokenTtlRequests?: number;
  /** Access tokens stop working after this many seconds, although `expires_in` still says 3600. */
  tokenTtlSeconds?: number;
  /** Every refresh grant fails with "Refresh token is invalid or has expired". */
  rejectRefreshTokens?: boolean;
  /** Path prefixes (e.g. `/api/rest/v1/categories`) answering 403 like a missing ACL. */
  forbidden?: string[];
  /** Also inject error/reset/429 on the token endpoint (exempt by default). */
  faultTokenEndpoint?: boolean;
  /** Seed of the fault decisions (default 1). */
  seed?: number;
}

export type InjectedFault = "reset" | "rate-limit" | "error";

export interface RetryAfter {
  /** Header value, absent with `retryAfterFormat: "none"`. */
  header?: string;
  /** Epoch ms before which the client should not come back. */
  deadline?: number;
}

export class FaultInjector {
  private current: FaultOptions = {};
  private rng: Prng = createPrng(1);
  private burstUntil = 0;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  /** Replace every fault setting (pass `{}` to turn faults off); reseeds the generator. */
  set(options: FaultOptions): void {
    this.current = { ...options };
    this.rng = createPrng(options.seed ?? 1);
    this.burstUntil = 0;
  }

  get options(): Readonly<FaultOptions> {
    return this.current;
  }

  /** Decide the fault of one request, at `now` (epoch ms). */
  decide(isTokenRequest: boolean, now: number): InjectedFault | null {
    const [resetDraw, limitDraw, errorDraw] = [this.rng.next(), this.rng.next(), this.rng.next()];
    if (isTokenRequest && !this.current.faultTokenEndpoint) return null;
    if (resetDraw < (this.current.resetRate ?? 0)) return "reset";
    if (now < this.burstUntil) return "rate-limit";
    if (limitDraw < (this.current.rateLimitRate ?? 0)) {
      this.burstUntil = now + this.retryAfterSeconds() * 1000;
      return "rate-limit";
    }
    if (errorDraw < (this.current.errorRate ?? 0)) return "error";
    return null;
  }

  /** The Retry-After of a 429 sent at `now`: the rest of the burst, rounded up to whole seconds. */
  retryAfter(now: number): RetryAfter {
    const seconds = Math.max(1, Math.ceil((Math.max(this.burstUntil, now + 1) - now) / 1000));
    switch (this.current.retryAfterFormat ?? "seconds") {
      case "none":
        return {};
      case "date": {
        const deadline = Math.ceil((now + seconds * 1000) / 1000) * 1000;
        return { header: new Date(deadline).toUTCString(), deadline };
      }
      default:
        return { header: String(seconds), deadline: now + seconds * 1000 };
    }
  }

  /** True when `path` starts with one of the forbidden prefixes. */
  isForbidden(path: string): boolean {
    return (this.current.forbidden ?? []).some((prefix) => path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`) || path.startsWith(`${prefix}?`));
  }

  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.current.retryAfterSeconds ?? 1));
  }
}
