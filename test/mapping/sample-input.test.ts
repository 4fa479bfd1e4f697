/** What `akeneo-connector map` builds from its inputs: records, the --catalog file, and the catalog it guesses offline. */
import { describe, expect, it } from "vitest";
import { catalogFromJson } from "../../src/mapping/catalog-from-json.js";
import { deriveCatalog, guessAttributeType } from "../../src/mapping/derive-catalog.js";
import { resolveMappingSettings } from "../../src/mapping/mapping-settings.js";
import { parseRecords } from "../../src/mapping/parse-records.js";
import { catalogJson, FIXTURES, readJson } from "./helpers/mapping-fixtures.js";

describe("parseRecords", () => {
  it.each([
    ["empty input", "  \n", []],
    ["one JSON document", '{ "a": 1 }', [{ position: 1, record: { a: 1 } }]],
    ["a pretty-printed document", '{\n  "a": 1\n}', [{ position: 1, record: { a: 1 } }]],
    ["an array", '[{ "a": 1 }, 2]', [{ position: 1, record: { a: 1 } }, { position: 2, error: "record 2 is not a JSON object" }]],
    ["an Akeneo list page", '{ "_embedded": { "items": [{ "code": "x" }] } }', [{ position: 1, record: { code: "x" } }]],
    ["NDJSON with a bad line", '{"a":1}\n\n{oops\n{"a":2}\n', [
      { position: 1, record: { a: 1 } },
      { position: 3, error: expect.stringMatching(/^line 3 is not valid JSON: /) },
      { position: 4, record: { a: 2 } },
    ]],
  ])("reads %s", (_name, text, expected) => {
    expect(parseRecords(text)).toEqual(expected);
  });
});

describe("catalogFromJson", () => {
  it("reads attributes, options and the base URL", async () => {
    const catalog = catalogFromJson(catalogJson);
    expect(catalog.attributes.get("weight")).toEqual({ code: "weight", type: "pim_catalog_metric", localizable: false, scopable: false, decimalsAllowed: true, metricFamily: "Weight" });
    expect((await catalog.optionLabels("color")).get("black")).toEqual({ en_US: "Black", fr_FR: "Noir" });
    expect((await catalog.optionLabels("nope")).size).toBe(0);
    expect(catalog.mediaUrl("a/b/c.jpg")).toBe("https://pim.example.com/api/rest/v1/media-files/a/b/c.jpg/download");
  });

  it("accepts attributes by code and options as Akeneo option objects", async () => {
    const catalog = catalogFromJson({ attributes: { color: { type: "pim_catalog_simpleselect" } }, options: [{ attribute: "color", code: "red", labels: { en_US: "Red" } }] });
    expect(catalog.attributes.get("color")?.type).toBe("pim_catalog_simpleselect");
    expect((await catalog.optionLabels("color")).get("red")).toEqual({ en_US: "Red" });
    expect(catalog.mediaUrl("x")).toBe("/api/rest/v1/media-files/x/download");
  });

  it.each([[[]], [{ attributes: 1 }]])("refuses %j as a configuration error", (json) => {
    expect(() => catalogFromJson(json)).toThrow(expect.objectContaining({ code: "CONFIG_INVALID" }));
  });
});

describe("deriveCatalog", () => {
  it.each([
    ["sku", "ABC", "pim_catalog_identifier"],
    ["t", true, "pim_catalog_boolean"],
    ["n", 3, "pim_catalog_number"],
    ["i", "a/b/c/d/abcdef_x.jpg", "pim_catalog_image"],
    ["d", "2020-01-01T00:00:00+00:00", "pim_catalog_date"],
    ["s", "text", "pim_catalog_text"],
    ["p", [{ amount: "1.5", currency: "EUR" }], "pim_catalog_price_collection"],
    ["m", ["a", "b"], "pim_catalog_multiselect"],
    ["tb", [{ row: 1 }], "pim_catalog_table"],
    ["mt", { amount: 1, unit: "GRAM" }, "pim_catalog_metric"],
    ["l", { type: "product", id: "x" }, "pim_catalog_product_link"],
  ])("guesses %s = %j is %s", (code, data, type) => {
    expect(guessAttributeType(code, data)?.type).toBe(type);
  });

  it("derives types, flags and option labels from Akeneo records", async () => {
    const records = readJson<{ cases: Array<{ akeneo: object }> }>(`${FIXTURES}/golden/products.json`).cases.map((c) => c.akeneo);
    const catalog = deriveCatalog(records, "pull", resolveMappingSettings());
    expect(catalog.attributes.get("description")).toMatchObject({ type: "pim_catalog_text", localizable: true, scopable: true }); // textarea looks like text
    expect(catalog.attributes.get("sku")).toMatchObject({ type: "pim_catalog_identifier" });
    expect(catalog.attributes.get("color")).toMatchObject({ type: "pim_catalog_simpleselect", localizable: false, scopable: false });
    expect(catalog.attributes.get("weight")).toMatchObject({ type: "pim_catalog_metric", decimalsAllowed: true });
    expect(catalog.attributes.get("price")).toMatchObject({ type: "pim_catalog_price_collection", decimalsAllowed: true });
    expect((await catalog.optionLabels("color")).get("black")).toEqual({ en_US: "Black", fr_FR: "Noir" });
  });

  it("derives localizable attributes from canonical locale maps on push", () => {
    const record = { sku: "x", name: { en_US: "X" }, prices: [{ amount: 1.5, currency: "EUR" }], attributes: { care: { en_US: "Dry" }, weight: { amount: 1, unit: "GRAM" } } };
    const catalog = deriveCatalog([record], "push", resolveMappingSettings());
    expect(catalog.attributes.get("care")).toMatchObject({ localizable: true, type: "pim_catalog_text" });
    expect(catalog.attributes.get("weight")).toMatchObject({ localizable: false, type: "pim_catalog_metric" });
    expect(catalog.attributes.get("name")).toMatchObject({ localizable: true });
    expect(catalog.attributes.get("price")).toMatchObject({ type: "pim_catalog_price_collection", decimalsAllowed: true });
  });
});

describe("resolveMappingSettings", () => {
  it("fills defaults, keeps unknown fields and falls back on empty locales", () => {
    expect(resolveMappingSettings({ locales: [], channel: undefined, custom: 1 } as never)).toEqual({
      channel: "ecommerce", locales: ["en_US"], nameAttribute: "name", descriptionAttribute: "description", priceAttribute: "price",
      mediaFormat: "link", productIdFormat: "uuid", custom: 1,
    });
  });
});
