/**
 * Transport failures (no HTTP status): resets, refused connections, timeouts, DNS and TLS errors, aborts.
 * Each becomes one typed error whose message says what to check; the raw error stays in `cause`.
 */
import { ConnectorError, type ErrorCode, type ErrorKind } from "../errors.js";
import type { RequestLabel } from "./create-http-error.js";
import { pathnameOf } from "./create-http-error.js";

/** How a transport failure is reported and whether it may be repeated. */
export interface NetworkErrorClass {
  code: ErrorCode;
  kind: ErrorKind;
  retryable: boolean;
  /** False when the request certainly never reached the server (safe to retry even a POST). */
  sent: boolean;
  /** What happened, e.g. `connection reset (ECONNRESET)`. */
  what: string;
  hint: string;
}

const NOT_SENT = new Set(["ECONNREFUSED", "UND_ERR_CONNECT_TIMEOUT", "ENETUNREACH", "EHOSTUNREACH", "EAI_AGAIN"]);
const TIMEOUTS = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT"]);
const TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|EPROTO$|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_)/;
const ABORTS = new Set(["UND_ERR_ABORTED", "ABORT_ERR"]);

/** The `code` of a transport error, looking through `cause` and AggregateError. */
export function networkErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown }; errors?: Array<{ code?: unknown }> } | null;
  const code = e?.code ?? e?.cause?.code ?? e?.errors?.[0]?.code;
  return typeof code === "string" ? code : undefined;
}

/** Classify a thrown transport error. */
export function classifyNetworkError(error: unknown): NetworkErrorClass {
  const code = networkErrorCode(error);
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "AbortError" || (code !== undefined && ABORTS.has(code))) {
    return { code: "ABORTED", kind: "transient", retryable: false, sent: true, what: "aborted", hint: "the run was cancelled" };
  }
  if (code === undefined) {
    return { code: "INTERNAL", kind: "bug", retryable: false, sent: true, what: "unexpected error", hint: "this is a bug in the connector" };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return { code: "DNS", kind: code === "EAI_AGAIN" ? "transient" : "config", retryable: code === "EAI_AGAIN", sent: false, what: `host not found (${code})`, hint: "check the host name in the baseUrl field" };
  }
  if (TLS.test(code)) {
    return { code: "TLS", kind: "config", retryable: false, sent: false, what: `TLS failure (${code})`, hint: "check that the baseUrl uses the right scheme (https) and that the PIM's certificate is valid for its host" };
  }
  if (TIMEOUTS.has(code)) {
    return { code: "TIMEOUT", kind: "transient", retryable: true, sent: !NOT_SENT.has(code), what: `timed out (${code})`, hint: "the PIM did not answer in time: check that it is reachable, or try again later" };
  }
  const what = code === "ECONNREFUSED" ? "connection refused" : code === "ECONNRESET" || code === "UND_ERR_SOCKET" ? "connection reset" : "network failure";
  return { code: "NETWORK", kind: "transient", retryable: true, sent: !NOT_SENT.has(code), what: `${what} (${code})`, hint: "check the baseUrl field and that the PIM is reachable from here" };
}

/** Build the typed error for a transport failure. */
export function createNetworkError(error: unknown, klass: NetworkErrorClass, label: RequestLabel, suffix = ""): ConnectorError {
  return new ConnectorError(`${label.area} ${label.what}: ${label.method} ${pathnameOf(label.path)} → ${klass.what}; ${klass.hint}${suffix}`, {
    code: klass.code,
    kind: klass.kind,
    retryable: klass.retryable,
    method: label.method,
    url: label.path,
    cause: error,
  });
}
