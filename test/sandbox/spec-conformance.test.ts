/**
 * Every payload the sandbox serves, validated against Akeneo's official Swagger 2.0 spec
 * (`../shared/akeneo-api/swagger-paas/akeneo-web-api.json`), so the sandbox cannot drift into a toy.
 * Swagger response schemas are converted to JSON Schema for ajv: `x-*`, examples and defaults
 * dropped, `format: dateTime` read as `date-time`. Where the spec is wrong about what Akeneo really
 * serves, the exception is listed below with its reason; nothing else is relaxed.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAjv } from "../../src/ajv.js";
import { basic, openSandbox, type TestApi } from "./sandbox-client.js";

const SPEC_FILE = fileURLToPath(new URL("../../../shared/akeneo-api/swagger-paas/akeneo-web-api.json", import.meta.url));
const spec = JSON.parse(readFileSync(SPEC_FILE, "utf8")) as { paths: Record<string, Record<string, { responses: Record<string, { schema?: unknown }> }>> };

/** Properties the spec types as a plain string/boolean/integer but Akeneo serves as `null` when unset. */
const NULLABLE: Record<string, string> = {
  family: "a product without family has `family: null` (NOTES §5; the spec's own default says so)",
  parent: "simple products, root product models and root categories have `parent: null`",
  locale: "non-localizable values have `locale: null` (standard format)",
  scope: "non-scopable values have `scope: null`; the token response has `scope: null` (NOTES §1)",
  attribute_as_image: "a family without image attribute has `attribute_as_image: null`",
  metric_family: "null for non-metric attributes (the spec's own attribute example)",
  default_metric_unit: "null for non-metric attributes (spec example)",
  reference_data_name: "null unless reference data (spec example)",
  max_characters: "null when unset (spec example)",
  validation_rule: "null when unset (spec example)",
  validation_regexp: "null when unset (spec example)",
  wysiwyg_enabled: "null for non-textarea attributes",
  number_min: "null when unset (spec example)",
  number_max: "null when unset (spec example)",
  decimals_allowed: "null for non-numeric attributes",
  negative_allowed: "null for non-numeric attributes",
  date_min: "null when unset (spec example)",
  date_max: "null when unset (spec example)",
  max_file_size: "null when unset (spec example)",
  default_value: "null when unset (spec example)",
};
/** Properties whose spec type is wrong for every value. */
const ANY_TYPE: Record<string, string> = {
  data: "a product value's `data` is a string, number, boolean, array or object depending on the attribute type; the spec says `object`",
};
/** Properties the sandbox serves that the spec's schema does not declare, although Akeneo serves them. */
const UNDECLARED: Record<string, string> = {
  minimum_input_length: "served by Akeneo on attributes (it is in the spec's own attribute example) but missing from the schema",
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-") || key === "example" || key === "examples" || key === "default") continue;
    if (key === "format") {
      if (value === "dateTime") out[key] = "date-time";
      else if (value !== "binary") out[key] = value;
    } else if (key === "properties" && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, convertProperty(name, schema)]));
    } else out[key] = convert(value);
  }
  return out;
}

function convertProperty(name: string, schema: unknown): unknown {
  if (name in ANY_TYPE) return {};
  const converted = convert(schema) as Json;
  if (name in NULLABLE && typeof converted["type"] === "string") converted["type"] = [converted["type"], "null"];
  return converted;
}

function schemaOf(path: string, method: string, status: number): Json {
  const schema = spec.paths[path]?.[method]?.responses[String(status)]?.schema;
  if (!schema) throw new Error(`the spec has no ${status} schema for ${method.toUpperCase()} ${path}`);
  return convert(schema) as Json;
}

const ajv = createAjv();
function expectConforms(path: string, method: string, status: number, payload: unknown): void {
  const validate = ajv.compile(schemaOf(path, method, status));
  const ok = validate(payload);
  expect(ok ? [] : validate.errors, `${method.toUpperCase()} ${path} → ${status}`).toEqual([]);
}

