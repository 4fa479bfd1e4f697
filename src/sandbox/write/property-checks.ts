/** Type and reference checks shared by product and product-model writes (Akeneo's InvalidPropertyException wording). */
import type { Association } from "../catalog/types.js";
import { isPlainObject, phpType } from "../http/akeneo-error.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import type { ProductKeyMode } from "../store/product-view.js";
import { propertyError, type UpsertResult } from "./upsert-result.js";

/** Thrown inside a write to stop at the first property error. */
export class PropertyFailure extends Error {
  constructor(readonly result: UpsertResult) {
    super(result.message);
  }
}

const fail = (property: string, message: string): never => {
  throw new PropertyFailure(propertyError(property, message));
};

/** A boolean property, or a property failure. */
export function expectBoolean(property: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(property, `Property "${property}" expects a boolean as data, "${phpType(value)}" given.`);
  return value as boolean;
}

/** A string-or-null property ("" counts as null), or a property failure. */
export function expectStringOrNull(property: string, value: unknown): string | null {
  if (value !== null && typeof value !== "string") fail(property, `Property "${property}" expects a string as data, "${phpType(value)}" given.`);
  return value === "" ? null : (value as string | null);
}

/** An array of strings, or a property failure. */
export function expectStringArray(property: string, value: unknown): string[] {
  if (!Array.isArray(value)) fail(property, `Property "${property}" expects an array as data, "${phpType(value)}" given.`);
  for (const item of value as unknown[]) if (typeof item !== "string") fail(property, `Property "${property}" expects an array of strings as data, "${phpType(item)}" given.`);
  return [...(value as string[])];
}

/** Category codes, each of which must exist. */
export function expectCategories(store: SandboxStore, property: string, value: unknown): string[] {
  const codes = expectStringArray(property, value);
  for (const code of codes) {
    if (!store.categories.has(code)) fail(property, `Property "${property}" expects a valid category code. The category does not exist, "${code}" given.`);
  }
  return [...new Set(codes)];
}

/** Groups: the sandbox has none, so any code is unknown. */
export function expectGroups(value: unknown): string[] {
  const codes = expectStringArray("groups", value);
  for (const code of codes) fail("groups", `Property "groups" expects a valid group code. The group does not exist, "${code}" given.`);
  return codes;
}

/** `associations` patch: type → partial {products, product_models, groups}; products given as uuids or identifiers. */
export function expectAssociations(store: SandboxStore, value: unknown, mode: ProductKeyMode): Record<string, Partial<Association>> {
  if (!isPlainObject(value)) fail("associations", `Property "associations" expects an array as data, "${phpType(value)}" given.`);
  const out: Record<string, Partial<Association>> = {};
  for (const [type, raw] of Object.entries(value as Record<string, unknown>)) {
    const known = store.associationTypes.get(type);
    if (!known || known.is_quantified) fail("associations", `Property "associations" expects a valid association type code. The association type does not exist, "${type}" given.`);
    if (!isPlainObject(raw)) fail("associations", `Property "associations" expects an array as data, "${phpType(raw)}" given.`);
    const entry: Partial<Association> = {};
    const record = raw as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== "products" && key !== "product_models" && key !== "groups") fail("associations", `Property "associations" expects a valid association key, "${key}" given.`);
    }
    if ("products" in record) entry.products = expectStringArray("associations", record["products"]).map((ref) => productUuid(store, ref, mode));
    if ("product_models" in record) {
      entry.product_models = expectStringArray("associations", record["product_models"]);
      for (const code of entry.product_models) {
        if (!store.productModels.has(code)) fail("associations", `Property "associations" expects a valid product model identifier. The product model does not exist, "${code}" given.`);
      }
    }
    if ("groups" in record) entry.groups = expectGroups(record["groups"]);
    out[type] = entry;
  }
  return out;
}

function productUuid(store: SandboxStore, ref: string, mode: ProductKeyMode): string {
  const product = mode === "uuid" ? store.products.get(ref.toLowerCase()) : store.productByIdentifier(ref);
  if (!product) fail("associations", `Property "associations" expects a valid product ${mode === "uuid" ? "uuid" : "identifier"}. The product does not exist, "${ref}" given.`);
  return product!.uuid;
}

/** Merge an associations patch into existing associations (lists replaced per type and key). */
export function mergeAssociations(existing: Record<string, Association>, patch: Record<string, Partial<Association>>): Record<string, Association> {
  const out = structuredClone(existing);
  for (const [type, entry] of Object.entries(patch)) {
    const current = out[type] ?? { products: [], product_models: [], groups: [] };
    out[type] = { ...current, ...entry };
  }
  return out;
}

/** `quantified_associations`: type → {products: [{uuid|identifier, quantity}], product_models: [{identifier, quantity}]}, stored with uuids. */
export function expectQuantified(store: SandboxStore, value: unknown, mode: ProductKeyMode): Record<string, unknown> {
  const property = "quantified_associations";
  if (!isPlainObject(value)) fail(property, `Property "${property}" expects an array as data, "${phpType(value)}" given.`);
  const out: Record<string, unknown> = {};
  for (const [type, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!store.associationTypes.get(type)?.is_quantified) fail(property, `Property "${property}" expects a valid quantified association type code. The association type does not exist, "${type}" given.`);
    const entry = isPlainObject(raw) ? raw : fail(property, `Property "${property}" expects an array as data, "${phpType(raw)}" given.`);
    const list = (key: string) => (Array.isArray(entry[key]) ? (entry[key] as unknown[]) : []).map((item) => {
      if (!isPlainObject(item) || !Number.isInteger(item["quantity"])) fail(property, `Property "${property}" expects a valid quantity.`);
      return item as Record<string, unknown>;
    });
    out[type] = {
      products: list("products").map((p) => ({ uuid: productUuid(store, String(p["uuid"] ?? p["identifier"] ?? ""), p["uuid"] !== undefined ? "uuid" : mode), quantity: p["quantity"] })),
      product_models: list("product_models").map((m) => ({ identifier: String(m["identifier"] ?? m["code"] ?? ""), quantity: m["quantity"] })),
    };
  }
  return out;
}
