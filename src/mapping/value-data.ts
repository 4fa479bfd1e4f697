/**
 * Conversion of one Akeneo `data` to its canonical form and back, by attribute type
 * (NOTES.md §5 "The shape of data depends on the attribute type"). Amounts are numbers in the
 * canonical form; Akeneo sends them as strings when the attribute allows decimals.
 */
import type { CatalogAttribute } from "./mapping-types.js";

/** Turns media codes into links and back; built per mapper from the catalog. */
export interface MediaCodec {
  /** Canonical form of a media code: a link or the code, by `mediaFormat`. */
  toCanonical(code: string): string;
  /** Akeneo file code from a canonical media value (a code, or a link made by `toCanonical`). */
  toCode(value: string): string;
}

/** Akeneo data → canonical value. Unknown types and shapes pass through unchanged. */
export function toCanonicalData(type: string | undefined, data: unknown, media: MediaCodec): unknown {
  if (data === null || data === undefined) return data;
  switch (type) {
    case "pim_catalog_number":
      return toNumber(data);
    case "pim_catalog_metric":
      return isObject(data) ? { amount: toNumber(data["amount"]), unit: data["unit"] } : data;
    case "pim_catalog_price_collection":
      return Array.isArray(data) ? data.map(toCanonicalPrice) : data;
    case "pim_catalog_image":
    case "pim_catalog_file":
      return typeof data === "string" ? media.toCanonical(data) : data;
    default:
      return data;
  }
}

/** One Akeneo price `{amount, currency}` → `{amount: number, currency}`. */
export function toCanonicalPrice(price: unknown): unknown {
  return isObject(price) ? { amount: toNumber(price["amount"]), currency: price["currency"] } : price;
}

/** Canonical value → Akeneo data, for an attribute of the catalog. `null` stays null (it clears the value). */
export function toAkeneoData(attribute: CatalogAttribute, value: unknown, media: MediaCodec): unknown {
  if (value === null || value === undefined) return value;
  const decimals = attribute.decimalsAllowed === true;
  switch (attribute.type) {
    case "pim_catalog_number":
      return toAkeneoAmount(value, decimals);
    case "pim_catalog_metric":
      return isObject(value) ? { amount: toAkeneoAmount(value["amount"], decimals), unit: value["unit"] } : value;
    case "pim_catalog_price_collection":
      return Array.isArray(value) ? value.map((price) => toAkeneoPrice(price, decimals)) : value;
    case "pim_catalog_image":
    case "pim_catalog_file":
      return typeof value === "string" ? media.toCode(value) : value;
    default:
      return value;
  }
}

/** One canonical price → Akeneo's `{amount, currency}`. */
export function toAkeneoPrice(price: unknown, decimalsAllowed: boolean): unknown {
  return isObject(price) ? { amount: toAkeneoAmount(price["amount"], decimalsAllowed), currency: price["currency"] } : price;
}

/** A numeric string or number → number; anything else is returned unchanged. */
export function toNumber(value: unknown): unknown {
  if (typeof value !== "string" || value.trim() === "") return value;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}

/** An amount as Akeneo wants it: a decimal string when decimals are allowed, else the number. */
export function toAkeneoAmount(value: unknown, decimalsAllowed: boolean): unknown {
  if (typeof value !== "number" || !decimalsAllowed) return value;
  return formatDecimal(value);
}

/** A number in plain decimal notation (never exponent notation), e.g. 1e-7 → "0.0000001". */
export function formatDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, "");
}

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
