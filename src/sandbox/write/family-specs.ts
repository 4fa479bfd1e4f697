/** Writes to `/families` and `/families/{family_code}/variants`. */
import type { Family, FamilyVariant, VariantAttributeSet } from "../catalog/types.js";
import type { AkeneoErrorDetail } from "../http/akeneo-error.js";
import { isPlainObject } from "../http/akeneo-error.js";
import { CodeCollection } from "../store/code-collection.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import type { StructureSpec } from "./upsert-structure.js";

const AXIS_TYPES = new Set(["pim_catalog_simpleselect", "pim_catalog_boolean", "pim_catalog_metric"]);

/** `/families` writes: `sku` always belongs to the family and is required on every channel. */
export const familySpec: StructureSpec = {
  collection: (store) => store.families as never,
  fields: {
    code: "string", attributes: "strings", attribute_as_label: "string", attribute_as_image: "string?",
    attribute_requirements: "object", labels: "labels",
  },
  requiredOnCreate: ["attribute_as_label"],
  create: (code) => ({ code, attributes: ["sku"], attribute_as_label: "", attribute_as_image: null, attribute_requirements: {}, labels: {} }),
  validate: (store, merged) => validateFamily(store, merged as unknown as Family),
  location: (code) => `/api/rest/v1/families/${code}`,
};

function validateFamily(store: SandboxStore, family: Family): AkeneoErrorDetail[] {
  const errors: AkeneoErrorDetail[] = [];
  family.attributes = [...new Set(["sku", ...family.attributes])].sort();
  for (const code of family.attributes) {
    if (!store.attributes.has(code)) errors.push({ property: "attributes", message: `Property "attributes" expects a valid attribute code. The attribute does not exist, "${code}" given.` });
  }
  const label = store.attributes.get(family.attribute_as_label);
  if (!label || !family.attributes.includes(label.code) || !["pim_catalog_text", "pim_catalog_identifier"].includes(label.type)) {
    errors.push({ property: "attribute_as_label", message: "Property \"attribute_as_label\" must belong to the family and be a text or identifier attribute." });
  }
  if (family.attribute_as_image !== null) {
    const image = store.attributes.get(family.attribute_as_image);
    if (!image || image.type !== "pim_catalog_image" || !family.attributes.includes(image.code)) {
      errors.push({ property: "attribute_as_image", message: "Property \"attribute_as_image\" must belong to the family and be an image attribute." });
    }
  }
  for (const [channel, codes] of Object.entries(family.attribute_requirements)) {
    if (!store.channels.has(channel)) errors.push({ property: "attribute_requirements", message: `The channel "${channel}" does not exist.` });
    if (!Array.isArray(codes)) continue;
    family.attribute_requirements[channel] = [...new Set(["sku", ...codes])].sort();
    for (const code of codes) {
      if (!family.attributes.includes(code)) errors.push({ property: "attribute_requirements", message: `The attribute "${code}" cannot be required: it does not belong to the family.` });
    }
  }
  for (const channel of store.channels.list()) family.attribute_requirements[channel.code] ??= ["sku"];
  return errors;
}

/** `/families/{family_code}/variants` writes. */
export const familyVariantSpec: StructureSpec = {
  collection(store, params) {
    const family = params["family_code"] ?? "";
    if (!store.families.has(family)) return undefined;
    let variants = store.familyVariants.get(family);
    if (!variants) store.familyVariants.set(family, (variants = new CodeCollection<FamilyVariant>([], () => 0)));
    return variants as never;
  },
  notFound: (params) => `Family "${params["family_code"]}" does not exist.`,
  fields: { code: "string", labels: "labels", variant_attribute_sets: "array", common_attributes: "readonly" },
  requiredOnCreate: ["variant_attribute_sets"],
  create: (code) => ({ code, labels: {}, variant_attribute_sets: [] }),
  validate: (store, merged, params, existing) => validateVariantSets(store, merged, params["family_code"] ?? "", existing),
  location: (code, params) => `/api/rest/v1/families/${params["family_code"]}/variants/${code}`,
};

/** Check `variant_attribute_sets` (1 or 2 levels, valid axes, family attributes, axes immutable) and normalise it. */
function validateVariantSets(store: SandboxStore, merged: Record<string, unknown>, familyCode: string, existing: Record<string, unknown> | undefined): AkeneoErrorDetail[] {
  const family = store.families.get(familyCode);
  const sets = merged["variant_attribute_sets"] as unknown[];
  if (sets.length === 0 || sets.length > 2) return [{ property: "variant_attribute_sets", message: "A family variant has one or two levels of variant attribute sets." }];
  const errors: AkeneoErrorDetail[] = [];
  const previous = (existing?.["variant_attribute_sets"] ?? []) as VariantAttributeSet[];
  const next: VariantAttributeSet[] = [];
  for (const [index, raw] of sets.entries()) {
    const set = isPlainObject(raw) ? raw : {};
    const axes = Array.isArray(set["axes"]) ? (set["axes"] as string[]) : [];
    const attributes = Array.isArray(set["attributes"]) ? (set["attributes"] as string[]) : [];
    if (set["level"] !== index + 1) errors.push({ property: "variant_attribute_sets", message: `Levels must be consecutive and start at 1, "${String(set["level"])}" given.` });
    if (axes.length === 0) errors.push({ property: "variant_attribute_sets", message: "Each level needs at least one axis." });
    for (const axis of axes) {
      if (!AXIS_TYPES.has(store.attributes.get(axis)?.type ?? "")) errors.push({ property: "variant_attribute_sets", message: `Attribute "${axis}" cannot be used as an axis.` });
    }
    for (const code of [...axes, ...attributes]) {
      if (!family?.attributes.includes(code)) errors.push({ property: "variant_attribute_sets", message: `The attribute "${code}" does not belong to the family "${familyCode}".` });
    }
    if (existing && JSON.stringify(previous[index]?.axes ?? []) !== JSON.stringify(axes)) {
      errors.push({ property: "variant_attribute_sets", message: "The axes of a family variant cannot be changed." });
    }
    const levelAttributes = [...new Set([...axes, ...attributes, ...(index === sets.length - 1 ? ["sku"] : [])])].sort();
    next.push({ level: index + 1, axes, attributes: levelAttributes });
  }
  merged["variant_attribute_sets"] = next;
  return errors;
}
