/** Writes to `/attributes`, `/attributes/{attribute_code}/options` and `/attribute-groups`. */
import { MEASUREMENTS } from "../catalog/measurements.js";
import type { Attribute, AttributeGroup, AttributeOption } from "../catalog/types.js";
import type { AkeneoErrorDetail } from "../http/akeneo-error.js";
import { CodeCollection } from "../store/code-collection.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import type { StructureSpec } from "./upsert-structure.js";

const TYPES = new Set([
  "pim_catalog_identifier", "pim_catalog_text", "pim_catalog_textarea", "pim_catalog_number", "pim_catalog_metric", "pim_catalog_price_collection",
  "pim_catalog_boolean", "pim_catalog_date", "pim_catalog_simpleselect", "pim_catalog_multiselect", "pim_catalog_image", "pim_catalog_file",
]);
const SELECT_TYPES = new Set(["pim_catalog_simpleselect", "pim_catalog_multiselect"]);

/** `/attributes` writes: type and flags immutable, group must exist, metric family and unit checked. */
export const attributeSpec: StructureSpec = {
  collection: (store) => store.attributes as never,
  fields: {
    code: "string", type: "string", group: "string", labels: "labels", localizable: "boolean", scopable: "boolean", unique: "boolean",
    useable_as_grid_filter: "boolean", allowed_extensions: "strings", metric_family: "string?", default_metric_unit: "string?",
    reference_data_name: "string?", available_locales: "strings", max_characters: "integer?", validation_rule: "string?",
    validation_regexp: "string?", wysiwyg_enabled: "scalar?", number_min: "scalar?", number_max: "scalar?", decimals_allowed: "scalar?",
    negative_allowed: "scalar?", date_min: "string?", date_max: "string?", max_file_size: "scalar?", minimum_input_length: "integer?",
    sort_order: "integer", default_value: "scalar?", group_labels: "readonly", is_mandatory: "readonly", decimal_places_strategy: "readonly",
    decimal_places: "readonly",
  },
  requiredOnCreate: ["type", "group"],
  immutable: ["type", "localizable", "scopable", "unique", "metric_family"],
  create: (code) => ({
    code, type: "", group: "", unique: false, useable_as_grid_filter: false, allowed_extensions: [], metric_family: null, default_metric_unit: null,
    reference_data_name: null, available_locales: [], max_characters: null, validation_rule: null, validation_regexp: null, wysiwyg_enabled: null,
    number_min: null, number_max: null, decimals_allowed: null, negative_allowed: null, date_min: null, date_max: null, max_file_size: null,
    minimum_input_length: null, sort_order: 0, localizable: false, scopable: false, default_value: null, labels: {}, group_labels: {},
  }),
  validate(store, merged) {
    const attribute = merged as unknown as Attribute;
    const errors: AkeneoErrorDetail[] = [];
    if (!TYPES.has(attribute.type)) errors.push({ property: "type", message: `Property "type" expects a valid attribute type, "${attribute.type}" given.` });
    const group = store.attributeGroups.get(attribute.group);
    if (!group) errors.push({ property: "group", message: `Property "group" expects a valid attribute group code. The attribute group does not exist, "${attribute.group}" given.` });
    else attribute.group_labels = { ...group.labels };
    if (attribute.type === "pim_catalog_metric") {
      const units = MEASUREMENTS[attribute.metric_family ?? ""]?.units;
      if (!units) errors.push({ property: "metric_family", message: "Please specify a valid metric family." });
      else if (!attribute.default_metric_unit || !(attribute.default_metric_unit in units)) errors.push({ property: "default_metric_unit", message: "Please specify a valid metric unit." });
    }
    return errors;
  },
  afterSave(store, saved, previous) {
    const attribute = saved as unknown as Attribute;
    if (previous?.["group"] === attribute.group) return;
    const now = store.nowSeconds();
    for (const group of store.attributeGroups.list()) {
      const has = group.attributes.includes(attribute.code);
      if (has !== (group.code === attribute.group)) {
        const attributes = has ? group.attributes.filter((a) => a !== attribute.code) : [...group.attributes, attribute.code];
        store.attributeGroups.set({ ...group, attributes }, now);
      }
    }
    if (SELECT_TYPES.has(attribute.type) && !store.attributeOptions.has(attribute.code)) store.attributeOptions.set(attribute.code, new CodeCollection<AttributeOption>([], () => 0, byOrder));
  },
  location: (code) => `/api/rest/v1/attributes/${code}`,
};

const byOrder = <T extends { code: string; sort_order?: number }>(items: T[]) => items.sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0) || (a.code < b.code ? -1 : 1));

/** 404 message for options of a missing or non-select attribute. */
export function optionsNotFound(store: SandboxStore, attributeCode: string): string {
  return store.attributes.has(attributeCode)
    ? `Attribute "${attributeCode}" does not support options. Only attributes of type "pim_catalog_simpleselect", "pim_catalog_multiselect" support options.`
    : `Attribute "${attributeCode}" does not exist.`;
}

/** `/attributes/{attribute_code}/options` writes (select attributes only). */
export const attributeOptionSpec: StructureSpec = {
  collection(store, params) {
    const code = params["attribute_code"] ?? "";
    if (!SELECT_TYPES.has(store.attributes.get(code)?.type ?? "")) return undefined;
    let options = store.attributeOptions.get(code);
    if (!options) store.attributeOptions.set(code, (options = new CodeCollection<AttributeOption>([], () => 0, byOrder)));
    return options as never;
  },
  notFound: () => "",
  fields: { code: "string", attribute: "string", sort_order: "integer", labels: "labels" },
  create: (code, params, store) => ({ code, attribute: params["attribute_code"], sort_order: (store.attributeOptions.get(params["attribute_code"] ?? "")?.size ?? 0) + 1, labels: {} }),
  validate(_store, merged, params) {
    if (merged["attribute"] !== params["attribute_code"]) {
      return [{ property: "attribute", message: `The attribute code "${String(merged["attribute"])}" provided in the request body must match the attribute code "${params["attribute_code"]}" provided in the url.` }];
    }
    return [];
  },
  location: (code, params) => `/api/rest/v1/attributes/${params["attribute_code"]}/options/${code}`,
};

/** `/attribute-groups` writes; listing an attribute moves it into the group. */
export const attributeGroupSpec: StructureSpec = {
  collection: (store) => store.attributeGroups as never,
  fields: { code: "string", sort_order: "integer", attributes: "strings", labels: "labels" },
  create: (code, _params, store) => ({ code, sort_order: store.attributeGroups.size + 1, attributes: [], labels: {} }),
  validate(store, merged) {
    const group = merged as unknown as AttributeGroup;
    return group.attributes
      .filter((code) => !store.attributes.has(code))
      .map((code) => ({ property: "attributes", message: `Property "attributes" expects a valid attribute code. The attribute does not exist, "${code}" given.` }));
  },
  afterSave(store, saved, _previous, now) {
    const group = saved as unknown as AttributeGroup;
    for (const code of group.attributes) {
      const attribute = store.attributes.get(code);
      if (attribute && attribute.group !== group.code) {
        const old = store.attributeGroups.get(attribute.group);
        if (old) store.attributeGroups.set({ ...old, attributes: old.attributes.filter((a) => a !== code) }, now);
        store.attributes.set({ ...attribute, group: group.code, group_labels: { ...group.labels } }, now);
      }
    }
  },
  location: (code) => `/api/rest/v1/attribute-groups/${code}`,
};
