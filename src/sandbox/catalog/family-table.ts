/** Families (attributes, label/image attributes, per-channel requirements) and family variants. */
import type { Family, FamilyVariant } from "./types.js";

const COMMON = ["sku", "name", "description", "price", "image", "ean", "stock", "release_date", "brand", "featured", "cost_price"];

type FamilyRow = [code: string, en: string, fr: string, de: string, extra: string[], ecommerce: string[], mobile: string[]];
const FAMILY_ROWS: readonly FamilyRow[] = [
  ["accessories", "Accessories", "Accessoires", "Accessoires",
    ["color", "materials", "weight", "length", "width", "height", "swatch_image", "waterproof", "occasions"],
    ["color"], []],
  ["clothing", "Clothing", "Vêtements", "Kleidung",
    ["short_description", "msrp", "color", "size", "materials", "gender", "season", "care_label", "care_instructions", "weight", "swatch_image", "lifestyle_image", "country_of_origin", "eco_friendly", "meta_title", "keywords", "supplier_ref"],
    ["color", "size"], []],
  ["electronics", "Electronics", "Électronique", "Elektronik",
    ["short_description", "msrp", "weight", "length", "width", "height", "power", "compatible_devices", "certifications", "warranty_months", "user_manual", "safety_datasheet", "end_of_life_date", "model_number", "technical_notes", "rating", "waterproof", "supplier_ref"],
    ["weight", "warranty_months"], ["short_description"]],
  ["home", "Home", "Maison", "Haushalt",
    ["color", "materials", "weight", "length", "width", "height", "volume", "requires_assembly", "eco_friendly", "certifications", "lifestyle_image", "rating", "care_instructions", "min_order_qty", "safety_datasheet"],
    ["materials"], []],
  ["outdoor", "Outdoor", "Plein air", "Outdoor",
    ["color", "size", "materials", "weight", "volume", "waterproof", "occasions", "rating", "warranty_months"],
    ["waterproof"], []],
  ["shoes", "Shoes", "Chaussures", "Schuhe",
    ["short_description", "msrp", "color", "shoe_size", "materials", "gender", "waterproof", "weight", "lifestyle_image", "country_of_origin", "meta_title", "supplier_ref"],
    ["shoe_size", "color"], []],
];

/** The six families, each with `name` as label, `image` as image and requirements on both channels. */
export function buildFamilies(): Family[] {
  return FAMILY_ROWS.map(([code, en, fr, de, extra, ecommerce, mobile]): Family => ({
    code,
    attributes: [...COMMON, ...extra].sort(),
    attribute_as_label: "name",
    attribute_as_image: "image",
    attribute_requirements: {
      ecommerce: ["sku", "name", "description", "price", "image", ...ecommerce].sort(),
      mobile: ["sku", "name", "price", ...mobile].sort(),
    },
    labels: { en_US: en, fr_FR: fr, de_DE: de },
  }));
}

/** Family variants, keyed by family code. */
export function buildFamilyVariants(): Map<string, FamilyVariant[]> {
  const set = (level: number, axes: string[], attributes: string[]) => ({ level, axes, attributes: [...new Set([...axes, ...attributes])].sort() });
  const leaf = ["sku", "ean", "stock"];
  return new Map<string, FamilyVariant[]>([
    ["accessories", [
      { code: "accessories_color", labels: { en_US: "Accessories by color" }, variant_attribute_sets: [set(1, ["color"], [...leaf, "image", "swatch_image"])] },
    ]],
    ["clothing", [
      {
        code: "clothing_color_size", labels: { en_US: "Clothing by color and size", fr_FR: "Vêtements par couleur et taille" },
        variant_attribute_sets: [set(1, ["color"], ["image", "swatch_image"]), set(2, ["size"], [...leaf, "weight"])],
      },
      { code: "clothing_size", labels: { en_US: "Clothing by size", fr_FR: "Vêtements par taille" }, variant_attribute_sets: [set(1, ["size"], leaf)] },
    ]],
    ["outdoor", [
      { code: "outdoor_size", labels: { en_US: "Outdoor by size" }, variant_attribute_sets: [set(1, ["size"], leaf)] },
    ]],
    ["shoes", [
      { code: "shoes_size", labels: { en_US: "Shoes by size", fr_FR: "Chaussures par pointure" }, variant_attribute_sets: [set(1, ["shoe_size"], leaf)] },
    ]],
  ]);
}
