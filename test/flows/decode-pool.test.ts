/**
 * Pages of a partitioned pull decoded and mapped in worker threads (src/flows/decode-pool.ts,
 * running dist/decode-worker.js, built by `npm test` before the tests) must give exactly what
 * decoding on the calling thread gives: the same records, the same failures, the same errors.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageBody } from "../../src/akeneo/akeneo-client.js";
import { decodePageBody } from "../../src/akeneo/parse-page.js";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";
import { compileMapping } from "../../src/mapping/compile-mapping.js";
import { createMapper } from "../../src/mapping/create-mapper.js";
import { createMappingCatalog } from "../../src/mapping/create-mapping-catalog.js";
import { startDecodePool } from "../../src/flows/decode-pool.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { pullAll, sandboxConfig, sandboxSubscription } from "../helpers/sandbox-subscription.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ products: 900, seed: 11 });
});
afterAll(() => sandbox.close());

const byUuid = (records: Record<string, unknown>[]) => [...records].sort((a, b) => String(a["uuid"]).localeCompare(String(b["uuid"])));
const byKey = (failures: unknown[]) => [...(failures as Array<{ key: string }>)].sort((a, b) => a.key.localeCompare(b.key));

async function pullWith(decodeWorkers: number, mappings?: Record<string, unknown>) {
  const config = sandboxConfig(sandbox, { credentials: { concurrentConnections: 3 }, ...(mappings ? { mappings } : {}) });
  const subscription = sandboxSubscription(sandbox, config, { decodeWorkers });
  try {
    return await pullAll(subscription, "products", { full: true });
  } finally {
    await subscription.close();
  }
}

describe("a pull decoded in worker threads", () => {
  it("gives exactly the records of a pull decoded on the calling thread", async () => {
    const [here, workers] = [await pullWith(0), await pullWith(2)];
    expect(here.report.decodeWorkers).toBe(0);
    expect(workers.report.decodeWorkers).toBe(2);
    expect(workers.report.partitions).toBeGreaterThan(1);
    expect(workers.records).toHaveLength(sandbox.store.catalog().products.length);
    expect(JSON.stringify(byUuid(workers.records))).toBe(JSON.stringify(byUuid(here.records)));
    expect(workers.failures).toEqual([]);
  });

  it("reports the same failures, with the same keys and messages, for a mapping that fails on some records", async () => {
    // The default mapping, but a helper fails for every product whose uuid starts with a digit below 4.
    const expression = readFileSync("mappings/products.pull.jsonata", "utf8").replace('"createdAt": $utc(created)', '"createdAt": $substring(uuid, 0, 1) < "4" ? $utc("not a date") : $utc(created)');
    expect(expression).toContain("not a date");
    const mappings = { products: { pull: { expression } } };
    const [here, workers] = [await pullWith(0, mappings), await pullWith(1, mappings)];
    expect(workers.report.decodeWorkers).toBe(1);
    expect(here.failures.length).toBeGreaterThan(0);
    expect(here.records.length).toBeGreaterThan(0);
    expect(byKey(workers.failures)).toEqual(byKey(here.failures));
    expect(JSON.stringify(byUuid(workers.records))).toBe(JSON.stringify(byUuid(here.records)));
  });
});

describe("startDecodePool", () => {
  const definition = getEntityDefinition("products");
  const mapper = () =>
    createMapper({
      compiled: compileMapping({ entity: "products", direction: "pull" }),
      settings: { channel: "ecommerce", locales: ["en_US"] },
      catalog: createMappingCatalog({ attributes: [...sandbox.store.catalog().attributes] as unknown as Array<Record<string, unknown>>, baseUrl: sandbox.url }),
    });
  const label = { area: "[akeneo]", what: "listing products failed", method: "GET", path: "/api/rest/v1/products-uuid?limit=100" };
  const page = (text: string): PageBody => ({ body: Buffer.from(text), status: 200, contentType: "application/json", label });
  const body = (items: unknown[]) => JSON.stringify({ _links: { next: { href: "http://x/next" } }, _embedded: { items } });

  it("needs a mapper that can be rebuilt from data: one that loads option labels decodes on the calling thread", () => {
    const compiled = compileMapping({ entity: "products", direction: "pull", source: { expression: '{ "uuid": uuid, "c": $optionLabel("color", "red") }' } });
    const withLabels = createMapper({ compiled, catalog: createMappingCatalog({ attributes: [], optionLabels: async () => ({}) }) });
    expect(withLabels.spec).toBeUndefined();
    expect(startDecodePool(withLabels, definition, 1)).toBeUndefined();
  });

  it("answers with the items' key fields, the next link, and each item's map result; a bad body is the same error as on the calling thread", async () => {
    const base = mapper();
    const pool = startDecodePool(base, definition, 1)!;
    try {
      const items = sandbox.store.catalog().products.slice(0, 3);
      const decoded = await pool.decode(page(body(items)));
      expect(decoded.nextHref).toBe("http://x/next");
      expect(decoded.items.map((i) => i["uuid"])).toEqual(items.map((i) => i["uuid"]));
      expect(Object.keys(decoded.items[0]!).sort()).toEqual(["parent", "updated", "uuid"]);
      for (const [index, stub] of decoded.items.entries()) expect(await pool.mapper.map(stub)).toEqual(await base.map(items[index]!));
      const expected = (() => {
        try {
          decodePageBody(page("{ not json"));
        } catch (error) {
          return error as Error;
        }
      })()!;
      await expect(pool.decode(page("{ not json"))).rejects.toMatchObject({ code: "RESPONSE_INVALID", message: expected.message });
      await expect(pool.decode(page("<html>"))).rejects.toMatchObject({ code: "NOT_AKENEO" });
    } finally {
      await pool.close();
    }
  });

  it("keeps decoding on the calling thread once its workers are gone", async () => {
    const base = mapper();
    const pool = startDecodePool(base, definition, 1)!;
    await pool.decode(page(body([])));
    await pool.close();
    const items = sandbox.store.catalog().products.slice(5, 7);
    const decoded = await pool.decode(page(body(items)));
    expect(decoded.items).toEqual(items); // decoded here: the whole items
    expect(await pool.mapper.map(decoded.items[0]!)).toEqual(await base.map(items[0]!));
  });
});
