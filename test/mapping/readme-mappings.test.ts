/**
 * The README's "Mappings" section documents every helper with one example, and every example is
 * true: each row's expression, evaluated on the documented sample, gives the documented result.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HELPER_NAMES } from "../../src/mapping/register-helpers.js";
import { FIXTURES, mapperFor, readJson, valueOf } from "./helpers/mapping-fixtures.js";

const readme = readFileSync("README.md", "utf8");
const section = readme.slice(readme.indexOf("\n## Mappings\n"), readme.indexOf("\n## ", readme.indexOf("\n## Mappings\n") + 5));
const rows = section
  .split("\n")
  .filter((line) => line.startsWith("| `$"))
  .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/^`|`$/g, "")))
  .map(([, signature, , example, result]) => ({ name: /^\$(\w+)\(/.exec(signature!)?.[1], example: example!, result: result! }));
const product = readJson<{ cases: Array<{ akeneo: object }> }>(`${FIXTURES}/golden/products.json`).cases[0]!.akeneo;

describe("README Mappings section", () => {
  it("documents every helper exactly once", () => {
    expect(rows.map((row) => row.name).sort()).toEqual([...HELPER_NAMES].sort());
  });

  it.each(rows.map((row) => [row.name, row] as const))("$%s: the example gives the documented result", async (_name, row) => {
    const mapper = mapperFor("products", "pull", { expression: `{ "r": ${row.example} }`, validate: false, lookups: { colors: { black: "#000000" } } });
    expect(valueOf(await mapper.map(product))["r"]).toEqual(JSON.parse(row.result));
  });
});
