/**
 * The whole seeded catalog: structure (channels, locales, currencies, attribute groups, attributes,
 * options, families, family variants, category trees, association types), media files, product
 * models, variant products and simple products. Same options → same catalog, byte for byte.
 */
import { buildAttributes } from "./attribute-table.js";
import { buildFamilies, buildFamilyVariants } from "./family-table.js";
import { generateMediaFiles } from "./generate-media.js";
import { generateProducts } from "./generate-products.js";
import { buildOptions } from "./option-table.js";
import { buildAssociationTypes, buildCategories, buildChannels, buildCurrencies, buildLocales } from "./structure-tables.js";
import type {
  AssociationType, Attribute, AttributeGroup, AttributeOption, Category, Channel, Currency, Family, FamilyVariant,
  Locale, MediaFileRecord, ProductModelRecord, ProductRecord,
} from "./types.js";

/** Generated timestamps fall in the two years before this instant (2026-01-01T00:00:00Z). */
export const REFERENCE_DATE = new Date(Date.UTC(2026, 0, 1));
const TWO_YEARS_SECONDS = 2 * 365 * 86400;

export interface CatalogOptions {
  /** Number of products (simple + variant), default 200. */
  products?: number;
  /** Seed of every random choice, default 1. */
  seed?: number;
}

export interface CatalogData {
  referenceSeconds: number;
  locales: Locale[];
  currencies: Currency[];
  channels: Channel[];
  categories: Category[];
  attributeGroups: AttributeGroup[];
  attributes: Attribute[];
  options: Map<string, AttributeOption[]>;
  families: Family[];
  familyVariants: Map<string, FamilyVariant[]>;
  associationTypes: AssociationType[];
  mediaFiles: MediaFileRecord[];
  products: ProductRecord[];
  productModels: ProductModelRecord[];
}

/** Generate the catalog. Cost is linear in `products` (100,000 products take a fraction of a second). */
export function generateCatalog(options: CatalogOptions = {}): CatalogData {
  const count = Math.max(0, Math.floor(options.products ?? 200));
  const seed = (options.seed ?? 1) >>> 0;
  const referenceSeconds = REFERENCE_DATE.getTime() / 1000;
  const { attributes, groups } = buildAttributes();
  const familyVariants = buildFamilyVariants();
  const variantsByCode = new Map([...familyVariants.values()].flat().map((v) => [v.code, v]));
  const imageCount = Math.min(2000, Math.max(20, Math.ceil(count / 10)));
  const { products, productModels } = generateProducts(count, seed, variantsByCode, { reference: referenceSeconds, span: TWO_YEARS_SECONDS });
  return {
    referenceSeconds,
    locales: buildLocales(),
    currencies: buildCurrencies(),
    channels: buildChannels(),
    categories: buildCategories(referenceSeconds),
    attributeGroups: groups,
    attributes,
    options: buildOptions(),
    families: buildFamilies(),
    familyVariants,
    associationTypes: buildAssociationTypes(),
    mediaFiles: generateMediaFiles(seed, imageCount, 10),
    products,
    productModels,
  };
}
