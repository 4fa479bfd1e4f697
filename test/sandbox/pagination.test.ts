import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSandbox, withoutLinks, type TestApi } from "./sandbox-client.js";

describe("sandbox pagination (45 products)", () => {
  let api: TestApi;
  beforeAll(async () => (api = await openSandbox({ products: 45 })));
  afterAll(async () => api.close());

  it("offset mode: default limit 10, current_page, first/previous/next links, items_count on demand", async () => {
    const first = await api.get("/api/rest/v1/products-uuid");
    expect(first.status).toBe(200);
    expect(first.body.current_page).toBe(1);
    expect(first.body._embedded.items).toHaveLength(10);
    expect(first.body.items_count).toBeUndefined();
    expect(first.body._links.previous).toBeUndefined();
    expect(first.body._links.next.href).toBe(`${api.sandbox.url}/api/rest/v1/products-uuid?page=2&with_count=false&pagination_type=page&limit=10`);
    const second = await api.get("/api/rest/v1/products-uuid?page=2&limit=20&with_count=true");
    expect(second.body.current_page).toBe(2);
    expect(second.body.items_count).toBe(45);
    expect(second.body._links.previous.href).toContain("page=1&");
    const last = await api.get("/api/rest/v1/products-uuid?page=3&limit=20");
    expect(last.body._embedded.items).toHaveLength(5);
    expect(last.body._links.next).toBeUndefined();
  });

  it("search_after mode walks every product once, in uuid order, and links keep the parameters asked for", async () => {
    const { items, pages } = await api.all("/api/rest/v1/products-uuid?pagination_type=search_after&limit=20&locales=en_US");
    expect(pages).toBe(3);
    const uuids = items.map((i) => i.uuid);
    expect(uuids).toEqual([...uuids].sort());
    expect(new Set(uuids).size).toBe(45);
    const page = await api.get("/api/rest/v1/products-uuid?pagination_type=search_after&limit=20&locales=en_US");
    expect(page.body.current_page).toBeUndefined();
    expect(page.body._links.next.href).toMatch(/pagination_type=search_after&limit=20&locales=en_US&search_after=/);
    expect(page.body._links.first.href).not.toContain("search_after=");
  });

  it("a full page links to a next page even when it is the last one (then an empty page ends it)", async () => {
    const full = await api.get("/api/rest/v1/products-uuid?pagination_type=search_after&limit=45");
    expect(full.body._embedded.items).toHaveLength(45);
    const empty = await api.get(full.body._links.next.href);
    expect(empty.body._embedded.items).toEqual([]);
    expect(empty.body._links.next).toBeUndefined();
  });

  it("a full pull equals the generated catalog exactly", async () => {
    const { items } = await api.all("/api/rest/v1/products-uuid?pagination_type=search_after&limit=100");
    expect(items.map(withoutLinks)).toEqual(api.sandbox.store.catalog().products);
    const models = await api.all("/api/rest/v1/product-models?pagination_type=search_after&limit=100");
    expect(models.items.map(withoutLinks)).toEqual(api.sandbox.store.catalog().productModels);
  });

  it("/products lists only products with an identifier, keyed by identifier", async () => {
    const catalog = api.sandbox.store.catalog();
    const { items } = await api.all("/api/rest/v1/products?pagination_type=search_after&limit=100");
    expect(items.map(withoutLinks)).toEqual(catalog.productsByIdentifier);
    expect(items.length).toBeLessThan(catalog.products.length);
    expect(items[0]._links.self.href).toBe(`${api.sandbox.url}/api/rest/v1/products/${items[0].identifier}`);
  });

  it.each([
    ["limit=101", "You cannot request more than 100 items."],
    ["limit=0", '"0" is not a valid limit number.'],
    ["limit=abc", '"abc" is not a valid limit number.'],
    ["page=0", '"0" is not a valid page number.'],
    ["with_count=yes", 'Parameter "with_count" has to be a boolean. Only "true" or "false" allowed, "yes" given.'],
    ["pagination_type=cursor", "Pagination type does not exist."],
  ])("rejects %s with Akeneo's 422", async (query, message) => {
    const res = await api.get(`/api/rest/v1/products-uuid?${query}`);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ code: 422, message });
  });

  it("structure lists are offset only", async () => {
    const res = await api.get("/api/rest/v1/categories?pagination_type=search_after");
    expect(res.body).toEqual({ code: 422, message: "Pagination type is not supported." });
    const attributes = await api.all("/api/rest/v1/attributes?limit=100");
    expect(attributes.items.map(withoutLinks)).toEqual(api.sandbox.store.catalog().attributes);
    const categories = await api.get("/api/rest/v1/categories?limit=5&page=2");
    expect(categories.body._links.self.href).toBe(`${api.sandbox.url}/api/rest/v1/categories?page=2&with_count=false&limit=5`);
  });

  it("serves every structure entity the connector reads, each item with _links.self", async () => {
    const catalog = api.sandbox.store.catalog();
    const check = async (path: string, expected: unknown[]) => {
      const { items } = await api.all(`${path}${path.includes("?") ? "&" : "?"}limit=100`);
      expect(items.map(withoutLinks)).toEqual(expected);
      for (const item of items) expect(item._links.self.href).toMatch(new RegExp(`^${api.sandbox.url}/api/rest/v1/`));
    };
    await check("/api/rest/v1/categories", catalog.categories);
    await check("/api/rest/v1/families", catalog.families);
    await check("/api/rest/v1/families/clothing/variants", catalog.familyVariants["clothing"]!);
    await check("/api/rest/v1/attributes/color/options", catalog.attributeOptions["color"]!);
    await check("/api/rest/v1/attribute-groups", catalog.attributeGroups);
    await check("/api/rest/v1/channels", catalog.channels);
    await check("/api/rest/v1/locales", catalog.locales);
    await check("/api/rest/v1/currencies", catalog.currencies);
    await check("/api/rest/v1/media-files", catalog.mediaFiles.map((m) => ({ ...m })).sort((a, b) => (a.code < b.code ? -1 : 1)));
  });

  it("single GETs answer the item or 404 with Akeneo's message", async () => {
    const uuid = api.sandbox.store.catalog().products[3]!["uuid"] as string;
    expect(withoutLinks((await api.get(`/api/rest/v1/products-uuid/${uuid}`)).body)).toEqual(api.sandbox.store.catalog().products[3]);
    expect((await api.get("/api/rest/v1/families/clothing/variants/clothing_size")).body.code).toBe("clothing_size");
    expect((await api.get("/api/rest/v1/attributes/color/options/red")).body).toMatchObject({ code: "red", attribute: "color" });
    const missing = await api.get("/api/rest/v1/products-uuid/00000000-0000-4000-8000-000000000000");
    expect(missing).toMatchObject({ status: 404, body: { code: 404, message: 'Product "00000000-0000-4000-8000-000000000000" does not exist or you do not have permission to access it.' } });
    expect((await api.get("/api/rest/v1/categories/nope")).body).toEqual({ code: 404, message: 'Category "nope" does not exist.' });
    expect((await api.get("/api/rest/v1/attributes/name/options")).status).toBe(404);
  });
});

describe("sandbox offset cap (10,100 products)", () => {
  let api: TestApi;
  beforeAll(async () => (api = await openSandbox({ products: 10_100 })));
  afterAll(async () => api.close());

  it("serves page 100 of 100 but answers page 101 with Akeneo's 422, while search_after reaches everything", async () => {
    const page100 = await api.get("/api/rest/v1/products-uuid?page=100&limit=100");
    expect(page100.status).toBe(200);
    expect(page100.body._embedded.items).toHaveLength(100);
    const capped = await api.get(page100.body._links.next.href);
    expect(capped.status).toBe(422);
    expect(capped.body).toEqual({
      code: 422,
      message: 'You have reached the maximum number of pages you can retrieve with the "page" pagination type. Please use the search after pagination type instead',
      _links: { documentation: { href: "http://api.akeneo.com/documentation/pagination.html#the-search-after-method" } },
    });
    expect((await api.get("/api/rest/v1/product-models?page=1001&limit=10")).status).toBe(422);
    const { items, pages } = await api.all("/api/rest/v1/products-uuid?pagination_type=search_after&limit=100");
    expect(items).toHaveLength(10_100);
    expect(pages).toBe(102);
  });
});
