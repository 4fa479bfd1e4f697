/** compareRoundTrip: what counts as a change after pull → push, and what does not. */
import { describe, expect, it } from "vitest";
import { compareRoundTrip, sameValue } from "../../src/mapping/compare-round-trip.js";

const options = { entity: "products", channel: "ecommerce", locales: ["en_US", "fr_FR"] };
const v = (data: unknown, locale: string | null = null, scope: string | null = null) => ({ locale, scope, data });
const original = {
  uuid: "u1",
  enabled: true,
  family: "caps",
  parent: null,
  categories: ["a", "b"],
  values: {
    sku: [v("cap")],
    name: [v("Cap", "en_US"), v("Mütze", "de_DE")],
    description: [v("Nice", "en_US", "ecommerce"), v("Short", "en_US", "mobile")],
    price: [v([{ amount: "15.50", currency: "EUR" }])],
    weight: [v({ amount: "0.2500", unit: "KILOGRAM", symbol: "kg" })],
    empty: [v([])],
  },
  created: "2016-06-23T18:24:44+02:00",
};
const pushed = {
  uuid: "u1",
  enabled: true,
  family: "caps",
  parent: null,
  categories: ["a", "b"],
  values: {
    sku: [v("cap")],
    name: [v("Cap", "en_US")],
    description: [v("Nice", "en_US", "ecommerce")],
    price: [v([{ amount: 15.5, currency: "EUR" }])],
    weight: [v({ amount: "0.25", unit: "KILOGRAM" })],
  },
};

describe("compareRoundTrip", () => {
  it("finds nothing when only unmapped channels and locales, read-only parts, number formats and empties differ", () => {
    expect(compareRoundTrip(original, pushed, options)).toEqual([]);
  });

  it.each([
    ["a changed top-level field", { ...pushed, family: "hats" }, [{ path: "/family", original: "caps", pushed: "hats" }]],
    ["a reordered list", { ...pushed, categories: ["b", "a"] }, [{ path: "/categories", original: ["a", "b"], pushed: ["b", "a"] }]],
    ["a dropped mapped field", (({ enabled: _e, ...rest }) => rest)(pushed), [{ path: "/enabled", original: true, pushed: undefined }]],
    ["a changed value", { ...pushed, values: { ...pushed.values, sku: [v("hat")] } }, [{ path: "/values/sku/null/null", original: "cap", pushed: "hat" }]],
    ["a missing value", { ...pushed, values: { ...pushed.values, name: [] } }, [{ path: "/values/name/en_US/null", original: "Cap", pushed: undefined }]],
    ["an added value", { ...pushed, values: { ...pushed.values, "a/b": [v("x", "fr_FR")] } }, [{ path: "/values/a~1b/fr_FR/null", original: undefined, pushed: "x" }]],
    ["a value written to another channel", { ...pushed, values: { ...pushed.values, description: [v("Nice", "en_US", "ecommerce"), v("Long", "en_US", "mobile")] } },
      [{ path: "/values/description/en_US/mobile", original: undefined, pushed: "Long" }]],
    ["a different amount", { ...pushed, values: { ...pushed.values, price: [v([{ amount: 15.49, currency: "EUR" }])] } },
      [{ path: "/values/price/null/null", original: [{ amount: "15.50", currency: "EUR" }], pushed: [{ amount: 15.49, currency: "EUR" }] }]],
    ["a field the default mapping does not write", { ...pushed, groups: ["promo"] }, [{ path: "/groups", original: undefined, pushed: ["promo"] }]],
  ])("reports %s", (_name, payload, expected) => {
    expect(compareRoundTrip(original, payload, options)).toEqual(expected);
  });

  it("compares only the fields given", () => {
    expect(compareRoundTrip({ code: "a", labels: { en_US: "A" } }, { code: "a" }, { ...options, entity: "categories", fields: ["code"] })).toEqual([]);
    expect(compareRoundTrip({ code: "a", labels: { en_US: "A" } }, { code: "a" }, { ...options, entity: "categories" })).toHaveLength(1);
  });
});

describe("sameValue", () => {
  it.each([
    [null, undefined, true],
    [[], {}, true],
    [[], null, true],
    ["15.50", 15.5, true],
    ["15.50", "15.5", false],
    [{ a: 1, b: null }, { a: 1 }, true],
    [[1, 2], [1, 2, 3], false],
    ["a", "a", true],
    [true, "true", false],
  ])("%j vs %j → %s", (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });

  it("compares numeric strings numerically inside value data", () => {
    expect(sameValue("15.50", "15.5", true)).toBe(true);
  });
});
