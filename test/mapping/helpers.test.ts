/**
 * The helper library, one table per helper: each row is an expression evaluated on the golden
 * product (test/fixtures/mapping/golden/products.json, case 1) with the test catalog, channel
 * `ecommerce` and locales en_US, fr_FR unless the row says otherwise.
 */
import { describe, expect, it } from "vitest";
import type { MappingSettings } from "../../src/mapping/mapping-types.js";
import { errorOf, FIXTURES, mapperFor, readJson, testCatalog, valueOf } from "./helpers/mapping-fixtures.js";

const product = readJson<{ cases: Array<{ akeneo: Record<string, unknown> }> }>(`${FIXTURES}/golden/products.json`).cases[0]!.akeneo;
const MEDIA = "https://pim.example.com/api/rest/v1/media-files";

async function run(expression: string, options: { settings?: Partial<MappingSettings>; record?: object; lookups?: Record<string, Record<string, unknown>> } = {}) {
  const mapper = mapperFor("products", "pull", {
    expression: `{ "r": ${expression} }`,
    validate: false,
    ...(options.settings ? { settings: { channel: "ecommerce", locales: ["en_US", "fr_FR"], ...options.settings } } : {}),
    ...(options.lookups ? { lookups: options.lookups } : {}),
  });
  return valueOf(await mapper.map(options.record ?? product))["r"];
}

