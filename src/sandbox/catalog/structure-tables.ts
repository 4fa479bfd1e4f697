/** Fixed catalog structure: locales, currencies, channels, category trees and association types. */
import type { AssociationType, Category, Channel, Currency, Labels, Locale } from "./types.js";

/** The locales enabled in at least one channel. */
export const ENABLED_LOCALES = ["de_DE", "en_US", "fr_FR"] as const;

/** Locales: the three enabled ones plus a few disabled ones, sorted by code. */
export function buildLocales(): Locale[] {
  const disabled = ["es_ES", "it_IT", "ja_JP", "nl_NL", "pl_PL", "pt_BR", "sv_SE", "zh_CN"];
  return [...ENABLED_LOCALES.map((code) => ({ code, enabled: true })), ...disabled.map((code) => ({ code, enabled: false }))]
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Currencies: USD and EUR enabled, a few others disabled. */
export function buildCurrencies(): Currency[] {
  const rows: Array<[string, boolean, string]> = [
    ["CHF", false, "Swiss franc"], ["EUR", true, "Euro"], ["GBP", false, "British pound"], ["JPY", false, "Japanese yen"], ["USD", true, "US dollar"],
  ];
  return rows.map(([code, enabled, label]) => ({ code, enabled, label }));
}

/** Channels: `ecommerce` (tree `master`, 3 locales) and `mobile` (tree `mobile_catalog`, 2 locales). */
export function buildChannels(): Channel[] {
  return [
    {
      code: "ecommerce", currencies: ["USD", "EUR"], locales: ["en_US", "fr_FR", "de_DE"], category_tree: "master",
      conversion_units: { weight: "KILOGRAM" }, labels: { en_US: "Ecommerce", fr_FR: "E-commerce", de_DE: "E-Commerce" },
    },
    {
      code: "mobile", currencies: ["USD", "EUR"], locales: ["en_US", "fr_FR"], category_tree: "mobile_catalog",
      conversion_units: {}, labels: { en_US: "Mobile", fr_FR: "Mobile", de_DE: "Mobil" },
    },
  ];
}

type CategoryRow = [code: string, parent: string | null, en: string, fr: string, de: string];
const CATEGORY_ROWS: readonly CategoryRow[] = [
  ["master", null, "Master catalog", "Catalogue principal", "Hauptkatalog"],
  ["clothing", "master", "Clothing", "Vêtements", "Kleidung"],
  ["men", "clothing", "Men", "Homme", "Herren"],
  ["women", "clothing", "Women", "Femme", "Damen"],
  ["kids", "clothing", "Kids", "Enfant", "Kinder"],
  ["shoes", "master", "Shoes", "Chaussures", "Schuhe"],
  ["running", "shoes", "Running", "Course", "Laufen"],
  ["hiking", "shoes", "Hiking", "Randonnée", "Wandern"],
  ["casual_shoes", "shoes", "Casual", "Ville", "Freizeit"],
  ["accessories", "master", "Accessories", "Accessoires", "Accessoires"],
  ["bags", "accessories", "Bags", "Sacs", "Taschen"],
  ["hats", "accessories", "Hats", "Chapeaux", "Hüte"],
  ["watches", "accessories", "Watches", "Montres", "Uhren"],
  ["electronics", "master", "Electronics", "Électronique", "Elektronik"],
  ["audio", "electronics", "Audio", "Audio", "Audio"],
  ["cameras", "electronics", "Cameras", "Appareils photo", "Kameras"],
  ["phones", "electronics", "Phones", "Téléphones", "Telefone"],
  ["home", "master", "Home", "Maison", "Haus"],
  ["kitchen", "home", "Kitchen", "Cuisine", "Küche"],
  ["furniture", "home", "Furniture", "Meubles", "Möbel"],
  ["decor", "home", "Decor", "Décoration", "Dekoration"],
  ["outdoor", "master", "Outdoor", "Plein air", "Outdoor"],
  ["camping", "outdoor", "Camping", "Camping", "Camping"],
  ["cycling", "outdoor", "Cycling", "Cyclisme", "Radsport"],
  ["mobile_catalog", null, "Mobile catalog", "Catalogue mobile", "Mobilkatalog"],
  ["mobile_featured", "mobile_catalog", "Featured", "À la une", "Empfohlen"],
  ["mobile_new", "mobile_catalog", "New arrivals", "Nouveautés", "Neuheiten"],
  ["mobile_sale", "mobile_catalog", "Sale", "Soldes", "Sale"],
  ["suppliers", null, "Suppliers", "Fournisseurs", "Lieferanten"],
  ["supplier_north", "suppliers", "North supplier", "Fournisseur nord", "Lieferant Nord"],
  ["supplier_south", "suppliers", "South supplier", "Fournisseur sud", "Lieferant Süd"],
];

/** Categories in tree order, with `updated` spread over the months before `referenceSeconds`. */
export function buildCategories(referenceSeconds: number): Category[] {
  return CATEGORY_ROWS.map(([code, parent, en, fr, de], index): Category => {
    const labels: Labels = { en_US: en, fr_FR: fr, de_DE: de };
    const updated = referenceSeconds - (CATEGORY_ROWS.length - index) * 9 * 86400 - index * 3671;
    return { code, parent, updated: formatIsoSeconds(updated), labels };
  });
}

/** Association types: four plain ones and one quantified (`PRODUCT_SET`). */
export function buildAssociationTypes(): AssociationType[] {
  const row = (code: string, en: string, quantified = false): AssociationType => ({
    code, labels: { en_US: en }, is_quantified: quantified, is_two_way: false,
  });
  return [row("PACK", "Pack"), row("PRODUCT_SET", "Product set", true), row("SUBSTITUTION", "Substitution"), row("UPSELL", "Upsell"), row("X_SELL", "Cross sell")];
}

/** Epoch seconds → `2025-01-02T03:04:05+00:00`, the way Akeneo prints dates. */
export function formatIsoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}
