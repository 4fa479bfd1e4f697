/** `/product-models`: list (offset with the 10,000 cap, or search_after by code), get, create, single and collection PATCH, delete. */
import type { ProductModelRecord } from "../catalog/types.js";
import { httpError } from "../http/akeneo-error.js";
import { parseListParams } from "../http/list-params.js";
import { JSON_TYPE, requireContentType } from "../http/media-types.js";
import { buildEnvelope, collectPage, linkQuery } from "../http/paginate.js";
import { readJsonObject } from "../http/read-body.js";
import { sendEmpty, sendJson } from "../http/respond.js";
import { inScopeTree, parseShaping, shapeValues, type Shaping } from "../http/shape-values.js";
import { parseSearch } from "../search/parse-search.js";
import { compileProductSearch } from "../search/product-filter.js";
import { mergedCategories, mergedValues, serializeProductModel } from "../store/product-view.js";
import { encodePath } from "../write/upsert-product.js";
import { upsertProductModel } from "../write/upsert-product-model.js";
import { handleCollectionPatch } from "./collection-patch.js";
import type { Route, RouteContext } from "./router.js";
import { searchDefaults } from "./search-defaults.js";
import { sendWriteResult } from "./write-response.js";

const LIST = "/api/rest/v1/product-models";

/** The routes of `/product-models`. */
export function productModelRoutes(): Route[] {
  return [
    { method: "GET", pattern: LIST, name: "pim_api_product_model_list", handle: listModels },
    { method: "POST", pattern: LIST, name: "pim_api_product_model_create", handle: createModel },
    { method: "PATCH", pattern: LIST, name: "pim_api_product_model_partial_update_list", handle: (ctx) => handleCollectionPatch(ctx, "code", (line) => upsertProductModel(ctx.sandbox.store, line)) },
    { method: "GET", pattern: `${LIST}/{code+}`, name: "pim_api_product_model_get", handle: getModel },
    { method: "PATCH", pattern: `${LIST}/{code+}`, name: "pim_api_product_model_partial_update", handle: patchModel },
    { method: "DELETE", pattern: `${LIST}/{code+}`, name: "pim_api_product_model_delete", handle: deleteModel },
  ];
}

function listModels(ctx: RouteContext): void {
  const { store } = ctx.sandbox;
  const params = parseListParams(ctx.query, true);
  const shaping = parseShaping(store, ctx.query);
  const clauses = parseSearch(ctx.query.get("search"));
  shaping.ownCategoryFilter = clauses.some((c) => c.field === "categories");
  const matches = compileProductSearch(store, clauses, { models: true, nowSeconds: store.nowSeconds(), ...searchDefaults(store, ctx.query) });
  const page = collectPage(store.productModels, params, (m) => matches(m) && (shaping.scope === undefined || inScopeTree(store, shaping, mergedCategories(store, m))), { capped: true });
  const items = page.items.map((m) => modelItem(ctx, m, shaping));
  sendJson(ctx.res, 200, buildEnvelope({ listUrl: `${ctx.base}${LIST}`, query: linkQuery(ctx.query, params, true), params, items, lastKey: page.items.at(-1)?.code, count: page.count }));
}

function modelItem(ctx: RouteContext, model: ProductModelRecord, shaping: Shaping): Record<string, unknown> {
  const { store } = ctx.sandbox;
  return {
    _links: { self: { href: `${ctx.base}${LIST}/${encodePath(model.code)}` } },
    ...serializeProductModel(store, model, shapeValues(store, mergedValues(store, model), shaping)),
  };
}

function findModel(ctx: RouteContext): ProductModelRecord {
  const code = ctx.params["code"] as string;
  const model = ctx.sandbox.store.productModels.get(code);
  if (!model) throw httpError(404, `Product model "${code}" does not exist or you do not have permission to access it.`);
  return model;
}

function getModel(ctx: RouteContext): void {
  sendJson(ctx.res, 200, modelItem(ctx, findModel(ctx), { withAttributeOptions: ctx.query.get("with_attribute_options") === "true", withCompletenesses: false }));
}

async function patchModel(ctx: RouteContext): Promise<void> {
  requireContentType(ctx.req, JSON_TYPE);
  const body = await readJsonObject(ctx.req);
  sendWriteResult(ctx, upsertProductModel(ctx.sandbox.store, body, { urlKey: ctx.params["code"] as string }));
}

async function createModel(ctx: RouteContext): Promise<void> {
  requireContentType(ctx.req, JSON_TYPE);
  sendWriteResult(ctx, upsertProductModel(ctx.sandbox.store, await readJsonObject(ctx.req), { createOnly: true }));
}

function deleteModel(ctx: RouteContext): void {
  const model = findModel(ctx);
  const { store } = ctx.sandbox;
  const children = store.childrenOf(model.code);
  for (const sub of children.models) for (const product of store.childrenOf(sub.code).products) store.deleteProduct(product.uuid);
  for (const product of children.products) store.deleteProduct(product.uuid);
  for (const sub of children.models) store.productModels.delete(sub.code);
  store.productModels.delete(model.code);
  sendEmpty(ctx.res, 204);
}