/** Top-level property names a schema declares (through allOf). */
function declared(schema: unknown, out = new Set<string>()): Set<string> {
  if (!isObject(schema)) return out;
  if (isObject(schema["properties"])) for (const name of Object.keys(schema["properties"])) out.add(name);
  if (Array.isArray(schema["allOf"])) for (const part of schema["allOf"]) declared(part, out);
  return out;
}

function expectNoUndeclared(path: string, items: Json[]): void {
  const itemSchema = ((schemaOf(path, "get", 200)["allOf"] as Json[])[1]!["properties"] as Json)["_embedded"] as Json;
  const names = declared(((itemSchema["properties"] as Json)["items"] as Json)["items"]);
  const extra = new Set(items.flatMap((item) => Object.keys(item)).filter((k) => !names.has(k) && !(k in UNDECLARED)));
  expect([...extra], `${path}: properties the spec does not declare`).toEqual([]);
}

let api: TestApi;
beforeAll(async () => (api = await openSandbox({ products: 80, seed: 5 })));
afterAll(async () => api.close());

/** Spec list path → request path, item spec path, and the item key. */
const LISTS: Array<[list: string, request: string, item: string, key: string]> = [
  ["/api/rest/v1/products-uuid", "/api/rest/v1/products-uuid?limit=100&with_count=true&with_completenesses=true", "/api/rest/v1/products-uuid/{uuid}", "uuid"],
  ["/api/rest/v1/products-uuid", "/api/rest/v1/products-uuid?pagination_type=search_after&limit=30&with_attribute_options=true&scope=ecommerce", "/api/rest/v1/products-uuid/{uuid}", "uuid"],
  ["/api/rest/v1/products", "/api/rest/v1/products?pagination_type=search_after&limit=100", "/api/rest/v1/products/{code}", "identifier"],
  ["/api/rest/v1/product-models", "/api/rest/v1/product-models?limit=100", "/api/rest/v1/product-models/{code}", "code"],
  ["/api/rest/v1/categories", "/api/rest/v1/categories?limit=100&with_position=true", "/api/rest/v1/categories/{code}", "code"],
  ["/api/rest/v1/families", "/api/rest/v1/families?limit=100", "/api/rest/v1/families/{code}", "code"],
  ["/api/rest/v1/families/{family_code}/variants", "/api/rest/v1/families/clothing/variants", "/api/rest/v1/families/{family_code}/variants/{code}", "code"],
  ["/api/rest/v1/attributes", "/api/rest/v1/attributes?limit=100", "/api/rest/v1/attributes/{code}", "code"],
  ["/api/rest/v1/attributes/{attribute_code}/options", "/api/rest/v1/attributes/materials/options?limit=100", "/api/rest/v1/attributes/{attribute_code}/options/{code}", "code"],
  ["/api/rest/v1/attribute-groups", "/api/rest/v1/attribute-groups", "/api/rest/v1/attribute-groups/{code}", "code"],
  ["/api/rest/v1/channels", "/api/rest/v1/channels", "/api/rest/v1/channels/{code}", "code"],
  ["/api/rest/v1/locales", "/api/rest/v1/locales?limit=100", "/api/rest/v1/locales/{code}", "code"],
  ["/api/rest/v1/currencies", "/api/rest/v1/currencies", "/api/rest/v1/currencies/{code}", "code"],
  ["/api/rest/v1/association-types", "/api/rest/v1/association-types", "/api/rest/v1/association-types/{code}", "code"],
  ["/api/rest/v1/media-files", "/api/rest/v1/media-files?limit=100&with_count=true", "/api/rest/v1/media-files/{code}", "code"],
];

