/**
 * Following `_links.next` (NOTES §3: never build `page` or `search_after` yourself). Only the link's path
 * and query are used, applied to our own base URL: Akeneo builds links from the host it saw, which behind a
 * proxy may be another scheme or host, and the token must never go anywhere else. Some Akeneo versions
 * dropped query parameters from next links (USERS.md #3), so any parameter we asked for that is missing is
 * added back; the cursor parameters are the link's own.
 */

const CURSOR_PARAMETERS = new Set(["page", "search_after"]);

/** Encode query parameters; spaces as `%20` (RFC 3986, as the PHP client does), not `+`. */
export function encodeQuery(query: Readonly<Record<string, string>>): string {
  return new URLSearchParams(query).toString().replace(/\+/g, "%20");
}

/**
 * The path and query to request for `href` (absolute or relative), relative to `baseUrl`, with every
 * `requested` parameter the link lacks appended.
 */
export function resolveNextLink(href: string, baseUrl: string, requested: Readonly<Record<string, string>>): string {
  const base = new URL(baseUrl);
  const link = new URL(href, base);
  const prefix = base.pathname.replace(/\/+$/, "");
  const path = prefix !== "" && link.pathname.startsWith(`${prefix}/`) ? link.pathname.slice(prefix.length) : link.pathname;
  const missing: Record<string, string> = {};
  for (const [key, value] of Object.entries(requested)) {
    if (!CURSOR_PARAMETERS.has(key) && !link.searchParams.has(key)) missing[key] = value;
  }
  const extra = encodeQuery(missing);
  const search = link.search === "" || link.search === "?" ? "" : link.search.slice(1);
  const query = [search, extra].filter((part) => part !== "").join("&");
  return query === "" ? path : `${path}?${query}`;
}
