/** Changes a test makes "in the PIM": touch records (updated = now) or patch them like the API would. */
import type { ProductModelRecord, ProductRecord } from "../catalog/types.js";
import { upsertProduct } from "../write/upsert-product.js";
import { upsertProductModel } from "../write/upsert-product-model.js";
import type { UpsertResult } from "../write/upsert-result.js";
import type { SandboxStore } from "./sandbox-store.js";

/** Which records to touch: the first `n` in key order, or the given keys. */
export type TouchTarget = number | readonly string[];

/** Set `updated` to now on products (by uuid order, or the given uuids); returns the touched uuids. */
export function touchProducts(store: SandboxStore, target: TouchTarget): string[] {
  return touch<ProductRecord>(store, target, store.products.values(), (key) => store.products.get(key), (r) => r.uuid);
}

/** Set `updated` to now on product models (by code order, or the given codes); returns the touched codes. */
export function touchProductModels(store: SandboxStore, target: TouchTarget): string[] {
  return touch<ProductModelRecord>(store, target, store.productModels.values(), (key) => store.productModels.get(key), (r) => r.code);
}

function touch<T extends { updated: number }>(store: SandboxStore, target: TouchTarget, all: Iterable<T>, get: (key: string) => T | undefined, keyOf: (r: T) => string): string[] {
  const now = store.nowSeconds();
  const records: T[] = [];
  if (typeof target === "number") {
    for (const record of all) {
      if (records.length >= target) break;
      records.push(record);
    }
  } else {
    for (const key of target) {
      const record = get(key);
      if (record) records.push(record);
    }
  }
  for (const record of records) record.updated = now;
  return records.map(keyOf);
}

/** PATCH a product by uuid with Akeneo's semantics (as `PATCH /products-uuid/{uuid}` would). */
export function patchProduct(store: SandboxStore, uuid: string, patch: Record<string, unknown>): UpsertResult {
  return upsertProduct(store, patch, { mode: "uuid", urlKey: uuid });
}

/** PATCH a product model by code (as `PATCH /product-models/{code}` would). */
export function patchProductModel(store: SandboxStore, code: string, patch: Record<string, unknown>): UpsertResult {
  return upsertProductModel(store, patch, { urlKey: code });
}
