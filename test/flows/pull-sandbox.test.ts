import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { systemClock } from "../../src/clock.js";
import type { Subscription } from "../../src/flows/subscription.js";
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

/** The uuids of the batches a pull delivered before the consumer stopped at batch `stopAt` (not accepting it). */
async function pullUntil(subscription: Subscription, stopAt: number): Promise<string[]> {
  const delivered: string[] = [];
  let batches = 0;
  for await (const batch of subscription.pull("products")) {
    if (++batches === stopAt) break;
    delivered.push(...uuidsOf(batch.records));
  }
  return delivered;
}

/** The resumed run delivers exactly the rest of the catalog: with `delivered`, every product once. */
async function expectResumedExactly(subscription: Subscription, delivered: string[]): Promise<void> {
  const { records, report } = await pullAll(subscription, "products");
  await subscription.close();
  expect(report.resumed).toBe(true);
  const all = [...delivered, ...uuidsOf(records)];
  expect(new Set(all).size).toBe(all.length);
  expect(all.sort()).toEqual(catalogUuids());
}

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
    const delivered = await pullUntil(first, 6); // the platform crashed before accepting batch 6
    await first.close();
    await expectResumedExactly(sandboxSubscription(sandbox, config, { state }), delivered);
  });

  it("credentials revoked mid-run: the run rejects with a report of what was delivered, and resumes exactly once they work again", async () => {
    const state = createMemoryStateStore();
    const config = sandboxConfig(sandbox, { settings: { pageSize: 50 } });
    const first = sandboxSubscription(sandbox, config, { state });
    const run = first.pull("products");
    const delivered: string[] = [];
    let batches = 0;
    await expect(
      (async () => {
        for await (const batch of run) {
          delivered.push(...uuidsOf(batch.records));
          if (++batches === 5) sandbox.setFaults({ forbidden: ["/api/rest/v1/products-uuid"] });
        }
      })(),
    ).rejects.toMatchObject({ status: 403 });
    sandbox.setFaults({});
    await first.close();
    expect(run.report).toMatchObject({ completed: false, watermark: null, records: delivered.length });
    expect(run.report!.error).toMatch(/403/);
    expect(delivered.length).toBeGreaterThan(0);
    await expectResumedExactly(sandboxSubscription(sandbox, config, { state }), delivered);
  });

  it("the first page is delivered first, and every partition starts from its cursor", async () => {
    const since = sandbox.recorder.all().length;
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox, { credentials: { concurrentConnections: 4 } }));
    const batches: string[][] = [];
    for await (const batch of subscription.pull("products", { full: true })) batches.push(uuidsOf(batch.records));
    await subscription.close();
    const pages = sandbox.recorder.all((r) => r.path === "/api/rest/v1/products-uuid" && r.id > since).map((r) => new URLSearchParams(r.query));
    const [probe, ...others] = pages;
    const rest = others.filter((q) => q.get("search")!.includes("BETWEEN")); // not the sweep after them
    expect(probe!.get("search_after")).toBeNull();
    const sorted = [...catalogUuids()];
    expect(batches[0]).toEqual(sorted.slice(0, 100)); // the 100 lowest uuids: the first page of the whole range
    // Every partition request continues a cursor: their first pages start after the first page's last uuid.
    expect(rest.length).toBeGreaterThan(2);
    expect(rest.every((q) => q.get("search_after") !== null)).toBe(true);
    const starts = new Map<string, string>();
    for (const q of rest) if (!starts.has(q.get("search")!)) starts.set(q.get("search")!, q.get("search_after")!);
    expect(starts.size).toBeGreaterThan(1);
    // The planned partitions (one per connection) all start from the same cursor (splits start from others).
    const shared = Math.max(...[...starts.values()].map((cursor) => [...starts.values()].filter((c) => c === cursor).length));
    expect(shared).toBe(4);
    const all = batches.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(sorted);
  });

  it.each([1, 2])("a run stopped at batch %i (before or after the first page was accepted) resumes exactly", async (stopAt) => {
    const state = createMemoryStateStore();
    const config = sandboxConfig(sandbox, { credentials: { concurrentConnections: 3 } });
    const first = sandboxSubscription(sandbox, config, { state });
    const delivered = await pullUntil(first, stopAt);
    await first.close();
    const checkpoint = (await state.get<{ run: { phase: string } }>("pull.products"))!.run;
    expect(checkpoint.phase).toBe(stopAt === 1 ? "probe" : "partitions");
    await expectResumedExactly(sandboxSubscription(sandbox, config, { state }), delivered);
  });

  it("records changed while the run reads are caught by the final sweep, with their new version", async () => {
    // The run started 5 s ago (its clock is behind), so a change now is after its start, out of every partition's range.
    const clock = { now: () => Date.now() - 5000, sleep: systemClock.sleep };
    const config = sandboxConfig(sandbox, { settings: { pageSize: 50 }, credentials: { concurrentConnections: 2 } });
    const subscription = sandboxSubscription(sandbox, config, { clock });
    const delivered: Array<{ uuid: string; updated: unknown }> = [];
    let touched: string[] = [];
    sandbox.setFaults({ latencyMs: 5 });
    try {
      for await (const batch of subscription.pull("products", { full: true })) {
        delivered.push(...batch.records.map((r) => ({ uuid: r["uuid"] as string, updated: r["updatedAt"] })));
        if (touched.length === 0) {
          // 200 products not delivered yet: most of them not read yet either, so they leave their partitions' ranges.
          const seen = new Set(delivered.map((d) => d.uuid));
          touched = sandbox.store.touchProducts(catalogUuids().filter((uuid) => !seen.has(uuid)).slice(-200));
        }
      }
    } finally {
      sandbox.setFaults({});
      await subscription.close();
    }
    expect(touched).toHaveLength(200);
    expect([...new Set(delivered.map((d) => d.uuid))].sort()).toEqual(catalogUuids()); // nothing lost
    const now = new Date(sandbox.store.nowSeconds() * 1000).getTime();
    for (const uuid of touched) {
      const last = delivered.filter((d) => d.uuid === uuid).at(-1)!;
      expect(now - Date.parse(last.updated as string)).toBeLessThan(60_000); // its latest version came last
    }
    // Untouched records once each; a touched one at most twice (read before its change, then by the sweep).
    const counts = new Map<string, number>();
    for (const d of delivered) counts.set(d.uuid, (counts.get(d.uuid) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1).map(([uuid]) => uuid);
    expect(twice.every((uuid) => touched.includes(uuid))).toBe(true);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
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
