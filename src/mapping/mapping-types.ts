/**
 * The mapping room's interfaces (docs/contracts.md, "Mapping engine"): what the flow supplies
 * (catalog, settings, lookups) and what a mapper returns. The room does no I/O of its own: the
 * catalog's `optionLabels` loader is the flow's, and the engine only caches its promises.
 */
import type { ConnectorError } from "../errors.js";

/** Which way a mapping goes: Akeneo → canonical (`pull`) or canonical → Akeneo payload (`push`). */
export type MappingDirection = "pull" | "push";

/** Where a mapping's text comes from: a file (relative to `baseDir`) or an inline expression. */
export type MappingSource = { file: string } | { expression: string };

/** What the engine needs to know about one attribute of the catalog. */
export interface CatalogAttribute {
  code: string;
  /** Akeneo attribute type, e.g. `pim_catalog_text`, `pim_catalog_metric`. */
  type: string;
  localizable: boolean;
  scopable: boolean;
  /** Numbers, metrics and prices: whether Akeneo stores decimals (it then sends amounts as strings). */
  decimalsAllowed?: boolean;
  metricFamily?: string;
}

/** Option labels of one attribute: option code → `{ locale: label }`. */
export type OptionLabels = ReadonlyMap<string, Record<string, string>>;

/** The catalog structure a mapper reads; supplied by the flow, which does the I/O. */
export interface MappingCatalog {
  attributes: ReadonlyMap<string, CatalogAttribute>;
  /** Loads the labels of one select attribute. Called at most once per attribute per mapper (cached). */
  optionLabels(attribute: string): Promise<OptionLabels>;
  /** Download link for a media file code. */
  mediaUrl(code: string): string;
  /** The attributes and base URL as plain data, when the catalog was built from data (createMappingCatalog): lets a worker thread rebuild it, without option labels. */
  readonly snapshot?: CatalogSnapshot;
}

/** A catalog's data, without its option-label loader. */
export interface CatalogSnapshot {
  attributes: CatalogAttribute[];
  baseUrl: string;
}

/**
 * The subscription settings the mappings read (a subset of the config's `settings`), exposed to
 * expressions as `$settings`. Every field has a default, see `resolveMappingSettings`.
 */
export interface MappingSettings {
  /** The channel (scope) whose values are read and written. Default `ecommerce`. */
  channel: string;
  /** The locales of localized maps, in order; the first is the fallback locale. Default `["en_US"]`. */
  locales: string[];
  /** Attribute mapped to the canonical `name`. Default `name`. */
  nameAttribute: string;
  /** Attribute mapped to the canonical `description`. Default `description`. */
  descriptionAttribute: string;
  /** Price-collection attribute mapped to the canonical `prices`. Default `price`. */
  priceAttribute: string;
  /** Media values as download links (`link`, default) or raw Akeneo file codes (`code`). */
  mediaFormat: "link" | "code";
  /** Products: keyed by `uuid` (default, /products-uuid) or by `identifier` (/products). */
  productIdFormat: "uuid" | "identifier";
}

/** Guardrails applied to every evaluation. */
export interface MappingLimits {
  /** Wall-clock budget of one record's evaluation, in ms. Default 1000; past it the record fails (D1012). */
  timeoutMs: number;
  /** Maximum JSONata evaluation depth. Default 500; past it the record fails (D1011). */
  maxDepth: number;
}

/** Lookup tables of the subscription, read by `$lookup(table, key, default)`. */
export type LookupTables = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The outcome of mapping one record: its value, or its key and why it was set aside. */
export type MapResult =
  | { ok: true; key: string | null; value: Record<string, unknown> }
  | { ok: false; key: string | null; error: ConnectorError };

/** Maps records one at a time; safe to call concurrently (no state is shared between records). */
export interface Mapper {
  map(record: object): Promise<MapResult>;
  /**
   * Plain data from which `mapperFromSpec` builds the same mapper in another thread; absent when the
   * mapper needs its caller (option labels loaded on demand, a custom clock).
   */
  readonly spec?: MapperSpec;
}

/** A mapper as plain data (see `Mapper.spec`, mapper-from-spec.ts). */
export interface MapperSpec {
  entity: string;
  direction: MappingDirection;
  /** The compiled mapping's text and where it came from (for error messages). */
  origin: string;
  text: string;
  compiledLimits: MappingLimits;
  limits?: Partial<MappingLimits>;
  settings: MappingSettings;
  catalog: CatalogSnapshot;
  lookups: LookupTables;
  validate: boolean;
  fastPath: boolean;
}
