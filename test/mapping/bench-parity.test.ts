/**
 * The benchmark compares three ways to the same output; this proves they agree, so the figures
 * compare equal work. No timing here: `npm run bench -- mapping` measures.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BENCH_BASE_URL, BENCH_SETTINGS, benchAttributes, benchProduct } from "../../bench/mapping/fixture.mjs";
import { productPullByHand } from "../../bench/mapping/product-pull-by-hand.mjs";
import { compileMapping } from "../../src/mapping/compile-mapping.js";
import { createMapper } from "../../src/mapping/create-mapper.js";
import { createMappingCatalog } from "../../src/mapping/create-mapping-catalog.js";
import type { MappingSource } from "../../src/mapping/mapping-types.js";

const catalog = createMappingCatalog({ attributes: benchAttributes(), baseUrl: BENCH_BASE_URL });
const plainSettings = { ...BENCH_SETTINGS, catalog: Object.fromEntries(catalog.attributes), mediaBase: BENCH_BASE_URL };

async function mapWith(source: MappingSource | undefined, settings: object, product: Record<string, unknown>): Promise<unknown> {
  const compiled = compileMapping({ entity: "products", direction: "pull", ...(source ? { source } : {}) });
  const result = await createMapper({ compiled, settings, catalog }).map(product);
  if (!result.ok) throw result.error;
  return JSON.parse(JSON.stringify(result.value));
}

describe("benchmark parity", () => {
  const products = [benchProduct(7), benchProduct(8)];

  it("has ~45 attributes across 3 locales and 2 channels", () => {
    expect(Object.keys(products[0]!["values"] as object)).toHaveLength(46);
    expect((products[0]!["values"] as Record<string, unknown[]>)["description"]).toHaveLength(6);
  });

  it.each(products)("the hand-written function produces exactly the default mapping's output (%#)", async (product) => {
    const mapped = await mapWith(undefined, BENCH_SETTINGS, product);
    expect(productPullByHand(product, BENCH_SETTINGS, catalog)).toStrictEqual(mapped);
  });

  it.each(products)("the plain-filter mapping produces exactly the default mapping's output (%#)", async (product) => {
    const mapped = await mapWith(undefined, BENCH_SETTINGS, product);
    const plain = await mapWith({ expression: readFileSync("bench/mapping/products.pull.plain.jsonata", "utf8") }, plainSettings, product);
    expect(plain).toStrictEqual(mapped);
  });
});
