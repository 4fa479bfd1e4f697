/**
 * The pull helpers behind `$attributes`, `$prices`, `$price`, `$metric`, `$identifier`, `$utc`,
 * `$object` and `$lookup`: plain functions of the mapper context, so they can be tested and reused
 * without JSONata. Each one reads the record's `values` once, no JSONata path filters.
 */
import { ConnectorError } from "../errors.js";
import type { MappingContext } from "./mapping-context.js";
import { entriesOf, findEntry, readAttribute, readValue } from "./value-reader.js";
import { isObject, toCanonicalPrice, toNumber } from "./value-data.js";

/**
 * Every value of the record except the identifier, name, description and price attributes (and
 * `exclude`), as canonical `attributes` (see `readAttribute` for the per-attribute shape).
 */
export function buildAttributes(ctx: MappingContext, values: unknown, exclude?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isObject(values)) return out;
  for (const code of Object.keys(values)) {
    if (ctx.reserved.has(code) || exclude?.includes(code)) continue;
    const entries = entriesOf(values, code);
    if (!entries) continue;
    const value = readAttribute(ctx, code, entries);
    if (value !== undefined) out[code] = value;
  }
  return out;
}

/** The prices of a price-collection attribute (default: the `priceAttribute` setting) as `[{amount, currency}]`. */
export function readPrices(ctx: MappingContext, values: unknown, code?: string): unknown[] {
  const value = readValue(ctx, values, code ?? ctx.settings.priceAttribute);
  return Array.isArray(value) ? value.map(toCanonicalPrice) : [];
}

/** The amount in `currency`, or undefined when the product has no price in it. */
export function readPrice(ctx: MappingContext, values: unknown, currency: string, code?: string): unknown {
  for (const price of readPrices(ctx, values, code)) {
    if (isObject(price) && price["currency"] === currency) return price["amount"];
  }
  return undefined;
}

/** A metric value as `{amount: number, unit}`, whatever the catalog says about the attribute. */
export function readMetric(ctx: MappingContext, values: unknown, code: string, locale?: string, channel?: string): unknown {
  const value = readValue(ctx, values, code, locale, channel);
  return isObject(value) && "amount" in value ? { amount: toNumber(value["amount"]), unit: value["unit"] } : undefined;
}

/**
 * The product's identifier (the value of the catalog's `pim_catalog_identifier` attribute), or
 * null. Without a catalog identifier attribute, the value whose `attribute_type` says identifier,
 * else the `sku` value.
 */
export function readIdentifier(ctx: MappingContext, values: unknown): string | null {
  if (!isObject(values)) return null;
  let code = ctx.identifierAttribute;
  if (code === undefined) {
    code = Object.keys(values).find((key) => entriesOf(values, key)?.[0]?.attribute_type === "pim_catalog_identifier") ?? "sku";
  }
  const entries = code === undefined ? undefined : entriesOf(values, code);
  const data = entries ? findEntry(entries, null, null)?.data : undefined;
  return typeof data === "string" ? data : null;
}

/**
 * Akeneo's own form already in UTC (`2016-06-23T16:24:44+00:00`), with a day and time that cannot
 * roll over (day ≤ 28): only its offset needs rewriting. Every other date goes through `Date`, which
 * also rolls impossible days over (`2016-02-30` is March 1), as it always did.
 */
const UTC_SECONDS = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\+00:00$/;

/** An ISO 8601 date with any offset → the same instant in UTC (`2016-06-23T16:24:44Z`); null stays null. */
export function toUtc(date: unknown): string | null {
  if (date === null || date === undefined || date === "") return null;
  if (typeof date === "string" && UTC_SECONDS.test(date)) return `${date.slice(0, 19)}Z`;
  const parsed = typeof date === "string" || typeof date === "number" ? new Date(date) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw new ConnectorError(`[mapping] $utc: ${JSON.stringify(date)} is not a date`, { code: "MAPPING_FAILED", kind: "data" });
  }
  return parsed.toISOString().replace(/\.000Z$/, "Z");
}

/** An object (labels, requirements, conversion units) as an object: Akeneo's PHP side sends an empty one as `[]`, or null. */
export function toObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

/** `$lookup(table, key, default)`: a value from the subscription's lookup tables. An unknown table fails. */
export function lookup(ctx: MappingContext, table: string, key: unknown, fallback?: unknown): unknown {
  const rows = ctx.lookups[table];
  if (!rows) {
    const known = Object.keys(ctx.lookups);
    throw new ConnectorError(`[mapping] $lookup: no lookup table "${table}"; known tables: ${known.length ? known.join(", ") : "(none)"}`, {
      code: "MAPPING_FAILED",
      kind: "config",
    });
  }
  const found = key === null || key === undefined ? undefined : Object.hasOwn(rows, String(key)) ? rows[String(key)] : undefined;
  return found === undefined ? fallback : found;
}
