/**
 * Validators precompiled by the build (scripts/gen-validators.mjs, run by `npm test` before the
 * tests) must be the validators a run would compile: same verdicts, same errors, same defaults filled in.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAjv } from "../src/ajv.js";
import { compileSchema, precompiledValidatorPath } from "../src/compile-schema.js";
import { CONFIG_AJV_OPTIONS } from "../src/config/config-validator.js";
import { buildConfigSchema } from "../src/manifest/build-config-schema.js";
import { loadManifest } from "../src/manifest/load-manifest.js";
import { manifestDefaultsSchema } from "../src/manifest/check-manifest-consistency.js";
import { recordSchema } from "../src/mapping/schema-validators.js";

const product = JSON.parse(readFileSync("schemas/canonical/products.schema.json", "utf8")).examples[0] as Record<string, unknown>;
const config = () => ({
  credentials: { baseUrl: "https://pim.example.com", clientId: "id", clientSecret: "secret", username: "user", password: "pass" },
  settings: { channel: "ecommerce", locales: ["en_US"] },
});

const cases: Array<[string, () => object, Record<string, unknown>, unknown[]]> = [
  ["a canonical record schema", () => recordSchema("schemas/canonical/products.schema.json"), {}, [product, { ...product, sku: 3 }, { ...product, extra: 1, createdAt: "yesterday" }, {}]],
  ["its partial variant (push input)", () => recordSchema("schemas/canonical/products.schema.json", { partial: true }), {}, [{ uuid: product["uuid"] }, { uuid: "not-a-uuid", enabled: "yes" }]],
  ["an Akeneo payload schema", () => recordSchema("schemas/akeneo/products.schema.json"), {}, [{ uuid: product["uuid"], values: {} }, { values: { name: [{ locale: 1 }] } }]],
  ["the manifest schema", () => JSON.parse(readFileSync("schemas/manifest.schema.json", "utf8")), {}, [loadManifest(), { authModes: [] }]],
  ["the manifest's defaults check", () => manifestDefaultsSchema(loadManifest()), {}, [{}, { "0": { not: "a default" }, "1": -1 }]],
  ["the config schema (defaults filled in)", () => buildConfigSchema(loadManifest(), { authMode: loadManifest().authModes[0].id }), CONFIG_AJV_OPTIONS, [config(), { ...config(), settings: { channel: 5 } }, {}]],
];

describe("precompiled validators", () => {
  it.each(cases)("%s: the build precompiled it, and it judges as a run-time compile does", (_name, schemaOf, options, samples) => {
    const schema = schemaOf();
    expect(existsSync(precompiledValidatorPath(schema, options))).toBe(true);
    const built = compileSchema(schema, options);
    const compiled = createAjv(options).compile(schema);
    expect(built).not.toBe(compiled);
    for (const sample of samples) {
      const [a, b] = [structuredClone(sample), structuredClone(sample)];
      expect(built(a)).toBe(compiled(b));
      expect(JSON.stringify(built.errors)).toBe(JSON.stringify(compiled.errors));
      expect(a).toEqual(b); // defaults filled in alike
    }
  });

  it("a schema the build did not see is compiled at run time", () => {
    const schema = { type: "object", required: ["a"], properties: { a: { type: "integer", minimum: 2 } } };
    expect(existsSync(precompiledValidatorPath(schema))).toBe(false);
    const validate = compileSchema(schema);
    expect(validate({ a: 2 })).toBe(true);
    expect(validate({ a: 1 })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: "/a", keyword: "minimum" });
  });
});
