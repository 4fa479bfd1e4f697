/**
 * Bad input gets a clear error and nothing is lost: a syntax error refuses to compile (file, line,
 * column, token); a record whose evaluation fails, whose output or input fails its schema, or whose
 * expression runs away is reported with its key and reason, and the other records still map.
 */
import { describe, expect, it } from "vitest";
import { isValidationError } from "../../src/errors.js";
import { compileMapping } from "../../src/mapping/compile-mapping.js";
import { createMapper } from "../../src/mapping/create-mapper.js";
import { MappingSyntaxError } from "../../src/mapping/mapping-syntax-error.js";
import { errorOf, FIXTURES, mapperFor, readJson, testCatalog, valueOf } from "./helpers/mapping-fixtures.js";

const product = readJson<{ cases: Array<{ akeneo: Record<string, unknown> }> }>(`${FIXTURES}/golden/products.json`).cases[0]!.akeneo;
const KEY = "25566245-55c3-42ce-86d9-8610ac459fa8";

function syntaxError(run: () => unknown): MappingSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof MappingSyntaxError) return error;
    throw error;
  }
  throw new Error("expected a MappingSyntaxError");
}

describe("syntax errors refuse to compile", () => {
  it("reports the file, line, column and token of an override file", () => {
    const error = syntaxError(() => compileMapping({ entity: "products", direction: "pull", source: { file: "broken.jsonata" }, baseDir: `${FIXTURES}/overrides` }));
    expect(error).toMatchObject({ code: "MAPPING_SYNTAX", kind: "config", line: 5, column: 1, token: "}", jsonataCode: "S0211" });
    expect(error.origin).toMatch(/overrides\/broken\.jsonata$/);
    expect(error.message).toMatch(/^\[mapping\] syntax error in .*broken\.jsonata:5:1 at "}": The symbol "}" cannot be used as a unary operator \(S0211\)$/);
  });

  it.each([
    ["{ 'a': 1, ", 1, 11, "the end", "S0203"],
    ["(\n  $x := 1;\n  { 'a': $x +  }\n)", 3, 16, '"}"', "S0211"],
    ['{ "a": "unterminated }', 1, 23, undefined, "S0101"],
    ["$$$ ^^ (", 1, 6, '"^"', "S0202"],
  ])("inline %j → line %i column %i", (expression, line, column, token, code) => {
    const error = syntaxError(() => compileMapping({ entity: "products", direction: "pull", source: { expression } }));
    expect(error.origin).toBe("<inline>");
    expect([error.line, error.column]).toEqual([line, column]);
    if (token) expect(error.message).toContain(`at ${token}`);
    if (code) expect(error.jsonataCode).toBe(code);
  });

  it("names unknown entities, missing directions and missing files as configuration errors", () => {
    expect(() => compileMapping({ entity: "widgets", direction: "pull" })).toThrow(expect.objectContaining({ code: "CONFIG_INVALID" }));
    expect(() => compileMapping({ entity: "channels", direction: "push" })).toThrow(/entity "channels" has no push direction/);
    expect(() => compileMapping({ entity: "products", direction: "pull", source: { file: "nope.jsonata" }, baseDir: FIXTURES })).toThrow(
      expect.objectContaining({ code: "CONFIG_NOT_FOUND", kind: "config" }),
    );
  });
});

