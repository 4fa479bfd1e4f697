/**
 * The live catalog behind the sandbox: structure collections, media files, product models and
 * products (sorted by uuid), plus the indexes the endpoints need. Tests read it to compare a pull
 * with what was generated, and mutate it to simulate changes made in the PIM.
 */
import { ItemJsonCache } from "./item-json-cache.js";
import { systemClock, type Clock } from "../../clock.js";
import type { CatalogData } from "../catalog/generate-catalog.js";
import { valueSlots, type ValueContext } from "../catalog/generate-values.js";
import type {
  AssociationType, Attribute, AttributeGroup, AttributeOption, Category, Channel, Currency, Family, FamilyVariant,
  Locale, MediaFileRecord, ProductModelRecord, ProductRecord,
} from "../catalog/types.js";
import { createPrng, mixSeed, type Prng } from "../prng.js";
import type { UpsertResult } from "../write/upsert-result.js";
import { catalogSnapshot, catalogSummary, type CatalogSnapshot, type CatalogSummary } from "./catalog-snapshot.js";
import { orderCategoryTree, sortBySortOrder } from "./category-order.js";
import { CodeCollection } from "./code-collection.js";
import { SortedIndex } from "./sorted-index.js";
import { patchProduct, patchProductModel, touchProductModels, touchProducts, type TouchTarget } from "./store-mutations.js";

const daysBefore = (reference: number, step: number) => (_: unknown, index: number) => reference - (index + 1) * step;

export class SandboxStore {
  /** Generated timestamps lie in the two years before this instant. */
  readonly referenceDate: Date;
  readonly locales: CodeCollection<Locale>;
  readonly currencies: CodeCollection<Currency>;
  readonly channels: CodeCollection<Channel>;
  readonly categories: CodeCollection<Category>;
  readonly attributeGroups: CodeCollection<AttributeGroup>;
  readonly attributes: CodeCollection<Attribute>;
  readonly families: CodeCollection<Family>;
  readonly associationTypes: CodeCollection<AssociationType>;
  /** Family variants by family code. */
  readonly familyVariants = new Map<string, CodeCollection<FamilyVariant>>();
  /** Attribute options by attribute code, in sort order. */
  readonly attributeOptions = new Map<string, CodeCollection<AttributeOption>>();
  readonly mediaFiles: SortedIndex<MediaFileRecord>;
  readonly products: SortedIndex<ProductRecord>;
  readonly productModels: SortedIndex<ProductModelRecord>;
  /** What lazy value generation draws from, frozen at generation time so values never drift. */
  readonly valueContext: ValueContext;
  readonly clock: Clock;
  private readonly identifiers = new Map<string, string>();
  /** Codes of the sub-models and uuids of the variants under each product model (kept apart: no key to rebuild on every lookup). */
  private readonly children = new Map<string, { models: Set<string>; products: Set<string> }>();
  private readonly rng: Prng;
  private categoryRoots: Map<string, string> | undefined;
  /** Serialized list items (see ItemJsonCache); cleared before every write. */
  readonly itemJson = new ItemJsonCache();

  constructor(data: CatalogData, options: { clock?: Clock; seed?: number } = {}) {
    this.clock = options.clock ?? systemClock;
    this.rng = createPrng(mixSeed(options.seed ?? 1, 0xc0ffee));
    const ref = data.referenceSeconds;
    this.referenceDate = new Date(ref * 1000);
    this.locales = new CodeCollection(data.locales, () => ref - 700 * 86400);
    this.currencies = new CodeCollection(data.currencies, () => ref - 700 * 86400);
    this.channels = new CodeCollection(data.channels, daysBefore(ref, 300 * 86400));
    this.categories = new CodeCollection(data.categories, (c) => Date.parse(c.updated) / 1000, orderCategoryTree);
    this.attributeGroups = new CodeCollection(data.attributeGroups, daysBefore(ref, 41 * 86400));
    this.attributes = new CodeCollection(data.attributes, daysBefore(ref, 13 * 86400 + 3607));
    this.families = new CodeCollection(data.families, daysBefore(ref, 61 * 86400 + 7211));
    this.associationTypes = new CodeCollection(data.associationTypes, () => ref - 500 * 86400);
    for (const [family, variants] of data.familyVariants) {
      this.familyVariants.set(family, new CodeCollection(variants, daysBefore(ref, 37 * 86400)));
    }
    for (const [attribute, options] of data.options) {
      this.attributeOptions.set(attribute, new CodeCollection(options, () => ref - 400 * 86400, sortBySortOrder));
    }
    this.mediaFiles = new SortedIndex(data.mediaFiles, (m) => m.code);
    this.productModels = new SortedIndex(data.productModels, (m) => m.code);
    this.products = new SortedIndex(data.products, (p) => p.uuid);
    for (const model of data.productModels) if (model.parent) this.childSets(model.parent).models.add(model.code);
    for (const product of data.products) {
      if (product.identifier !== null) this.identifiers.set(product.identifier, product.uuid);
      if (product.parent) this.childSets(product.parent).products.add(product.uuid);
    }
    this.valueContext = {
      attributes: new Map(data.attributes.map((a) => [a.code, a])),
      optionCodes: new Map([...data.options].map(([attr, opts]) => [attr, opts.map((o) => o.code)])),
      channels: data.channels,
      // Structure writes replace entities (mergePatch copies), so these attributes and channels never change.
      slots: new Map(data.attributes.map((a) => [a.code, valueSlots(a, data.channels)])),
      imageCodes: data.mediaFiles.filter((m) => m.extension !== "pdf").map((m) => m.code),
      fileCodes: data.mediaFiles.filter((m) => m.extension === "pdf").map((m) => m.code),
    };
  }

