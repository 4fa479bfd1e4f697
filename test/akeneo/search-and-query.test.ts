import { describe, expect, it } from "vitest";
import { buildListQuery } from "../../src/akeneo/build-list-query.js";
import { buildSearch } from "../../src/akeneo/build-search.js";
import { formatAkeneoDate } from "../../src/akeneo/format-akeneo-date.js";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";

const products = getEntityDefinition("products");
const models = getEntityDefinition("product_models");
const categories = getEntityDefinition("categories");
const options = getEntityDefinition("attribute_options");
const at = new Date("2025-01-02T03:04:05.678Z");

describe("formatAkeneoDate", () => {
  it.each([
    ["akeneo-datetime", "2025-01-02 03:04:05"],
    ["iso8601", "2025-01-02T03:04:05Z"],
  ] as const)("%s → %s (UTC, to the second)", (format, expected) => {
    expect(formatAkeneoDate(at, format)).toBe(expected);
  });

  it("uses UTC whatever the local offset of the input", () => {
    expect(formatAkeneoDate(new Date("2025-06-30T23:30:00-05:00"), "akeneo-datetime")).toBe("2025-07-01 04:30:00");
  });

  it("refuses an invalid date", () => {
    expect(() => formatAkeneoDate(new Date("nope"), "iso8601")).toThrow(expect.objectContaining({ code: "INTERNAL" }));
  });
});

describe("buildSearch", () => {
  it.each([
    ["products: updated > in Akeneo's datetime", products, { updatedAfter: at }, { updated: [{ operator: ">", value: "2025-01-02 03:04:05" }] }],
    ["categories: updated > in ISO 8601", categories, { updatedAfter: at }, { updated: [{ operator: ">", value: "2025-01-02T03:04:05Z" }] }],
    [
      "product models: BETWEEN",
      models,
      { updatedBetween: [at, new Date("2025-01-03T00:00:00Z")] as [Date, Date] },
      { updated: [{ operator: "BETWEEN", value: ["2025-01-02 03:04:05", "2025-01-03 00:00:00"] }] },
    ],
    [
      "products: every filter",
      products,
      { enabled: false, families: ["shoes"], categories: ["master"], completeness: { channel: "ecommerce", min: 80 }, uuids: ["u1"] },
      {
        enabled: [{ operator: "=", value: false }],
        family: [{ operator: "IN", value: ["shoes"] }],
        categories: [{ operator: "IN", value: ["master"] }],
        completeness: [{ operator: ">=", value: 80, scope: "ecommerce" }],
        uuid: [{ operator: "IN", value: ["u1"] }],
      },
    ],
    ["product models: unsupported filters are left out", models, { enabled: true, completeness: { channel: "c", min: 1 }, families: ["f"], uuids: ["u"] }, { family: [{ operator: "IN", value: ["f"] }] }],
    ["empty lists mean no filter", products, { families: [], categories: [], uuids: [] }, {}],
    ["no input, no filter", categories, {}, {}],
  ])("%s", (_name, def, input, expected) => {
    expect(buildSearch(def, input)).toEqual(expected);
  });

  it.each([
    ["an entity without delta filter", options, { updatedAfter: at }],
    ["an operator the entity lacks", categories, { updatedBetween: [at, at] as [Date, Date] }],
  ])("refuses %s", (_name, def, input) => {
    expect(() => buildSearch(def, input)).toThrow(expect.objectContaining({ code: "INTERNAL" }));
  });
});

describe("buildListQuery", () => {
  it.each([
    ["search_after entity, defaults", products, {}, { pagination_type: "search_after", limit: "100" }],
    ["offset entity", categories, { pageSize: 10 }, { limit: "10" }],
    [
      "every parameter",
      products,
      { pageSize: 50, search: { enabled: [{ operator: "=", value: true }] }, scope: "ecommerce", locales: ["en_US", "fr_FR"], attributes: ["name"], query: { with_attribute_options: "true", limit: "7" } },
      { pagination_type: "search_after", limit: "7", search: '{"enabled":[{"operator":"=","value":true}]}', scope: "ecommerce", locales: "en_US,fr_FR", attributes: "name", with_attribute_options: "true" },
    ],
    ["empty search and lists are left out", products, { search: {}, locales: [], attributes: [] }, { pagination_type: "search_after", limit: "100" }],
  ])("%s", (_name, def, params, expected) => {
    expect(buildListQuery(def, params)).toEqual(expected);
  });

  it.each([0, 101, 2.5])("refuses page size %d", (pageSize) => {
    expect(() => buildListQuery(products, { pageSize })).toThrow(expect.objectContaining({ code: "CONFIG_INVALID" }));
  });
});
