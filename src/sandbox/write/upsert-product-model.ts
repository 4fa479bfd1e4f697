/**
 * Create-or-update of one product model (`/product-models`), keyed by `code`. `family_variant` is
 * required on creation and immutable; `family` is read-only (derived from the family variant);
 * a sub-model needs a root-model parent and its level's axis values.
 */
import type { ProductModelRecord } from "../catalog/types.js";
import { isPlainObject, type AkeneoErrorDetail } from "../http/akeneo-error.js";
import { isEmptyData } from "../store/completeness.js";
import { levelAttributeCodes, modelAncestors, ownValues, serializeProductModel } from "../store/product-view.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { mergeValues } from "./merge-patch.js";
import { expectAssociations, expectCategories, expectQuantified, expectStringArray, expectStringOrNull, mergeAssociations, PropertyFailure } from "./property-checks.js";
import { encodePath } from "./upsert-product.js";
import { failure, propertyError, unknownProperty, validationFailed, type UpsertResult } from "./upsert-result.js";
import { validateValues } from "./validate-values.js";

const FIELDS = new Set([
  "code", "family", "family_variant", "parent", "categories", "values", "associations", "quantified_associations",
  "created", "updated", "metadata", "quality_scores", "add_categories", "remove_categories",
]);

/** Apply one product-model write. */
export function upsertProductModel(store: SandboxStore, input: unknown, options: { urlKey?: string; createOnly?: boolean } = {}): UpsertResult {
  if (!isPlainObject(input)) return failure(400, "Invalid json message received");
  const raw = input["code"];
  if (raw !== undefined && typeof raw !== "string") return propertyError("code", `Property "code" expects a string as data, "${typeof raw}" given.`);
  const code = (raw as string | undefined) ?? options.urlKey;
  if (code === undefined || code === "") return failure(422, "Code is missing.");
  if (options.urlKey !== undefined && raw !== undefined && raw !== options.urlKey) {
    return failure(422, `The code "${raw}" provided in the request body must match the code "${options.urlKey}" provided in the url.`, options.urlKey);
  }
  for (const field of Object.keys(input)) if (!FIELDS.has(field)) return unknownProperty(field, code);
  try {
    return writeModel(store, input, code, options.createOnly === true);
  } catch (error) {
    if (error instanceof PropertyFailure) return { ...error.result, key: code };
    throw error;
  }
}

function writeModel(store: SandboxStore, input: Record<string, unknown>, code: string, createOnly: boolean): UpsertResult {
  const existing = store.productModels.get(code);
  if (existing && createOnly) return validationFailed([{ property: "code", message: "The same code is already set on another product model" }], code);
  const now = store.nowSeconds();
  const errors: AkeneoErrorDetail[] = [];
  const variantCode = "family_variant" in input ? expectStringOrNull("family_variant", input["family_variant"]) : (existing?.family_variant ?? null);
  if (existing && variantCode !== existing.family_variant) {
    return validationFailed([{ property: "family_variant", message: `The family variant "${existing.family_variant}" of the product model cannot be changed.` }], code);
  }
  if (variantCode === null) return validationFailed([{ property: "family_variant", message: "The product model family variant must not be empty." }], code);
  const family = familyOfVariant(store, variantCode);
  if (!family) throw new PropertyFailure(propertyError("family_variant", `Property "family_variant" expects a valid family variant code. The family variant does not exist, "${variantCode}" given.`));
  if ("family" in input && input["family"] !== null && input["family"] !== family) {
    errors.push({ property: "family", message: `The family "${String(input["family"])}" does not match the family "${family}" of the family variant "${variantCode}".` });
  }
  const record: ProductModelRecord = existing
    ? { ...existing, values: ownValues(store, existing) }
    : { code, family, family_variant: variantCode, parent: null, categories: [], created: now, updated: now, associations: {}, quantified_associations: {}, values: {}, seed: 0 };
  if ("parent" in input) errors.push(...applyModelParent(store, record, expectStringOrNull("parent", input["parent"])));
  if ("categories" in input) record.categories = expectCategories(store, "categories", input["categories"]);
  if ("add_categories" in input) record.categories = [...new Set([...record.categories, ...expectCategories(store, "add_categories", input["add_categories"])])];
  if ("remove_categories" in input) {
    const removed = new Set(expectStringArray("remove_categories", input["remove_categories"]));
    record.categories = record.categories.filter((c) => !removed.has(c));
  }
  if ("associations" in input) record.associations = mergeAssociations(record.associations, expectAssociations(store, input["associations"], "uuid"));
  if ("quantified_associations" in input) record.quantified_associations = { ...record.quantified_associations, ...expectQuantified(store, input["quantified_associations"], "identifier") };
  if ("values" in input) {
    const validated = validateValues(store, input["values"]);
    errors.push(...validated.errors);
    const allowed = new Set(levelAttributeCodes(store, record));
    record.values = Object.fromEntries(Object.entries(mergeValues(record.values ?? {}, validated.values).values).filter(([attr]) => allowed.has(attr)));
  }
  errors.push(...checkModelAxes(store, record));
  if (errors.length > 0) return validationFailed(errors, code);
  const changed = !existing || JSON.stringify(serializeProductModel(store, existing)) !== JSON.stringify(serializeProductModel(store, record));
  if (changed) record.updated = now;
  store.saveProductModel(record, existing?.parent);
  return { status: existing ? 204 : 201, key: code, location: `/api/rest/v1/product-models/${encodePath(code)}` };
}

function familyOfVariant(store: SandboxStore, variantCode: string): string | undefined {
  for (const [family, variants] of store.familyVariants) if (variants.has(variantCode)) return family;
  return undefined;
}

function applyModelParent(store: SandboxStore, record: ProductModelRecord, parent: string | null): AkeneoErrorDetail[] {
  if (parent === record.parent) return [];
  if (parent === null) return [{ property: "parent", message: "The parent of a sub product model cannot be removed." }];
  const model = store.productModels.get(parent);
  if (!model) throw new PropertyFailure(propertyError("parent", `Property "parent" expects a valid product model code. The product model does not exist, "${parent}" given.`));
  if (model.family_variant !== record.family_variant || model.parent !== null) {
    return [{ property: "parent", message: `The product model "${parent}" cannot be the parent of "${record.code}": it must be a root product model of the family variant "${record.family_variant}".` }];
  }
  record.parent = parent;
  return [];
}

function checkModelAxes(store: SandboxStore, record: ProductModelRecord): AkeneoErrorDetail[] {
  const level = modelAncestors(store, record).length;
  const variant = store.familyVariants.get(record.family)?.get(record.family_variant);
  if (level === 0 || !variant) return [];
  if (variant.variant_attribute_sets.length < 2) return [{ property: "parent", message: `The family variant "${record.family_variant}" has only one level: a product model cannot have a parent.` }];
  const axes = variant.variant_attribute_sets.find((s) => s.level === level)?.axes ?? [];
  return axes
    .filter((axis) => isEmptyData((record.values ?? {})[axis]?.[0]?.data))
    .map((axis) => ({ property: "attribute", message: `Attribute "${axis}" cannot be empty, as it is defined as an axis for this entity`, attribute: axis }));
}
