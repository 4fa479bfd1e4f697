/**
 * How products and product models look from the API: a variant carries the values and categories
 * of its ancestors, associations list every association type, and the identifier-based endpoints
 * speak identifiers where the uuid endpoints speak uuids.
 */
import { generateValues } from "../catalog/generate-values.js";
import { formatIsoSeconds } from "../catalog/structure-tables.js";
import type { Association, ProductModelRecord, ProductRecord, Values } from "../catalog/types.js";
import type { SandboxStore } from "./sandbox-store.js";

/** Which product endpoints a product is served by: `/products-uuid` or `/products`. */
export type ProductKeyMode = "uuid" | "identifier";

/** True for product models (they have a `code`). */
const isModel = (record: ProductRecord | ProductModelRecord): record is ProductModelRecord => "code" in record;

/** Ancestor models of a product or model, nearest first. */
export function modelAncestors(store: SandboxStore, record: ProductRecord | ProductModelRecord): ProductModelRecord[] {
  const out: ProductModelRecord[] = [];
  let parent = record.parent;
  while (parent !== null && out.length < 5) {
    const model = store.productModels.get(parent);
    if (!model) break;
    out.push(model);
    parent = model.parent;
  }
  return out;
}

/** Attribute codes a record holds at its own level (family, family-variant level, or common attributes). */
export function levelAttributeCodes(store: SandboxStore, record: ProductRecord | ProductModelRecord): string[] {
  const family = record.family === null ? undefined : store.families.get(record.family);
  if (!family) return ["sku", "name", "price"];
  const ancestors = modelAncestors(store, record);
  const root = isModel(record) && record.parent === null ? record : ancestors[ancestors.length - 1];
  if (!root) return family.attributes;
  const variant = store.familyVariants.get(root.family)?.get(root.family_variant);
  if (!variant) return family.attributes;
  const level = ancestors.length;
  if (level === 0) {
    const inSets = new Set(variant.variant_attribute_sets.flatMap((s) => s.attributes));
    return family.attributes.filter((code) => !inSets.has(code));
  }
  return variant.variant_attribute_sets.find((s) => s.level === level)?.attributes ?? [];
}

/** A record's own values: stored ones once written, otherwise regenerated from its seed. */
export function ownValues(store: SandboxStore, record: ProductRecord | ProductModelRecord): Values {
  if (record.values) return record.values;
  return generateValues(levelAttributeCodes(store, record), record.seed, store.valueContext, fixedData(record));
}

/**
 * `ownValues(store, record)[code]?.[0]?.data`, without generating every value of a record never
 * written when `code` is one whose data is fixed (identifier, variant axis): sibling axis checks.
 */
export function ownFirstData(store: SandboxStore, record: ProductRecord | ProductModelRecord, code: string): unknown {
  if (record.values) return record.values[code]?.[0]?.data;
  const fixed = fixedData(record);
  if (!(code in fixed)) return ownValues(store, record)[code]?.[0]?.data;
  // As generateValues does: fixed data fills the code when it is one of the record's attributes.
  const data = fixed[code];
  if (data === null || data === undefined || !store.valueContext.attributes.get(code)) return undefined;
  return levelAttributeCodes(store, record).includes(code) ? data : undefined;
}

const NOTHING_FIXED: Readonly<Record<string, unknown>> = {};

/** Data generation must not draw at random: the identifier and the variant axes chosen at generation time (read only). */
function fixedData(record: ProductRecord | ProductModelRecord): Readonly<Record<string, unknown>> {
  if (isModel(record)) return record.axes ?? NOTHING_FIXED;
  return record.axes ? { ...record.axes, sku: record.identifier } : { sku: record.identifier };
}

/** Values including those inherited from ancestor models (nearest level wins). */
export function mergedValues(store: SandboxStore, record: ProductRecord | ProductModelRecord): Values {
  const ancestors = modelAncestors(store, record);
  if (ancestors.length === 0) return ownValues(store, record);
  const out: Values = {};
  for (const source of [...ancestors.reverse(), record]) Object.assign(out, ownValues(store, source));
  return out;
}

/** Categories including those of ancestor models, without duplicates. */
export function mergedCategories(store: SandboxStore, record: ProductRecord | ProductModelRecord): string[] {
  const ancestors = modelAncestors(store, record);
  if (ancestors.length === 0) return record.categories;
  return [...new Set([...ancestors.reverse().flatMap((a) => a.categories), ...record.categories])];
}

/** `updated` as the search filter sees it: a variant counts as updated when an ancestor model is. */
export function effectiveUpdated(store: SandboxStore, record: ProductRecord | ProductModelRecord): number {
  let updated = record.updated;
  for (const ancestor of modelAncestors(store, record)) updated = Math.max(updated, ancestor.updated);
  return updated;
}

/** A product in Akeneo's standard format (no `_links`), as `/products-uuid` or `/products` serves it. */
export function serializeProduct(store: SandboxStore, record: ProductRecord, mode: ProductKeyMode, values?: Values): Record<string, unknown> {
  const head: Record<string, unknown> = mode === "uuid" ? { uuid: record.uuid } : { uuid: record.uuid, identifier: record.identifier };
  return {
    ...head,
    enabled: record.enabled,
    family: record.family,
    categories: mergedCategories(store, record),
    groups: record.groups,
    parent: record.parent,
    values: values ?? mergedValues(store, record),
    created: formatIsoSeconds(record.created),
    updated: formatIsoSeconds(record.updated),
    associations: serializeAssociations(store, record.associations, mode),
    quantified_associations: serializeQuantified(store, record.quantified_associations, mode),
  };
}

/** A product model in Akeneo's standard format (no `_links`). */
export function serializeProductModel(store: SandboxStore, record: ProductModelRecord, values?: Values): Record<string, unknown> {
  return {
    code: record.code,
    family: record.family,
    family_variant: record.family_variant,
    parent: record.parent,
    categories: mergedCategories(store, record),
    values: values ?? mergedValues(store, record),
    created: formatIsoSeconds(record.created),
    updated: formatIsoSeconds(record.updated),
    associations: serializeAssociations(store, record.associations, "uuid"),
    quantified_associations: serializeQuantified(store, record.quantified_associations, "identifier"),
  };
}

/** An association as served: on `/products`, product uuids become identifiers (null when a product has none). */
type ServedAssociation = { products: Array<string | null>; product_models: string[]; groups: string[] };

function serializeAssociations(store: SandboxStore, associations: Record<string, Association>, mode: ProductKeyMode): Record<string, ServedAssociation> {
  const out: Record<string, ServedAssociation> = {};
  for (const type of store.associationTypes.list()) {
    if (type.is_quantified) continue;
    const own = associations[type.code];
    const products = own?.products ?? [];
    out[type.code] = {
      products: mode === "uuid" ? [...products] : products.map((uuid) => store.products.get(uuid)?.identifier ?? null),
      product_models: [...(own?.product_models ?? [])],
      groups: [...(own?.groups ?? [])],
    };
  }
  return out;
}

function serializeQuantified(store: SandboxStore, quantified: Record<string, unknown>, mode: ProductKeyMode): Record<string, unknown> {
  if (mode === "uuid") return structuredClone(quantified);
  const out: Record<string, unknown> = {};
  for (const [type, raw] of Object.entries(quantified)) {
    const entry = raw as { products?: Array<{ uuid: string; quantity: number }>; product_models?: unknown[] };
    out[type] = {
      products: (entry.products ?? []).map((p) => ({ identifier: store.products.get(p.uuid)?.identifier ?? null, quantity: p.quantity })),
      product_models: structuredClone(entry.product_models ?? []),
    };
  }
  return out;
}
