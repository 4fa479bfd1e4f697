/**
 * Create-or-update of one product, shared by single PATCH/POST and each line of a collection PATCH,
 * on `/products-uuid` (keyed by uuid) and `/products` (keyed by identifier). Merge semantics per
 * update.md; validation per Akeneo; `updated` moves only when something actually changed.
 */
import { isDeepStrictEqual } from "node:util";
import type { ProductRecord } from "../catalog/types.js";
import { isPlainObject } from "../http/akeneo-error.js";
import { ownValues, type ProductKeyMode } from "../store/product-view.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { mergeValues, mergeValuesInto, type ValuesPatch } from "./merge-patch.js";
import { applyParent, checkVariantRules } from "./product-rules.js";
import {
  expectAssociations, expectBoolean, expectCategories, expectGroups, expectQuantified, expectStringArray, expectStringOrNull,
  mergeAssociations, PropertyFailure,
} from "./property-checks.js";
import { failure, propertyError, unknownProperty, validationFailed, type UpsertResult } from "./upsert-result.js";
import { validateValues } from "./validate-values.js";

export interface ProductWriteOptions {
  mode: ProductKeyMode;
  /** Key from the URL (single-resource writes). */
  urlKey?: string;
  /** POST: fail when the product exists. */
  createOnly?: boolean;
}

