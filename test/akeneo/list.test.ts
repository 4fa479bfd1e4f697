import { afterEach, describe, expect, it, vi } from "vitest";
import type { PageBody } from "../../src/akeneo/akeneo-client.js";
import { decodePageBody } from "../../src/akeneo/parse-page.js";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from "../helpers/scripted-server.js";
import { createTestClient, type TestClient } from "../helpers/test-client.js";

const PRODUCTS = "GET /api/rest/v1/products-uuid";
const products = getEntityDefinition("products");
let server: ScriptedServer;
let t: TestClient;

afterEach(async () => {
  await t?.close();
  await server?.close();
});

/** `pages` pages of two products; the next link keeps only the cursor unless `full`. */
function pagedProducts(pages: number, full = true) {
  return (req: RecordedRequest) => {
    const cursor = Number(req.query.get("search_after") ?? 0);
    const items = [1, 2].map((i) => ({ _links: { self: { href: "x" } }, uuid: `p-${cursor * 2 + i}` }));
    const query = full ? `pagination_type=search_after&limit=2&search_after=${cursor + 1}` : `search_after=${cursor + 1}`;
    const next = cursor < pages - 1 ? { next: { href: `http://proxy.internal:8080/api/rest/v1/products-uuid?${query}` } } : {};
    return { body: { _links: { self: { href: "s" }, first: { href: "f" }, ...next }, _embedded: { items } } };
  };
}

/** `pagedProducts`, with page 1 stopping `ms` after its leading `_links` (or after `bytes`, when given). */
function slowFirstPage(pages: number, ms: number, bytes?: number) {
  return (req: RecordedRequest, n: number) => {
    const text = JSON.stringify(pagedProducts(pages)(req).body);
    const head = { bytes: bytes ?? text.indexOf('"_embedded"'), ms };
    return { body: text, headers: { "content-type": "application/json" }, ...(n === 1 ? { pauseAfter: head } : {}) };
  };
}