describe.each([
  ["$value", [
    ['$value(values, "name")', "Top XL"],
    ['$value(values, "name", "fr_FR")', "Débardeur XL"],
    ['$value(values, "name", "it_IT")', "Top XL"],
    ['$value(values, "description", "fr_FR", "mobile")', "Débardeur XL"],
    ['$value(values, "short_text")', undefined],
    ['$value(values, "short_text", null, "mobile")', "Short for mobile"],
    ['$value(values, "weight")', { amount: 0.25, unit: "KILOGRAM" }],
    ['$value(values, "ratio")', 0.33],
    ['$value(values, "picture")', `${MEDIA}/f/2/e/6/f2e6a1b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9_top.jpg/download`],
    ['$value(values, "collection")', ["winter_2016"]],
    ['$value(values, "nope")', undefined],
  ]],
  ["$localized", [
    ['$localized(values, "name")', { en_US: "Top XL", fr_FR: "Débardeur XL" }],
    ['$localized(values, "description", "mobile")', { en_US: "Top XL", fr_FR: "Débardeur XL" }],
    ['$localized(values, "brand")', { en_US: "acme", fr_FR: "acme" }],
    ['$localized(values, "notice")', { en_US: `${MEDIA}/1/2/3/4/1234abcd_notice_en.pdf/download` }],
    ['$localized(values, "nope")', {}],
  ]],
  ["$attributes", [
    ['$keys($attributes(values, ["composition", "assets", "brand", "care", "notice", "picture", "power", "weight", "ratio", "count"]))', ["color", "size", "collection", "release_date", "waterproof"]],
    ['$attributes(values).care', { en_US: "Wash cold", fr_FR: "Laver à froid" }],
    ['$attributes(values).release_date', "2016-07-01T00:00:00+00:00"],
  ]],
  ["$prices and $price", [
    ["$prices(values)", [{ amount: 15.5, currency: "EUR" }, { amount: 15, currency: "USD" }]],
    ['$prices(values, "nope")', []],
    ['$price(values, "EUR")', 15.5],
    ['$price(values, "GBP")', undefined],
  ]],
  ["$metric", [
    ['$metric(values, "weight")', { amount: 0.25, unit: "KILOGRAM" }],
    ['$metric(values, "weight").amount', 0.25],
    ['$metric(values, "power").unit', "WATT"],
    ['$metric(values, "name")', undefined],
  ]],
  ["$identifier, $utc, $object", [
    ["$identifier(values)", "top-xl"],
    ["$identifier({})", null],
    ["$utc(created)", "2016-06-23T16:24:44Z"],
    ['$utc("2024-02-29T23:30:00.250-01:00")', "2024-03-01T00:30:00.250Z"],
    ["$utc(nothing)", null],
    ["$object([])", {}],
    ['$object({"a": 1})', { a: 1 }],
  ]],
  ["$mediaUrl and $mediaCode", [
    ['$mediaUrl("a/b/c/d/abcd_x.jpg")', `${MEDIA}/a/b/c/d/abcd_x.jpg/download`],
    [`$mediaCode("${MEDIA}/a/b/c/d/abcd_x.jpg/download")`, "a/b/c/d/abcd_x.jpg"],
    ['$mediaCode("https://other.example.com/api/rest/v1/media-files/1/2/3/4/x.png/download")', "1/2/3/4/x.png"],
    ['$mediaCode("a/b/c/d/abcd_x.jpg")', "a/b/c/d/abcd_x.jpg"],
  ]],
  ["$toValues", [
    ['$toValues({"color": "red", "care": {"en_US": "Dry"}, "release_date": null})', {
      color: [{ locale: null, scope: null, data: "red" }],
      care: [{ locale: "en_US", scope: null, data: "Dry" }],
      release_date: [{ locale: null, scope: "ecommerce", data: null }],
    }],
    ['$toValues({"weight": {"amount": 1.5, "unit": "GRAM"}, "power": {"amount": 2, "unit": "WATT"}, "ratio": 0.0000001})', {
      weight: [{ locale: null, scope: null, data: { amount: "1.5", unit: "GRAM" } }],
      power: [{ locale: null, scope: null, data: { amount: 2, unit: "WATT" } }],
      ratio: [{ locale: null, scope: null, data: "0.0000001" }],
    }],
    [`$toValues({"picture": "${MEDIA}/a/b/c/d/abcd_x.jpg/download", "care": null})`, {
      picture: [{ locale: null, scope: null, data: "a/b/c/d/abcd_x.jpg" }],
      care: [{ locale: "en_US", scope: null, data: null }, { locale: "fr_FR", scope: null, data: null }],
    }],
  ]],
  ["$toLocalizedValue, $toPriceValue, $toIdentifierValue", [
    ['$toLocalizedValue("description", {"fr_FR": "Bonjour"})', { description: [{ locale: "fr_FR", scope: "ecommerce", data: "Bonjour" }] }],
    ['$toLocalizedValue("title", {"fr_FR": "Titre", "en_US": "Title"})', { title: [{ locale: null, scope: null, data: "Title" }] }],
    ['$toLocalizedValue("name", {})', {}],
    ['$toPriceValue("price", [{"amount": 9.9, "currency": "EUR"}])', { price: [{ locale: null, scope: null, data: [{ amount: "9.9", currency: "EUR" }] }] }],
    ['$toPriceValue("price", [])', {}],
    ['$toPriceValue("price", null)', { price: [{ locale: null, scope: null, data: null }] }],
    ['$toIdentifierValue("abc")', { sku: [{ locale: null, scope: null, data: "abc" }] }],
    ["$toIdentifierValue(null)", {}],
  ]],
] as const)("%s", (_helper, rows) => {
  it.each(rows.map(([expression, expected]) => [expression, expected] as const))("%s", async (expression, expected) => {
    expect(await run(expression)).toEqual(expected);
  });
});

describe("settings-dependent helpers", () => {
  it("returns media codes with mediaFormat code", async () => {
    expect(await run('$value(values, "picture")', { settings: { mediaFormat: "code" } })).toBe("f/2/e/6/f2e6a1b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9_top.jpg");
  });

  it("reads another channel and other locales when the settings say so", async () => {
    expect(await run('$localized(values, "description")', { settings: { channel: "mobile", locales: ["fr_FR", "de_DE"] } })).toEqual({ fr_FR: "Débardeur XL" });
  });

  it("exposes every setting, known or not, as $settings", async () => {
    expect(await run("$settings.custom", { settings: { custom: 42 } as Partial<MappingSettings> })).toBe(42);
  });
});

