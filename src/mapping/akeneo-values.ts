/**
 * The push helpers: canonical fields → Akeneo `values` entries, locale/scope aware from the catalog.
 * A localizable attribute's canonical value is a `{ locale: value }` map and becomes one entry per
 * locale; a scopable one is written to the subscription's channel only. `null` clears a value;
 * an attribute left out of the canonical record is left untouched in Akeneo (PATCH semantics).
 */
import { ConnectorError } from "../errors.js";
import type { MappingContext } from "./mapping-context.js";
import type { CatalogAttribute } from "./mapping-types.js";
import { isObject, toAkeneoData } from "./value-data.js";

/** One Akeneo value entry as push writes it (never `linked_data` or `attribute_type`). */
export interface AkeneoValueEntry {
  locale: string | null;
  scope: string | null;
  data: unknown;
}

/** Akeneo `values`: attribute code → entries. */
export type AkeneoValuesObject = Record<string, AkeneoValueEntry[]>;

/** `$toValues(attributes)`: the whole canonical `attributes` object → Akeneo `values`. */
export function toAkeneoValues(ctx: MappingContext, attributes: unknown): AkeneoValuesObject {
  const out: AkeneoValuesObject = {};
  if (!isObject(attributes)) return out;
  for (const [code, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    const attribute = requireAttribute(ctx, code);
    const scope = attribute.scopable ? ctx.settings.channel : null;
    if (!attribute.localizable) {
      out[code] = [{ locale: null, scope, data: toAkeneoData(attribute, value, ctx.media) }];
      continue;
    }
    const locales = value === null ? ctx.settings.locales.map((locale) => [locale, null] as const) : localeEntries(code, value);
    out[code] = locales.map(([locale, data]) => ({ locale, scope, data: toAkeneoData(attribute, data, ctx.media) }));
  }
  return out;
}

/**
 * `$toLocalizedValue(code, map)`: a `{ locale: text }` map (the canonical `name`, `description`)
 * → `{ code: entries }`. For a non-localizable attribute, the value of the subscription's first
 * locale present in the map is written once. `null` clears every subscription locale; `{}` writes nothing.
 */
export function toLocalizedValue(ctx: MappingContext, code: string, map: unknown): AkeneoValuesObject {
  if (map === undefined) return {};
  const pairs = map === null ? ctx.settings.locales.map((locale) => [locale, null] as const) : localeEntries(code, map);
  if (pairs.length === 0) return {};
  const attribute = requireAttribute(ctx, code);
  const scope = attribute.scopable ? ctx.settings.channel : null;
  if (attribute.localizable) {
    return { [code]: pairs.map(([locale, data]) => ({ locale, scope, data: toAkeneoData(attribute, data, ctx.media) })) };
  }
  const chosen = ctx.settings.locales.map((locale) => pairs.find(([l]) => l === locale)).find((pair) => pair !== undefined) ?? pairs[0]!;
  return { [code]: [{ locale: null, scope, data: toAkeneoData(attribute, chosen[1], ctx.media) }] };
}

/**
 * `$toPriceValue(code, prices)`: the canonical `prices` → `{ code: [entry] }`. `[]` writes nothing
 * (a pulled product without prices stays without), `null` clears the value.
 */
export function toPriceValue(ctx: MappingContext, code: string, prices: unknown): AkeneoValuesObject {
  if (prices === undefined || (Array.isArray(prices) && prices.length === 0)) return {};
  const attribute = requireAttribute(ctx, code);
  const scope = attribute.scopable ? ctx.settings.channel : null;
  const locale = attribute.localizable ? (ctx.settings.locales[0] ?? null) : null;
  return { [code]: [{ locale, scope, data: toAkeneoData(attribute, prices, ctx.media) }] };
}

/** `$toIdentifierValue(sku)`: the identifier attribute's value; `{}` when the sku is null or absent. */
export function toIdentifierValue(ctx: MappingContext, sku: unknown): AkeneoValuesObject {
  if (sku === null || sku === undefined) return {};
  const code = ctx.identifierAttribute ?? "sku";
  return { [code]: [{ locale: null, scope: null, data: sku }] };
}

function localeEntries(code: string, value: unknown): Array<readonly [string, unknown]> {
  if (!isObject(value)) {
    throw new ConnectorError(`[mapping] attribute "${code}" is localizable: its value must be an object of locale → value`, {
      code: "MAPPING_FAILED",
      kind: "data",
    });
  }
  return Object.entries(value).filter(([, data]) => data !== undefined);
}

function requireAttribute(ctx: MappingContext, code: string): CatalogAttribute {
  const attribute = ctx.catalog.attributes.get(code);
  if (attribute) return attribute;
  throw new ConnectorError(`[mapping] unknown attribute "${code}": it is not in the catalog, so it cannot be written`, {
    code: "MAPPING_FAILED",
    kind: "data",
  });
}
