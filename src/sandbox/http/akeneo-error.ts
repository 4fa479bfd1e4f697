/** Akeneo's error bodies: `{code, message, errors?, _links?}`, thrown by handlers and sent by the pipeline. */

/** One entry of `errors[]` in a 422 body or a batch line. */
export interface AkeneoErrorDetail {
  property: string;
  message: string;
  attribute?: string;
  locale?: string | null;
  scope?: string | null;
}

/** Link Akeneo puts in documented 422s. */
export const DOCUMENTATION_URL = "http://api.akeneo.com/api-reference.html";

/** An HTTP answer with an Akeneo error body; throw it from a handler. */
export class SandboxHttpError extends Error {
  override readonly name = "SandboxHttpError";
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(`[sandbox] ${status} ${String(body["message"] ?? "")}`);
  }
}

/** Build an error answer `{code: status, message, ...extra}`. */
export function httpError(status: number, message: string, extra: Record<string, unknown> = {}): SandboxHttpError {
  return new SandboxHttpError(status, { code: status, message, ...extra });
}

/** A 422 that points at the documentation, the way Akeneo answers format errors. */
export function documentedError(message: string, href = DOCUMENTATION_URL): SandboxHttpError {
  return httpError(422, message, { _links: { documentation: { href } } });
}

/** PHP's `gettype()` names, which Akeneo puts in its type-error messages. */
export function phpType(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "double";
  return "array";
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
