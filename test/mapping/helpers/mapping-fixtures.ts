/** Shared fixtures of the mapping tests: the test catalog (test/fixtures/mapping/catalog.json) and mappers over it. */
import { readFileSync } from "node:fs";
import { catalogFromJson } from "../../../src/mapping/catalog-from-json.js";
import { compileMapping } from "../../../src/mapping/compile-mapping.js";
import { createMapper, type CreateMapperOptions } from "../../../src/mapping/create-mapper.js";
import type { Mapper, MappingCatalog, MappingDirection, MappingSettings, MapResult } from "../../../src/mapping/mapping-types.js";

export const FIXTURES = "test/fixtures/mapping";

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export const catalogJson = readJson<{ attributes: Array<Record<string, unknown>>; options: Record<string, unknown>; baseUrl: string }>(`${FIXTURES}/catalog.json`);

/** The test catalog; `loads` counts option-label loads per attribute. */
export function testCatalog(): MappingCatalog & { loads: Map<string, number> } {
  const base = catalogFromJson(catalogJson);
  const loads = new Map<string, number>();
  return {
    ...base,
    loads,
    optionLabels: async (attribute) => {
      loads.set(attribute, (loads.get(attribute) ?? 0) + 1);
      return base.optionLabels(attribute);
    },
  };
}

export const SETTINGS: Partial<MappingSettings> = { channel: "ecommerce", locales: ["en_US", "fr_FR"] };

/** A mapper of `entity`/`direction` (default mapping unless `expression`) over the test catalog. */
export function mapperFor(
  entity: string,
  direction: MappingDirection,
  options: Partial<Omit<CreateMapperOptions, "compiled">> & { expression?: string } = {},
): Mapper {
  const { expression, ...rest } = options;
  const compiled = compileMapping({ entity, direction, ...(expression === undefined ? {} : { source: { expression } }) });
  return createMapper({ catalog: testCatalog(), settings: SETTINGS, ...rest, compiled });
}

/** The value of an ok result as plain JSON (jsonata objects have a null prototype), or throw its error. */
export function valueOf(result: MapResult): Record<string, unknown> {
  if (!result.ok) throw result.error;
  return JSON.parse(JSON.stringify(result.value)) as Record<string, unknown>;
}

/** The error of a failed result, or throw. */
export function errorOf(result: MapResult): Extract<MapResult, { ok: false }> {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result;
}
