/**
 * Builds a `MappingCatalog` from data the flow (or a test, or the CLI's `--catalog` file) already
 * has: Akeneo attribute objects as the API returns them, option labels as a loader or as data,
 * and the PIM's base URL for media links. Does no I/O: a loader, when given, is the caller's.
 */
import type { CatalogAttribute, MappingCatalog, OptionLabels } from "./mapping-types.js";
import { isObject } from "./value-data.js";

/** Option code → labels, as plain data. */
export type OptionLabelsData = Record<string, Record<string, string>>;

export interface MappingCatalogInput {
  /** Akeneo attributes (`{code, type, localizable, scopable, decimals_allowed, metric_family}`) or `CatalogAttribute`s. */
  attributes: Iterable<Record<string, unknown>>;
  /** Labels by attribute (data), or a loader called once per attribute by each mapper. Default: none. */
  optionLabels?: Record<string, OptionLabelsData> | ((attribute: string) => Promise<OptionLabels | OptionLabelsData>);
  /** PIM base URL for media links (`<baseUrl>/api/rest/v1/media-files/<code>/download`). Default "" (a path). */
  baseUrl?: string;
}

/** `{ code, type, localizable, scopable, ... }` from an Akeneo attribute; undefined without code or type. */
export function toCatalogAttribute(raw: Record<string, unknown>): CatalogAttribute | undefined {
  if (typeof raw["code"] !== "string" || typeof raw["type"] !== "string") return undefined;
  const attribute: CatalogAttribute = {
    code: raw["code"],
    type: raw["type"],
    localizable: raw["localizable"] === true,
    scopable: raw["scopable"] === true,
  };
  const decimals = raw["decimals_allowed"] ?? raw["decimalsAllowed"];
  if (typeof decimals === "boolean") attribute.decimalsAllowed = decimals;
  const family = raw["metric_family"] ?? raw["metricFamily"];
  if (typeof family === "string") attribute.metricFamily = family;
  return attribute;
}

/** A catalog over the given attributes, labels and base URL. */
export function createMappingCatalog(input: MappingCatalogInput): MappingCatalog {
  const attributes = new Map<string, CatalogAttribute>();
  for (const raw of input.attributes) {
    const attribute = toCatalogAttribute(raw);
    if (attribute) attributes.set(attribute.code, attribute);
  }
  const base = (input.baseUrl ?? "").replace(/\/+$/, "");
  const source = input.optionLabels;
  return {
    attributes,
    async optionLabels(attribute) {
      const labels = typeof source === "function" ? await source(attribute) : source?.[attribute];
      return toOptionLabels(labels);
    },
    mediaUrl: (code) => `${base}/api/rest/v1/media-files/${code}/download`,
    snapshot: { attributes: [...attributes.values()], baseUrl: base },
  };
}

/** Labels as a Map, whatever form they came in. */
export function toOptionLabels(labels: OptionLabels | OptionLabelsData | undefined): OptionLabels {
  if (labels instanceof Map) return labels;
  const map = new Map<string, Record<string, string>>();
  if (isObject(labels)) for (const [code, byLocale] of Object.entries(labels)) map.set(code, isObject(byLocale) ? (byLocale as Record<string, string>) : {});
  return map;
}
