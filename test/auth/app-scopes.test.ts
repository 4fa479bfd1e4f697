import { describe, expect, it } from "vitest";
import { compareScopes } from "../../src/auth/compare-scopes.js";
import { explainAppForbidden } from "../../src/auth/explain-app-forbidden.js";
import { expandScopes, minimiseScopes, requiredAppScopes } from "../../src/auth/required-app-scopes.js";
import { HttpError } from "../../src/errors.js";
import { loadEntityDefinitions } from "../../src/manifest/entity-definitions.js";

describe("requiredAppScopes: least privilege, from connector/*.json requiredScopes", () => {
  it.each([
    [["categories"], { categories: ["pull"] }, ["read_categories"]],
    [["categories"], {}, ["write_categories"]],
    [["channels", "locales", "currencies"], {}, ["read_channel_localization", "read_channel_settings"]],
    // Products are mapped with the attribute catalog: attributes and their options are read too.
    [["products"], { products: ["pull"] }, ["read_attribute_options", "read_catalog_structure", "read_products"]],
    [["products", "categories"], {}, ["read_attribute_options", "read_catalog_structure", "write_categories", "write_products"]],
    // Attribute options walk their parent attributes.
    [["attribute_options"], { attribute_options: ["pull"] }, ["read_attribute_options", "read_catalog_structure"]],
    [["products", "families"], { products: ["pull"] }, ["read_attribute_options", "read_products", "write_catalog_structure"]],
    // A direction the entity does not support adds nothing.
    [["channels"], { channels: ["push"] }, []],
  ] as const)("%j in %j → %j", (entities, directions, scopes) => {
    expect(requiredAppScopes(entities, directions)).toEqual(scopes);
  });

  it("every entity, both directions: six scopes, write ones replacing their reads", () => {
    expect(requiredAppScopes([...loadEntityDefinitions().keys()])).toEqual([
      "read_channel_localization",
      "read_channel_settings",
      "write_attribute_options",
      "write_catalog_structure",
      "write_categories",
      "write_products",
    ]);
  });

  it("an unknown entity is a config error", () => {
    expect(() => requiredAppScopes(["widgets"])).toThrow(expect.objectContaining({ code: "CONFIG_INVALID", message: expect.stringContaining('unknown entity "widgets"') }));
  });

  it("minimise drops reads their write includes; expand adds them", () => {
    expect(minimiseScopes(["read_products", "write_products", "read_categories", "read_products"])).toEqual(["read_categories", "write_products"]);
    expect([...expandScopes(["write_products", "read_channel_settings"])].sort()).toEqual(["read_channel_settings", "read_products", "write_products"]);
  });
});

describe("compareScopes: granted vs required", () => {
  it.each([
    [["read_products"], ["read_products"], [], []],
    [["write_products"], ["read_products"], [], ["write_products"]],
    [["read_products"], ["write_products"], ["write_products"], []],
    [["read_products", "write_products"], ["write_products"], [], []],
    [["read_products", "openid", "email"], ["read_products", "read_categories"], ["read_categories"], []],
    [[], ["read_catalog_structure", "read_products"], ["read_catalog_structure", "read_products"], []],
    [["read_categories", "read_products", "write_categories"], ["read_products"], [], ["read_categories", "write_categories"]],
  ])("granted %j, required %j → missing %j, extra %j", (granted, required, missing, extra) => {
    expect(compareScopes(granted, required)).toEqual({ missing, extra });
  });
});

describe("explainAppForbidden: a 403 with an App token names the entity and the scope", () => {
  const forbidden = (method: string, url: string) =>
    new HttpError(`[akeneo] listing failed: ${method} ${url} → 403`, { code: "HTTP_FORBIDDEN", kind: "config", status: 403, method, url, akeneoMessage: "Access forbidden. You are not allowed to list categories." });

  it.each([
    ["GET", "/api/rest/v1/categories?limit=100", "read categories", "read_categories"],
    ["PATCH", "/api/rest/v1/products-uuid", "write products", "write_products"],
    ["GET", "/api/rest/v1/products/sku/with/slashes", "read products", "read_products"],
    ["GET", "/api/rest/v1/attributes/color/options?limit=100", "read attribute_options", "read_attribute_options"],
    ["GET", "/api/rest/v1/attributes?limit=100", "read attributes", "read_catalog_structure"],
    ["GET", "/api/rest/v1/media-files/a/b/c.jpg/download", "read products", "read_products"],
  ])("%s %s → %s needs %s", (method, url, what, scope) => {
    const error = explainAppForbidden(forbidden(method, url)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: "HTTP_FORBIDDEN", status: 403, method, url });
    expect(error.message).toContain(`the app may not ${what}: ${method} ${url.split("?")[0]} → 403 Access forbidden.`);
    expect(error.message).toContain(`needs the scope ${scope} for this`);
    expect(error.message).toContain("run akeneo-connector app authorize again");
  });

  it("leaves every other error alone", () => {
    const notFound = new HttpError("x", { code: "HTTP_NOT_FOUND", kind: "data", status: 404 });
    expect(explainAppForbidden(notFound)).toBe(notFound);
    const plain = new Error("boom");
    expect(explainAppForbidden(plain)).toBe(plain);
  });
});
