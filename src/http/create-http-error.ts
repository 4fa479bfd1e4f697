/**
 * Turns a non-success response into one typed, printable `HttpError`:
 * `<area> <what failed>: <METHOD> <path> → <status> <Akeneo message>; <what to check>`.
 * Akeneo error bodies are `{code, message, errors?[]}` (NOTES §8); anything else is kept as an excerpt.
 */
import { STATUS_CODES } from "node:http";
import { z } from "zod";
import { HttpError, type AkeneoErrorDetail } from "../errors.js";
import { classifyStatus, type StatusClass } from "./classify-status.js";
import { parseRetryAfter } from "./retry-after.js";

/** What the message says about the request. */
export interface RequestLabel {
  /** `[http]`, `[auth]`, `[akeneo]` … */
  area: string;
  /** What failed, e.g. `listing products failed`. */
  what: string;
  method: string;
  /** Path and query, relative to the base URL. */
  path: string;
}

/** A response with a non-2xx status, its body read as text. */
export interface ErrorResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
}

/** One entry of `errors[]` in an Akeneo error body or batch response line. */
export const akeneoErrorDetailSchema = z.object({
  property: z.string().optional(),
  message: z.string(),
  attribute: z.string().optional(),
  locale: z.string().nullable().optional(),
  scope: z.string().nullable().optional(),
});

const akeneoErrorBody = z.object({ message: z.string(), errors: z.array(akeneoErrorDetailSchema).optional() });

/** Paths where a 404 means "this is not an Akeneo API" rather than "this record does not exist". */
const ROOT_PATHS = new Set(["/api/rest/v1", "/api/rest/v1/", "/api/oauth/v1/token"]);

const NOT_AKENEO: StatusClass = {
  code: "NOT_AKENEO",
  kind: "config",
  retryable: false,
  hint: "this does not look like an Akeneo PIM: check the baseUrl field (the PIM's address, e.g. https://pim.example.com, without /api)",
};

/** `{message, errors}` from an Akeneo error body, or nothing when the body is something else. */
export function parseAkeneoErrorBody(bodyText: string): { message: string; errors: AkeneoErrorDetail[] } | undefined {
  try {
    const parsed = akeneoErrorBody.safeParse(JSON.parse(bodyText));
    return parsed.success ? { message: parsed.data.message, errors: parsed.data.errors ?? [] } : undefined;
  } catch {
    return undefined;
  }
}

/** The path without its query string. */
export function pathnameOf(path: string): string {
  const at = path.indexOf("?");
  return at === -1 ? path : path.slice(0, at);
}

function formatDetails(errors: AkeneoErrorDetail[]): string {
  if (errors.length === 0) return "";
  const shown = errors.slice(0, 3).map((e) => `${e.attribute ?? e.property ?? "item"}: ${e.message}`);
  const more = errors.length > 3 ? ` and ${errors.length - 3} more` : "";
  return ` (${shown.join("; ")}${more})`;
}

/** Build the typed error for a response whose status is not a 2xx. */
export function createHttpError(response: ErrorResponse, label: RequestLabel, nowMs: number, suffix = ""): HttpError {
  const { status } = response;
  const akeneo = parseAkeneoErrorBody(response.bodyText);
  const pathname = pathnameOf(label.path);
  const isNotAkeneo = (status === 404 || status === 405) && (ROOT_PATHS.has(pathname) || akeneo === undefined);
  const klass = isNotAkeneo ? NOT_AKENEO : classifyStatus(status);
  const reason = akeneo ? `${akeneo.message}${formatDetails(akeneo.errors)}` : (STATUS_CODES[status] ?? "Unknown status");
  const retryAfterMs = parseRetryAfter(response.headers["retry-after"], nowMs);
  return new HttpError(`${label.area} ${label.what}: ${label.method} ${pathname} → ${status} ${reason}; ${klass.hint}${suffix}`, {
    code: klass.code,
    kind: klass.kind,
    retryable: klass.retryable,
    status,
    method: label.method,
    url: label.path,
    ...(akeneo ? { akeneoMessage: akeneo.message, errors: akeneo.errors } : {}),
    bodyExcerpt: response.bodyText.slice(0, 500),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
