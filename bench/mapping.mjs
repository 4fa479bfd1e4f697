// Mapping benchmark (`npm run bench -- mapping`): µs per record, in one process, for the default
// products pull mapping, a hand-written function producing the same output, and the same mapping
// written with plain JSONata path filters. Runs on the built package (dist/). Figures only, no
// assertions; test/mapping/bench-parity.test.ts proves the three outputs are identical. For
// reference it also times the default mapping with schema validation, and on jsonata's own
// evaluator (the synchronous fast path off, src/mapping/fast-path.ts).
import { readFileSync } from "node:fs";
import { compileMapping, createMapper, createMappingCatalog } from "../dist/index.js";
import { BENCH_BASE_URL, BENCH_SETTINGS, benchAttributes, benchProduct } from "./mapping/fixture.mjs";
import { productPullByHand } from "./mapping/product-pull-by-hand.mjs";

const RECORDS = 200;
const WARMUP_MS = 1000;
const RUN_MS = 3000;

const catalog = createMappingCatalog({ attributes: benchAttributes(), baseUrl: BENCH_BASE_URL });
const products = Array.from({ length: RECORDS }, (_, i) => benchProduct(i + 1));
const plainSettings = {
  ...BENCH_SETTINGS,
  catalog: Object.fromEntries([...catalog.attributes].map(([code, a]) => [code, a])),
  mediaBase: BENCH_BASE_URL,
};

function mapperFor(source, settings, validate, fastPath = true) {
  const compiled = compileMapping({ entity: "products", direction: "pull", ...(source ? { source } : {}) });
  return createMapper({ compiled, settings, catalog, validate, fastPath });
}

async function measure(run) {
  const deadline = (ms) => process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  for (const end = deadline(WARMUP_MS); process.hrtime.bigint() < end; ) await run();
  let records = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(RUN_MS) * 1_000_000n;
  while (process.hrtime.bigint() < end) {
    await run();
    records += RECORDS;
  }
  return Number(process.hrtime.bigint() - start) / 1000 / records;
}

const viaMapper = (mapper) => async () => {
  for (const p of products) {
    const result = await mapper.map(p);
    if (!result.ok) throw result.error;
  }
};

const plainText = readFileSync(new URL("./mapping/products.pull.plain.jsonata", import.meta.url), "utf8");
const hand = await measure(async () => {
  for (const p of products) productPullByHand(p, BENCH_SETTINGS, catalog);
});
const mapping = await measure(viaMapper(mapperFor(undefined, BENCH_SETTINGS, false)));
const validated = await measure(viaMapper(mapperFor(undefined, BENCH_SETTINGS, true)));
const interpreted = await measure(viaMapper(mapperFor(undefined, BENCH_SETTINGS, false, false)));
const plain = await measure(viaMapper(mapperFor({ expression: plainText }, plainSettings, false)));

const f = (us) => `${us.toFixed(1).padStart(8)} µs/record`;
console.log(`synthetic product: ${Object.keys(products[0].values).length} attributes, ${BENCH_SETTINGS.locales.length} locales, 2 channels; node ${process.version}`);
console.log(`hand-written TypeScript function      ${f(hand)}`);
console.log(`default mapping (helpers)             ${f(mapping)}`);
console.log(`default mapping + schema validation   ${f(validated)}`);
console.log(`default mapping, jsonata evaluator    ${f(interpreted)}  (fast path off, for reference)`);
console.log(`plain JSONata path filters            ${f(plain)}`);
console.log(`default / hand-written  = ${(mapping / hand).toFixed(2)}×  (target ≤ 4×)`);
console.log(`plain filters / default = ${(plain / mapping).toFixed(2)}×  (target ≥ 5×)`);
