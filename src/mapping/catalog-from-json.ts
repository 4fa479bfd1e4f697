/**
 * The `--catalog FILE` format of `akeneo-connector map`, parsed: `{ "attributes": [Akeneo attribute
 * objects] (or an object by code), "options": { attribute: { option: { locale: label } } } (or a list
 * of Akeneo option objects), "baseUrl"?: "https://pim.example.com" }`.
 */
import { ConnectorError } from "../errors.js";
import { createMappingCatalog, type OptionLabelsData } from "./create-mapping-catalog.js";
import type { MappingCatalog } from "./mapping-types.js";
import { isObject } from "./value-data.js";

/** The catalog described by a parsed `--catalog` file; CONFIG_INVALID when it has no usable `attributes`. */
export function catalogFromJson(json: unknown, origin = "the catalog file"): MappingCatalog {
  if (!isObject(json)) throw invalid(origin, "must be a JSON object with \"attributes\"");
  const rawAttributes = json["attributes"];
  const attributes = Array.isArray(rawAttributes)
    ? rawAttributes
    : isObject(rawAttributes) ? Object.entries(rawAttributes).map(([code, a]) => ({ code, ...(isObject(a) ? a : {}) })) : undefined;
  if (!attributes) throw invalid(origin, "\"attributes\" must be an array of attributes or an object by code");
  const baseUrl = typeof json["baseUrl"] === "string" ? json["baseUrl"] : undefined;
  return createMappingCatalog({
    attributes: attributes.filter(isObject),
    optionLabels: toLabelsData(json["options"]),
    ...(baseUrl === undefined ? {} : { baseUrl }),
  });
}

function toLabelsData(options: unknown): Record<string, OptionLabelsData> {
  if (isObject(options)) return options as Record<string, OptionLabelsData>;
  const out: Record<string, OptionLabelsData> = {};
  if (Array.isArray(options)) {
    for (const option of options) {
      if (isObject(option) && typeof option["attribute"] === "string" && typeof option["code"] === "string") {
        (out[option["attribute"]] ??= {})[option["code"]] = isObject(option["labels"]) ? (option["labels"] as Record<string, string>) : {};
      }
    }
  }
  return out;
}

function invalid(origin: string, reason: string): ConnectorError {
  return new ConnectorError(`[mapping] ${origin} ${reason}`, { code: "CONFIG_INVALID", kind: "config" });
}