const FIELDS = new Set([
  "uuid", "identifier", "enabled", "family", "categories", "groups", "parent", "values", "associations", "quantified_associations",
  "created", "updated", "metadata", "quality_scores", "completenesses", "add_categories", "remove_categories",
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_IDENTIFIER = "The identifier field is required for this endpoint. If you want to manipulate products without identifiers, please use products-uuid endpoints.";

/** Apply one product write to the store. */
export function upsertProduct(store: SandboxStore, input: unknown, options: ProductWriteOptions): UpsertResult {
  if (!isPlainObject(input)) return failure(400, "Invalid json message received");
  const key = resolveKey(input, options);
  if ("status" in key) return key;
  try {
    return writeProduct(store, input, options, key.value);
  } catch (error) {
    if (error instanceof PropertyFailure) return { ...error.result, key: key.value };
    throw error;
  }
}

function resolveKey(input: Record<string, unknown>, options: ProductWriteOptions): { value: string } | UpsertResult {
  const field = options.mode;
  const raw = input[field];
  if (options.mode === "identifier" && field in input && (raw === null || raw === "")) return failure(422, NO_IDENTIFIER);
  if (raw !== undefined && typeof raw !== "string") return propertyError(field, `Property "${field}" expects a string as data, "${typeof raw}" given.`);
  const value = (raw as string | undefined) ?? options.urlKey;
  if (value === undefined || value === "") return failure(422, `${field === "uuid" ? "Uuid" : "Identifier"} is missing.`);
  if (options.mode === "uuid" && !UUID.test(value)) return failure(400, `The uuid "${value}" is not valid.`, value);
  if (options.urlKey !== undefined && raw !== undefined && raw.toLowerCase() !== options.urlKey.toLowerCase() && options.mode === "uuid") {
    return failure(422, `The uuid "${raw}" provided in the request body must match the uuid "${options.urlKey}" provided in the url.`, options.urlKey);
  }
  return { value: options.mode === "uuid" ? value.toLowerCase() : value };
}

function writeProduct(store: SandboxStore, input: Record<string, unknown>, options: ProductWriteOptions, key: string): UpsertResult {
  for (const field of Object.keys(input)) if (!FIELDS.has(field) || (field === "identifier" && options.mode === "uuid")) return unknownProperty(field, key);
  const lookupKey = options.mode === "identifier" ? (options.urlKey ?? key) : key;
  const existing = options.mode === "uuid" ? store.products.get(lookupKey) : store.productByIdentifier(lookupKey);
  if (existing && options.createOnly) {
    return validationFailed([{ property: options.mode, message: `The same ${options.mode} is already set on another product` }], key);
  }
  if (!existing && options.mode === "identifier" && options.urlKey !== undefined && input["identifier"] !== undefined && input["identifier"] !== options.urlKey) {
    return failure(422, `The identifier "${String(input["identifier"])}" provided in the request body must match the identifier "${options.urlKey}" provided in the url.`, key);
  }
  const now = store.nowSeconds();
  const record: ProductRecord = existing
    ? { ...existing, values: ownValues(store, existing) }
    : newProduct(store, options.mode === "uuid" ? key : typeof input["uuid"] === "string" && UUID.test(input["uuid"]) ? input["uuid"].toLowerCase() : store.newUuid(), now);
  // A product never written has its values generated afresh (and a new one has none): that object
  // is this write's own, so merging need not copy it. Stored values are shared with `existing`.
  let ownsValues = !existing || existing.values === null;
  applyProperties(store, record, input, options.mode);
  const errors = [];
  let valuesChanged = false;
  const merge = (incoming: ValuesPatch): void => {
    if (ownsValues && record.values) {
      valuesChanged = mergeValuesInto(record.values, incoming) || valuesChanged;
      return;
    }
    const merged = mergeValues(record.values ?? {}, incoming);
    record.values = merged.values;
    ownsValues = true;
    valuesChanged ||= merged.changed;
  };
  if ("values" in input) {
    const validated = validateValues(store, input["values"]);
    errors.push(...validated.errors);
    merge(validated.values);
  }
  if (options.mode === "identifier") merge([["sku", [{ locale: null, scope: null, data: key }]]]);
  const sku = record.values?.["sku"]?.[0]?.data;
  record.identifier = typeof sku === "string" ? sku : null;
  errors.push(...checkVariantRules(store, record));
  const clash = record.identifier === null ? undefined : store.productByIdentifier(record.identifier);
  if (clash && clash.uuid !== record.uuid) {
    errors.push({ property: "identifier", message: `The value ${record.identifier} is already set on another product for the unique attribute sku`, attribute: "sku", locale: null, scope: null });
  }
  if (errors.length > 0) return validationFailed(errors, key);
  const changed = !existing || valuesChanged || !sameProperties(existing, record);
  if (changed) record.updated = now;
  store.saveProduct(record, existing ? { identifier: existing.identifier, parent: existing.parent } : undefined);
  const location = options.mode === "uuid" ? `/api/rest/v1/products-uuid/${record.uuid}` : `/api/rest/v1/products/${encodePath(record.identifier ?? key)}`;
  return { status: existing ? 204 : 201, key, location };
}

/** Whether a write left every property but `values` as it was (then `updated` must not move). Key order does not matter. */
function sameProperties(existing: ProductRecord, record: ProductRecord): boolean {
  return (
    existing.enabled === record.enabled &&
    existing.family === record.family &&
    existing.parent === record.parent &&
    isDeepStrictEqual(existing.categories, record.categories) &&
    isDeepStrictEqual(existing.groups, record.groups) &&
    isDeepStrictEqual(existing.associations, record.associations) &&
    isDeepStrictEqual(existing.quantified_associations, record.quantified_associations)
  );
}

function applyProperties(store: SandboxStore, record: ProductRecord, input: Record<string, unknown>, mode: ProductKeyMode): void {
  if ("enabled" in input) record.enabled = expectBoolean("enabled", input["enabled"]);
  if ("family" in input) {
    const family = expectStringOrNull("family", input["family"]);
    if (family !== null && !store.families.has(family)) {
      throw new PropertyFailure(propertyError("family", `Property "family" expects a valid family code. The family does not exist, "${family}" given.`));
    }
    record.family = family;
  }
  if ("parent" in input) applyParent(store, record, expectStringOrNull("parent", input["parent"]));
  if ("categories" in input && ("add_categories" in input || "remove_categories" in input)) {
    throw new PropertyFailure(propertyError("categories", 'Property "categories" cannot be used together with "add_categories" or "remove_categories".'));
  }
  if ("categories" in input) record.categories = expectCategories(store, "categories", input["categories"]);
  if ("add_categories" in input) record.categories = [...new Set([...record.categories, ...expectCategories(store, "add_categories", input["add_categories"])])];
  if ("remove_categories" in input) {
    const removed = new Set(expectStringArray("remove_categories", input["remove_categories"]));
    record.categories = record.categories.filter((c) => !removed.has(c));
  }
  if ("groups" in input) record.groups = expectGroups(input["groups"]);
  if ("associations" in input) record.associations = mergeAssociations(record.associations, expectAssociations(store, input["associations"], mode));
  if ("quantified_associations" in input) record.quantified_associations = { ...record.quantified_associations, ...expectQuantified(store, input["quantified_associations"], mode) };
}

function newProduct(store: SandboxStore, uuid: string, now: number): ProductRecord {
  return {
    uuid, identifier: null, enabled: true, family: null, categories: [], groups: [], parent: null, created: now, updated: now,
    associations: {}, quantified_associations: {}, values: {}, seed: 0,
  };
}

/** Encode a path parameter the way Akeneo's router does: percent-encoding, but `/` kept. */
export function encodePath(code: string): string {
  return encodeURIComponent(code).replace(/%2F/gi, "/");
}
