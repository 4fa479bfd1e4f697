/** Request URLs: the base URL (which may carry a path prefix) + a relative path + query parameters. */
import { ConnectorError } from "../errors.js";
import type { QueryValue } from "./http-request.js";

/**
 * `baseUrl` + `path` (which must start with `/` and may carry a query string) + `query`
 * (`undefined` values left out, the others stringified). An existing query string is kept byte for byte
 * when `query` adds nothing.
 */
export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): URL {
  if (!path.startsWith("/")) {
    throw new ConnectorError(`[http] request path must start with "/": ${path}`, { code: "INTERNAL", kind: "bug" });
  }
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}
