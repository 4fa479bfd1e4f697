/**
 * Reading Akeneo product values (`values: {attr: [{locale, scope, data}]}`) for the subscription's
 * channel and locales. Which of `locale`/`scope` matter comes from the catalog; for an attribute
 * the catalog does not know, from the entries themselves (a non-null locale means localizable).
 */
import type { MappingContext } from "./mapping-context.js";
import { toCanonicalData } from "./value-data.js";

/** One entry of an Akeneo `values[attribute]` array. `linked_data`/`attribute_type` are read-only extras. */
export interface AkeneoValue {
  locale?: string | null;
  scope?: string | null;
  data?: unknown;
  attribute_type?: string;
}

/** What decides how an attribute's values are read and written. */
export interface AttributeShape {
  type: string | undefined;
  localizable: boolean;
  scopable: boolean;
}

/** The entries of `code` in `values`, or undefined when there are none. */
export function entriesOf(values: unknown, code: string): AkeneoValue[] | undefined {
  if (typeof values !== "object" || values === null) return undefined;
  const entries = (values as Record<string, unknown>)[code];
  return Array.isArray(entries) && entries.length > 0 ? (entries as AkeneoValue[]) : undefined;
}

/** The catalog's view of `code`, or one derived from its entries when the catalog does not know it. */
export function shapeOf(ctx: MappingContext, code: string, entries: readonly AkeneoValue[]): AttributeShape {
  const known = ctx.catalog.attributes.get(code);
  if (known) return known;
  let localizable = false;
  let scopable = false;
  let type: string | undefined;
  for (const entry of entries) {
    if (entry.locale != null) localizable = true;
    if (entry.scope != null) scopable = true;
    type ??= entry.attribute_type;
  }
  return { type, localizable, scopable };
}

/** The entry for exactly (`locale`, `scope`), null meaning "not localizable/scopable". */
export function findEntry(entries: readonly AkeneoValue[], locale: string | null, scope: string | null): AkeneoValue | undefined {
  for (const entry of entries) {
    if ((entry.locale ?? null) === locale && (entry.scope ?? null) === scope) return entry;
  }
  return undefined;
}

function convert(ctx: MappingContext, shape: AttributeShape, entry: AkeneoValue | undefined): unknown {
  if (entry === undefined || entry.data === null || entry.data === undefined) return undefined;
  return toCanonicalData(shape.type, entry.data, ctx.media);
}

/**
 * One canonical value of `code`: scope = `channel` (default: the subscription's) when scopable;
 * locale = `locale` when localizable, falling back to the subscription's first locale when the
 * requested one has no value (and used directly when no locale is given). Undefined when absent.
 */
export function readValue(ctx: MappingContext, values: unknown, code: string, locale?: string, channel?: string): unknown {
  const entries = entriesOf(values, code);
  if (!entries) return undefined;
  const shape = shapeOf(ctx, code, entries);
  const scope = shape.scopable ? (channel ?? ctx.settings.channel) : null;
  if (!shape.localizable) return convert(ctx, shape, findEntry(entries, null, scope));
  const first = ctx.settings.locales[0] ?? null;
  const value = convert(ctx, shape, findEntry(entries, locale ?? first, scope));
  if (value !== undefined || locale === undefined || locale === first) return value;
  return convert(ctx, shape, findEntry(entries, first, scope));
}

/**
 * `{ locale: value }` of `code` for the subscription's locales (only those with a value). A
 * non-localizable attribute's single value is repeated under every locale.
 */
export function readLocalized(ctx: MappingContext, values: unknown, code: string, channel?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries = entriesOf(values, code);
  if (!entries) return out;
  const shape = shapeOf(ctx, code, entries);
  const scope = shape.scopable ? (channel ?? ctx.settings.channel) : null;
  if (!shape.localizable) {
    const value = convert(ctx, shape, findEntry(entries, null, scope));
    if (value !== undefined) for (const locale of ctx.settings.locales) out[locale] = value;
    return out;
  }
  for (const locale of ctx.settings.locales) {
    const value = convert(ctx, shape, findEntry(entries, locale, scope));
    if (value !== undefined) out[locale] = value;
  }
  return out;
}

/**
 * The canonical `attributes[code]`: a `{ locale: value }` map when the attribute is localizable
 * (undefined when no subscription locale has a value), the plain value otherwise.
 */
export function readAttribute(ctx: MappingContext, code: string, entries: readonly AkeneoValue[]): unknown {
  const shape = shapeOf(ctx, code, entries);
  const scope = shape.scopable ? ctx.settings.channel : null;
  if (!shape.localizable) return convert(ctx, shape, findEntry(entries, null, scope));
  let out: Record<string, unknown> | undefined;
  for (const locale of ctx.settings.locales) {
    const value = convert(ctx, shape, findEntry(entries, locale, scope));
    if (value !== undefined) (out ??= {})[locale] = value;
  }
  return out;
}
