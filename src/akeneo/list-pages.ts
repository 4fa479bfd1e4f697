/**
 * Lists, page by page (NOTES §3): the first page from the definition's list path and the query built from
 * the params; every next page from `_links.next` (see resolve-next-link.ts). Lazy: a page is requested only
 * when the consumer asks for it, so an early `break` makes no extra request; with `readAhead`, one request
 * runs ahead of the consumer (see `iteratePages`).
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { ConnectorError } from "../errors.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { AkeneoRecord, ListParams, Page, PageBody } from "./akeneo-client.js";
import { buildListQuery } from "./build-list-query.js";
import { fillPath } from "./fill-path.js";
import { decodePageBody, peekLinks } from "./parse-page.js";
import type { ResourceContext } from "./resource-context.js";
import { encodeQuery, resolveNextLink } from "./resolve-next-link.js";

/** List parameters plus the page to start from (a checkpointed `nextUrl`). */
export type PageParams = ListParams & { startUrl?: string };

/** Path and query of the first page to request. */
function firstPath(ctx: ResourceContext, def: EntityDefinition, params: PageParams, requested: Record<string, string>): string {
  if (params.startUrl) return resolveNextLink(params.startUrl, ctx.baseUrl, requested);
  return `${fillPath(def.paths.list, params.pathParams)}?${encodeQuery(requested)}`;
}

/** One list response's body (bytes, decoded later), with what it takes to decode it (and to report a bad body). */
async function fetchPage(
  ctx: ResourceContext,
  def: EntityDefinition,
  path: string,
  signal: AbortSignal | undefined,
  peekBody?: (head: string) => boolean,
): Promise<PageBody> {
  const label = { area: "[akeneo]", what: `listing ${def.name} failed`, method: "GET", path } as const;
  const response = await ctx.execute({ ...label, responseType: "jsonBytes", ...(signal ? { signal } : {}), ...(peekBody ? { peekBody } : {}) });
  const type = response.headers["content-type"];
  return { body: response.body as Uint8Array, status: response.status, contentType: (Array.isArray(type) ? type[0] : type) ?? "", label };
}

/** Items and next link of a response: parsed here, or by `params.decode` (a worker thread parses and maps it). */
async function decode(page: PageBody, params: PageParams): Promise<{ items: AkeneoRecord[]; nextHref?: string }> {
  return params.decode ? params.decode(page) : decodePageBody(page);
}

/** The path of the page after `path`, from its next href, resolved on our base URL. */
function nextPathOf(ctx: ResourceContext, def: EntityDefinition, href: string, path: string, requested: Record<string, string>): string {
  const next = resolveNextLink(href, ctx.baseUrl, requested);
  if (next === path) {
    throw new ConnectorError(`[akeneo] listing ${def.name} failed: the next link points at the same page again (${path.split("?")[0]}); stopping to avoid a loop`, {
      code: "RESPONSE_INVALID",
      kind: "bug",
    });
  }
  return next;
}

/** One page: the first of the list, or the one at `startUrl`. */
export async function listPage(ctx: ResourceContext, def: EntityDefinition, params: PageParams = {}): Promise<Page> {
  const requested = buildListQuery(def, params);
  const path = firstPath(ctx, def, params, requested);
  const { items, nextHref } = await decode(await fetchPage(ctx, def, path, params.signal), params);
  return nextHref === undefined ? { items } : { items, nextUrl: ctx.baseUrl + nextPathOf(ctx, def, nextHref, path, requested) };
}

/** One page's request: its path, its response, how to call it off, and the request that follows it. */
interface PageRequest {
  path: string;
  body: Promise<PageBody>;
  cancel(): void;
  /** The next href read from the response's leading `_links` (null: none there), once they have arrived. */
  peeked?: string | null;
  /** The next page's request, started from `peeked` (read ahead). */
  follow?: PageRequest & { href: string };
}

/**
 * Every page, lazily, from the first (or `startUrl`) until there is no next link. Each page's `nextUrl`
 * is the URL its next page is (or will be) requested at.
 *
 * With `readAhead`, the next page is requested as soon as a response's leading `_links` have arrived
 * (`peekLinks`), before the rest of it: the PIM works on the next page while this one arrives, is
 * decoded and mapped. One request runs ahead, no more: a response that arrives while it is itself the
 * request ahead has its follower started when the consumer gets to it. The parsed link must match
 * the one read ahead; if it does not, the early request is called off and the parsed one is requested.
 * A consumer that stops calls off the request running ahead.
 */
export async function* iteratePages(ctx: ResourceContext, def: EntityDefinition, params: PageParams = {}): AsyncGenerator<Page> {
  const requested = buildListQuery(def, params);
  let current: PageRequest | undefined;
  const start = (path: string): PageRequest => {
    const controller = new AbortController();
    const signal = params.signal ? AbortSignal.any([params.signal, controller.signal]) : controller.signal;
    const request = { path, cancel: () => controller.abort() } as PageRequest;
    const peek = params.readAhead
      ? (head: string): boolean => {
          const links = peekLinks(head);
          if (links === undefined) return false; // not all there yet (or not there at all)
          request.peeked = links.next ?? null;
          if (request === current) readAhead(request);
          return true;
        }
      : undefined;
    request.body = fetchPage(ctx, def, path, signal, peek);
    request.body.catch(() => undefined); // awaited later, or called off
    return request;
  };
  // A peeked link that cannot be followed is not followed early; the parsed one gets the same check.
  const readAhead = (request: PageRequest): void => {
    const href = request.peeked;
    if (request.follow !== undefined || typeof href !== "string") return;
    try {
      request.follow = Object.assign(start(nextPathOf(ctx, def, href, request.path, requested)), { href });
    } catch {
      request.peeked = null;
    }
  };
  current = start(firstPath(ctx, def, params, requested));
  try {
    while (current) {
      readAhead(current); // its leading links may have arrived while it was the request ahead
      const page: PageBody = await current.body;
      // undici writes a request on a reused keep-alive socket only at a later check phase: two turns
      // put that write ahead of this page's decoding.
      if (current.follow) for (let turn = 0; turn < 2; turn++) await nextTurn();
      const { items, nextHref } = await decode(page, params);
      if (current.follow && current.follow.href !== nextHref) {
        current.follow.cancel();
        current.follow = undefined;
      }
      const nextPath: string | undefined = current.follow?.path ?? (nextHref === undefined ? undefined : nextPathOf(ctx, def, nextHref, current.path, requested));
      yield nextPath === undefined ? { items } : { items, nextUrl: ctx.baseUrl + nextPath };
      current = current.follow ?? (nextPath === undefined ? undefined : start(nextPath));
    }
  } finally {
    current?.follow?.cancel();
  }
}

/** Every item, lazily, one page in memory at a time. */
export async function* iterateItems(ctx: ResourceContext, def: EntityDefinition, params: PageParams = {}): AsyncGenerator<AkeneoRecord> {
  for await (const page of iteratePages(ctx, def, params)) yield* page.items;
}
