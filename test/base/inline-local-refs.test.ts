import { describe, expect, it } from "vitest";
import { createAjv, inlineLocalRefs } from "../../src/ajv.js";

describe("inlineLocalRefs", () => {
  const schema = {
    type: "object",
    properties: { a: { $ref: "#/definitions/pair" }, b: { type: "array", items: { $ref: "#/definitions/leaf" } } },
    definitions: { pair: { type: "object", properties: { x: { $ref: "#/definitions/leaf" } } }, leaf: { type: "string", minLength: 1 } },
  };

  it("replaces every local reference by its definition, nested ones included, and leaves the input alone", () => {
    const inlined = inlineLocalRefs(schema);
    expect(inlined.properties.a).toEqual({ type: "object", properties: { x: { type: "string", minLength: 1 } } });
    expect(inlined.properties.b.items).toEqual({ type: "string", minLength: 1 });
    expect(JSON.stringify(inlined.properties)).not.toContain("$ref");
    expect(schema.properties.a).toEqual({ $ref: "#/definitions/pair" });
  });

  it("validates exactly as the schema with references does", () => {
    const [withRefs, inlined] = [createAjv().compile(schema), createAjv().compile(inlineLocalRefs(schema))];
    for (const sample of [{ a: { x: "s" }, b: ["t"] }, { a: { x: "" } }, { b: [1] }, { a: 1 }, {}]) expect(inlined(sample)).toBe(withRefs(sample));
  });

  it("refuses a recursive or a missing definition, naming it", () => {
    expect(() => inlineLocalRefs({ definitions: { node: { properties: { next: { $ref: "#/definitions/node" } } } }, $ref: "#/definitions/node" })).toThrow(
      "#/definitions/node is recursive",
    );
    expect(() => inlineLocalRefs({ properties: { a: { $ref: "#/definitions/nope" } } })).toThrow("#/definitions/nope is not defined");
  });
});
