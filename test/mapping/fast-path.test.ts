/**
 * The fast evaluator (src/mapping/fast-path.ts) must be indistinguishable from jsonata: same
 * values, same key order, same errors. Every comparison maps the same record with the fast path
 * on (default) and off, and compares the serialized results byte for byte.
 */
import { describe, expect, it } from "vitest";
import { compileMapping } from "../../src/mapping/compile-mapping.js";
import type { MapResult } from "../../src/mapping/mapping-types.js";
import { FIXTURES, mapperFor, readJson } from "./helpers/mapping-fixtures.js";
import { loadEntityDefinitions } from "../../src/manifest/entity-definitions.js";

const serialize = (result: MapResult) => (result.ok ? JSON.stringify(result.value) : `${result.error.code}: ${result.error.message}`);

async function both(entity: string, record: object, expression?: string, validate = true, direction: "pull" | "push" = "pull"): Promise<[string, string]> {
  const options = { validate, ...(expression === undefined ? {} : { expression }) };
  const fast = await mapperFor(entity, direction, options).map(record);
  const slow = await mapperFor(entity, direction, { ...options, fastPath: false }).map(record);
  return [serialize(fast), serialize(slow)];
}

const pullEntities = [...loadEntityDefinitions().keys()];

describe("which mappings take the fast path", () => {
  it.each(pullEntities)("the default %s pull mapping does", async (entity) => {
    expect(await compileMapping({ entity, direction: "pull" }).fastPath()).toBeTypeOf("function");
  });

  it.each(["families", "categories", "attributes", "attribute_options", "products", "product_models"])("the default %s push mapping does", async (entity) => {
    expect(await compileMapping({ entity, direction: "push" }).fastPath()).toBeTypeOf("function");
  });

  it.each([
    '{ "a": values.sku[0].data }',
    '{ "a": values[locale = "en_US"] }',
    '{ "a": $string(code) }',
    '{ "a": $optionLabel("color", "black") }',
    '{ "a": $lookup("t", "k") }',
    '{ "a": code, "a": code }',
    '( $x := 1; { "a": $x } )',
    '{ "a": [code] }',
    '{ "a": [$utc(created), code] }',
    '{ "a": $merge([values]) }',
    '{ "a": $sum([$price(values, "EUR")]) }',
    '{ "a": categories[] }',
    '{ "a": code ? code : null }',
    '{ "a": code = other }',
    '{ "a": code > 1 }',
    "code",
  ])("%s does not", async (expression) => {
    expect(await compileMapping({ entity: "products", direction: "pull", source: { expression } }).fastPath()).toBeUndefined();
  });
});

describe("the fast path gives jsonata's results", () => {
  for (const entity of pullEntities) {
    const cases = readJson<{ cases: Array<{ name: string; akeneo: object; canonical: object; pushed?: object }> }>(`${FIXTURES}/golden/${entity}.json`).cases;
    it.each(cases.map((c) => [c.name, c] as const))(`${entity}: %s`, async (_name, c) => {
      const [fast, slow] = await both(entity, c.akeneo);
      expect(fast).toBe(slow);
      if (!c.pushed) return;
      const [fastPush, slowPush] = await both(entity, c.canonical, undefined, true, "push");
      expect(fastPush).toBe(slowPush);
    });
  }

  const expression = `{ "a": a, "b": a ?? "default", "c": $settings.channel, "d": $settings.locales, "e": $settings.missing ?? [],
    "f": [], "g": true, "h": null, "i": 1.5, "j": "s", "k": a = true, "l": a != null ? a : "none", "m": "x" = a, "n": a = null ? "null" }`;
  it.each([
    ["a missing field", {}],
    ["null", { a: null }],
    ["an empty array", { a: [] }],
    ["a one-item array", { a: ["x"] }],
    ["nested arrays", { a: [[1], [2, [3]]] }],
    ["an object", { a: { b: [1] } }],
    ["false and zero", { a: false, z: 0 }],
    ["an empty string", { a: "" }],
    ["true", { a: true }],
    ["the string x", { a: "x" }],
  ])("for %s", async (_name, record) => {
    const [fast, slow] = await both("products", record, expression, false);
    expect(fast).toBe(slow);
  });

  it.each([
    ["an array as the record (jsonata wraps it)", [{ a: 1 }], '{ "a": a }'],
    ["a helper argument of the wrong type (T0410)", { code: 1 }, '{ "a": $localized(values, code) }'],
    ["a single string where an array is expected (coerced)", { values: { x: [{ locale: null, scope: null, data: 1 }] } }, '{ "a": $attributes(values, "x") }'],
    ["a helper that throws", { created: "yesterday" }, '{ "a": $utc(created) }'],
    ["a push helper on an unknown attribute", {}, '{ "a": $toValues({"nope": 1}) }'],
    ["$merge of helper results, some undefined", { sku: "s1", name: { en_US: "N" } }, '{ "a": $merge([$toIdentifierValue(sku), $toLocalizedValue("name", name), $toLocalizedValue("description", description)]) }'],
    ["$merge of nothing", {}, '{ "a": $merge([$toLocalizedValue("name", name)]), "b": $merge([]) }'],
    ["$merge of a non-object (T0412)", { created: "2026-01-01T00:00:00Z" }, '{ "a": $merge([$utc(created)]) }'],
    ["an array constructor of calls, nested and flattened", { values: { x: [{ locale: null, scope: null, data: 1 }] } }, '{ "a": [$attributes(values), [$utc("2026-01-01T00:00:00Z")], $prices(values), [], [[]]] }'],
  ])("for %s", async (_name, record, expr) => {
    const [fast, slow] = await both("products", record, expr, false);
    expect(fast).toBe(slow);
  });
});
