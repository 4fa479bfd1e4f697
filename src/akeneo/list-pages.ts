/**
 * Lists, page by page (NOTES §3): the first page from the definition's list path and the query built from
 * the params; every next page from `_links.next` (see resolve-next-link.ts). Lazy: a page is requested only
 * when the consumer asks for it, so an early `break` makes no extra request.
 */
import { ConnectorError } from "../errors.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { AkeneoRecord, ListParams, Page } from "./akeneo-client.js";
import { buildListQuery } from "./build-list-query.js";
import { fillPath } from "./fill-path.js";
import { parsePage } from "./parse-page.js";
import type { ResourceContext } from "./resource-context.js";
import { encodeQuery, resolveNextLink } from "./resolve-next-link.js";

/** List parameters plus the page to start from (a checkpointed `nextUrl`). */
export type PageParams = ListParams & { startUrl?: string };

/** Path and query of the first page to request. */
function firstPath(ctx: ResourceContext, def: EntityDefinition, params: PageParams, requested: Record<string, string>): string {
  if (params.startUrl) return resolveNextLink(params.startUrl, ctx.baseUrl, requested);
  return `${fillPath(def.paths.list, params.pathParams)}?${encodeQuery(requested)}`;
}

async function fetchPage(ctx: ResourceContext, def: EntityDefinition, path: string, requested: Record<string, string>, signal: AbortSignal | undefined): Promise<{ page: Page; nextPath?: string }> {
  const what = `listing ${def.name} failed`;
  const response = await ctx.execute({ method: "GET", path, area: "[akeneo]", what, ...(signal ? { signal } : {}) });
  const { items, nextHref } = parsePage(response.body, `${what}: GET ${path.split("?")[0]}`);
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

/** One page: the first of the list, or the one at `startUrl`. */
export async function listPage(ctx: ResourceContext, def: EntityDefinition, params: PageParams = {}): Promise<Page> {
  const requested = buildListQuery(def, params);
  return (await fetchPage(ctx, def, firstPath(ctx, def, params, requested), requested, params.signal)).page;
}

/** Every page, lazily, from the first (or `startUrl`) until there is no next link. */
export async function* iteratePages(ctx: ResourceContext, def: EntityDefinition, params: PageParams = {}): AsyncGenerator<Page> {
  const requested = buildListQuery(def, params);
  let path: string | undefined = firstPath(ctx, def, params, requested);
  while (path !== undefined) {
    const { page, nextPath }: { page: Page; nextPath?: string } = await fetchPage(ctx, def, path, requested, params.signal);
    yield page;
    path = nextPath;
  }
}

/** Every item, lazily, one page in memory at a time. */
export async function* iterateItems(ctx: ResourceContext, def: EntityDefinition, params: PageParams = {}): AsyncGenerator<AkeneoRecord> {
  for await (const page of iteratePages(ctx, def, params)) yield* page.items;
}