describe("iterate / iteratePages", () => {
  it("a pull that spans 3 pages follows next links and stops", async () => {
    server = await startScriptedServer({ routes: { [PRODUCTS]: pagedProducts(3) } });
    t = createTestClient(server.url);
    const uuids: string[] = [];
    for await (const item of t.client.iterate(products, { pageSize: 2 })) uuids.push(item.uuid as string);
    expect(uuids).toEqual(["p-1", "p-2", "p-3", "p-4", "p-5", "p-6"]);
    expect(server.requestsTo(PRODUCTS).map((r) => r.url)).toEqual([
      "/api/rest/v1/products-uuid?pagination_type=search_after&limit=2",
      "/api/rest/v1/products-uuid?pagination_type=search_after&limit=2&search_after=1",
      "/api/rest/v1/products-uuid?pagination_type=search_after&limit=2&search_after=2",
    ]);
  });

  it("an early break makes no extra request", async () => {
    server = await startScriptedServer({ routes: { [PRODUCTS]: pagedProducts(5) } });
    t = createTestClient(server.url);
    let seen = 0;
    for await (const _item of t.client.iterate(products, { pageSize: 2 })) if (++seen === 3) break;
    expect(server.requestsTo(PRODUCTS)).toHaveLength(2);
    for await (const _page of t.client.iteratePages(products, { pageSize: 2 })) break;
    expect(server.requestsTo(PRODUCTS)).toHaveLength(3);
  });

  describe("readAhead", () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    it("requests the next page as soon as a response arrives, one request ahead of the consumer", async () => {
      server = await startScriptedServer({ routes: { [PRODUCTS]: pagedProducts(3) } });
      t = createTestClient(server.url);
      const pages = t.client.iteratePages(products, { pageSize: 2, readAhead: true })[Symbol.asyncIterator]();
      const first = await pages.next();
      await vi.waitFor(() => expect(server.requestsTo(PRODUCTS)).toHaveLength(2)); // page 2, before it was asked for
      await settle();
      expect(server.requestsTo(PRODUCTS)).toHaveLength(2); // and no further
      expect(first.value.nextUrl).toBe(`${server.url}${server.requestsTo(PRODUCTS)[1]!.url}`);
      const rest: string[] = [];
      for (let page = await pages.next(); !page.done; page = await pages.next()) rest.push(...page.value.items.map((item) => item.uuid as string));
      expect(rest).toEqual(["p-3", "p-4", "p-5", "p-6"]);
      expect(server.requestsTo(PRODUCTS).map((r) => r.query.get("search_after"))).toEqual([null, "1", "2"]);
    });

    it("asks for the next page once the leading links have arrived, before the rest of the body", async () => {
      // Page 1 sends its `_links` and stops for 300 ms before its items.
      server = await startScriptedServer({
        routes: { [PRODUCTS]: slowFirstPage(2, 300) },
      });
      t = createTestClient(server.url, { limits: { concurrentConnections: 2 } });
      const uuids: string[] = [];
      for await (const item of t.client.iterate(products, { pageSize: 2, readAhead: true })) uuids.push(item.uuid as string);
      expect(uuids).toEqual(["p-1", "p-2", "p-3", "p-4"]);
      const [first, second] = server.requestsTo(PRODUCTS);
      expect(first!.answeredAt).toBeGreaterThan(second!.receivedAt); // page 2 was asked for while page 1 was arriving
      expect(server.requestsTo(PRODUCTS).map((r) => r.query.get("search_after"))).toEqual([null, "1"]);
    });

    it("waits for the rest of the links when a body's first bytes cut them short", async () => {
      server = await startScriptedServer({
        routes: { [PRODUCTS]: slowFirstPage(2, 100, 30) },
      });
      t = createTestClient(server.url, { limits: { concurrentConnections: 2 } });
      const uuids: string[] = [];
      for await (const item of t.client.iterate(products, { pageSize: 2, readAhead: true })) uuids.push(item.uuid as string);
      expect(uuids).toEqual(["p-1", "p-2", "p-3", "p-4"]);
      expect(server.requestsTo(PRODUCTS).map((r) => r.query.get("search_after"))).toEqual([null, "1"]);
      expect(server.requestsTo(PRODUCTS).every((r) => !r.calledOff)).toBe(true);
    });

    it("a page that breaks off after its links is read again, and its next page is asked for once", async () => {
      server = await startScriptedServer({
        routes: {
          [PRODUCTS]: (req, n) => {
            const text = JSON.stringify(pagedProducts(2)(req).body);
            return n === 1 ? { partialBody: text.slice(0, text.indexOf('"_embedded"') + 5) } : { body: text, headers: { "content-type": "application/json" } };
          },
        },
      });
      t = createTestClient(server.url, { limits: { concurrentConnections: 2 } });
      const uuids: string[] = [];
      for await (const item of t.client.iterate(products, { pageSize: 2, readAhead: true })) uuids.push(item.uuid as string);
      expect(uuids).toEqual(["p-1", "p-2", "p-3", "p-4"]);
      expect(server.requestsTo(PRODUCTS).map((r) => r.query.get("search_after"))).toEqual([null, "1", null]); // page 1, page 2 (early), page 1 again
      expect(server.requestsTo(PRODUCTS)[1]!.calledOff).toBeUndefined(); // the early request was kept: the retried page has the same link
    });

    it("keeps to the connection limit: the early request waits until the page before it has arrived", async () => {
      server = await startScriptedServer({
        routes: { [PRODUCTS]: slowFirstPage(2, 200) },
      });
      t = createTestClient(server.url, { limits: { concurrentConnections: 1 } });
      for await (const _item of t.client.iterate(products, { pageSize: 2, readAhead: true })) void _item;
      const [first, second] = server.requestsTo(PRODUCTS);
      expect(second!.receivedAt).toBeGreaterThanOrEqual(first!.answeredAt!);
    });

    it("a consumer that stops calls off the request running ahead", async () => {
      server = await startScriptedServer({ routes: { [PRODUCTS]: (req, n) => ({ ...pagedProducts(5)(req), ...(n > 1 ? { delayMs: 300 } : {}) }) } });
      t = createTestClient(server.url);
      for await (const _page of t.client.iteratePages(products, { pageSize: 2, readAhead: true })) {
        await vi.waitFor(() => expect(server.requestsTo(PRODUCTS)).toHaveLength(2));
        break;
      }
      await vi.waitFor(() => expect(server.requestsTo(PRODUCTS)[1]!.calledOff).toBe(true));
      expect(server.requestsTo(PRODUCTS)).toHaveLength(2);
    });

    it("follows the parsed next link when the leading one differs (and calls the early request off)", async () => {
      // Two _links keys: JSON.parse keeps the last, so the early guess from the first one is wrong.
      const body = (cursor: number) =>
        cursor === 0
          ? `{"_links":{"next":{"href":"/api/rest/v1/products-uuid?search_after=wrong"}},"_embedded":{"items":[{"uuid":"p-1"}]},"_links":{"next":{"href":"/api/rest/v1/products-uuid?search_after=1"}}}`
          : `{"_links":{},"_embedded":{"items":[{"uuid":"p-2"}]}}`;
      server = await startScriptedServer({
        routes: {
          [PRODUCTS]: (req) => {
            const cursor = req.query.get("search_after");
            return cursor === "wrong" ? { body: "{}", delayMs: 300 } : { body: body(Number(cursor ?? 0)), headers: { "content-type": "application/json" } };
          },
        },
      });
      t = createTestClient(server.url);
      const uuids: string[] = [];
      // A slow decoder (a busy worker, say) lets the early request reach the server before it is called off.
      const decode = async (page: PageBody) => (await new Promise((resolve) => setTimeout(resolve, 100)), decodePageBody(page));
      for await (const item of t.client.iterate(products, { readAhead: true, decode })) uuids.push(item.uuid as string);
      expect(uuids).toEqual(["p-1", "p-2"]);
      const cursors = server.requestsTo(PRODUCTS).map((r) => r.query.get("search_after"));
      expect(cursors).toEqual([null, "wrong", "1"]);
      await vi.waitFor(() => expect(server.requestsTo(PRODUCTS)[1]!.calledOff).toBe(true));
    });
  });

  it("keeps the query parameters it asked for when a next link dropped them", async () => {
    server = await startScriptedServer({ routes: { [PRODUCTS]: pagedProducts(2, false) } });
    t = createTestClient(server.url);
    const search = { updated: [{ operator: ">", value: "2025-01-01 00:00:00" }] };
    const pages = [];
    for await (const page of t.client.iteratePages(products, { pageSize: 2, search, locales: ["en_US"] })) pages.push(page);
    const second = server.requestsTo(PRODUCTS)[1]!;
    expect(second.query.get("search_after")).toBe("1");
    expect(second.query.get("pagination_type")).toBe("search_after");
    expect(second.query.get("limit")).toBe("2");
    expect(JSON.parse(second.query.get("search")!)).toEqual(search);
    expect(second.query.get("locales")).toBe("en_US");
    expect(pages[0]!.nextUrl).toBe(`${server.url}${second.url}`);
    expect(pages[1]!.nextUrl).toBeUndefined();
  });

  it("resumes from a checkpointed next link (startUrl)", async () => {
    server = await startScriptedServer({ routes: { [PRODUCTS]: pagedProducts(3) } });
    t = createTestClient(server.url);
    const first = await t.client.listPage(products, { pageSize: 2 });
    const rest: string[] = [];
    for await (const item of t.client.iterate(products, { pageSize: 2, startUrl: first.nextUrl! })) rest.push(item.uuid as string);
    expect(rest).toEqual(["p-3", "p-4", "p-5", "p-6"]);
    expect(server.requestsTo(PRODUCTS).map((r) => r.query.get("search_after"))).toEqual([null, "1", "2"]);
    await expect(t.client.listPage(products, { pageSize: 2, startUrl: "/api/rest/v1/products-uuid?search_after=2" })).resolves.toMatchObject({ items: [{ uuid: "p-5" }, { uuid: "p-6" }] });
  });

  it("fills the parent's path parameter of nested entities, offset pagination, plain arrays and _items", async () => {
    server = await startScriptedServer({
      routes: {
        "GET /api/rest/v1/attributes/color/options": (req) =>
          req.query.get("page") === "2"
            ? { body: { _links: {}, _embedded: { _items: [{ code: "blue" }] } } }
            : { body: { _links: { next: { href: "/api/rest/v1/attributes/color/options?page=2" } }, _embedded: { items: [{ code: "red" }] } } },
        "GET /api/rest/v1/channels": () => ({ body: [{ code: "ecommerce" }] }),
      },
    });
    t = createTestClient(server.url);
    const codes: string[] = [];
    for await (const item of t.client.iterate(getEntityDefinition("attribute_options"), { pathParams: { attribute_code: "color" } })) codes.push(item.code as string);
    expect(codes).toEqual(["red", "blue"]);
    expect(server.requestsTo("GET /api/rest/v1/attributes/color/options").map((r) => r.url)).toEqual(["/api/rest/v1/attributes/color/options?limit=100", "/api/rest/v1/attributes/color/options?page=2&limit=100"]);
    await expect(t.client.listPage(getEntityDefinition("channels"))).resolves.toEqual({ items: [{ code: "ecommerce" }] });
  });

  it("stops with a typed error when a next link points at the same page", async () => {
    server = await startScriptedServer({ routes: { [PRODUCTS]: () => ({ body: { _links: { next: { href: "/api/rest/v1/products-uuid?pagination_type=search_after&limit=100" } }, _embedded: { items: [] } } }) } });
    t = createTestClient(server.url);
    await expect(t.client.listPage(products)).rejects.toMatchObject({ code: "RESPONSE_INVALID", message: expect.stringContaining("same page") });
  });

  it("a list error names the entity", async () => {
    server = await startScriptedServer({ routes: { [PRODUCTS]: () => ({ status: 422, body: { code: 422, message: "You cannot request more than 100 items." } }) } });
    t = createTestClient(server.url);
    await expect(t.client.listPage(products)).rejects.toMatchObject({ code: "HTTP_UNPROCESSABLE", message: expect.stringMatching(/^\[akeneo\] listing products failed: GET \/api\/rest\/v1\/products-uuid → 422 You cannot request more than 100 items\./) });
  });
});

