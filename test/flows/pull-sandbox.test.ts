import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { createMemoryStateStore } from "../../src/state/state-store.js";
import { pullAll, sandboxConfig, sandboxSubscription } from "../helpers/sandbox-subscription.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ products: 1500, seed: 7 });
});
afterAll(() => sandbox.close());

const uuidsOf = (records: Record<string, unknown>[]) => records.map((r) => r["uuid"] as string);
const catalogUuids = () => sandbox.store.catalog().products.map((p) => p["uuid"] as string).sort();
const searchesOf = (since: number) =>
  sandbox.recorder
    .all((r) => r.path === "/api/rest/v1/products-uuid" && r.id > since)
    .map((r) => new URLSearchParams(r.query).get("search"))
    .filter((s): s is string => s !== null)
    .map((s) => JSON.parse(s) as Record<string, Array<{ operator: string; value: unknown }>>);

describe("pull against the sandbox", () => {
  it("a full partitioned pull returns exactly the catalog, each product once, reading partitions concurrently", async () => {
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox, { credentials: { concurrentConnections: 4 } }));
    sandbox.setFaults({ latencyMs: 15 });
    const { records, failures, report } = await pullAll(subscription, "products").finally(() => sandbox.setFaults({}));
    await subscription.close();
    expect(failures).toEqual([]);
    expect(uuidsOf(records).sort()).toEqual(catalogUuids());
    expect(report).toMatchObject({ entity: "products", mode: "full", records: records.length, failures: 0 });
    expect(report.partitions).toBeGreaterThan(1);
    const concurrent = sandbox.recorder.maxInFlight((r) => r.path === "/api/rest/v1/products-uuid");
    expect(concurrent).toBeGreaterThan(1);
    expect(concurrent).toBeLessThanOrEqual(4);
  });

  it("an incremental pull after 40 changes returns those 40, with every date filter in Akeneo's format", async () => {
    const state = createMemoryStateStore();
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox), { state });
    await pullAll(subscription, "products");
    const touched = sandbox.store.touchProducts(sandbox.store.catalog().products.filter((p) => p["parent"] === null).slice(100, 140).map((p) => p["uuid"] as string));
    const before = sandbox.recorder.count();
    const { records, report } = await pullAll(subscription, "products");
    await subscription.close();
    expect(report.mode).toBe("incremental");
    expect(uuidsOf(records).sort()).toEqual([...touched].sort());
    const dates = searchesOf(before).flatMap((search) => (search["updated"] ?? []).flatMap((c) => (Array.isArray(c.value) ? c.value : [c.value])));
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("a model change brings its variants into the next incremental pull", async () => {
    const state = createMemoryStateStore();
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox), { state });
    await pullAll(subscription, "products");
    const model = sandbox.store.catalog().productModels.find((m) => m["parent"] === null)!["code"] as string;
    sandbox.store.touchProductModels([model]);
    const { records } = await pullAll(subscription, "products");
    await subscription.close();
    const { products } = sandbox.store.childrenOf(model);
    const variants = [...products, ...sandbox.store.childrenOf(model).models.flatMap((m) => sandbox.store.childrenOf(m.code).products)];
    expect(variants.length).toBeGreaterThan(0);
    expect(uuidsOf(records).sort()).toEqual([...new Set(variants.map((v) => v.uuid))].sort());
  });

  it("a run stopped midway resumes from its checkpoint: the union is exact, nothing twice", async () => {
    const state = createMemoryStateStore();
    const config = sandboxConfig(sandbox, { settings: { pageSize: 50 } });
    const first = sandboxSubscription(sandbox, config, { state });
    const delivered: string[] = [];
    let batches = 0;
    for await (const batch of first.pull("products")) {
      if (++batches === 6) break; // the platform crashed before accepting this batch
      delivered.push(...uuidsOf(batch.records));
    }
    await first.close();
    const second = sandboxSubscription(sandbox, config, { state });
    const { records, report } = await pullAll(second, "products");
    await second.close();
    expect(report.resumed).toBe(true);
    const all = [...delivered, ...uuidsOf(records)];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(catalogUuids());
  });

  it("idle workers split the longest partition; the union stays exact, also across a resume", async () => {
    const state = createMemoryStateStore();
    const config = sandboxConfig(sandbox, { settings: { pageSize: 10 }, credentials: { concurrentConnections: 4 } });
    sandbox.setFaults({ latencyMs: 3 });
    try {
      const first = sandboxSubscription(sandbox, config, { state });
      const delivered: string[] = [];
      let batches = 0;
      for await (const batch of first.pull("products")) {
        if (++batches === 90) break;
        delivered.push(...uuidsOf(batch.records));
      }
      await first.close();
      const checkpoint = (await state.get<{ run: { partitions: Array<{ from: number; to: number }>; splits?: number } }>("pull.products"))!.run;
      const second = sandboxSubscription(sandbox, config, { state });
      const { records, report } = await pullAll(second, "products");
      await second.close();
      const all = [...delivered, ...uuidsOf(records)];
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(catalogUuids());
      expect(report.splits).toBeGreaterThan(0);
      expect(report.partitions).toBeGreaterThan(checkpoint.partitions.length - (checkpoint.splits ?? 0));
      const ranges = [...checkpoint.partitions].sort((a, b) => a.from - b.from);
      ranges.forEach((r, i) => i > 0 && expect(r.from).toBe(ranges[i - 1]!.to + 1));
    } finally {
      sandbox.setFaults({});
    }
  });

  it("a partitioned pull under 503s, resets and 429s is exact", async () => {
    sandbox.setFaults({ errorRate: 0.05, resetRate: 0.02, rateLimitRate: 0.1, retryAfterSeconds: 1, seed: 3 });
    try {
      const config = sandboxConfig(sandbox, { credentials: { concurrentConnections: 3 } });
      const subscription = sandboxSubscription(sandbox, config);
      const { records, report } = await pullAll(subscription, "products");
      await subscription.close();
      expect(uuidsOf(records).sort()).toEqual(catalogUuids());
      expect(report.retries).toBeGreaterThan(0);
    } finally {
      sandbox.setFaults({});
    }
  });

  it("structure entities pull in full, options across every select attribute", async () => {
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
    const catalog = sandbox.store.catalog();
    const categories = await pullAll(subscription, "categories");
    const options = await pullAll(subscription, "attribute_options");
    await subscription.close();
    expect(categories.records.map((c) => c["code"]).sort()).toEqual(catalog.categories.map((c) => c.code).sort());
    const expectedOptions = Object.values(catalog.attributeOptions).flat().length;
    expect(options.records).toHaveLength(expectedOptions);
  });
});
