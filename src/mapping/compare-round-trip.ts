/**
 * The round-trip check: after pulling an Akeneo record and pushing the canonical result back, the
 * push payload must equal the original on every mapped field, i.e. the PATCH would change nothing.
 * Pure: verification and tests call it with records they already have.
 */
import { isObject } from "./value-data.js";

export interface RoundTripOptions {
  /** Entity name; selects the default `fields`. */
  entity: string;
  /** The subscription's channel: values of other channels are not mapped. */
  channel: string;
  /** The subscription's locales: values of other locales are not mapped. */
  locales: readonly string[];
  /** Top-level fields that must round-trip. Default `ROUND_TRIP_FIELDS[entity]`; any other field the payload carries is compared too. */
  fields?: readonly string[];
}

/**
 * One field that would change. `path` is a JSON pointer into the Akeneo record; a value is named
 * `/values/<attribute>/<locale>/<scope>` with `null` for "no locale" or "no scope".
 */
export interface RoundTripDifference {
  path: string;
  original: unknown;
  pushed: unknown;
}

/** The fields the default push mappings write, per two-way entity (`values` is compared per entry). */
export const ROUND_TRIP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  products: ["enabled", "family", "parent", "categories", "values"],
  product_models: ["code", "family_variant", "parent", "categories", "values"],
  categories: ["code", "parent", "labels"],
  families: ["code", "attributes", "attribute_as_label", "attribute_as_image", "attribute_requirements", "labels"],
  attributes: ["code", "type", "group", "localizable", "scopable", "unique", "labels", "sort_order", "useable_as_grid_filter", "available_locales",
    "metric_family", "default_metric_unit", "decimals_allowed", "negative_allowed", "number_min", "number_max", "max_characters", "validation_rule",
    "validation_regexp", "wysiwyg_enabled", "allowed_extensions", "max_file_size", "date_min", "date_max", "reference_data_name"],
  attribute_options: ["code", "attribute", "sort_order", "labels"],
};

// Read-only parts of a value's data that Akeneo adds and a payload never carries.
const READ_ONLY_DATA_KEYS = new Set(["symbol"]);

/**
 * Differences between `original` (as Akeneo returned it) and `pushed` (the push payload). Values
 * count only for the subscription's channel (or no scope) and locales (or no locale). Equal means:
 * numbers equal as numbers ("15.50" = 15.5), and null, absent, `[]` and `{}` all mean "no value".
 */
export function compareRoundTrip(original: object, pushed: object, options: RoundTripOptions): RoundTripDifference[] {
  const o = original as Record<string, unknown>;
  const p = pushed as Record<string, unknown>;
  const fields = new Set([...(options.fields ?? ROUND_TRIP_FIELDS[options.entity] ?? []), ...Object.keys(p)]);
  const differences: RoundTripDifference[] = [];
  for (const field of fields) {
    if (field === "values") differences.push(...compareValues(o["values"], p["values"], options));
    else if (!sameValue(o[field], p[field])) differences.push({ path: `/${escape(field)}`, original: o[field], pushed: p[field] });
  }
  return differences;
}

function compareValues(original: unknown, pushed: unknown, options: RoundTripOptions): RoundTripDifference[] {
  const inScope = (locale: string | null, scope: string | null): boolean =>
    (locale === null || options.locales.includes(locale)) && (scope === null || scope === options.channel);
  const before = flattenValues(original, inScope);
  const after = flattenValues(pushed, () => true);
  const differences: RoundTripDifference[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (!sameValue(a, b, true)) differences.push({ path: `/values/${key}`, original: a, pushed: b });
  }
  return differences;
}

function flattenValues(values: unknown, keep: (locale: string | null, scope: string | null) => boolean): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isObject(values)) return out;
  for (const [code, entries] of Object.entries(values)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as Array<Record<string, unknown>>) {
      const locale = typeof entry["locale"] === "string" ? entry["locale"] : null;
      const scope = typeof entry["scope"] === "string" ? entry["scope"] : null;
      if (keep(locale, scope)) out.set(`${escape(code)}/${locale ?? "null"}/${scope ?? "null"}`, entry["data"]);
    }
  }
  return out;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Equality as Akeneo would see it after a PATCH (see `compareRoundTrip`). */
export function sameValue(a: unknown, b: unknown, inData = false): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (a === b) return true;
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined && (typeof a === "number" || typeof b === "number" || inData)) return x === y;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i], inData));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (inData && READ_ONLY_DATA_KEYS.has(key)) continue;
      if (!sameValue(a[key], b[key], inData)) return false;
    }
    return true;
  }
  return false;
}

function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
