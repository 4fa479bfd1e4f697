/**
 * The sandbox's data model. Structure entities are kept in Akeneo's standard format (exactly what
 * the API serves, minus `_links`); products and product models are compact records whose values are
 * generated on demand from a per-record seed until the first write materialises them.
 */

/** One product value in Akeneo's standard format. */
export interface ValueEntry {
  locale: string | null;
  scope: string | null;
  data: unknown;
}

/** `values` of a product or product model: attribute code → entries (one per locale/scope pair). */
export type Values = Record<string, ValueEntry[]>;

/** Labels by locale code. */
export type Labels = Record<string, string>;

export type AttributeType =
  | "pim_catalog_identifier"
  | "pim_catalog_text"
  | "pim_catalog_textarea"
  | "pim_catalog_number"
  | "pim_catalog_metric"
  | "pim_catalog_price_collection"
  | "pim_catalog_boolean"
  | "pim_catalog_date"
  | "pim_catalog_simpleselect"
  | "pim_catalog_multiselect"
  | "pim_catalog_image"
  | "pim_catalog_file";

/** An attribute as `GET /attributes/{code}` serves it. */
export interface Attribute {
  code: string;
  type: AttributeType;
  group: string;
  unique: boolean;
  useable_as_grid_filter: boolean;
  allowed_extensions: string[];
  metric_family: string | null;
  default_metric_unit: string | null;
  reference_data_name: null;
  available_locales: string[];
  max_characters: number | null;
  validation_rule: string | null;
  validation_regexp: string | null;
  wysiwyg_enabled: boolean | null;
  number_min: string | null;
  number_max: string | null;
  decimals_allowed: boolean | null;
  negative_allowed: boolean | null;
  date_min: string | null;
  date_max: string | null;
  max_file_size: string | null;
  minimum_input_length: number | null;
  sort_order: number;
  localizable: boolean;
  scopable: boolean;
  default_value: null;
  labels: Labels;
  group_labels: Labels;
}

export interface AttributeOption {
  code: string;
  attribute: string;
  sort_order: number;
  labels: Labels;
}

export interface AttributeGroup {
  code: string;
  sort_order: number;
  attributes: string[];
  labels: Labels;
}

export interface Channel {
  code: string;
  currencies: string[];
  locales: string[];
  category_tree: string;
  conversion_units: Record<string, string>;
  labels: Labels;
}

export interface Locale {
  code: string;
  enabled: boolean;
}

export interface Currency {
  code: string;
  enabled: boolean;
  label: string;
}

/** A category; `position` is only served with `with_position=true`, and `updated` is ISO 8601. */
export interface Category {
  code: string;
  parent: string | null;
  updated: string;
  labels: Labels;
}

export interface Family {
  code: string;
  attributes: string[];
  attribute_as_label: string;
  attribute_as_image: string | null;
  attribute_requirements: Record<string, string[]>;
  labels: Labels;
}

export interface VariantAttributeSet {
  level: number;
  axes: string[];
  attributes: string[];
}

export interface FamilyVariant {
  code: string;
  labels: Labels;
  variant_attribute_sets: VariantAttributeSet[];
}

export interface AssociationType {
  code: string;
  labels: Labels;
  is_quantified: boolean;
  is_two_way: boolean;
}

export interface Association {
  products: string[];
  product_models: string[];
  groups: string[];
}

/** What products and product models store alike. `values === null` means "generate from `seed`". Times are epoch seconds. */
interface StoredItem {
  parent: string | null;
  categories: string[];
  created: number;
  updated: number;
  associations: Record<string, Association>;
  quantified_associations: Record<string, unknown>;
  values: Values | null;
  seed: number;
  /** Axis values chosen at generation time (variants), used by lazy value generation. */
  axes?: Record<string, string>;
}

/** A product as stored. */
export interface ProductRecord extends StoredItem {
  uuid: string;
  identifier: string | null;
  enabled: boolean;
  family: string | null;
  groups: string[];
}

/** A product model as stored. */
export interface ProductModelRecord extends StoredItem {
  code: string;
  family: string;
  family_variant: string;
}

/** A media file's metadata; `bytes` is absent for generated files (their content derives from `seed`). */
export interface MediaFileRecord {
  code: string;
  original_filename: string;
  mime_type: string;
  size: number;
  extension: string;
  seed: number;
  bytes?: Uint8Array;
}
