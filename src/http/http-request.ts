/** The request and response shapes of the HTTP layer. */
import type { Readable } from "node:stream";
import type { Throttle } from "../throttle/throttle.js";

/**
 * Which failures may be repeated: `idempotent` (GET, PATCH upserts): 408, 429, 5xx, timeouts and resets;
 * `safe` (token POSTs): the same; `unsafe` (other POSTs): only 429 and failures before the request was sent.
 */
export type RetryPolicy = "idempotent" | "safe" | "unsafe";

/** Methods the Akeneo API uses. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE" | "HEAD";

/**
 * How the body of a 2xx response is returned: parsed JSON (default), text, bytes, or the live stream.
 * `jsonBytes` asks for JSON but returns its bytes, not even decoded, for a caller that decodes them
 * after the connection was given back (see `parseJsonText`, which reports a bad body exactly as
 * `json` would).
 */
export type ResponseType = "json" | "jsonBytes" | "text" | "buffer" | "stream";

/** A query parameter value; `undefined` leaves the parameter out. */
export type QueryValue = string | number | boolean | undefined;

/** A request as callers of `client.request` describe it. */
export interface HttpRequest {
  method: HttpMethod;
  /** Path relative to the base URL (`/api/rest/v1/…`), optionally with a query string. */
  path: string;
  /** Query parameters appended to `path`; `undefined` values are left out. */
  query?: Record<string, QueryValue>;
  /** A string or bytes (sent as is) or FormData (multipart). */
  body?: string | Uint8Array | FormData;
  /** Content-Type of `body`. Default for a string body: `application/json`. */
  contentType?: string;
  /** Extra headers (never `authorization`: the pipeline sets it). */
  headers?: Record<string, string>;
  /** Default `json`: the body parsed, or `undefined` when empty. */
  responseType?: ResponseType;
  signal?: AbortSignal;
  /**
   * `jsonBytes` only: called while a 2xx body arrives, with its text so far (its first 16 KB at
   * most), until it returns true. A caller can act on a body's start before the rest has arrived.
   */
  peekBody?: (head: string) => boolean;
}

/** A request inside the pipeline: what the caller asked, plus how to authenticate, retry and label it. */
export interface PipelineRequest extends HttpRequest {
  /** Absent: a bearer token from the authenticator; a string: that exact Authorization value (token requests). */
  authorization?: string;
  /** Default: `idempotent` for GET, HEAD, PUT, PATCH, DELETE; `unsafe` for POST. */
  retry?: RetryPolicy;
  /** A second, tighter limiter this request must also pass (e.g. attribute-option writes). */
  limiter?: Throttle;
  /** Message prefix, default `[http]`. */
  area?: string;
  /** What failed, for messages; default `request failed`. */
  what?: string;
  /** Counted in `stats().tokenRequests`. */
  isTokenRequest?: boolean;
  /** Keep what arrived when a text body breaks off mid-stream (sets `partial`) instead of retrying. */
  acceptPartialBody?: boolean;
}

/** Response headers as undici returns them (lower-case names). */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** A successful (2xx) response. */
export interface HttpResponse<T = unknown> {
  status: number;
  headers: ResponseHeaders;
  body: T;
  /** True when the body broke off mid-stream and `acceptPartialBody` kept what arrived. */
  partial?: boolean;
}

/** What the send step returns for any status: text for errors and text/json bodies, else bytes or stream. */
export interface RawResponse {
  status: number;
  headers: ResponseHeaders;
  bodyText: string;
  bytes?: Uint8Array;
  stream?: Readable;
  partial: boolean;
}

/** What one attempt produced: a response with any status, or a transport error. */
export type AttemptOutcome = { type: "response"; response: RawResponse } | { type: "error"; error: unknown };