describe("sandbox conformance to Akeneo's spec", () => {
  it.each(LISTS)("GET %s: every page and every item, and each item's GET", async (list, request, item) => {
    let next: string | undefined = request;
    const items: Json[] = [];
    while (next) {
      const page = await api.get(next);
      expect(page.status).toBe(200);
      expectConforms(list, "get", 200, page.body);
      items.push(...page.body._embedded.items);
      next = page.body._links.next?.href;
    }
    expect(items.length).toBeGreaterThan(0);
    expectNoUndeclared(list, items);
    for (const served of items.slice(0, 15)) {
      const single = await api.get((served["_links"] as { self: { href: string } }).self.href);
      expect(single.status).toBe(200);
      expectConforms(item, "get", 200, single.body);
    }
  });

  it("API root, system information and the token response", async () => {
    expectConforms("/api/rest/v1", "get", 200, (await api.call("/api/rest/v1", { auth: false })).json());
    expectConforms("/api/rest/v1/system-information", "get", 200, (await api.call("/api/rest/v1/system-information", { auth: false })).json());
    const { clientId, clientSecret, username, password } = api.sandbox.credentials;
    const token = await api.call("/api/oauth/v1/token", {
      method: "POST", auth: false, headers: { "content-type": "application/json", authorization: basic(clientId, clientSecret) },
      body: JSON.stringify({ grant_type: "password", username, password }),
    });
    expectConforms("/api/oauth/v1/token", "post", 200, token.json());
    const refused = await api.call("/api/oauth/v1/token", {
      method: "POST", auth: false, headers: { "content-type": "application/json", authorization: basic(clientId, "wrong") },
      body: JSON.stringify({ grant_type: "password", username, password }),
    });
    expectConforms("/api/oauth/v1/token", "post", 422, refused.json());
  });

  it("error bodies: 401, 404, 406, 422, 413, 415", async () => {
    expectConforms("/api/rest/v1/products-uuid", "get", 401, (await api.call("/api/rest/v1/products-uuid", { auth: false })).json());
    expectConforms("/api/rest/v1/products-uuid/{uuid}", "get", 404, (await api.get("/api/rest/v1/products-uuid/00000000-0000-4000-8000-000000000000")).body);
    expectConforms("/api/rest/v1/products-uuid", "get", 406, (await api.call("/api/rest/v1/products-uuid", { headers: { accept: "text/xml" } })).json());
    expectConforms("/api/rest/v1/products-uuid", "get", 422, (await api.get("/api/rest/v1/products-uuid?limit=500")).body);
    const tooMany = await api.patchLines("/api/rest/v1/products-uuid", Array.from({ length: 101 }, () => ({})));
    expectConforms("/api/rest/v1/products-uuid", "patch", 413, JSON.parse(tooMany.text));
    const wrongType = await api.call("/api/rest/v1/products-uuid", { method: "PATCH", headers: { "content-type": "text/csv" }, body: "" });
    expectConforms("/api/rest/v1/products-uuid", "patch", 415, wrongType.json());
    const invalid = await api.patchJson(`/api/rest/v1/products-uuid/${api.sandbox.store.products.at(0)!.uuid}`, { family: "nope" });
    expectConforms("/api/rest/v1/products-uuid/{uuid}", "patch", 422, invalid.body);
  });

  it("collection PATCH response lines", async () => {
    const uuid = api.sandbox.store.products.at(1)!.uuid;
    const products = await api.patchLines("/api/rest/v1/products-uuid", [{ uuid, enabled: true }, { uuid: "7f1d1f3e-2c2b-4d4e-8f8f-111122223333", family: "nope" }, { nope: 1 }]);
    for (const line of products.lines) expectConforms("/api/rest/v1/products-uuid", "patch", 200, line);
    const byIdentifier = await api.patchLines("/api/rest/v1/products", [{ identifier: "CONF-1" }, { identifier: "CONF-2", group: [] }]);
    for (const line of byIdentifier.lines) expectConforms("/api/rest/v1/products", "patch", 200, line);
    const categories = await api.patchLines("/api/rest/v1/categories", [{ code: "conf", parent: "master" }, { code: "bad", parent: "nope" }]);
    for (const line of categories.lines) expectConforms("/api/rest/v1/categories", "patch", 200, line);
  });
});
