import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSandbox, search, type TestApi } from "./sandbox-client.js";

let api: TestApi;
beforeAll(async () => (api = await openSandbox({ products: 300 })));
afterAll(async () => api.close());

const akeneoDate = (iso: string) => iso.slice(0, 19).replace("T", " ");
const uuidsOf = (items: any[]) => items.map((i) => i.uuid).sort();
const products = () => api.sandbox.store.catalog().products as any[];
const list = async (filters: Record<string, unknown>, extra = "") =>
  (await api.all(`/api/rest/v1/products-uuid?pagination_type=search_after&limit=100&${search(filters)}${extra}`)).items;

describe("sandbox search on products", () => {
  it("filters updated with `>` in the YYYY-MM-DD hh:mm:ss format (UTC)", async () => {
    const sorted = products().map((p) => p.updated).sort();
    const pivot = sorted[200] as string;
    const items = await list({ updated: [{ operator: ">", value: akeneoDate(pivot) }] });
    const store = api.sandbox.store;
    const expected = products().filter((p) => {
      const record = store.products.get(p.uuid)!;
      const parents = [record.parent, record.parent && store.productModels.get(record.parent)?.parent].filter(Boolean) as string[];
      const times = [Date.parse(p.updated), ...parents.map((m) => store.productModels.get(m)!.updated * 1000)];
      return Math.max(...times) > Date.parse(pivot);
    });
    expect(uuidsOf(items)).toEqual(uuidsOf(expected));
    expect(items.some((i) => Date.parse(i.updated) <= Date.parse(pivot))).toBe(true);
  });

  it("rejects an ISO 8601 date on products with Akeneo's 422", async () => {
    const res = await api.get(`/api/rest/v1/products-uuid?${search({ updated: [{ operator: ">", value: "2025-01-01T00:00:00Z" }] })}`);
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('Property "updated" expects a string with the format "yyyy-mm-dd H:i:s" as data, "2025-01-01T00:00:00Z" given.');
  });

  it("supports <, BETWEEN, = (whole day) and SINCE LAST N DAYS on created/updated", async () => {
    const first = products().map((p) => p.created).sort()[50] as string;
    const before = await list({ created: [{ operator: "<", value: akeneoDate(first) }] });
    expect(before).toHaveLength(products().filter((p) => p.created < first).length);
    const between = await list({ created: [{ operator: "BETWEEN", value: ["2024-06-01 00:00:00", "2024-12-31 23:59:59"] }] });
    expect(between.every((i) => i.created >= "2024-06-01" && i.created < "2025-01-01")).toBe(true);
    const day = first.slice(0, 10);
    const sameDay = await list({ created: [{ operator: "=", value: `${day} 12:34:56` }] });
    expect(sameDay.length).toBeGreaterThan(0);
    expect(sameDay.every((i) => i.created.startsWith(day))).toBe(true);
    const recent = await list({ updated: [{ operator: "SINCE LAST N DAYS", value: 1 }] });
    expect(recent).toHaveLength(0);
  });

  it("returns a variant whose parent model changed even if the variant itself is older", async () => {
    const store = api.sandbox.store;
    const model = [...store.productModels.values()].find((m) => m.parent !== null)!;
    const [touched] = store.touchProductModels([model.code]);
    const now = new Date(store.nowSeconds() * 1000 - 5000).toISOString();
    const items = await list({ updated: [{ operator: ">", value: akeneoDate(now) }] });
    const children = store.childrenOf(touched!).products.map((p) => p.uuid).sort();
    expect(children.length).toBeGreaterThan(0);
    expect(uuidsOf(items)).toEqual(children);
    expect(items.every((i) => Date.parse(i.updated) < Date.parse(now))).toBe(true);
    const models = await api.all(`/api/rest/v1/product-models?${search({ updated: [{ operator: ">", value: akeneoDate(now) }] })}`);
    expect(models.items.map((m) => m.code)).toEqual([model.code]);
  });

  it("filters enabled, family, uuid and completeness", async () => {
    const disabled = await list({ enabled: [{ operator: "=", value: false }] });
    expect(uuidsOf(disabled)).toEqual(uuidsOf(products().filter((p) => !p.enabled)));
    const shoes = await list({ family: [{ operator: "IN", value: ["shoes", "home"] }] });
    expect(uuidsOf(shoes)).toEqual(uuidsOf(products().filter((p) => p.family === "shoes" || p.family === "home")));
    const none = await list({ family: [{ operator: "EMPTY" }] });
    expect(none.every((i) => i.family === null) && none.length > 0).toBe(true);
    const picked = products().slice(0, 3).map((p) => p.uuid);
    expect(uuidsOf(await list({ uuid: [{ operator: "IN", value: picked }] }))).toEqual([...picked].sort());
    const complete = await list({ completeness: [{ operator: "=", value: 100, scope: "mobile" }] }, "&with_completenesses=true");
    expect(complete.length).toBeGreaterThan(0);
    for (const item of complete) expect(item.completenesses.some((c: any) => c.scope === "mobile" && c.data === 100)).toBe(true);
  });

  it("filters categories (IN, IN CHILDREN, UNCLASSIFIED) and rejects unknown categories", async () => {
    const inKids = await list({ categories: [{ operator: "IN", value: ["kids"] }] });
    expect(inKids.length).toBeGreaterThan(0);
    expect(inKids.every((i) => i.categories.includes("kids"))).toBe(true);
    const inClothing = await list({ categories: [{ operator: "IN CHILDREN", value: ["clothing"] }] });
    expect(inClothing.length).toBeGreaterThan(inKids.length);
    const unclassified = await list({ categories: [{ operator: "UNCLASSIFIED" }] });
    expect(uuidsOf(unclassified)).toEqual(uuidsOf(products().filter((p) => p.categories.length === 0)));
    const res = await api.get(`/api/rest/v1/products-uuid?${search({ categories: [{ operator: "IN", value: ["nope"] }] })}`);
    expect(res.body).toEqual({ code: 422, message: 'Category "nope" does not exist.' });
  });

  it("filters attribute values, with locale/scope rules", async () => {
    const red = await list({ color: [{ operator: "IN", value: ["red"] }] });
    expect(red.length).toBeGreaterThan(0);
    expect(red.every((i) => i.values.color[0].data === "red")).toBe(true);
    const named = await list({ name: [{ operator: "CONTAINS", value: "jacket", locale: "en_US" }] });
    expect(named.every((i) => i.values.name.find((v: any) => v.locale === "en_US").data.toLowerCase().includes("jacket"))).toBe(true);
    const noLocale = await api.get(`/api/rest/v1/products-uuid?${search({ name: [{ operator: "CONTAINS", value: "x" }] })}`);
    expect(noLocale.body).toEqual({ code: 422, message: 'Attribute "name" expects a locale, none given.' });
    const viaDefault = await list({ name: [{ operator: "CONTAINS", value: "jacket" }] }, "&search_locale=en_US");
    expect(uuidsOf(viaDefault)).toEqual(uuidsOf(named));
    const unknown = await api.get(`/api/rest/v1/products-uuid?${search({ nope: [{ operator: "=", value: 1 }] })}`);
    expect(unknown.body).toEqual({ code: 422, message: '"nope" does not exist or you do not have permission to access it.' });
  });

  it("answers 400 for invalid JSON and 422 for a malformed structure", async () => {
    const invalid = await api.get("/api/rest/v1/products-uuid?search=%7Bnope");
    expect(invalid).toMatchObject({ status: 400, body: { code: 400, message: "Search query parameter should be valid JSON." } });
    const malformed = await api.get(`/api/rest/v1/products-uuid?${search({ enabled: { operator: "=", value: true } })}`);
    expect(malformed.body.message).toBe('Structure of filter "enabled" should respect this structure: {"enabled":[{"operator": "my_operator", "value": "my_value"}]}');
    const badOperator = await api.get(`/api/rest/v1/products-uuid?${search({ enabled: [{ operator: "IN", value: [true] }] })}`);
    expect(badOperator.body.message).toBe('Filter on property "enabled" is not supported or does not support operator "IN"');
  });
});

