import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSandbox, type TestApi } from "./sandbox-client.js";

let api: TestApi;
beforeEach(async () => (api = await openSandbox({ products: 60 })));
afterEach(async () => api.close());

const NEW_UUID = "1c5a2b0e-8b7e-4b6a-9a55-3f0c2d9e7a11";
const simpleProduct = () => [...api.sandbox.store.products.values()].find((p) => p.parent === null && p.family === "electronics")!;
const served = async (uuid: string) => (await api.get(`/api/rest/v1/products-uuid/${uuid}`)).body;

describe("sandbox single PATCH", () => {
  it("creates on a missing uuid (201 + Location), then updates (204) and moves `updated` to now", async () => {
    const body = { family: "home", categories: ["kitchen"], values: { sku: [{ locale: null, scope: null, data: "NEW-1" }], name: [{ locale: "en_US", scope: null, data: "Kettle" }] } };
    const created = await api.patchJson(`/api/rest/v1/products-uuid/${NEW_UUID}`, body);
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`${api.sandbox.url}/api/rest/v1/products-uuid/${NEW_UUID}`);
    const product = await served(NEW_UUID);
    expect(product).toMatchObject({ uuid: NEW_UUID, family: "home", enabled: true, parent: null, categories: ["kitchen"] });
    expect(Math.abs(Date.parse(product.updated) - Date.now())).toBeLessThan(5000);
    const updated = await api.patchJson(`/api/rest/v1/products-uuid/${NEW_UUID}`, { enabled: false });
    expect(updated.status).toBe(204);
    expect(updated.headers.get("location")).toBe(`${api.sandbox.url}/api/rest/v1/products-uuid/${NEW_UUID}`);
    expect((await served(NEW_UUID)).enabled).toBe(false);
  });

  it("merges like Akeneo: values per locale/scope, data null clears, arrays replaced, associations merged", async () => {
    const product = simpleProduct();
    const before = await served(product.uuid);
    const patch = {
      categories: ["audio"],
      values: {
        name: [{ locale: "fr_FR", scope: null, data: "Nouveau nom" }],
        description: [{ locale: "en_US", scope: "ecommerce", data: "Updated" }],
        stock: [{ locale: null, scope: null, data: null }],
      },
      associations: { UPSELL: { products: [before.uuid === NEW_UUID ? before.uuid : simpleProductOther(product.uuid)] } },
    };
    expect((await api.patchJson(`/api/rest/v1/products-uuid/${product.uuid}`, patch)).status).toBe(204);
    const after = await served(product.uuid);
    expect(after.categories).toEqual(["audio"]);
    expect(after.values.name.find((v: any) => v.locale === "fr_FR").data).toBe("Nouveau nom");
    for (const entry of before.values.name ?? []) if (entry.locale !== "fr_FR") expect(after.values.name).toContainEqual(entry);
    expect(after.values.description.find((v: any) => v.locale === "en_US" && v.scope === "ecommerce").data).toBe("Updated");
    expect(after.values.description.filter((v: any) => !(v.locale === "en_US" && v.scope === "ecommerce"))).toEqual(
      (before.values.description ?? []).filter((v: any) => !(v.locale === "en_US" && v.scope === "ecommerce")),
    );
    expect(after.values.stock).toBeUndefined();
    expect(after.values.price).toEqual(before.values.price);
    expect(after.associations.UPSELL.products).toHaveLength(1);
    expect(after.associations.X_SELL).toEqual(before.associations.X_SELL);
    expect(Date.parse(after.updated)).toBeGreaterThan(Date.parse(before.updated));
  });

  it("leaves `updated` alone when the patch changes nothing", async () => {
    const product = simpleProduct();
    const before = await served(product.uuid);
    expect((await api.patchJson(`/api/rest/v1/products-uuid/${product.uuid}`, { enabled: before.enabled })).status).toBe(204);
    expect((await served(product.uuid)).updated).toBe(before.updated);
  });

  it("answers 415, 400, and 422 with Akeneo's bodies", async () => {
    const product = simpleProduct();
    const path = `/api/rest/v1/products-uuid/${product.uuid}`;
    const wrongType = await api.call(path, { method: "PATCH", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json().message).toContain("Only ‘application/json’ is allowed.");
    const badJson = await api.call(path, { method: "PATCH", headers: { "content-type": "application/json" }, body: "{oops" });
    expect(badJson.json()).toEqual({ code: 400, message: "Invalid json message received" });
    const unknown = await api.patchJson(path, { group: ["x"] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 422, message: 'Property "group" does not exist.', _links: { documentation: { href: expect.any(String) } } });
    const family = await api.patchJson(path, { family: "nope" });
    expect(family.body.message).toBe('Property "family" expects a valid family code. The family does not exist, "nope" given. Check the expected format on the API documentation.');
    expect(family.body.errors).toEqual([{ property: "family", message: 'Property "family" expects a valid family code. The family does not exist, "nope" given.' }]);
    const labelsNull = await api.patchJson("/api/rest/v1/categories/kids", { labels: null });
    expect(labelsNull.body.message).toBe('Property "labels" expects an array as data, "NULL" given. Check the expected format on the API documentation.');
    const mismatch = await api.patchJson(path, { uuid: NEW_UUID });
    expect(mismatch.body.message).toBe(`The uuid "${NEW_UUID}" provided in the request body must match the uuid "${product.uuid}" provided in the url.`);
  });

  it("validates values: unknown attribute, wrong type, locale/scope rules, options — all in errors[]", async () => {
    const product = simpleProduct();
    const res = await api.patchJson(`/api/rest/v1/products-uuid/${product.uuid}`, {
      values: {
        nope: [{ locale: null, scope: null, data: "x" }],
        stock: [{ locale: null, scope: null, data: "many" }],
        name: [{ locale: null, scope: null, data: "No locale" }],
        description: [{ locale: "en_US", scope: "print", data: "x" }],
        color: [{ locale: null, scope: null, data: "ultraviolet" }],
        waterproof: [{ locale: null, scope: null, data: "yes" }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe("Validation failed.");
    expect(res.body.errors).toEqual([
      { property: "values", message: 'Attribute "nope" does not exist.', attribute: "nope" },
      { property: "values", message: 'Property "stock" expects a numeric as data, "many" given.', attribute: "stock", locale: null, scope: null },
      { property: "values", message: 'Attribute "name" expects a locale, none given.', attribute: "name", locale: null, scope: null },
      { property: "values", message: 'Attribute "description" expects an existing scope, "print" given.', attribute: "description", locale: "en_US", scope: "print" },
      { property: "values", message: "The ultraviolet value is not in the color attribute option list.", attribute: "color", locale: null, scope: null },
      { property: "values", message: 'Property "waterproof" expects a boolean as data, "yes" given.', attribute: "waterproof", locale: null, scope: null },
    ]);
  });

  it("works on /products by identifier, including identifier-only creation", async () => {
    const created = await api.patchJson("/api/rest/v1/products/MY-SKU", { family: "home" });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`${api.sandbox.url}/api/rest/v1/products/MY-SKU`);
    const product = (await api.get("/api/rest/v1/products/MY-SKU")).body;
    expect(product).toMatchObject({ identifier: "MY-SKU", family: "home", values: { sku: [{ locale: null, scope: null, data: "MY-SKU" }] } });
    const clash = await api.patchJson(`/api/rest/v1/products-uuid/${simpleProduct().uuid}`, { values: { sku: [{ locale: null, scope: null, data: "MY-SKU" }] } });
    expect(clash.body.errors[0].message).toBe("The value MY-SKU is already set on another product for the unique attribute sku");
  });
});

function simpleProductOther(uuid: string): string {
  return [...api.sandbox.store.products.values()].find((p) => p.uuid !== uuid)!.uuid;
}

describe("sandbox collection PATCH", () => {
  it("streams one result per line: 201, 204, 422 with errors, 400 for bad JSON", async () => {
    const existing = simpleProduct();
    const res = await api.patchLines("/api/rest/v1/products-uuid", [
      { uuid: existing.uuid, values: { name: [{ locale: "en_US", scope: null, data: "Renamed" }] } },
      { uuid: NEW_UUID, values: { sku: [{ locale: null, scope: null, data: "BATCH-1" }] }, family: "home" },
      { uuid: "2b7d3c1a-1111-4222-8333-444455556666", family: "nope" },
      { values: {} },
    ]);
    expect(res.status).toBe(200);
    expect(res.lines).toEqual([
      { line: 1, uuid: existing.uuid, status_code: 204 },
      { line: 2, uuid: NEW_UUID, status_code: 201 },
      expect.objectContaining({ line: 3, uuid: "2b7d3c1a-1111-4222-8333-444455556666", status_code: 422, errors: [expect.objectContaining({ property: "family" })] }),
      { line: 4, status_code: 422, message: "Uuid is missing." },
    ]);
    const raw = await api.patchLines("/api/rest/v1/products-uuid", `{"uuid":"${NEW_UUID}","enabled":false}\n{not json}\n`);
    expect(raw.lines).toEqual([{ line: 1, uuid: NEW_UUID, status_code: 204 }, { line: 2, status_code: 400, message: "Invalid json message received" }]);
  });

  it("answers with exactly one JSON object per line, joined by \"\\n\"; CRLF, blank lines and UTF-8 are read as Akeneo does", async () => {
    const existing = simpleProduct();
    const body = `\r\n{"uuid":"${existing.uuid}","values":{"name":[{"locale":"fr_FR","scope":null,"data":"Léger Größe €"}]}}\r\n\n  \n\u00a0\u3000\t\u2028\r\n{"uuid":"${NEW_UUID}"}\n\u0085`;
    const res = await api.patchLines("/api/rest/v1/products-uuid", body);
    // Blank means blank to String#trim (Unicode spaces and line separators too; U+0085 is not one).
    expect(res.text).toBe(
      `{"line":1,"uuid":"${existing.uuid}","status_code":204}\n{"line":2,"uuid":"${NEW_UUID}","status_code":201}\n{"line":3,"status_code":400,"message":"Invalid json message received"}`,
    );
    expect((await served(existing.uuid)).values.name.find((v: any) => v.locale === "fr_FR").data).toBe("Léger Größe €");
  });

  it("rejects more than 100 lines with 413 before writing anything, and a line over 1,000,000 characters alone", async () => {
    const lines = Array.from({ length: 101 }, (_, i) => ({ identifier: `BULK-${i}` }));
    const tooMany = await api.patchLines("/api/rest/v1/products", lines);
    expect(tooMany.status).toBe(413);
    expect(JSON.parse(tooMany.text)).toEqual({ code: 413, message: "Too many resources to process, 100 is the maximum allowed." });
    expect(api.sandbox.store.productByIdentifier("BULK-0")).toBeUndefined();
    const long = { identifier: "LONG", values: { technical_notes: [{ locale: null, scope: null, data: "x".repeat(1_000_001) }] } };
    const res = await api.patchLines("/api/rest/v1/products", [long, { identifier: "SHORT" }]);
    expect(res.lines).toEqual([{ line: 1, status_code: 413, message: "Line is too long." }, { line: 2, identifier: "SHORT", status_code: 201 }]);
  });

  it("answers 415 unless the body is application/vnd.akeneo.collection+json", async () => {
    const res = await api.call("/api/rest/v1/products-uuid", { method: "PATCH", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(415);
    expect(res.json().message).toContain("Only ‘application/vnd.akeneo.collection+json’ is allowed.");
  });

  it("writes product models, categories, families, attributes and options", async () => {
    const models = await api.patchLines("/api/rest/v1/product-models", [
      { code: "new_root", family_variant: "shoes_size", categories: ["running"], values: { name: [{ locale: "en_US", scope: null, data: "Runner" }] } },
      { code: "no_variant" },
    ]);
    expect(models.lines[0]).toEqual({ line: 1, code: "new_root", status_code: 201 });
    expect(models.lines[1]).toMatchObject({ line: 2, code: "no_variant", status_code: 422, errors: [{ property: "family_variant" }] });
    const variant = await api.patchJson(`/api/rest/v1/products-uuid/${NEW_UUID}`, { parent: "new_root", values: { sku: [{ locale: null, scope: null, data: "RUN-40" }], shoe_size: [{ locale: null, scope: null, data: "eu_40" }] } });
    expect(variant.status).toBe(201);
    expect((await served(NEW_UUID)).values.name).toEqual([{ locale: "en_US", scope: null, data: "Runner" }]);
    const categories = await api.patchLines("/api/rest/v1/categories", [
      { code: "spring_collection", parent: null },
      { code: "woman", parent: "spring_collectionn" },
      { code: "kids", labels: { en_US: "Children" } },
    ]);
    expect(categories.lines).toEqual([
      { line: 1, code: "spring_collection", status_code: 201 },
      { line: 2, code: "woman", status_code: 422, message: "Validation failed.", errors: [{ property: "parent", message: 'Category "spring_collectionn" does not exist.' }] },
      { line: 3, code: "kids", status_code: 204 },
    ]);
    expect((await api.get("/api/rest/v1/categories/kids")).body.labels).toEqual({ en_US: "Children", fr_FR: "Enfant", de_DE: "Kinder" });
    const options = await api.patchLines("/api/rest/v1/attributes/color/options", [{ code: "teal", labels: { en_US: "Teal" } }]);
    expect(options.lines).toEqual([{ line: 1, code: "teal", status_code: 201 }]);
    const family = await api.patchJson("/api/rest/v1/families/home", { attribute_requirements: { mobile: ["name", "color"] } });
    expect(family.status).toBe(204);
    expect((await api.get("/api/rest/v1/families/home")).body.attribute_requirements).toMatchObject({ mobile: ["color", "name", "sku"], ecommerce: expect.arrayContaining(["sku"]) });
    const attribute = await api.patchJson("/api/rest/v1/attributes/colour_code", { type: "pim_catalog_text", group: "general" });
    expect(attribute.status).toBe(201);
    expect((await api.patchJson("/api/rest/v1/attributes/colour_code", { type: "pim_catalog_number" })).status).toBe(422);
  });

  it("structure writes move the `updated` filter", async () => {
    const before = new Date(Date.now() - 2000).toISOString();
    await api.patchJson("/api/rest/v1/families/home", { labels: { en_US: "Home & living" } });
    const res = await api.get(`/api/rest/v1/families?search=${encodeURIComponent(JSON.stringify({ updated: [{ operator: ">", value: before }] }))}`);
    expect(res.body._embedded.items.map((f: any) => f.code)).toEqual(["home"]);
  });
});
