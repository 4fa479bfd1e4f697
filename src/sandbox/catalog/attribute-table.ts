/**
 * The sandbox's attributes (47, every common type), as compact rows expanded into Akeneo's
 * `GET /attributes` format by `buildAttributes()`.
 */
import type { Attribute, AttributeGroup, AttributeType, Labels } from "./types.js";

interface Extra {
  decimals?: boolean;
  metric?: [family: string, unit: string];
  unique?: boolean;
  maxChars?: number;
  extensions?: string[];
  wysiwyg?: boolean;
}
type Row = [code: string, type: string, group: string, loc: 0 | 1, scope: 0 | 1, en: string, fr: string, de: string, extra?: Extra];

const IMG = ["jpg", "jpeg", "png", "gif"];
const ROWS: readonly Row[] = [
  ["sku", "identifier", "general", 0, 0, "SKU", "SKU", "SKU", { unique: true }],
  ["name", "text", "general", 1, 0, "Name", "Nom", "Name", { maxChars: 255 }],
  ["ean", "text", "general", 0, 0, "EAN", "EAN", "EAN", { unique: true, maxChars: 13 }],
  ["supplier_ref", "text", "erp", 0, 0, "Supplier reference", "Référence fournisseur", "Lieferantenreferenz"],
  ["meta_title", "text", "marketing", 1, 1, "Meta title", "Méta-titre", "Meta-Titel", { maxChars: 255 }],
  ["model_number", "text", "technical", 0, 0, "Model number", "Numéro de modèle", "Modellnummer"],
  ["care_label", "text", "technical", 1, 0, "Care label", "Étiquette d'entretien", "Pflegeetikett"],
  ["keywords", "text", "marketing", 1, 0, "Keywords", "Mots-clés", "Schlüsselwörter"],
  ["description", "textarea", "marketing", 1, 1, "Description", "Description", "Beschreibung", { wysiwyg: true }],
  ["short_description", "textarea", "marketing", 1, 1, "Short description", "Description courte", "Kurzbeschreibung"],
  ["care_instructions", "textarea", "technical", 1, 0, "Care instructions", "Conseils d'entretien", "Pflegehinweise"],
  ["technical_notes", "textarea", "technical", 0, 0, "Technical notes", "Notes techniques", "Technische Hinweise"],
  ["stock", "number", "erp", 0, 0, "Stock", "Stock", "Bestand"],
  ["warranty_months", "number", "technical", 0, 0, "Warranty (months)", "Garantie (mois)", "Garantie (Monate)"],
  ["min_order_qty", "number", "erp", 0, 0, "Minimum order quantity", "Quantité minimale", "Mindestbestellmenge"],
  ["rating", "number", "marketing", 0, 0, "Rating", "Note", "Bewertung", { decimals: true }],
  ["weight", "metric", "technical", 0, 0, "Weight", "Poids", "Gewicht", { decimals: true, metric: ["Weight", "KILOGRAM"] }],
  ["length", "metric", "technical", 0, 0, "Length", "Longueur", "Länge", { decimals: true, metric: ["Length", "CENTIMETER"] }],
  ["width", "metric", "technical", 0, 0, "Width", "Largeur", "Breite", { decimals: true, metric: ["Length", "CENTIMETER"] }],
  ["height", "metric", "technical", 0, 0, "Height", "Hauteur", "Höhe", { decimals: true, metric: ["Length", "CENTIMETER"] }],
  ["volume", "metric", "technical", 0, 0, "Volume", "Volume", "Volumen", { decimals: true, metric: ["Volume", "LITER"] }],
  ["power", "metric", "technical", 0, 0, "Power", "Puissance", "Leistung", { metric: ["Power", "WATT"] }],
  ["price", "price_collection", "pricing", 0, 0, "Price", "Prix", "Preis", { decimals: true }],
  ["cost_price", "price_collection", "erp", 0, 0, "Cost price", "Prix de revient", "Einstandspreis", { decimals: true }],
  ["msrp", "price_collection", "pricing", 0, 1, "MSRP", "Prix conseillé", "UVP", { decimals: true }],
  ["waterproof", "boolean", "technical", 0, 0, "Waterproof", "Étanche", "Wasserdicht"],
  ["eco_friendly", "boolean", "marketing", 0, 0, "Eco-friendly", "Écologique", "Umweltfreundlich"],
  ["featured", "boolean", "marketing", 0, 1, "Featured", "Mis en avant", "Hervorgehoben"],
  ["requires_assembly", "boolean", "technical", 0, 0, "Requires assembly", "À monter", "Montage erforderlich"],
  ["release_date", "date", "marketing", 0, 0, "Release date", "Date de sortie", "Erscheinungsdatum"],
  ["end_of_life_date", "date", "erp", 0, 0, "End of life", "Fin de vie", "Lebensende"],
  ["color", "simpleselect", "general", 0, 0, "Color", "Couleur", "Farbe"],
  ["size", "simpleselect", "general", 0, 0, "Size", "Taille", "Größe"],
  ["brand", "simpleselect", "general", 0, 0, "Brand", "Marque", "Marke"],
  ["country_of_origin", "simpleselect", "erp", 0, 0, "Country of origin", "Pays d'origine", "Herkunftsland"],
  ["season", "simpleselect", "marketing", 0, 0, "Season", "Saison", "Saison"],
  ["gender", "simpleselect", "general", 0, 0, "Gender", "Genre", "Geschlecht"],
  ["shoe_size", "simpleselect", "general", 0, 0, "Shoe size", "Pointure", "Schuhgröße"],
  ["materials", "multiselect", "technical", 0, 0, "Materials", "Matières", "Materialien"],
  ["certifications", "multiselect", "technical", 0, 0, "Certifications", "Certifications", "Zertifizierungen"],
  ["compatible_devices", "multiselect", "technical", 0, 0, "Compatible devices", "Appareils compatibles", "Kompatible Geräte"],
  ["occasions", "multiselect", "marketing", 0, 0, "Occasions", "Occasions", "Anlässe"],
  ["image", "image", "media", 0, 0, "Image", "Image", "Bild", { extensions: IMG }],
  ["swatch_image", "image", "media", 0, 0, "Swatch", "Échantillon", "Farbmuster", { extensions: IMG }],
  ["lifestyle_image", "image", "media", 0, 1, "Lifestyle image", "Image d'ambiance", "Lifestyle-Bild", { extensions: IMG }],
  ["user_manual", "file", "media", 1, 0, "User manual", "Mode d'emploi", "Bedienungsanleitung", { extensions: ["pdf"] }],
  ["safety_datasheet", "file", "media", 0, 0, "Safety datasheet", "Fiche de sécurité", "Sicherheitsdatenblatt", { extensions: ["pdf", "txt"] }],
];