  /** The whole catalog as the API serves it (minus `_links`), for exact comparisons with a pull. */
  catalog(): CatalogSnapshot {
    return catalogSnapshot(this);
  }

  /** Counts: products (simple, variant, without identifier), product models (root, sub), structure. */
  summary(): CatalogSummary {
    return catalogSummary(this);
  }

  /** Set `updated` to now on the first `n` products by uuid (or on the given uuids); returns their uuids. */
  touchProducts(target: TouchTarget): string[] {
    this.itemJson.clear();
    return touchProducts(this, target);
  }

  /** Set `updated` to now on the first `n` product models by code (or the given codes); variants then match `updated` filters too. */
  touchProductModels(target: TouchTarget): string[] {
    this.itemJson.clear();
    return touchProductModels(this, target);
  }

  /** Apply a PATCH to a product by uuid, exactly as the API would (201/204, or the 4xx with Akeneo's errors). */
  updateProduct(uuid: string, patch: Record<string, unknown>): UpsertResult {
    this.itemJson.clear();
    return patchProduct(this, uuid, patch);
  }

  /** Apply a PATCH to a product model by code, exactly as the API would. */
  updateProductModel(code: string, patch: Record<string, unknown>): UpsertResult {
    this.itemJson.clear();
    return patchProductModel(this, code, patch);
  }

  /** The current time in whole epoch seconds (Akeneo's timestamp precision). */
  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  /** A new random uuid for products created without one. */
  newUuid(): string {
    return this.rng.uuid();
  }

  productByIdentifier(identifier: string): ProductRecord | undefined {
    const uuid = this.identifiers.get(identifier);
    return uuid === undefined ? undefined : this.products.get(uuid);
  }

  /** Direct children of a product model: sub-models and variant products. */
  childrenOf(modelCode: string): { models: ProductModelRecord[]; products: ProductRecord[] } {
    const models: ProductModelRecord[] = [];
    const products: ProductRecord[] = [];
    const sets = this.children.get(modelCode);
    for (const code of sets?.models ?? []) {
      const model = this.productModels.get(code);
      if (model) models.push(model);
    }
    for (const uuid of sets?.products ?? []) {
      const product = this.products.get(uuid);
      if (product) products.push(product);
    }
    return { models, products };
  }

  /** Save a product (insert or replace), keeping the identifier and parent indexes right. */
  saveProduct(record: ProductRecord, previous?: { identifier: string | null; parent: string | null }): void {
    this.itemJson.clear();
    if (previous) {
      // An unchanged identifier is just set again below: a delete then set would move it in the Map for nothing.
      if (previous.identifier !== null && previous.identifier !== record.identifier && this.identifiers.get(previous.identifier) === record.uuid) {
        this.identifiers.delete(previous.identifier);
      }
      if (previous.parent) this.children.get(previous.parent)?.products.delete(record.uuid);
    }
    if (record.identifier !== null) this.identifiers.set(record.identifier, record.uuid);
    if (record.parent) this.childSets(record.parent).products.add(record.uuid);
    this.products.set(record);
  }

  deleteProduct(uuid: string): boolean {
    this.itemJson.clear();
    const record = this.products.get(uuid);
    if (!record) return false;
    if (record.identifier !== null) this.identifiers.delete(record.identifier);
    if (record.parent) this.children.get(record.parent)?.products.delete(uuid);
    return this.products.delete(uuid);
  }

  /** Save a product model (insert or replace), keeping the parent index right. */
  saveProductModel(record: ProductModelRecord, previousParent?: string | null): void {
    this.itemJson.clear();
    if (previousParent) this.children.get(previousParent)?.models.delete(record.code);
    if (record.parent) this.childSets(record.parent).models.add(record.code);
    this.productModels.set(record);
  }

  /** Root category code of a category (cached; reset by `invalidateCategories`). */
  categoryRoot(code: string): string | undefined {
    if (!this.categoryRoots) {
      this.categoryRoots = new Map();
      for (const category of this.categories.list()) {
        this.categoryRoots.set(category.code, category.parent === null ? category.code : (this.categoryRoots.get(category.parent) ?? category.parent));
      }
    }
    return this.categoryRoots.get(code);
  }

  /** A category and all categories below it. */
  categorySubtree(code: string): Set<string> {
    const out = new Set<string>([code]);
    for (const category of this.categories.list()) if (category.parent !== null && out.has(category.parent)) out.add(category.code);
    return out;
  }

  /** Call after a category write (tree roots may have moved). */
  invalidateCategories(): void {
    this.itemJson.clear();
    this.categoryRoots = undefined;
  }

  private childSets(parent: string): { models: Set<string>; products: Set<string> } {
    let sets = this.children.get(parent);
    if (!sets) this.children.set(parent, (sets = { models: new Set(), products: new Set() }));
    return sets;
  }
}