describe("$optionLabel and $optionLabels", () => {
  it.each([
    ['$optionLabel("color", $value(values, "color"))', "Black"],
    ['$optionLabel("color", "black", "fr_FR")', "Noir"],
    ['$optionLabel("color", "purple", "fr_FR")', "Purple"],
    ['$optionLabel("color", "unknown")', "unknown"],
    ['$optionLabel("collection", ["winter_2016", "summer_2017"], "fr_FR")', ["Hiver 2016", "Été 2017"]],
    ['$optionLabels("size", "xl")', { en_US: "XL", fr_FR: "XL" }],
    ['$optionLabel("color", code)', undefined],
  ])("%s", async (expression, expected) => {
    expect(await run(expression)).toEqual(expected);
  });

  it("loads each attribute's labels once per mapper, before evaluating, however many records map concurrently", async () => {
    const catalog = testCatalog();
    const mapper = mapperFor("products", "pull", {
      catalog,
      validate: false,
      expression: '{ "c": $optionLabel("color", $value(values, "color")), "s": $optionLabel($string("si" & "ze"), "xl") }',
    });
    const results = await Promise.all(Array.from({ length: 30 }, () => mapper.map(product)));
    expect(results.map((r) => valueOf(r))).toEqual(Array(30).fill({ c: "Black", s: "XL" }));
    // The computed attribute ("si" & "ze") makes the mapper prefetch every select of the record, collection too.
    expect(Object.fromEntries(catalog.loads)).toEqual({ color: 1, size: 1, collection: 1 });
  });
});

describe("$lookup", () => {
  const lookups = { colors: { black: "#000000", white: "#ffffff" } };
  it.each([
    ['$lookup("colors", "black")', "#000000"],
    ['$lookup("colors", "red", "#?")', "#?"],
    ['$lookup("colors", "red")', undefined],
    ['$lookup({"a": 1}, "a")', 1],
    ['$lookup([{"a": 1}, {"a": 2}], "a")', [1, 2]],
  ])("%s", async (expression, expected) => {
    expect(await run(expression, { lookups })).toEqual(expected);
  });

  it("fails the record on an unknown table, naming the known ones", async () => {
    const mapper = mapperFor("products", "pull", { expression: '{ "r": $lookup("colours", "black") }', lookups, validate: false });
    expect(errorOf(await mapper.map(product)).error.message).toContain('$lookup: no lookup table "colours"; known tables: colors');
  });
});

describe("push helper errors", () => {
  it.each([
    ['$toValues({"care": "Dry"})', 'attribute "care" is localizable: its value must be an object of locale → value'],
    ['$toValues({"nope": 1})', 'unknown attribute "nope": it is not in the catalog'],
    ['$mediaCode("https://cdn.example.com/x.png")', "is neither an Akeneo media file code nor one of its download links"],
    ['$utc("yesterday")', '$utc: "yesterday" is not a date'],
  ])("%s fails the record", async (expression, message) => {
    const mapper = mapperFor("products", "pull", { expression: `{ "r": ${expression} }`, validate: false });
    expect(errorOf(await mapper.map(product)).error.message).toContain(message);
  });
});

it("$now() and $millis() are the evaluation's own start time, from the injected clock", async () => {
  let now = Date.UTC(2024, 0, 2, 3, 4, 5);
  const clock = { now: () => now++, sleep: async () => {} };
  const mapper = mapperFor("products", "pull", { expression: '{ "now": $now(), "millis": $millis() }', clock, validate: false });
  const [a, b] = await Promise.all([mapper.map(product), mapper.map(product)]);
  expect(valueOf(a!)).toEqual({ now: "2024-01-02T03:04:05.000Z", millis: Date.UTC(2024, 0, 2, 3, 4, 5) });
  expect(valueOf(b!)["millis"]).toBe(Date.UTC(2024, 0, 2, 3, 4, 5) + 1);
});
