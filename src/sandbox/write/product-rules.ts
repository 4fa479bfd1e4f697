/**
 * Variant-product rules: attaching to or detaching from a parent model, keeping only the values of
 * the variant's own level (Akeneo silently drops the others), same family as the parent, axis values
 * present and unique among siblings.
 */
import { createValues } from "../catalog/create-values.js";
import type { ProductRecord, Values } from "../catalog/types.js";
import type { AkeneoErrorDetail } from "../http/akeneo-error.js";
import { isEmptyData } from "../store/completeness.js";
import { levelAttributeCodes, mergedCategories, mergedValues, modelAncestors, ownFirstData, ownValues } from "../store/product-view.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { PropertyFailure } from "./property-checks.js";
import { propertyError } from "./upsert-result.js";

/** Set (or clear) a product's parent model. Clearing copies inherited values and categories in, as Akeneo does. */
export function applyParent(store: SandboxStore, record: ProductRecord, parent: string | null): void {
  if (parent === record.parent) return;
  if (parent === null) {
    record.values = mergedValues(store, record);
    record.categories = mergedCategories(store, record);
    record.parent = null;
    return;
  }
  const model = store.productModels.get(parent);
  if (!model) throw new PropertyFailure(propertyError("parent", `Property "parent" expects a valid product model code. The product model does not exist, "${parent}" given.`));
  const variant = store.familyVariants.get(model.family)?.get(model.family_variant);
  const depth = modelAncestors(store, model).length + 1;
  if (variant && variant.variant_attribute_sets.length !== depth) {
    throw new PropertyFailure(propertyError("parent", `The product model "${parent}" cannot have variant products, only sub product models.`));
  }
  record.family ??= model.family;
  record.parent = parent;
}

/** Validate a variant product (no-op for simple products); trims values to the variant's level. */
export function checkVariantRules(store: SandboxStore, record: ProductRecord): AkeneoErrorDetail[] {
  if (record.parent === null) return [];
  const model = store.productModels.get(record.parent);
  if (!model) return [];
  const errors: AkeneoErrorDetail[] = [];
  if (record.family !== model.family) {
    errors.push({ property: "family", message: "The variant product family must be the same than its parent" });
    return errors;
  }
  const values = keepCodes(record.values ?? ownValues(store, record), levelAttributeCodes(store, record));
  record.values = values;
  const variant = store.familyVariants.get(model.family)?.get(model.family_variant);
  const level = modelAncestors(store, record).length;
  const axes = variant?.variant_attribute_sets.find((s) => s.level === level)?.axes ?? [];
  for (const axis of axes) {
    const value = values[axis]?.[0]?.data;
    if (isEmptyData(value)) {
      errors.push({ property: "attribute", message: `Attribute "${axis}" cannot be empty, as it is defined as an axis for this entity`, attribute: axis });
      continue;
    }
    for (const sibling of store.childrenOf(model.code).products) {
      if (sibling.uuid !== record.uuid && JSON.stringify(ownFirstData(store, sibling, axis)) === JSON.stringify(value)) {
        errors.push({
          property: "attribute",
          message: `Cannot set value "${String(value)}" for the attribute axis "${axis}" on variant product "${record.identifier ?? record.uuid}", as the variant product "${sibling.identifier ?? sibling.uuid}" already has the value "${String(value)}"`,
          attribute: axis,
        });
      }
    }
  }
  return errors;
}

/** `values` restricted to `codes`, in their order; `values` itself when nothing is dropped (values are never changed in place). */
function keepCodes(values: Values, codes: readonly string[]): Values {
  const present = Object.keys(values);
  if (present.every((code) => codes.includes(code))) return values;
  const kept = createValues();
  for (const code of present) if (codes.includes(code)) kept[code] = values[code]!;
  return kept;
}
