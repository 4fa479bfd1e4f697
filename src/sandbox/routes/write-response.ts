/** Turning write outcomes into HTTP: single writes (201/204 + Location, or an error body) and collection PATCH lines. */
import { DOCUMENTATION_URL } from "../http/akeneo-error.js";
import { sendEmpty, sendJson } from "../http/respond.js";
import type { UpsertResult } from "../write/upsert-result.js";
import type { RouteContext } from "./router.js";

/** The error body of a failed write: `{code, message, errors?, _links?}`. */
export function errorBody(result: UpsertResult): Record<string, unknown> {
  const body: Record<string, unknown> = { code: result.status, message: result.message ?? "" };
  if (result.errors && result.errors.length > 0) body["errors"] = result.errors;
  if (result.documented) body["_links"] = { documentation: { href: DOCUMENTATION_URL } };
  return body;
}

/** Answer a single-resource write. */
export function sendWriteResult(ctx: RouteContext, result: UpsertResult): void {
  if (result.status === 201 || result.status === 204) {
    sendEmpty(ctx.res, result.status, result.location ? { location: `${ctx.base}${result.location}` } : {});
    return;
  }
  sendJson(ctx.res, result.status, errorBody(result));
}

/** One line of a collection PATCH response. */
export function resultLine(line: number, keyField: string, key: string | undefined, result: UpsertResult): Record<string, unknown> {
  const out: Record<string, unknown> = { line };
  if (key !== undefined) out[keyField] = key;
  out["status_code"] = result.status;
  if (result.status !== 201 && result.status !== 204) {
    out["message"] = result.message ?? "";
    if (result.errors && result.errors.length > 0) out["errors"] = result.errors;
    if (result.documented) out["_links"] = { documentation: { href: DOCUMENTATION_URL } };
  }
  return out;
}

/** `JSON.stringify(resultLine(…))`, with the usual answer (201 or 204) written out directly: one per line of every batch. */
export function resultLineText(line: number, keyField: string, key: string | undefined, result: UpsertResult): string {
  if (result.status !== 201 && result.status !== 204) return JSON.stringify(resultLine(line, keyField, key, result));
  return `{"line":${line}${key === undefined ? "" : `,${JSON.stringify(keyField)}:${JSON.stringify(key)}`},"status_code":${result.status}}`;
}
