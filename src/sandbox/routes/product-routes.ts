/**
 * `/products-uuid` and `/products` (identifier-based; it never lists products without an identifier):
 * list (offset with the 10,000 cap, or search_after), get, create, single and collection PATCH, delete.
 */
import type { ProductRecord } from "../catalog/types.js";
import { httpError } from "../http/akeneo-error.js";
import { parseListParams } from "../http/list-params.js";
import { JSON_TYPE, requireContentType } from "../http/media-types.js";
import { buildEnvelope, collectPage, linkQuery } from "../http/paginate.js";
import { readJsonObject } from "../http/read-body.js";
import { sendEmpty, sendJson, sendJsonPage } from "../http/respond.js";
import { inScopeTree, parseShaping, shapeValues, shapingKey, type Shaping } from "../http/shape-values.js";
import { parseSearch } from "../search/parse-search.js";
import { compileProductSearch } from "../search/product-filter.js";
import { productCompleteness } from "../store/completeness.js";
import { mergedCategories, mergedValues, serializeProduct, type ProductKeyMode } from "../store/product-view.js";
import { encodePath, upsertProduct } from "../write/upsert-product.js";
import { handleCollectionPatch } from "./collection-patch.js";
import { searchDefaults } from "./search-defaults.js";
import type { Route, RouteContext } from "./router.js";
import { sendWriteResult } from "./write-response.js";

/** The routes of one product endpoint family. */
export function productRoutes(mode: ProductKeyMode): Route[] {
  const list = mode === "uuid" ? "/api/rest/v1/products-uuid" : "/api/rest/v1/products";
  const item = mode === "uuid" ? `${list}/{code}` : `${list}/{code+}`;
  const name = mode === "uuid" ? "pim_api_product_uuid" : "pim_api_product";
  return [
    { method: "GET", pattern: list, name: `${name}_list`, handle: (ctx) => listProducts(ctx, mode) },
    { method: "POST", pattern: list, name: `${name}_create`, handle: (ctx) => createProduct(ctx, mode) },
    { method: "PATCH", pattern: list, name: `${name}_partial_update_list`, handle: (ctx) => handleCollectionPatch(ctx, mode, (line) => upsertProduct(ctx.sandbox.store, line, { mode })) },
    { method: "GET", pattern: item, name: `${name}_get`, handle: (ctx) => getProduct(ctx, mode) },
    { method: "PATCH", pattern: item, name: `${name}_partial_update`, handle: (ctx) => patchProduct(ctx, mode) },
    { method: "DELETE", pattern: item, name: `${name}_delete`, handle: (ctx) => deleteProduct(ctx, mode) },
  ];
}

function listProducts(ctx: RouteContext, mode: ProductKeyMode): void {
  const { store } = ctx.sandbox;
  const params = parseListParams(ctx.query, true);
  const shaping = parseShaping(store, ctx.query);
  const clauses = parseSearch(ctx.query.get("search"));
  shaping.ownCategoryFilter = clauses.some((c) => c.field === "categories");
  const matches = compileProductSearch(store, clauses, { models: false, nowSeconds: store.nowSeconds(), ...searchDefaults(store, ctx.query) });
  const page = collectPage(store.products, params, (r) => (mode === "uuid" || r.identifier !== null) && matches(r) && (shaping.scope === undefined || inScopeTree(store, shaping, mergedCategories(store, r))), { capped: true });
  const shapeKey = `${mode}|${ctx.base}|${shapingKey(shaping)}`;
  const items = page.items.map((r) => store.itemJson.get(`${r.uuid}|${shapeKey}`, () => productItem(ctx, r, mode, shaping)));
  const listUrl = `${ctx.base}${mode === "uuid" ? "/api/rest/v1/products-uuid" : "/api/rest/v1/products"}`;
  const envelope = buildEnvelope({ listUrl, query: linkQuery(ctx.query, params, true), params, items, lastKey: page.items.at(-1)?.uuid, count: page.count });
  sendJsonPage(ctx.res, envelope, items);
}

/** One product as a list or GET serves it, with `_links.self`. */
function productItem(ctx: RouteContext, record: ProductRecord, mode: ProductKeyMode, shaping: Shaping): Record<string, unknown> {
  const { store } = ctx.sandbox;
  const all = mergedValues(store, record);
  const key = mode === "uuid" ? record.uuid : encodePath(record.identifier ?? "");
  const body: Record<string, unknown> = {
    _links: { self: { href: `${ctx.base}/api/rest/v1/${mode === "uuid" ? "products-uuid" : "products"}/${key}` } },
    ...serializeProduct(store, record, mode, shapeValues(store, all, shaping)),
  };
  if (shaping.withCompletenesses) body["completenesses"] = productCompleteness(store, record, all);
  return body;
}

function findProduct(ctx: RouteContext, mode: ProductKeyMode): ProductRecord {
  const code = ctx.params["code"] as string;
  const { store } = ctx.sandbox;
  const record = mode === "uuid" ? store.products.get(code.toLowerCase()) : store.productByIdentifier(code);
  if (!record) throw httpError(404, `Product "${code}" does not exist or you do not have permission to access it.`);
  return record;
}

function getProduct(ctx: RouteContext, mode: ProductKeyMode): void {
  const shaping: Shaping = { withAttributeOptions: ctx.query.get("with_attribute_options") === "true", withCompletenesses: ctx.query.get("with_completenesses") === "true" };
  sendJson(ctx.res, 200, productItem(ctx, findProduct(ctx, mode), mode, shaping));
}

async function patchProduct(ctx: RouteContext, mode: ProductKeyMode): Promise<void> {
  requireContentType(ctx.req, JSON_TYPE);
  const body = await readJsonObject(ctx.req);
  sendWriteResult(ctx, upsertProduct(ctx.sandbox.store, body, { mode, urlKey: ctx.params["code"] as string }));
}

async function createProduct(ctx: RouteContext, mode: ProductKeyMode): Promise<void> {
  requireContentType(ctx.req, JSON_TYPE);
  const body = await readJsonObject(ctx.req);
  if (mode === "uuid" && body["uuid"] === undefined) body["uuid"] = ctx.sandbox.store.newUuid();
  sendWriteResult(ctx, upsertProduct(ctx.sandbox.store, body, { mode, createOnly: true }));
}

function deleteProduct(ctx: RouteContext, mode: ProductKeyMode): void {
  ctx.sandbox.store.deleteProduct(findProduct(ctx, mode).uuid);
  sendEmpty(ctx.res, 204);
}
