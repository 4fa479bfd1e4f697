/**
 * Deterministic product values. A record's values are a pure function of its seed and attribute
 * list, so the sandbox can regenerate them for every response instead of holding millions of
 * value objects for a large catalog.
 */
import { createPrng, type Prng } from "../prng.js";
import { createValues } from "./create-values.js";
import { ENABLED_LOCALES } from "./structure-tables.js";
import type { Attribute, Channel, ValueEntry, Values } from "./types.js";

/** What value generation needs from the catalog. */
export interface ValueContext {
  attributes: ReadonlyMap<string, Attribute>;
  optionCodes: ReadonlyMap<string, readonly string[]>;
  channels: readonly Channel[];
  /** `valueSlots` of each attribute in `attributes`, worked out once (they never change: see SandboxStore). */
  slots: ReadonlyMap<string, readonly ValueSlot[]>;
  imageCodes: readonly string[];
  fileCodes: readonly string[];
}

const WORDS: Readonly<Record<string, { adj: string[]; noun: string[]; text: string[] }>> = {
  en_US: {
    adj: ["Classic", "Urban", "Light", "Premium", "Essential", "Compact", "Vintage", "Smart", "Alpine", "Soft"],
    noun: ["Jacket", "Backpack", "Lamp", "Speaker", "Sneaker", "Kettle", "Watch", "Tent", "Shirt", "Chair"],
    text: ["Made to last.", "Designed for everyday use.", "Easy to clean.", "A customer favourite.", "Sustainably sourced."],
  },
  fr_FR: {
    adj: ["Classique", "Urbain", "Léger", "Premium", "Essentiel", "Compact", "Vintage", "Malin", "Alpin", "Doux"],
    noun: ["Veste", "Sac à dos", "Lampe", "Enceinte", "Basket", "Bouilloire", "Montre", "Tente", "Chemise", "Chaise"],
    text: ["Conçu pour durer.", "Pensé pour le quotidien.", "Facile à nettoyer.", "Un favori des clients.", "Issu de sources durables."],
  },
  de_DE: {
    adj: ["Klassisch", "Urban", "Leicht", "Premium", "Essenziell", "Kompakt", "Vintage", "Smart", "Alpin", "Weich"],
    noun: ["Jacke", "Rucksack", "Lampe", "Lautsprecher", "Sneaker", "Wasserkocher", "Uhr", "Zelt", "Hemd", "Stuhl"],
    text: ["Für lange Haltbarkeit.", "Für den Alltag gemacht.", "Leicht zu reinigen.", "Ein Kundenliebling.", "Nachhaltig beschafft."],
  },
};

const PACK_SIZES = [1, 2, 6, 12, 24, 36];

const wordsFor = (locale: string | null) => WORDS[locale ?? "en_US"] ?? WORDS["en_US"]!;

/** A (locale, scope) pair. */
export type ValueSlot = [locale: string | null, scope: string | null];

/** The (locale, scope) pairs an attribute takes values for. */
export function valueSlots(attribute: Attribute, channels: readonly Channel[]): ValueSlot[] {
  if (attribute.localizable && attribute.scopable) return channels.flatMap((c) => c.locales.map((l): [string, string] => [l, c.code]));
  if (attribute.localizable) return ENABLED_LOCALES.map((l): [string, null] => [l, null]);
  if (attribute.scopable) return channels.map((c): [null, string] => [null, c.code]);
  return [[null, null]];
}

/**
 * Generate values for `codes` from `seed`. `fixed` gives data that must not be random (identifier,
 * variant axes); a code with fixed data is always filled, others with probability `fillRate`.
 */
export function generateValues(codes: readonly string[], seed: number, ctx: ValueContext, fixed: Readonly<Record<string, unknown>>, fillRate = 0.85): Values {
  const rng = createPrng(seed);
  const nameIdx: [number, number] = [rng.int(0, 9), rng.int(0, 9)];
  const values = createValues();
  // Entries are gathered here, then stored as an exact-size copy: an array grown by push keeps
  // room for 17 entries, which every stored product would carry (and the GC copy) for nothing.
  const gathered: ValueEntry[] = [];
  for (const code of codes) {
    const attribute = ctx.attributes.get(code);
    if (!attribute) continue;
    if (code in fixed) {
      if (fixed[code] !== null && fixed[code] !== undefined) values[code] = [{ locale: null, scope: null, data: fixed[code] }];
      continue;
    }
    if (attribute.type === "pim_catalog_identifier" || !rng.chance(fillRate)) continue;
    const slots = ctx.slots.get(code) ?? valueSlots(attribute, ctx.channels);
    let count = 0;
    for (let i = 0; i < slots.length; i++) {
      if (count > 0 && !rng.chance(0.92)) continue;
      const [locale, scope] = slots[i]!;
      gathered[count++] = { locale, scope, data: generateData(attribute, locale, rng, ctx, nameIdx) };
    }
    if (count > 0) values[code] = gathered.slice(0, count);
  }
  return values;
}

function generateData(attribute: Attribute, locale: string | null, rng: Prng, ctx: ValueContext, nameIdx: [number, number]): unknown {
  const words = wordsFor(locale);
  switch (attribute.type) {
    case "pim_catalog_text":
      return generateText(attribute.code, productName(words, nameIdx), words, rng);
    case "pim_catalog_textarea":
      return `${productName(words, nameIdx)}. ${rng.sample(words.text, rng.int(1, 3)).join(" ")}`;
    case "pim_catalog_number":
      return attribute.decimals_allowed ? (rng.int(10, 50) / 10).toFixed(1) : attribute.code === "stock" ? rng.int(0, 500) : rng.pick(PACK_SIZES);
    case "pim_catalog_metric": {
      const amount = attribute.decimals_allowed ? (rng.int(5, 5000) / 100).toFixed(2) : rng.int(5, 2000);
      return { amount, unit: attribute.default_metric_unit };
    }
    case "pim_catalog_price_collection": {
      const eur = rng.int(499, 29999) / 100;
      return [{ amount: eur.toFixed(2), currency: "EUR" }, { amount: (eur * 1.08).toFixed(2), currency: "USD" }];
    }
    case "pim_catalog_boolean":
      return rng.chance(0.5);
    case "pim_catalog_date":
      return `${rng.int(2022, 2026)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}T00:00:00+00:00`;
    case "pim_catalog_simpleselect":
      return rng.pick(ctx.optionCodes.get(attribute.code) ?? ["none"]);
    case "pim_catalog_multiselect":
      return rng.sample(ctx.optionCodes.get(attribute.code) ?? [], rng.int(1, 3));
    case "pim_catalog_image":
      return rng.pick(ctx.imageCodes);
    case "pim_catalog_file":
      return rng.pick(ctx.fileCodes);
    default:
      return null;
  }
}

/** The product's name in `words`' language (built only for the text values that use it). */
function productName(words: { adj: string[]; noun: string[] }, nameIdx: [number, number]): string {
  return `${words.adj[nameIdx[0]]} ${words.noun[nameIdx[1]]}`;
}

function generateText(code: string, name: string, words: { text: string[] }, rng: Prng): string {
  switch (code) {
    case "name":
      return name;
    case "ean":
      return String(rng.int(100000, 999999)) + String(rng.int(1000000, 9999999));
    case "supplier_ref":
      return `SUP-${rng.int(10000, 99999)}`;
    case "model_number":
      return `MN-${rng.int(100, 999)}-${String.fromCharCode(65 + rng.int(0, 25))}`;
    case "meta_title":
      return `${name} | Sandbox store`;
    default:
      return rng.sample(words.text, 1)[0] ?? name;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
