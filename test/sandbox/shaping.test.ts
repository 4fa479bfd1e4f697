import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSandbox, type TestApi } from "./sandbox-client.js";

let api: TestApi;
beforeAll(async () => (api = await openSandbox({ products: 120 })));
afterAll(async () => api.close());

const all = async (query: string) => (await api.all(`/api/rest/v1/products-uuid?pagination_type=search_after&limit=100&${query}`)).items;
const entries = (items: any[]) => items.flatMap((i) => Object.values(i.values).flat() as any[]);

describe("sandbox response shaping", () => {
  it("scope= keeps only products classified in the channel's tree, and only that channel's values and locales", async () => {
    const store = api.sandbox.store;
    const inMobileTree = (categories: string[]) => categories.some((c) => store.categoryRoot(c) === "mobile_catalog");
    const expected = (store.catalog().products as any[]).filter((p) => inMobileTree(p.categories)).map((p) => p.uuid);
    const items = await all("scope=mobile");
    expect(items.map((i) => i.uuid)).toEqual(expected);
    expect(items.length).toBeLessThan(120);
    const values = entries(items);
    expect(values.every((v) => v.scope === null || v.scope === "mobile")).toBe(true);
    expect(values.every((v) => v.locale === null || v.locale === "en_US" || v.locale === "fr_FR")).toBe(true);
    expect(values.some((v) => v.scope === "mobile")).toBe(true);
  });

  it("a categories filter of its own replaces scope's tree restriction (as in Akeneo)", async () => {
    const query = `scope=mobile&search=${encodeURIComponent(JSON.stringify({ categories: [{ operator: "IN CHILDREN", value: ["master"] }] }))}`;
    const items = await all(query);
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => !i.categories.some((c: string) => api.sandbox.store.categoryRoot(c) === "mobile_catalog"))).toBe(true);
  });

  it("without scope, every product and every value comes back", async () => {
    const items = await all("");
    expect(items).toHaveLength(120);
    expect(entries(items).some((v) => v.scope === "ecommerce")).toBe(true);
  });

  it("locales= and attributes= filter the values", async () => {
    const items = await all("locales=fr_FR&attributes=name,description,sku");
    for (const item of items) expect(Object.keys(item.values).every((k) => ["name", "description", "sku"].includes(k))).toBe(true);
    expect(entries(items).every((v) => v.locale === null || v.locale === "fr_FR")).toBe(true);
    expect(entries(items).some((v) => v.locale === "fr_FR")).toBe(true);
  });

  it("with_attribute_options adds linked_data to select values", async () => {
    const items = await all("attributes=color,materials&with_attribute_options=true");
    const color = items.find((i) => i.values.color)!.values.color[0];
    expect(color.linked_data).toEqual({ attribute: "color", code: color.data, labels: expect.objectContaining({ en_US: expect.any(String) }) });
    const materials = items.find((i) => i.values.materials)!.values.materials[0];
    expect(Object.keys(materials.linked_data)).toEqual(materials.data);
  });

  it("with_completenesses adds one entry per channel and locale", async () => {
    const items = await all("with_completenesses=true");
    const first = items.find((i) => i.family !== null);
    expect(first.completenesses).toHaveLength(5);
    expect(first.completenesses[0]).toEqual({ scope: "ecommerce", locale: "en_US", data: expect.any(Number) });
    expect(items.find((i) => i.family === null).completenesses).toEqual([]);
  });

  it("rejects unknown channels, locales and attributes with 422", async () => {
    expect((await api.get("/api/rest/v1/products-uuid?scope=print")).body).toEqual({ code: 422, message: 'Scope "print" does not exist.' });
    expect((await api.get("/api/rest/v1/products-uuid?locales=xx_XX")).body).toEqual({ code: 422, message: 'Locale "xx_XX" does not exist or is not activated.' });
    expect((await api.get("/api/rest/v1/products-uuid?attributes=nope")).body).toEqual({ code: 422, message: 'Attribute "nope" does not exist.' });
  });

  it("applies to product models too", async () => {
    const { items } = await api.all("/api/rest/v1/product-models?limit=100&scope=ecommerce&attributes=name,description");
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(Object.keys(item.values).every((k) => ["name", "description"].includes(k))).toBe(true);
      expect((Object.values(item.values).flat() as any[]).every((v) => v.scope === null || v.scope === "ecommerce")).toBe(true);
    }
  });

  it("keeps / unencoded in item links and rejects %2F in paths", async () => {
    const store = api.sandbox.store;
    const product = [...store.products.values()].find((p) => p.identifier !== null && p.parent === null)!;
    expect(store.updateProduct(product.uuid, { values: { sku: [{ locale: null, scope: null, data: "A/B 1" }] } }).status).toBe(204);
    const page = await api.get(`/api/rest/v1/products?${new URLSearchParams({ search: JSON.stringify({ sku: [{ operator: "=", value: "A/B 1" }] }) })}`);
    expect(page.body._embedded.items[0]._links.self.href).toBe(`${api.sandbox.url}/api/rest/v1/products/A/B%201`);
    expect((await api.get("/api/rest/v1/products/A/B%201")).body.uuid).toBe(product.uuid);
    expect((await api.get("/api/rest/v1/products/A%2FB%201")).status).toBe(404);
  });
});
