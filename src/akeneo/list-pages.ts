/**
 * Lists, page by page (NOTES §3): the first page from the definition's list path and the query built from
 * the params; every next page from `_links.next` (see resolve-next-link.ts). Lazy: a page is requested only
 * when the consumer asks for it, so an early `break` makes no extra request.
 */
import { ConnectorError } from "../errors.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { AkeneoRecord, ListParams, Page, PageDecoder } from "./akeneo-client.js";
import { buildListQuery } from "./build-list-query.js";
import { fillPath } from "./fill-path.js";
import { pageSource, parsePage } from "./parse-page.js";
import type { ResourceContext } from "./resource-context.js";
import { encodeQuery, resolveNextLink } from "./resolve-next-link.js";

/** List parameters plus the page to start from (a checkpointed `nextUrl`). */
export type PageParams = ListParams & { startUrl?: string };

/** Path and query of the first page to request. */
function firstPath(ctx: ResourceContext, def: EntityDefinition, params: PageParams, requested: Record<string, string>): string {
  if (params.startUrl) return resolveNextLink(params.startUrl, ctx.baseUrl, requested);
  return `${fillPath(def.paths.list, params.pathParams)}?${encodeQuery(requested)}`;
}

async function fetchPage(ctx: ResourceContext, def: EntityDefinition, path: string, requested: Record<string, string>, params: PageParams): Promise<{ page: Page; nextPath?: string }> {
  const what = `listing ${def.name} failed`;
  const request = { method: "GET", path, area: "[akeneo]", what, ...(params.signal ? { signal: params.signal } : {}) } as const;
  const { items, nextHref } = params.decode ? await decodeElsewhere(ctx, request, params.decode) : parsePage((await ctx.execute(request)).body, pageSource(request));
  if (nextHref === undefined) return { page: { items } };
  const nextPath = resolveNextLink(nextHref, ctx.baseUrl, requested);
  if (nextPath === path) {
    throw new ConnectorError(`[akeneo] ${what}: the next link points at the same page again (${path.split("?")[0]}); stopping to avoid a loop`, {
      code: "RESPONSE_INVALID",
      kind: "bug",
    });
  }
  return { page: { items, nextUrl: ctx.baseUrl + nextPath }, nextPath };
}

/** The response as text, decoded by `decode` (a worker thread parses and maps it). */
async function decodeElsewhere(ctx: ResourceContext, request: { method: "GET"; path: string; area: string; what: string; signal?: AbortSignal }, decode: PageDecoder) {
  const response = await ctx.execute({ ...request, responseType: "jsonText" });
  const type = response.headers["content-type"];
  const label = { area: request.area, what: request.what, method: request.method, path: request.path };
  return decode({ text: response.body as string, status: response.status, contentType: (Array.isArray(type) ? type[0] : type) ?? "", label });
}

/** One page: the first of the list, or the one at `startUrl`. */
export async function listPage(ctx: ResourceContext, def: EntityDefinition, params: PageParams = {}): Promise<Page> {
  const requested = buildListQuery(def, params);
  return (await fetchPage(ctx, def, firstPath(ctx, def, params, requested), requested, params)).page;
}

/** Every page, lazily, from the first (or `startUrl`) until there is no next link. */
export async function* iteratePages(ctx: ResourceContext, def: EntityDefinition, params: PageParams = {}): AsyncGenerator<Page> {
  const requested = buildListQuery(def, params);
  let path: string | undefined = firstPath(ctx, def, params, requested);
  while (path !== undefined) {
    const { page, nextPath }: { page: Page; nextPath?: string } = await fetchPage(ctx, def, path, requested, params);
    yield page;
    path = nextPath;
  }
}

/** Every item, lazily, one page in memory at a time. */
export async function* iterateItems(ctx: ResourceContext, def: EntityDefinition, params: PageParams = {}): AsyncGenerator<AkeneoRecord> {
  for await (const page of iteratePages(ctx, def, params)) yield* page.items;
}
