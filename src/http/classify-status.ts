/**
 * The one table that classifies a non-success HTTP status (after Airbyte's `default_error_mapping.py`):
 * status → code, kind, whether repeating may help, and what the user should check.
 * Akeneo's meaning of each status: ../shared/akeneo-api/NOTES.md §8.
 */
import type { ErrorCode, ErrorKind } from "../errors.js";

/** One row of the status table. */
export interface StatusClass {
  code: ErrorCode;
  kind: ErrorKind;
  retryable: boolean;
  /** What to check or do, appended to the message after a `;`. */
  hint: string;
}

const row = (code: ErrorCode, kind: ErrorKind, retryable: boolean, hint: string): StatusClass => ({ code, kind, retryable, hint });

/** Status → classification. Statuses not listed fall back to the 3xx / 4xx / 5xx rows below. */
export const STATUS_TABLE: Readonly<Record<number, StatusClass>> = {
  400: row("HTTP_BAD_REQUEST", "data", false, "the request body or a parameter was malformed (invalid JSON or UUID)"),
  401: row("HTTP_UNAUTHORIZED", "auth", false, "the access token was refused: check that the connection still exists and its user is enabled"),
  403: row("HTTP_FORBIDDEN", "config", false, "check the permissions of the connection's user role (ACL) and user groups in Akeneo for this resource"),
  404: row("HTTP_NOT_FOUND", "data", false, "check that the code exists and that the connection's user may see it (Enterprise permissions also answer 404)"),
  405: row("HTTP_METHOD_NOT_ALLOWED", "bug", false, "this Akeneo version does not support this operation on this resource"),
  406: row("HTTP_NOT_ACCEPTABLE", "bug", false, "the Accept header was refused"),
  408: row("HTTP_TIMEOUT", "transient", true, "the server timed out waiting for the request: try again later"),
  409: row("HTTP_CONFLICT", "data", false, "the resource changed concurrently: try again"),
  413: row("HTTP_PAYLOAD_TOO_LARGE", "data", false, "send at most 100 items per request, each under 1,000,000 characters"),
  415: row("HTTP_UNSUPPORTED_MEDIA_TYPE", "bug", false, "the Content-Type was refused"),
  422: row("HTTP_UNPROCESSABLE", "data", false, "see Akeneo's message and the errors listed"),
  429: row("HTTP_RATE_LIMITED", "transient", true, "Akeneo's rate limit was reached: lower throttleLimit or concurrentConnections"),
};

const REDIRECT = row("HTTP_UNEXPECTED", "config", false, "the server redirected: check the baseUrl field (use the final https address of the PIM)");
const SERVER = row("HTTP_SERVER", "transient", true, "Akeneo had a server error: try again later");
const OTHER = row("HTTP_UNEXPECTED", "bug", false, "unexpected status");

/** Classify a status that is not a 2xx success. */
export function classifyStatus(status: number): StatusClass {
  const exact = STATUS_TABLE[status];
  if (exact) return exact;
  if (status >= 500) return SERVER;
  if (status >= 300 && status < 400) return REDIRECT;
  return OTHER;
}