/** Attribute groups: code, sort order, labels. */
const GROUPS: ReadonlyArray<[string, number, Labels]> = [
  ["general", 1, { en_US: "General", fr_FR: "Général", de_DE: "Allgemein" }],
  ["marketing", 2, { en_US: "Marketing", fr_FR: "Marketing", de_DE: "Marketing" }],
  ["technical", 3, { en_US: "Technical", fr_FR: "Technique", de_DE: "Technisch" }],
  ["pricing", 4, { en_US: "Pricing", fr_FR: "Prix", de_DE: "Preise" }],
  ["media", 5, { en_US: "Media", fr_FR: "Médias", de_DE: "Medien" }],
  ["erp", 6, { en_US: "ERP", fr_FR: "ERP", de_DE: "ERP" }],
];

/**
 * Row type → attribute type, as literals: V8 interns string literals, so the `switch (attribute.type)`
 * run for every value written or generated compares pointers instead of characters.
 */
const FULL_TYPES: Readonly<Record<string, AttributeType>> = {
  identifier: "pim_catalog_identifier", text: "pim_catalog_text", textarea: "pim_catalog_textarea", number: "pim_catalog_number",
  metric: "pim_catalog_metric", price_collection: "pim_catalog_price_collection", boolean: "pim_catalog_boolean", date: "pim_catalog_date",
  simpleselect: "pim_catalog_simpleselect", multiselect: "pim_catalog_multiselect", image: "pim_catalog_image", file: "pim_catalog_file",
};

/** Build the attribute groups (with their attribute lists) and the attributes. */
export function buildAttributes(): { attributes: Attribute[]; groups: AttributeGroup[] } {
  const groupLabels = new Map(GROUPS.map(([code, , labels]) => [code, labels]));
  const attributes = ROWS.map(([code, type, group, loc, scope, en, fr, de, extra = {}], index): Attribute => {
    const fullType = FULL_TYPES[type]!;
    const numeric = type === "number" || type === "metric" || type === "price_collection";
    return {
      code, type: fullType, group, unique: extra.unique ?? false, useable_as_grid_filter: true,
      allowed_extensions: extra.extensions ?? [],
      metric_family: extra.metric?.[0] ?? null, default_metric_unit: extra.metric?.[1] ?? null,
      reference_data_name: null, available_locales: [],
      max_characters: extra.maxChars ?? null, validation_rule: null, validation_regexp: null,
      wysiwyg_enabled: type === "textarea" ? (extra.wysiwyg ?? false) : null,
      number_min: null, number_max: null,
      decimals_allowed: numeric && type !== "price_collection" ? (extra.decimals ?? false) : type === "price_collection" ? true : null,
      negative_allowed: type === "number" || type === "metric" ? false : null,
      date_min: null, date_max: null, max_file_size: null, minimum_input_length: null,
      sort_order: index + 1, localizable: loc === 1, scopable: scope === 1, default_value: null,
      labels: { en_US: en, fr_FR: fr, de_DE: de }, group_labels: { ...(groupLabels.get(group) ?? {}) },
    };
  });
  const groups = GROUPS.map(([code, sortOrder, labels]): AttributeGroup => ({
    code, sort_order: sortOrder, attributes: attributes.filter((a) => a.group === code).map((a) => a.code), labels: { ...labels },
  }));
  return { attributes, groups };
}
