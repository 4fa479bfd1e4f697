/** Generic routes of the catalog-structure resources: list (offset only), get, and — when writable — POST, PATCH one, PATCH collection. */
import { httpError } from "../http/akeneo-error.js";
import { parseListParams } from "../http/list-params.js";
import { JSON_TYPE, requireContentType } from "../http/media-types.js";
import { arraySource, buildEnvelope, collectPage, linkQuery } from "../http/paginate.js";
import { readJsonObject } from "../http/read-body.js";
import { sendJson } from "../http/respond.js";
import { parseSearch } from "../search/parse-search.js";
import { compileStructureSearch } from "../search/structure-filter.js";
import { encodePath } from "../write/upsert-product.js";
import { upsertStructure } from "../write/upsert-structure.js";
import { handleCollectionPatch } from "./collection-patch.js";
import type { Route, RouteContext } from "./router.js";
import { STRUCTURE_RESOURCES, type StructureResource } from "./structure-resources.js";
import { sendWriteResult } from "./write-response.js";

type Item = { code: string } & Record<string, unknown>;

/** Routes for every structure resource. */
export function structureRoutes(): Route[] {
  return STRUCTURE_RESOURCES.flatMap((resource) => routesOf(resource));
}

function routesOf(resource: StructureResource): Route[] {
  const item = `${resource.list}/{code}`;
  const routes: Route[] = [
    { method: "GET", pattern: resource.list, name: `${resource.routeName}_list`, handle: (ctx) => list(ctx, resource) },
    { method: "GET", pattern: item, name: `${resource.routeName}_get`, handle: (ctx) => sendJson(ctx.res, 200, withLinks(ctx, resource, find(ctx, resource))) },
  ];
  const spec = resource.spec;
  if (!spec) return routes;
  return [
    ...routes,
    {
      method: "POST", pattern: resource.list, name: `${resource.routeName}_create`,
      handle: async (ctx) => {
        requireContentType(ctx.req, JSON_TYPE);
        sendWriteResult(ctx, upsertStructure(ctx.sandbox.store, spec, await readJsonObject(ctx.req), ctx.params, { createOnly: true }));
      },
    },
    {
      method: "PATCH", pattern: resource.list, name: `${resource.routeName}_partial_update_list`,
      handle: (ctx) => {
        itemsOrNotFound(ctx, resource);
        return handleCollectionPatch(ctx, "code", (line) => upsertStructure(ctx.sandbox.store, spec, line, ctx.params));
      },
    },
    {
      method: "PATCH", pattern: item, name: `${resource.routeName}_partial_update`,
      handle: async (ctx) => {
        requireContentType(ctx.req, JSON_TYPE);
        const body = await readJsonObject(ctx.req);
        sendWriteResult(ctx, upsertStructure(ctx.sandbox.store, spec, body, ctx.params, { urlKey: ctx.params["code"] as string }));
      },
    },
  ];
}

function itemsOrNotFound(ctx: RouteContext, resource: StructureResource): readonly Item[] {
  const items = resource.items(ctx.sandbox.store, ctx.params);
  if (!items) throw httpError(404, resource.parentNotFound?.(ctx.sandbox.store, ctx.params) ?? "Not found");
  return items;
}

function list(ctx: RouteContext, resource: StructureResource): void {
  const { store } = ctx.sandbox;
  const items = itemsOrNotFound(ctx, resource);
  const params = parseListParams(ctx.query, false);
  const search = resource.search;
  const matches = search ? compileStructureSearch(store, search.kind, parseSearch(ctx.query.get("search")), (code) => search.updatedOf(store, code)) : () => true;
  const page = collectPage(arraySource(items), params, matches);
  const listUrl = `${ctx.base}${fillPattern(resource.list, ctx.params)}`;
  const served = page.items.map((item) => withLinks(ctx, resource, item));
  sendJson(ctx.res, 200, buildEnvelope({ listUrl, query: linkQuery(ctx.query, params, false), params, items: served, count: page.count }));
}

function find(ctx: RouteContext, resource: StructureResource): Item {
  const code = ctx.params["code"] as string;
  const found = itemsOrNotFound(ctx, resource).find((i) => i.code === code);
  if (!found) throw httpError(404, `${resource.label} "${code}" does not exist.`);
  return found;
}

function withLinks(ctx: RouteContext, resource: StructureResource, item: Item): Record<string, unknown> {
  const body = resource.serialize ? resource.serialize(ctx.sandbox.store, item, ctx.query, ctx.params) : item;
  return { _links: { self: { href: `${ctx.base}${fillPattern(resource.list, ctx.params)}/${encodePath(item.code)}` } }, ...body };
}

function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodePath(params[name] ?? ""));
}
