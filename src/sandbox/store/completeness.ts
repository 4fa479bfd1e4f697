/**
 * Product completeness the way Akeneo computes it: for each channel and each of its locales, the
 * share (floored percentage) of the family's required attributes that have a value there. A price
 * counts only when it has an amount in every currency of the channel.
 */
import type { ProductRecord, ValueEntry, Values } from "../catalog/types.js";
import { mergedValues } from "./product-view.js";
import type { SandboxStore } from "./sandbox-store.js";

export interface CompletenessEntry {
  scope: string;
  locale: string;
  data: number;
}

/** Completeness of a product on every channel/locale; empty when it has no family. */
export function productCompleteness(store: SandboxStore, record: ProductRecord, values?: Values): CompletenessEntry[] {
  const family = record.family === null ? undefined : store.families.get(record.family);
  if (!family) return [];
  const all = values ?? mergedValues(store, record);
  const out: CompletenessEntry[] = [];
  for (const channel of store.channels.list()) {
    const required = family.attribute_requirements[channel.code] ?? [];
    for (const locale of channel.locales) {
      let filled = 0;
      for (const code of required) if (isFilled(store, all[code], code, channel.code, locale, channel.currencies)) filled++;
      out.push({ scope: channel.code, locale, data: required.length === 0 ? 100 : Math.floor((100 * filled) / required.length) });
    }
  }
  return out;
}

function isFilled(store: SandboxStore, entries: ValueEntry[] | undefined, code: string, scope: string, locale: string, currencies: string[]): boolean {
  const attribute = store.attributes.get(code);
  if (!attribute || !entries) return false;
  const entry = entries.find((e) => (attribute.localizable ? e.locale === locale : true) && (attribute.scopable ? e.scope === scope : true));
  if (!entry || isEmptyData(entry.data)) return false;
  if (attribute.type === "pim_catalog_price_collection") {
    const prices = entry.data as Array<{ amount: unknown; currency: string }>;
    return currencies.every((c) => prices.some((p) => p.currency === c && p.amount !== null && p.amount !== ""));
  }
  return true;
}

/** Akeneo drops empty values: null, "", [] and objects without an amount. */
export function isEmptyData(data: unknown): boolean {
  if (data === null || data === undefined || data === "") return true;
  if (Array.isArray(data)) return data.length === 0;
  if (typeof data === "object" && "amount" in (data as object)) return (data as { amount: unknown }).amount === null;
  return false;
}
