/**
 * Mapping is safe to run concurrently: per-record data travels in the evaluation's own bindings,
 * so records mapped at once (through jsonata or the fast path), and mappers sharing one compiled
 * expression with different settings, never see each other's data.
 */
import { describe, expect, it } from "vitest";
import { compileMapping } from "../../src/mapping/compile-mapping.js";
import { createMapper } from "../../src/mapping/create-mapper.js";
import { FIXTURES, readJson, testCatalog, valueOf } from "./helpers/mapping-fixtures.js";

const base = readJson<{ cases: Array<{ akeneo: Record<string, unknown> }> }>(`${FIXTURES}/golden/products.json`).cases[0]!.akeneo;
const records = Array.from({ length: 200 }, (_, i) => ({
  ...base,
  uuid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  values: { ...(base["values"] as object), sku: [{ locale: null, scope: null, data: `sku-${i}` }] },
}));

describe.each([true, false])("fast path %s", (fastPath) => {
  it("maps 200 records at once exactly as one by one", async () => {
    const compiled = compileMapping({ entity: "products", direction: "pull" });
    const mapper = createMapper({ compiled, catalog: testCatalog(), settings: { locales: ["en_US", "fr_FR"] }, fastPath });
    const sequential = [];
    for (const record of records) sequential.push(valueOf(await mapper.map(record)));
    const concurrent = (await Promise.all(records.map((record) => mapper.map(record)))).map(valueOf);
    expect(concurrent).toEqual(sequential);
    expect(concurrent.map((c) => c["sku"])).toEqual(records.map((_, i) => `sku-${i}`));
  });
});

it("keeps $$ (the record) per evaluation while 200 evaluations interleave", async () => {
  const expression = '{ "code": code, "root": $$.code, "later": ($wait := $string($count([1..200])); $$.code) }';
  const compiled = compileMapping({ entity: "locales", direction: "pull", source: { expression } });
  const mapper = createMapper({ compiled, catalog: testCatalog(), validate: false });
  const results = await Promise.all(Array.from({ length: 200 }, (_, i) => mapper.map({ code: `l${i}` })));
  for (const [i, result] of results.entries()) expect(valueOf(result)).toEqual({ code: `l${i}`, root: `l${i}`, later: `l${i}` });
});

it("serves mappers with different settings from one compiled mapping at the same time", async () => {
  const compiled = compileMapping({ entity: "products", direction: "pull" });
  const english = createMapper({ compiled, catalog: testCatalog(), settings: { locales: ["en_US"] }, fastPath: false });
  const french = createMapper({ compiled, catalog: testCatalog(), settings: { locales: ["fr_FR"], channel: "mobile" }, fastPath: false });
  const results = await Promise.all(records.slice(0, 50).flatMap((record) => [english.map(record), french.map(record)]));
  results.forEach((result, i) => {
    const value = valueOf(result);
    expect(value["name"]).toEqual(i % 2 === 0 ? { en_US: "Top XL" } : { fr_FR: "Débardeur XL" });
    expect(value["description"]).toEqual(i % 2 === 0 ? { en_US: "Summer top XL" } : { fr_FR: "Débardeur XL" });
  });
});
