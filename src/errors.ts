/**
 * The connector's error types. The `code` is the contract: callers and tests branch on it,
 * never on the message. Every message is safe to print: it passes through `redact` when the
 * error is built, so a secret, password or token can never reach a log line or a terminal.
 */
import { redactText } from "./redact.js";

export type ErrorKind = "config" | "auth" | "transient" | "data" | "bug";

export type ErrorCode =
  | "CONFIG_INVALID"
  | "CONFIG_NOT_FOUND"
  | "MANIFEST_INVALID"
  | "USAGE"
  | "AUTH_INVALID_CLIENT"
  | "AUTH_INVALID_CREDENTIALS"
  | "AUTH_INVALID_CREDENTIALS_OR_CLIENT"
  | "AUTH_REFRESH_FAILED"
  | "AUTH_REVOKED"
  | "AUTH_APP_FLOW"
  | "AUTH_APP_TOKEN_MISSING"
  | "AUTH_STATE_MISMATCH"
  | "AUTH_APP_DENIED"
  | "AUTH_CODE_MISSING"
  | "AUTH_CODE_EXPIRED"
  | "AUTH_CODE_INVALID"
  | "AUTH_CODE_CHALLENGE_REJECTED"
  | "HTTP_BAD_REQUEST"
  | "HTTP_UNAUTHORIZED"
  | "HTTP_FORBIDDEN"
  | "HTTP_NOT_FOUND"
  | "HTTP_METHOD_NOT_ALLOWED"
  | "HTTP_NOT_ACCEPTABLE"
  | "HTTP_CONFLICT"
  | "HTTP_PAYLOAD_TOO_LARGE"
  | "HTTP_UNSUPPORTED_MEDIA_TYPE"
  | "HTTP_UNPROCESSABLE"
  | "HTTP_RATE_LIMITED"
  | "HTTP_TIMEOUT"
  | "HTTP_SERVER"
  | "HTTP_UNEXPECTED"
  | "NOT_AKENEO"
  | "NETWORK"
  | "TLS"
  | "DNS"
  | "TIMEOUT"
  | "ABORTED"
  | "RESPONSE_INVALID"
  | "BATCH_TRUNCATED"
  | "BATCH_ITEM_REJECTED"
  | "MAPPING_SYNTAX"
  | "MAPPING_FAILED"
  | "MAPPING_OUTPUT_INVALID"
  | "RECORD_INVALID"
  | "STATE_INVALID"
  | "INTERNAL";

export interface ConnectorErrorOptions {
  code: ErrorCode;
  kind: ErrorKind;
  /** Whether repeating the same operation may succeed. Defaults to `kind === "transient"`. */
  retryable?: boolean;
  status?: number;
  method?: string;
  /** Path (and query) of the request, never with credentials; the base URL is left out. */
  url?: string;
  cause?: unknown;
}

/** Base class of every error the connector throws on purpose. */
export class ConnectorError extends Error {
  override readonly name: string = "ConnectorError";
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly method?: string;
  readonly url?: string;

  constructor(message: string, options: ConnectorErrorOptions) {
    super(redactText(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.kind = options.kind;
    this.retryable = options.retryable ?? options.kind === "transient";
    if (options.status !== undefined) this.status = options.status;
    if (options.method !== undefined) this.method = options.method;
    if (options.url !== undefined) this.url = redactText(options.url);
  }

  /** A plain, redacted object for logs and JSON reports. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      kind: this.kind,
      retryable: this.retryable,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.method === undefined ? {} : { method: this.method }),
      ...(this.url === undefined ? {} : { url: this.url }),
    };
  }
}

/** One Akeneo validation error as found in `errors[]` of a 422 body or a batch response line. */
export interface AkeneoErrorDetail {
  property?: string;
  message: string;
  attribute?: string;
  locale?: string | null;
  scope?: string | null;
}

export interface HttpErrorOptions extends ConnectorErrorOptions {
  status: number;
  /** Akeneo's `message` from the body, when there was one. */
  akeneoMessage?: string;
  errors?: AkeneoErrorDetail[];
  /** The first 500 characters of the body, redacted. */
  bodyExcerpt?: string;
  retryAfterMs?: number;
}

/** An HTTP response that is not a success, classified by `classifyHttpError`. */
export class HttpError extends ConnectorError {
  override readonly name = "HttpError";
  declare readonly status: number;
  readonly akeneoMessage?: string;
  readonly errors: AkeneoErrorDetail[];
  readonly bodyExcerpt?: string;
  readonly retryAfterMs?: number;

  constructor(message: string, options: HttpErrorOptions) {
    super(message, options);
    this.errors = options.errors ?? [];
    if (options.akeneoMessage !== undefined) this.akeneoMessage = redactText(options.akeneoMessage);
    if (options.bodyExcerpt !== undefined) this.bodyExcerpt = redactText(options.bodyExcerpt);
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), akeneoMessage: this.akeneoMessage, errors: this.errors };
  }
}

/** One problem found by a schema validator (ajv or zod), with a JSON pointer to where it is. */
export interface ValidationIssue {
  /** JSON pointer into the validated document, e.g. `/credentials/baseUrl`; `""` is the root. */
  path: string;
  message: string;
}

/** Data that does not match its schema: a config, a record, a mapping output, a response. */
export class ValidationError extends ConnectorError {
  override readonly name = "ValidationError";
  readonly issues: ValidationIssue[];

  constructor(message: string, options: ConnectorErrorOptions & { issues: ValidationIssue[] }) {
    super(message, options);
    this.issues = options.issues.map((issue) => ({ path: issue.path, message: redactText(issue.message) }));
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** True for any error the connector threw on purpose (safe to print, carries a code). */
export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}

export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError;
}

/**
 * One safe line for any thrown value: the connector's own message, or for anything else the
 * error's message prefixed with `[bug]`. Never a stack trace, always redacted.
 */
export function describeError(error: unknown): string {
  if (isConnectorError(error)) return error.message;
  if (error instanceof Error) return redactText(`[bug] ${error.message}`);
  return redactText(`[bug] ${String(error)}`);
}