describe("a failing record is set aside with its key and reason", () => {
  it("reports an evaluation error with the record's key, the position and jsonata's code", async () => {
    const mapper = mapperFor("products", "pull", { expression: '{\n  "uuid": uuid,\n  "x": $number(family)\n}' });
    const failed = errorOf(await mapper.map(product));
    expect(failed.key).toBe(KEY);
    expect(failed.error).toMatchObject({ code: "MAPPING_FAILED", kind: "data" });
    expect(failed.error.message).toBe(
      `[mapping] products pull: record "${KEY}": evaluation failed at <inline>:3:15: Unable to cast value to a number: "tshirt" (D3030)`,
    );
  });

  it("reports a helper's error (an unknown attribute on push) with the key", async () => {
    const failed = errorOf(await mapperFor("products", "push").map({ uuid: KEY, attributes: { nope: 1 } }));
    expect(failed.error.message).toMatch(/record "25566245-.*": evaluation failed at .*products\.push\.jsonata:\d+:\d+: unknown attribute "nope"/);
  });

  it("reports an output that does not match the canonical schema with JSON pointers", async () => {
    const mapper = mapperFor("products", "pull", { expression: '{ "uuid": "not-a-uuid", "enabled": "yes" }' });
    const failed = errorOf(await mapper.map({ code: "x" }));
    expect(failed.error.code).toBe("MAPPING_OUTPUT_INVALID");
    expect(failed.error.message).toMatch(/^\[mapping\] products pull: record \(no key\): output does not match schemas\/canonical\/products\.schema\.json: \/sku is required; .*; and 7 more$/);
    expect(isValidationError(failed.error) && failed.error.issues).toEqual(
      expect.arrayContaining([{ path: "/enabled", message: "must be boolean" }, { path: "/uuid", message: 'must match format "uuid"' }]),
    );
  });

  it("reports an output that does not match the Akeneo payload on push", async () => {
    const mapper = mapperFor("categories", "push", { expression: '{ "code": code, "labels": null }' });
    const failed = errorOf(await mapper.map({ code: "master" }));
    expect(failed).toMatchObject({ key: "master", error: { code: "MAPPING_OUTPUT_INVALID", issues: [{ path: "/labels", message: "must be object" }] } });
  });

  it("reports an output that is not an object", async () => {
    const failed = errorOf(await mapperFor("locales", "pull", { expression: "code" }).map({ code: "en_US" }));
    expect(failed.error.message).toContain("(root) must be an object, the mapping produced string");
  });

  it("rejects a canonical record that does not match its schema before pushing it (RECORD_INVALID)", async () => {
    const failed = errorOf(await mapperFor("products", "push").map({ uuid: KEY, prices: [{ amount: "12", currency: "EUR" }] }));
    expect(failed.error).toMatchObject({ code: "RECORD_INVALID", issues: [{ path: "/prices/0/amount", message: "must be number,null" }] });
  });

  it("names the record without key as such", async () => {
    const failed = errorOf(await mapperFor("products", "push").map({ sku: null }));
    expect(failed.key).toBeNull();
    expect(failed.error.message).toContain("record (no key)");
  });

  it("reports an option-label load failure with the key, and retries it for the next record", async () => {
    const catalog = { ...testCatalog(), optionLabels: async () => Promise.reject(new Error("HTTP 503")) };
    const compiled = compileMapping({ entity: "products", direction: "pull", source: { file: "products-with-color-label.pull.jsonata" }, baseDir: `${FIXTURES}/overrides` });
    const mapper = createMapper({ compiled, catalog, lookups: { channels: {} } });
    const failed = errorOf(await mapper.map(product));
    expect(failed.error.message).toBe(`[mapping] products pull: record "${KEY}": option labels could not be loaded: HTTP 503`);
    expect(errorOf(await mapper.map(product)).error.code).toBe("MAPPING_FAILED");
  });
});

describe("guardrails stop a runaway expression for that record only", () => {
  const runaway = (body: string) => `{ "code": code, "x": code = "runaway" ? (${body}) : "fine" }`;
  const cases = [
    ["self-application (ω combinator)", "(function($f){$f($f)})(function($f){$f($f)})", "D1012"],
    ["a tail-recursive infinite loop", "($loop := function($n){ $loop($n + 1) }; $loop(0))", "D1012"],
    ["unbounded recursion", "($deep := function($n){ 1 + $deep($n + 1) }; $deep(0))", "D1011"],
  ] as const;

  it.each(cases)("%s fails with %s while 50 concurrent records map", async (_name, body, code) => {
    const mapper = mapperFor("locales", "pull", { expression: runaway(body), limits: { timeoutMs: 100, maxDepth: 200 }, validate: false });
    const records = Array.from({ length: 50 }, (_, i) => ({ code: i === 25 ? "runaway" : `l${i}` }));
    const results = await Promise.all(records.map((record) => mapper.map(record)));
    const failures = results.filter((r) => !r.ok);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ key: "runaway", error: { code: "MAPPING_FAILED" } });
    expect(errorOf(failures[0]!).error.message).toContain(`(${code})`);
    expect(results.filter((r) => r.ok).map((r) => valueOf(r)["x"])).toEqual(Array(49).fill("fine"));
  });

  it("uses the compiled limits unless the mapper asks for others", () => {
    const compiled = compileMapping({ entity: "locales", direction: "pull" });
    expect(compiled.limits).toEqual({ timeoutMs: 1000, maxDepth: 500 });
    expect(compiled.expressionFor({ timeoutMs: 1000, maxDepth: 500 })).toBe(compiled.expressionFor(compiled.limits));
    expect(compiled.expressionFor({ timeoutMs: 5, maxDepth: 10 })).not.toBe(compiled.expressionFor(compiled.limits));
  });
});
