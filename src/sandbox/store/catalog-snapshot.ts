/**
 * The whole catalog exactly as the API serves it (minus `_links`), for tests that compare a full
 * pull with what the sandbox holds, and the catalog summary the CLI prints.
 */
import type { Attribute, AttributeGroup, AttributeOption, AssociationType, Category, Channel, Currency, Family, FamilyVariant, Locale } from "../catalog/types.js";
import { serializeProduct, serializeProductModel } from "./product-view.js";
import type { SandboxStore } from "./sandbox-store.js";

export interface CatalogSnapshot {
  /** Products as `/products-uuid` serves them, sorted by uuid. */
  products: Array<Record<string, unknown>>;
  /** Products as `/products` serves them (only those with an identifier), sorted by uuid. */
  productsByIdentifier: Array<Record<string, unknown>>;
  productModels: Array<Record<string, unknown>>;
  categories: Category[];
  families: Family[];
  /** Family variants by family code, with `common_attributes`. */
  familyVariants: Record<string, Array<Record<string, unknown>>>;
  attributes: Attribute[];
  attributeOptions: Record<string, AttributeOption[]>;
  attributeGroups: AttributeGroup[];
  channels: Channel[];
  locales: Locale[];
  currencies: Currency[];
  associationTypes: AssociationType[];
  mediaFiles: Array<{ code: string; original_filename: string; mime_type: string; size: number; extension: string }>;
}

export interface CatalogSummary {
  products: number;
  simpleProducts: number;
  variantProducts: number;
  productsWithoutIdentifier: number;
  productModels: number;
  rootProductModels: number;
  subProductModels: number;
  categories: number;
  attributes: number;
  families: number;
  familyVariants: number;
  mediaFiles: number;
  channels: number;
}

/** A deep copy of the catalog in API format. Cost is linear in the catalog size. */
export function catalogSnapshot(store: SandboxStore): CatalogSnapshot {
  const products = [...store.products.values()];
  return {
    products: products.map((p) => clone(serializeProduct(store, p, "uuid"))),
    productsByIdentifier: products.filter((p) => p.identifier !== null).map((p) => clone(serializeProduct(store, p, "identifier"))),
    productModels: [...store.productModels.values()].map((m) => clone(serializeProductModel(store, m))),
    categories: clone([...store.categories.list()]),
    families: clone([...store.families.list()]),
    familyVariants: Object.fromEntries([...store.familyVariants].map(([family, variants]) => [family, variants.list().map((v) => withCommonAttributes(store, v, family))])),
    attributes: clone([...store.attributes.list()]),
    attributeOptions: Object.fromEntries([...store.attributeOptions].map(([code, options]) => [code, clone([...options.list()])])),
    attributeGroups: clone([...store.attributeGroups.list()]),
    channels: clone([...store.channels.list()]),
    locales: clone([...store.locales.list()]),
    currencies: clone([...store.currencies.list()]),
    associationTypes: clone([...store.associationTypes.list()]),
    mediaFiles: [...store.mediaFiles.values()].map(({ code, original_filename, mime_type, size, extension }) => ({ code, original_filename, mime_type, size, extension })),
  };
}

/** Counts of everything in the catalog. */
export function catalogSummary(store: SandboxStore): CatalogSummary {
  let variantProducts = 0;
  let withoutIdentifier = 0;
  for (const product of store.products.values()) {
    if (product.parent !== null) variantProducts++;
    if (product.identifier === null) withoutIdentifier++;
  }
  let rootProductModels = 0;
  for (const model of store.productModels.values()) if (model.parent === null) rootProductModels++;
  return {
    products: store.products.size,
    simpleProducts: store.products.size - variantProducts,
    variantProducts,
    productsWithoutIdentifier: withoutIdentifier,
    productModels: store.productModels.size,
    rootProductModels,
    subProductModels: store.productModels.size - rootProductModels,
    categories: store.categories.size,
    attributes: store.attributes.size,
    families: store.families.size,
    familyVariants: [...store.familyVariants.values()].reduce((n, v) => n + v.size, 0),
    mediaFiles: store.mediaFiles.size,
    channels: store.channels.size,
  };
}

/** A family variant as the API serves it: with the family attributes that no level holds. */
export function withCommonAttributes(store: SandboxStore, variant: FamilyVariant, familyCode: string): Record<string, unknown> {
  const inSets = new Set(variant.variant_attribute_sets.flatMap((s) => s.attributes));
  const common = (store.families.get(familyCode)?.attributes ?? []).filter((a) => !inSets.has(a));
  return { code: variant.code, labels: clone(variant.labels), common_attributes: common, variant_attribute_sets: clone(variant.variant_attribute_sets) };
}

const clone = <T>(v: T): T => structuredClone(v);
