/**
 * Pages and HAL envelopes. Offset mode scans matches from the start (O(skipped + page)); search_after
 * mode binary-searches the cursor in a sorted index (O(log n + page)). As in Akeneo's paginators,
 * `next` is present whenever the page is full, so a full last page links to an empty one.
 */
import { httpError } from "./akeneo-error.js";
import type { ListParams } from "./list-params.js";

/** Anything with sorted positional access (a `SortedIndex`, or an array wrapped by `arraySource`). */
export interface PageSource<T> {
  readonly size: number;
  at(index: number): T | undefined;
  /** First position whose key is strictly greater than `key` (search_after sources only). */
  indexAfter?(key: string): number;
}

/** Elasticsearch's max_result_window: `page × limit` beyond this fails on products and product models. */
export const OFFSET_WINDOW = 10_000;

/** Wrap an already ordered array as a source. */
export function arraySource<T>(items: readonly T[]): PageSource<T> {
  return { size: items.length, at: (i) => items[i] };
}

export interface CollectedPage<T> {
  items: T[];
  count?: number;
}

/** Collect one page of matching items; counts all matches when `with_count=true` in offset mode. */
export function collectPage<T>(source: PageSource<T>, params: ListParams, matches: (item: T) => boolean, options: { capped?: boolean } = {}): CollectedPage<T> {
  const items: T[] = [];
  if (params.paginationType === "search_after") {
    const cursor = params.searchAfter === null ? null : decodeCursor(params.searchAfter);
    let i = cursor === null || !source.indexAfter ? 0 : source.indexAfter(cursor);
    for (; i < source.size && items.length < params.limit; i++) {
      const item = source.at(i) as T;
      if (matches(item)) items.push(item);
    }
    return { items };
  }
  if (options.capped && params.page * params.limit > OFFSET_WINDOW) {
    throw httpError(422, 'You have reached the maximum number of pages you can retrieve with the "page" pagination type. Please use the search after pagination type instead', {
      _links: { documentation: { href: "http://api.akeneo.com/documentation/pagination.html#the-search-after-method" } },
    });
  }
  let skip = (params.page - 1) * params.limit;
  let count = 0;
  for (let i = 0; i < source.size; i++) {
    const item = source.at(i) as T;
    if (!matches(item)) continue;
    count++;
    if (skip > 0) skip--;
    else if (items.length < params.limit) items.push(item);
    else if (!params.withCount) break;
  }
  return params.withCount ? { items, count } : { items };
}

/** The opaque cursor Akeneo puts in `search_after` links. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, "utf8").toString("base64");
}

/** Decode a cursor; a value that is not ours is taken as a raw key (Akeneo never validates it either). */
export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64").toString("utf8");
  return encodeCursor(decoded) === cursor ? decoded : cursor;
}

export interface EnvelopeInput {
  /** Absolute URL of the list, without query. */
  listUrl: string;
  /** Query parameters to repeat in links (without page and search_after), in order. */
  query: Array<[string, string]>;
  params: ListParams;
  /** The items, or their JSON text when the caller serializes them itself (`sendJsonPage`). */
  items: ReadonlyArray<Record<string, unknown> | string>;
  /** Sort key of the last item (search_after `next`). */
  lastKey?: string;
  count?: number;
}

/** The HAL envelope: `_links` (self, first, previous?, next?), `current_page`, `items_count`?, `_embedded.items`. */
export function buildEnvelope(input: EnvelopeInput): Record<string, unknown> {
  const { params, items } = input;
  const href = (extra: Array<[string, string]>) => ({ href: `${input.listUrl}?${new URLSearchParams([...extra, ...input.query]).toString()}` });
  const full = items.length === params.limit;
  if (params.paginationType === "search_after") {
    const withCursor = (cursor: string | null) => ({ href: href([]).href + (cursor === null ? "" : `&search_after=${encodeURIComponent(cursor)}`) });
    const links: Record<string, { href: string }> = { self: withCursor(params.searchAfter), first: withCursor(null) };
    if (full && input.lastKey !== undefined) links["next"] = withCursor(encodeCursor(input.lastKey));
    return { _links: links, _embedded: { items } };
  }
  const links: Record<string, { href: string }> = { self: href([["page", String(params.page)]]), first: href([["page", "1"]]) };
  if (params.page > 1) links["previous"] = href([["page", String(params.page - 1)]]);
  if (full) links["next"] = href([["page", String(params.page + 1)]]);
  const envelope: Record<string, unknown> = { _links: links, current_page: params.page };
  if (input.count !== undefined) envelope["items_count"] = input.count;
  envelope["_embedded"] = { items };
  return envelope;
}

/** The query to repeat in links: the request's own parameters minus page/search_after, with defaults made explicit. */
export function linkQuery(query: URLSearchParams, params: ListParams, withPaginationType: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (params.paginationType === "page") out.push(["with_count", String(params.withCount)]);
  if (withPaginationType) out.push(["pagination_type", params.paginationType]);
  out.push(["limit", String(params.limit)]);
  for (const [key, value] of query) {
    if (!["page", "search_after", "limit", "with_count", "pagination_type"].includes(key)) out.push([key, value]);
  }
  return out;
}