describe("sandbox search on structure entities", () => {
  it("takes `updated >` with an ISO 8601 date and rejects the product format", async () => {
    const families = api.sandbox.store.families;
    const pivot = [...families.list()].map((f) => families.updatedOf(f.code)).sort()[2]!;
    const iso = new Date(pivot * 1000).toISOString();
    const res = await api.get(`/api/rest/v1/families?limit=100&${search({ updated: [{ operator: ">", value: iso }] })}`);
    expect(res.body._embedded.items.map((f: any) => f.code).sort()).toEqual(families.list().filter((f) => families.updatedOf(f.code) > pivot).map((f) => f.code).sort());
    for (const path of ["families", "attributes", "categories", "attribute-groups"]) {
      const wrong = await api.get(`/api/rest/v1/${path}?${search({ updated: [{ operator: ">", value: "2025-01-01 00:00:00" }] })}`);
      expect(wrong.status).toBe(422);
      const lower = await api.get(`/api/rest/v1/${path}?${search({ updated: [{ operator: "<", value: "2025-01-01T00:00:00Z" }] })}`);
      expect(lower.body.message).toBe('Filter on property "updated" is not supported or does not support operator "<"');
    }
  });

  it("supports code IN, type IN, is_root, parent and enabled", async () => {
    const attrs = await api.get(`/api/rest/v1/attributes?limit=100&${search({ type: [{ operator: "IN", value: ["pim_catalog_metric"] }] })}`);
    expect(attrs.body._embedded.items.every((a: any) => a.type === "pim_catalog_metric")).toBe(true);
    const roots = await api.get(`/api/rest/v1/categories?limit=100&${search({ is_root: [{ operator: "=", value: true }] })}`);
    expect(roots.body._embedded.items.map((c: any) => c.code)).toEqual(["master", "mobile_catalog", "suppliers"]);
    const children = await api.get(`/api/rest/v1/categories?${search({ parent: [{ operator: "=", value: "shoes" }] })}`);
    expect(children.body._embedded.items.map((c: any) => c.code)).toEqual(["running", "hiking", "casual_shoes"]);
    const codes = await api.get(`/api/rest/v1/families?${search({ code: [{ operator: "IN", value: ["shoes", "home"] }] })}`);
    expect(codes.body._embedded.items.map((f: any) => f.code)).toEqual(["home", "shoes"]);
    const enabled = await api.get(`/api/rest/v1/locales?${search({ enabled: [{ operator: "=", value: true }] })}`);
    expect(enabled.body._embedded.items.map((l: any) => l.code)).toEqual(["de_DE", "en_US", "fr_FR"]);
  });
});
