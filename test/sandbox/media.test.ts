import { FormData } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSandbox, type TestApi } from "./sandbox-client.js";

let api: TestApi;
beforeAll(async () => (api = await openSandbox({ products: 30 })));
afterAll(async () => api.close());

describe("sandbox media files", () => {
  it("lists, gets and downloads media files with their codes' slashes unencoded", async () => {
    const page = await api.get("/api/rest/v1/media-files?limit=3");
    const [first] = page.body._embedded.items;
    expect(first).toEqual({
      _links: { self: { href: `${api.sandbox.url}/api/rest/v1/media-files/${first.code}` }, download: { href: `${api.sandbox.url}/api/rest/v1/media-files/${first.code}/download` } },
      code: expect.stringMatching(/^[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]{40}_/), original_filename: expect.any(String), mime_type: expect.any(String), size: expect.any(Number), extension: expect.any(String),
    });
    expect((await api.get(first._links.self.href)).body).toEqual(first);
    const download = await fetch(first._links.download.href, { headers: { authorization: `Bearer ${api.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe(first.mime_type);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${first.original_filename}"`);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.length).toBe(first.size);
    const again = new Uint8Array(await (await fetch(first._links.download.href, { headers: { authorization: `Bearer ${api.token}` } })).arrayBuffer());
    expect(again).toEqual(bytes);
    expect((await api.get("/api/rest/v1/media-files/a/b/c/nope.jpg/download")).status).toBe(404);
  });

  it("uploads a file for a product attribute: 201 with only a Location, and the value set", async () => {
    const product = [...api.sandbox.store.products.values()].find((p) => p.parent === null && p.identifier !== null)!;
    const form = new FormData();
    form.set("product", JSON.stringify({ identifier: product.identifier, attribute: "image", scope: null, locale: null }));
    form.set("file", new Blob([new Uint8Array([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9])], { type: "image/jpeg" }), "front view.jpg");
    const res = await api.call("/api/rest/v1/media-files", { method: "POST", body: form });
    expect(res.status).toBe(201);
    expect(res.text).toBe("");
    const location = res.headers.get("location")!;
    const code = location.replace(`${api.sandbox.url}/api/rest/v1/media-files/`, "");
    expect(code).toMatch(/^[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]{40}_front_view\.jpg$/);
    expect((await api.get(location)).body).toMatchObject({ code, original_filename: "front view.jpg", mime_type: "image/jpeg", size: 7, extension: "jpg" });
    const served = (await api.get(`/api/rest/v1/products-uuid/${product.uuid}`)).body;
    expect(served.values.image).toEqual([{ locale: null, scope: null, data: code }]);
    const download = await api.call(`${location}/download`);
    expect(Buffer.from(download.text, "latin1").length).toBeGreaterThan(0);
  });

  it("uploads for a product model, and by product uuid", async () => {
    const model = [...api.sandbox.store.productModels.values()].find((m) => m.parent === null && m.family === "clothing")!;
    const form = new FormData();
    form.set("product_model", JSON.stringify({ code: model.code, attribute: "lifestyle_image", scope: "ecommerce", locale: null }));
    form.set("file", new Blob(["png"], { type: "image/png" }), "look.png");
    const res = await api.call("/api/rest/v1/media-files", { method: "POST", body: form });
    expect(res.status).toBe(201);
    const modelCode = res.headers.get("location")!.replace(`${api.sandbox.url}/api/rest/v1/media-files/`, "");
    expect((await api.get(`/api/rest/v1/product-models/${model.code}`)).body.values.lifestyle_image).toContainEqual({ locale: null, scope: "ecommerce", data: modelCode });
    const product = [...api.sandbox.store.products.values()].find((p) => p.parent === null && p.family === "electronics")!;
    const byUuid = new FormData();
    byUuid.set("product", JSON.stringify({ uuid: product.uuid, attribute: "user_manual", scope: null, locale: "fr_FR" }));
    byUuid.set("file", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "manuel.pdf");
    expect((await api.call("/api/rest/v1/media-files", { method: "POST", body: byUuid })).status).toBe(201);
    const served = (await api.get(`/api/rest/v1/products-uuid/${product.uuid}`)).body;
    expect(served.values.user_manual.find((v: any) => v.locale === "fr_FR").data).toMatch(/_manuel\.pdf$/);
  });

  it("answers 415 without multipart, 422 without a file, and rejects a disallowed extension", async () => {
    const json = await api.call("/api/rest/v1/media-files", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    expect(json.json().message).toContain("Only ‘multipart/form-data’ is allowed.");
    const empty = new FormData();
    empty.set("product", JSON.stringify({ identifier: "x", attribute: "image" }));
    expect((await api.call("/api/rest/v1/media-files", { method: "POST", body: empty })).json()).toEqual({ code: 422, message: 'Property "file" is required.' });
    const product = [...api.sandbox.store.products.values()].find((p) => p.identifier !== null && p.parent === null)!;
    const exe = new FormData();
    exe.set("product", JSON.stringify({ identifier: product.identifier, attribute: "image", scope: null, locale: null }));
    exe.set("file", new Blob(["MZ"]), "tool.exe");
    const rejected = await api.call("/api/rest/v1/media-files", { method: "POST", body: exe });
    expect(rejected.status).toBe(422);
    expect(rejected.json().errors[0].message).toContain("exe file extension is not allowed");
  });
});