describe("get", () => {
  it("reads one record by key, keeping / in the path; products by identifier when configured", async () => {
    server = await startScriptedServer({
      routes: {
        "GET /api/rest/v1/products/*": (req) => ({ body: { identifier: decodeURIComponent(req.path.slice("/api/rest/v1/products/".length)) } }),
        "GET /api/rest/v1/attributes/color/options/dark/blue": () => ({ body: { code: "dark/blue" } }),
      },
    });
    t = createTestClient(server.url);
    await expect(t.client.get(getEntityDefinition("products", { productIdFormat: "identifier" }), "AB/12 x")).resolves.toEqual({ identifier: "AB/12 x" });
    expect(server.requests.at(-1)!.url).toBe("/api/rest/v1/products/AB/12%20x");
    await expect(t.client.get(getEntityDefinition("attribute_options"), "dark/blue", { attribute_code: "color" }, { signal: new AbortController().signal })).resolves.toEqual({ code: "dark/blue" });
  });

  it("a missing record is HTTP_NOT_FOUND naming it", async () => {
    server = await startScriptedServer({ routes: { "GET /api/rest/v1/categories/nope": () => ({ status: 404, body: { code: 404, message: "Resource `nope` does not exist." } }) } });
    t = createTestClient(server.url);
    await expect(t.client.get(getEntityDefinition("categories"), "nope")).rejects.toMatchObject({ code: "HTTP_NOT_FOUND", message: expect.stringContaining("[akeneo] reading categories nope failed: GET /api/rest/v1/categories/nope → 404") });
  });
});
