import { describe, expect, it } from "vitest";
import { generateCatalog, REFERENCE_DATE } from "../../src/sandbox/index.js";
import { SandboxStore } from "../../src/sandbox/store/sandbox-store.js";

const storeFor = (products: number, seed = 1) => new SandboxStore(generateCatalog({ products, seed }), { seed });

describe("sandbox catalog", () => {
  it("is deterministic: same seed, same catalog; another seed, another catalog", () => {
    const a = storeFor(300, 7).catalog();
    const b = storeFor(300, 7).catalog();
    const c = storeFor(300, 8).catalog();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.products.map((p) => p["uuid"])).not.toEqual(a.products.map((p) => p["uuid"]));
  });

  it("has the structure the connector relies on", () => {
    const catalog = storeFor(200).catalog();
    expect(catalog.channels.map((c) => c.code)).toEqual(["ecommerce", "mobile"]);
    expect(catalog.locales.filter((l) => l.enabled).map((l) => l.code)).toEqual(["de_DE", "en_US", "fr_FR"]);
    expect(catalog.currencies.filter((c) => c.enabled).map((c) => c.code)).toEqual(["EUR", "USD"]);
    expect(catalog.attributes.length).toBeGreaterThanOrEqual(45);
    const types = new Set(catalog.attributes.map((a) => a.type));
    for (const type of ["identifier", "text", "textarea", "number", "metric", "price_collection", "boolean", "date", "simpleselect", "multiselect", "image", "file"]) {
      expect(types.has(`pim_catalog_${type}` as never)).toBe(true);
    }
    const byCode = new Map(catalog.attributes.map((a) => [a.code, a]));
    expect(byCode.get("sku")?.type).toBe("pim_catalog_identifier");
    expect(byCode.get("name")).toMatchObject({ localizable: true, scopable: false });
    expect(byCode.get("description")).toMatchObject({ localizable: true, scopable: true, type: "pim_catalog_textarea" });
    expect(byCode.get("rating")).toMatchObject({ type: "pim_catalog_number", decimals_allowed: true });
    expect(byCode.get("weight")).toMatchObject({ type: "pim_catalog_metric", metric_family: "Weight" });
    expect(catalog.attributeOptions["color"]?.length).toBeGreaterThan(5);
    expect(catalog.familyVariants["clothing"]?.map((v) => v["code"])).toContain("clothing_color_size");
    expect(catalog.families.every((f) => f.attribute_requirements["ecommerce"]?.includes("sku"))).toBe(true);
    expect(catalog.categories[0]).toMatchObject({ code: "master", parent: null });
  });

  it("generates models, variants and simple products in the advertised proportions", () => {
    const summary = storeFor(200).summary();
    expect(summary).toMatchObject({ products: 200, simpleProducts: 140, variantProducts: 60, productModels: 21, rootProductModels: 9, subProductModels: 12 });
    expect(summary.productsWithoutIdentifier).toBeGreaterThan(0);
  });

  it("varies products: disabled, unclassified, family-less, outside the mobile tree, without identifier", () => {
    const store = storeFor(400);
    const products = store.catalog().products;
    const some = (predicate: (p: Record<string, any>) => boolean) => products.some(predicate);
    expect(some((p) => p["enabled"] === false)).toBe(true);
    expect(some((p) => (p["categories"] as string[]).length === 0)).toBe(true);
    expect(some((p) => p["family"] === null)).toBe(true);
    expect(some((p) => !(p["values"] as Record<string, unknown>)["sku"])).toBe(true);
    const inMobile = (p: Record<string, any>) => (p["categories"] as string[]).some((c) => store.categoryRoot(c) === "mobile_catalog");
    expect(some(inMobile)).toBe(true);
    expect(some((p) => !inMobile(p) && (p["categories"] as string[]).length > 0)).toBe(true);
    for (const family of store.families.list()) expect(some((p) => p["family"] === family.code)).toBe(true);
  });

  it("writes values in Akeneo's standard format", () => {
    const products = storeFor(200).catalog().products;
    const variant = products.find((p) => p["parent"] !== null && (p["values"] as any).description) as any;
    expect(variant.values.sku[0]).toEqual({ locale: null, scope: null, data: expect.any(String) });
    expect(variant.values.description[0]).toEqual({ locale: expect.any(String), scope: expect.stringMatching(/ecommerce|mobile/), data: expect.any(String) });
    const withPrice = products.find((p) => (p["values"] as any).price) as any;
    expect(withPrice.values.price[0].data).toEqual([{ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: "EUR" }, { amount: expect.any(String), currency: "USD" }]);
    const withWeight = products.find((p) => (p["values"] as any).weight) as any;
    expect(withWeight.values.weight[0].data).toEqual({ amount: expect.stringMatching(/^\d+\.\d+$/), unit: "KILOGRAM" });
    expect(Object.keys(variant.associations).sort()).toEqual(["PACK", "SUBSTITUTION", "UPSELL", "X_SELL"]);
  });

  it("spreads created/updated over the two years before the reference date", () => {
    const reference = REFERENCE_DATE.getTime();
    const products = storeFor(500).catalog().products;
    const created = products.map((p) => Date.parse(p["created"] as string));
    const updated = products.map((p) => Date.parse(p["updated"] as string));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(reference - 2 * 365 * 86400_000);
    expect(Math.max(...updated)).toBeLessThan(reference);
    expect(products.every((p, i) => updated[i]! >= created[i]!)).toBe(true);
    expect(new Set(updated.map((t) => new Date(t).toISOString().slice(0, 7))).size).toBeGreaterThan(18);
    expect(products[0]!["created"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
  });

  it("generates 100,000 products in well under a few seconds", () => {
    const started = performance.now();
    const store = storeFor(100_000);
    expect(store.products.size).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
