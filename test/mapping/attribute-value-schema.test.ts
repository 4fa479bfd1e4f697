/**
 * The canonical `attributeValue` and `data` definitions are written so that the values a pull
 * produces (scalars, arrays, metrics, locale maps) pass without a failing subschema: the anyOf
 * form made every valid localized value cost a dozen error objects, and even an if/then/else on
 * the type cost two per scalar (ajv builds an error for each failing `if`). They must accept and
 * reject exactly what the anyOf form did.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAjv } from "../../src/ajv.js";

const REFERENCE = {
  scalar: { type: ["string", "number", "boolean", "null"] },
  metric: { type: "object", additionalProperties: false, required: ["amount", "unit"], properties: { amount: { type: ["number", "null"] }, unit: { type: ["string", "null"] } } },
  localeCode: { type: "string", pattern: "^[a-z]{2,3}(_[A-Za-z0-9]{2,4})+$" },
  data: {
    anyOf: [
      { $ref: "#/definitions/scalar" },
      { $ref: "#/definitions/metric" },
      { type: "array", items: { type: ["string", "number", "object"] } },
      { type: "object", required: ["type"], properties: { type: { enum: ["product", "product_model"] } } },
    ],
  },
  localeMap: { type: "object", minProperties: 1, propertyNames: { $ref: "#/definitions/localeCode" }, additionalProperties: { $ref: "#/definitions/data" } },
  attributeValue: { anyOf: [{ $ref: "#/definitions/data" }, { $ref: "#/definitions/localeMap" }] },
};

const SAMPLES: unknown[] = [
  "text", 3, 2.5, true, false, null, [], ["a", "b"], [1, { amount: 1, currency: "EUR" }], [true], [null], [[1]],
  { amount: 1, unit: "KILOGRAM" }, { amount: null, unit: null }, { amount: "1", unit: "KILOGRAM" }, { amount: 1 }, { unit: "KILOGRAM" },
  { amount: 1, unit: "KILOGRAM", extra: 1 }, { amount: 1, unit: "KILOGRAM", en_US: "x" },
  { type: "product", id: "u" }, { type: "product_model", identifier: "m" }, { type: "other" }, { type: "product", en_US: "x" }, { type: 1 },
  {}, { en_US: "x" }, { en_US: "x", fr_FR: null }, { en_US: { amount: 1, unit: "G" } }, { en_US: ["a"] }, { en_US: { type: "product" } },
  { en_US: { en_US: "x" } }, { en_US: {} }, { EN: "x" }, { en_US: "x", amount: 1 }, { en_US: "x", type: "product" }, { en_US: undefined },
  { unit: "KILOGRAM", en_US: "x" }, { amount: 1, unit: "KILOGRAM", type: "product" }, { amount: 1, unit: "KILOGRAM", fr_FR: null }, { en_US: { amount: 1 } },
  { en_US: { type: "product_model", identifier: "m" } }, { en_US: {}, fr_FR: "x" }, { en_US: [{}], de_DE: [null] }, [{}], ["a", null], { amount: [], unit: "G" },
];

for (const entity of ["products", "product_models"]) {
  describe(`canonical ${entity}: attribute values`, () => {
    const schema = JSON.parse(readFileSync(`schemas/canonical/${entity}.schema.json`, "utf8")) as { definitions: Record<string, unknown> };
    const actual = createAjv().compile({ definitions: schema.definitions, $ref: "#/definitions/attributeValue" });
    const expected = createAjv().compile({ definitions: REFERENCE, $ref: "#/definitions/attributeValue" });

    it.each(SAMPLES.map((sample) => [JSON.stringify(sample) ?? "undefined", sample] as const))("%s is judged as the anyOf form judges it", (_name, sample) => {
      expect(actual(sample)).toBe(expected(sample));
    });

    it("rejects with the chosen branch's reason", () => {
      const reasons = (sample: unknown) => {
        expect(actual(sample)).toBe(false);
        return actual.errors?.map((e) => `${e.instancePath} ${e.message}${e.params["propertyName"] ? ` (${String(e.params["propertyName"])})` : ""}`);
      };
      expect(reasons({ amount: "1", unit: "KILOGRAM" })).toContain("/amount must be number,null");
      // A locale map with a misspelt locale names the key, not a product link's missing `type`.
      expect(reasons({ "en-US": "x" })).toContain(" property name must be valid (en-US)");
      expect(reasons({ amount: 1, unit: "KILOGRAM", weight: 2 })).toContain(" must NOT have additional properties");
      expect(reasons({ amount: 1, unit: "KILOGRAM", en_US: "x" })).toContain(" must NOT have additional properties");
      expect(reasons({ type: "other" })).toContain("/type must be equal to one of the allowed values");
    });
  });
}
