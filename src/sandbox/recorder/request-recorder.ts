/**
 * Every request the sandbox received, for assertions on what a client did: how many were in flight
 * at once, how many started in any time window, whether Retry-After was respected. Headers are kept
 * redacted and bodies never, so no secret lands in a recording.
 */
import { redactText, redactValue } from "../../redact.js";

export interface RecordedRequest {
  /** 1-based arrival order. */
  id: number;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Raw query string without `?` ("" when none). */
  query: string;
  /** Request headers with authorization and other secrets masked. */
  headers: Record<string, string | string[] | undefined>;
  /** Final status; 0 while in flight or when the socket was reset. */
  status: number;
  /** Epoch ms when the request arrived. */
  startedAt: number;
  /** Epoch ms when the answer was finished (or the socket closed); undefined while in flight. */
  endedAt?: number;
  /** True for `POST /api/oauth/v1/token`. */
  isTokenRequest: boolean;
  /** The fault injected into this request, if any. */
  fault?: "reset" | "rate-limit" | "error" | "forbidden";
  /** For a 429 with Retry-After: epoch ms before which the client should not send another request. */
  retryAfterUntil?: number;
}

export type RequestFilter = Partial<Pick<RecordedRequest, "method" | "path" | "status" | "isTokenRequest" | "fault">> | ((r: RecordedRequest) => boolean);

export class RequestRecorder {
  private entries: RecordedRequest[] = [];
  private nextId = 1;
  /** Order of start/end events, which breaks ties between equal timestamps (frozen test clocks). */
  private tick = 0;
  private readonly order = new WeakMap<RecordedRequest, { start: number; end?: number }>();

  /** Start recording a request; the server calls `finish` when it ends. */
  start(init: Pick<RecordedRequest, "method" | "path" | "query" | "headers" | "startedAt" | "isTokenRequest">): RecordedRequest {
    const entry: RecordedRequest = { id: this.nextId++, ...init, query: redactText(init.query), headers: redactValue(init.headers), status: 0 };
    this.order.set(entry, { start: ++this.tick });
    this.entries.push(entry);
    return entry;
  }

  /** Complete a request: when it ended and with which status (0 for a reset socket). */
  finish(entry: RecordedRequest, endedAt: number, status: number): void {
    entry.endedAt = endedAt;
    entry.status = status;
    const order = this.order.get(entry);
    if (order) order.end = ++this.tick;
  }

  /** Every recorded request, in arrival order (optionally filtered). */
  all(filter?: RequestFilter): RecordedRequest[] {
    return filter ? this.entries.filter(toPredicate(filter)) : [...this.entries];
  }

  /** Number of recorded requests matching `filter`. */
  count(filter?: RequestFilter): number {
    return this.all(filter).length;
  }

  /** The largest number of requests in flight at the same time. */
  maxInFlight(filter?: RequestFilter): number {
    const events: Array<[number, number]> = [];
    for (const r of this.all(filter)) {
      events.push([r.startedAt, 1], [r.endedAt ?? Number.POSITIVE_INFINITY, -1]);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let current = 0;
    let max = 0;
    for (const [, delta] of events) max = Math.max(max, (current += delta));
    return max;
  }

  /** The largest number of requests that started within any sliding window of `windowMs`. */
  maxInWindow(windowMs: number, filter?: RequestFilter): number {
    const starts = this.all(filter).map((r) => r.startedAt).sort((a, b) => a - b);
    let max = 0;
    let low = 0;
    for (let high = 0; high < starts.length; high++) {
      while ((starts[high] as number) - (starts[low] as number) >= windowMs) low++;
      max = Math.max(max, high - low + 1);
    }
    return max;
  }

  /** Requests (matching `filter`) that started after a 429 was answered but before its Retry-After deadline. */
  retryAfterViolations(filter?: RequestFilter): RecordedRequest[] {
    const limits = this.entries.filter((r) => r.retryAfterUntil !== undefined && this.order.get(r)?.end !== undefined);
    const startedAfter = (r: RecordedRequest, l: RecordedRequest) =>
      r.startedAt > (l.endedAt as number) || (r.startedAt === l.endedAt && (this.order.get(r)?.start ?? 0) > (this.order.get(l)?.end ?? Infinity));
    return this.all(filter).filter((r) => limits.some((l) => startedAfter(r, l) && r.startedAt < (l.retryAfterUntil as number)));
  }

  /** Forget everything recorded so far. */
  clear(): void {
    this.entries = [];
  }
}

function toPredicate(filter: RequestFilter): (r: RecordedRequest) => boolean {
  if (typeof filter === "function") return filter;
  return (r) => Object.entries(filter).every(([key, value]) => r[key as keyof RecordedRequest] === value);
}
