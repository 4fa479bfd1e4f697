/**
 * A catalog guessed from sample records, so `akeneo-connector map` works offline without a
 * `--catalog` file. Pull input (Akeneo records): localizable/scopable when some value has a
 * non-null locale/scope; the type from `attribute_type` when Akeneo sent it, else from the data's
 * shape; option labels from `linked_data`. Push input (canonical records): localizable when the
 * value is a locale map; never scopable (the sample cannot tell). Guesses only: pass a real catalog
 * for anything that matters.
 */
import { createMappingCatalog, type OptionLabelsData } from "./create-mapping-catalog.js";
import type { MappingCatalog, MappingDirection, MappingSettings } from "./mapping-types.js";
import { isObject } from "./value-data.js";

interface Guess {
  code: string;
  type?: string;
  localizable: boolean;
  scopable: boolean;
  decimals_allowed?: boolean;
}

const LOCALE = /^[a-z]{2,3}(_[A-Za-z0-9]{2,4})+$/;
const MEDIA_CODE = /^[0-9a-f](\/[0-9a-f]){3}\/[0-9a-f]+_/;

/** The attribute type a `data` value looks like, and whether its amounts carry decimals. */
export function guessAttributeType(code: string, data: unknown): { type: string; decimals?: boolean } | undefined {
  if (data === null || data === undefined) return undefined;
  if (typeof data === "boolean") return { type: "pim_catalog_boolean" };
  if (typeof data === "number") return { type: "pim_catalog_number", decimals: !Number.isInteger(data) };
  if (typeof data === "string") {
    if (code === "sku") return { type: "pim_catalog_identifier" };
    if (MEDIA_CODE.test(data) || /\/media-files\/.+\/download$/.test(data)) return { type: "pim_catalog_image" };
    if (/^\d{4}-\d{2}-\d{2}T/.test(data)) return { type: "pim_catalog_date" };
    return { type: "pim_catalog_text" };
  }
  if (Array.isArray(data)) {
    const first: unknown = data[0];
    if (isObject(first) && "currency" in first) return { type: "pim_catalog_price_collection", decimals: typeof first["amount"] === "string" || !Number.isInteger(first["amount"]) };
    if (isObject(first)) return { type: "pim_catalog_table" };
    return { type: "pim_catalog_multiselect" };
  }
  if (isObject(data) && "amount" in data && "unit" in data) return { type: "pim_catalog_metric", decimals: typeof data["amount"] === "string" || !Number.isInteger(data["amount"]) };
  if (isObject(data) && "type" in data) return { type: "pim_catalog_product_link" };
  return undefined;
}

function note(guesses: Map<string, Guess>, code: string, data: unknown, flags: { locale?: boolean; scope?: boolean; type?: string }): void {
  const guess = guesses.get(code) ?? { code, localizable: false, scopable: false };
  guesses.set(code, guess);
  guess.localizable ||= flags.locale === true;
  guess.scopable ||= flags.scope === true;
  const shaped = guessAttributeType(code, data);
  guess.type ??= flags.type ?? shaped?.type;
  if (shaped?.decimals) guess.decimals_allowed = true;
}

function deriveFromAkeneo(records: readonly object[], guesses: Map<string, Guess>, labels: Record<string, OptionLabelsData>): void {
  for (const record of records) {
    const values = (record as Record<string, unknown>)["values"];
    if (!isObject(values)) continue;
    for (const [code, entries] of Object.entries(values)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries as Array<Record<string, unknown>>) {
        const type = typeof entry["attribute_type"] === "string" ? entry["attribute_type"] : undefined;
        const hasLabels = isObject(entry["linked_data"]);
        note(guesses, code, entry["data"], { locale: entry["locale"] != null, scope: entry["scope"] != null, type: type ?? (hasLabels && typeof entry["data"] === "string" ? "pim_catalog_simpleselect" : undefined) });
        if (hasLabels) collectLinkedLabels(code, entry["linked_data"] as Record<string, unknown>, labels);
      }
    }
  }
}

function collectLinkedLabels(code: string, linked: Record<string, unknown>, labels: Record<string, OptionLabelsData>): void {
  const options = "code" in linked ? [linked] : Object.values(linked);
  for (const option of options) {
    if (isObject(option) && typeof option["code"] === "string" && isObject(option["labels"])) {
      (labels[code] ??= {})[option["code"]] = option["labels"] as Record<string, string>;
    }
  }
}

function deriveFromCanonical(records: readonly object[], settings: MappingSettings, guesses: Map<string, Guess>): void {
  for (const record of records) {
    const r = record as Record<string, unknown>;
    if (r["sku"] !== undefined) guesses.set("sku", { code: "sku", type: "pim_catalog_identifier", localizable: false, scopable: false });
    if (isObject(r["name"])) note(guesses, settings.nameAttribute, undefined, { locale: true, type: "pim_catalog_text" });
    if (isObject(r["description"])) note(guesses, settings.descriptionAttribute, undefined, { locale: true, type: "pim_catalog_textarea" });
    if (Array.isArray(r["prices"])) note(guesses, settings.priceAttribute, r["prices"], { type: "pim_catalog_price_collection" });
    if (!isObject(r["attributes"])) continue;
    for (const [code, value] of Object.entries(r["attributes"])) {
      const localized = isObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => LOCALE.test(key));
      for (const data of localized ? Object.values(value as object) : [value]) note(guesses, code, data, { locale: localized });
    }
  }
}

/** A catalog guessed from `records` (Akeneo records on pull, canonical ones on push). */
export function deriveCatalog(records: readonly object[], direction: MappingDirection, settings: MappingSettings, baseUrl?: string): MappingCatalog {
  const guesses = new Map<string, Guess>();
  const labels: Record<string, OptionLabelsData> = {};
  if (direction === "pull") deriveFromAkeneo(records, guesses, labels);
  else deriveFromCanonical(records, settings, guesses);
  const attributes = [...guesses.values()].map((guess) => ({ ...guess, type: guess.type ?? "pim_catalog_text" }));
  return createMappingCatalog({ attributes, optionLabels: labels, ...(baseUrl === undefined ? {} : { baseUrl }) });
}
