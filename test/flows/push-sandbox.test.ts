import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readNdjson } from "../../src/flows/ndjson.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { Readable } from "node:stream";
import { pullAll, sandboxConfig, sandboxSubscription } from "../helpers/sandbox-subscription.js";

let sandbox: Sandbox;
let pulled: Record<string, unknown>[];
beforeAll(async () => {
  sandbox = await startSandbox({ products: 400, seed: 11 });
  const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
  pulled = (await pullAll(subscription, "products")).records;
  await subscription.close();
});
afterAll(() => sandbox.close());

const patches = () => sandbox.recorder.count((r) => r.method === "PATCH");
const nameOf = (uuid: string) => {
  const product = sandbox.store.catalog().products.find((p) => p["uuid"] === uuid)!;
  return ((product["values"] as Record<string, Array<{ locale: string | null; data: unknown }>>)["name"] ?? []).find((v) => v.locale === "en_US")?.data;
};

describe("push against the sandbox", () => {
  it("300 records, 5 invalid and 2 refused by Akeneo: 293 updated, one result per record", async () => {
    const records: Record<string, unknown>[] = pulled.slice(0, 300).map((r, i) => ({ ...r, name: { ...(r["name"] as object), en_US: `Edited ${i}` } }));
    for (const i of [3, 50, 51, 120, 299]) records[i] = { ...records[i], enabled: "yes" };
    for (const i of [10, 11]) records[i] = { ...records[i], family: "no_such_family" };
    const before = patches();
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
    const { results, report } = await subscription.push("products", records);
    await subscription.close();
    expect(results).toHaveLength(300);
    expect(results.map((r) => r.line).sort((a, b) => a - b)).toEqual(records.map((_, i) => i + 1));
    expect(report).toMatchObject({ received: 300, updated: 293, invalid: 5, rejected: 2, completed: true });
    expect(patches() - before).toBe(3);
    const invalid = results.filter((r) => r.outcome === "invalid");
    expect(invalid.map((r) => r.line).sort((a, b) => a - b)).toEqual([4, 51, 52, 121, 300]);
    expect(invalid[0]!.message).toMatch(/enabled/);
    const rejected = results.filter((r) => r.outcome === "rejected");
    expect(rejected.every((r) => r.status === 422 && /family/i.test(JSON.stringify(r.errors ?? r.message)))).toBe(true);
    // A product without a parent (a variant's name is its model's) that was neither invalid nor refused:
    const simple = records.findIndex((r, i) => !r["parent"] && ![3, 50, 51, 120, 299, 10, 11].includes(i));
    expect(nameOf(records[simple]!["uuid"] as string)).toBe(`Edited ${simple}`);
    expect(nameOf(records[10]!["uuid"] as string)).not.toBe("Edited 10");
  });

  it("records that carry only a SKU: an existing product is found by identifier and updated, a new one is created", async () => {
    const existing = pulled.find((r) => r["parent"] === null && typeof r["sku"] === "string")!;
    const { uuid: _uuid, ...withoutUuid } = existing;
    const fresh = { ...withoutUuid, sku: "NEW-SKU-0001", name: { en_US: "Brand new" } };
    const updated = { ...withoutUuid, name: { ...(existing["name"] as object), en_US: "Renamed by SKU" } };
    const before = sandbox.store.catalog().products.length;
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
    const { results } = await subscription.push("products", [updated, fresh]);
    await subscription.close();
    expect(results.map((r) => r.outcome)).toEqual(["updated", "created"]);
    expect(results[0]!.key).toBe(existing["uuid"]);
    expect(nameOf(existing["uuid"] as string)).toBe("Renamed by SKU");
    const catalog = sandbox.store.catalog().products;
    expect(catalog).toHaveLength(before + 1);
    const created = catalog.find((p) => p["uuid"] === results[1]!.key)!;
    expect((created["values"] as Record<string, Array<{ data: unknown }>>)["sku"]![0]!.data).toBe("NEW-SKU-0001");
  });

  it("a dry run maps and validates everything but sends no PATCH", async () => {
    const before = patches();
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
    const { results, report } = await subscription.push("products", pulled.slice(0, 120), { dryRun: true });
    await subscription.close();
    expect(patches()).toBe(before);
    expect(report).toMatchObject({ received: 120, dryRunned: 120, updated: 0 });
    expect(results[0]!.payload).toMatchObject({ uuid: pulled[0]!["uuid"] });
  });

  it("a malformed input line is reported with its number and the rest goes through", async () => {
    const lines = [JSON.stringify(pulled[0]), "{not json", "", JSON.stringify(pulled[1]), "[1,2]"].join("\n");
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
    const results = [];
    for await (const batch of subscription.pushStream("products", readNdjson(Readable.from([lines])))) results.push(...batch);
    await subscription.close();
    const byLine = Object.fromEntries(results.map((r) => [r.line, r.outcome]));
    expect(byLine).toEqual({ 1: "updated", 2: "invalid", 4: "updated", 5: "invalid" });
    expect(results.find((r) => r.line === 2)!.message).toMatch(/^line 2: not a JSON object/);
  });

  it("a host that stops iterating stops the push: only the batches already under way are sent", async () => {
    const config = sandboxConfig(sandbox, { settings: { batchSize: 10 }, credentials: { concurrentConnections: 2 } });
    const subscription = sandboxSubscription(sandbox, config);
    const records = pulled.slice(0, 300).map((r) => ({ ...r, name: { ...(r["name"] as object), en_US: "Stopped early" } }));
    const before = patches();
    let read = 0;
    async function* counted() {
      for (const record of records) {
        read++;
        yield record;
      }
    }
    const numbered = (async function* () {
      let line = 0;
      for await (const record of counted()) yield { line: ++line, record };
    })();
    let seen = 0;
    for await (const batch of subscription.pushStream("products", numbered)) {
      seen += batch.length;
      break;
    }
    // Let whatever was under way finish, then check that nothing more comes.
    let settled = -1;
    while (settled !== patches()) {
      settled = patches();
      await new Promise((r) => setTimeout(r, 100));
    }
    await subscription.close();
    expect(seen).toBeGreaterThan(0);
    // 2 connections and 2 batches ahead are under way when the host stops; 30 batches would be sent otherwise.
    expect(patches() - before).toBeLessThanOrEqual(5);
    expect(read).toBeLessThan(records.length);
  });

  it("when the input fails mid-run, every record read before is accounted for and the run rejects with the input's error", async () => {
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
    const before = patches();
    async function* failing() {
      let line = 0;
      for (const record of pulled.slice(0, 250)) yield { line: ++line, record };
      throw new Error("the input stream broke");
    }
    const results: Array<{ line: number; outcome: string; message?: string }> = [];
    const run = subscription.pushStream("products", failing());
    await expect(
      (async () => {
        for await (const batch of run) results.push(...batch);
      })(),
    ).rejects.toThrow("the input stream broke");
    await subscription.close();
    // Two full batches were sent and answered; the third was still being filled.
    expect(patches() - before).toBe(2);
    expect(results.map((r) => r.line).sort((a, b) => a - b)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(results.filter((r) => r.outcome === "updated")).toHaveLength(200);
    const notAttempted = results.filter((r) => r.outcome === "not_attempted");
    expect(notAttempted.map((r) => r.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 201));
    expect(notAttempted[0]!.message).toMatch(/the input stream broke/);
    expect(run.report).toMatchObject({ received: 250, updated: 200, notAttempted: 50, completed: false });
    expect(run.report!.error).toMatch(/the input stream broke/);
  });

  it("when the credentials are revoked mid-run, the rest is reported not attempted", async () => {
    const config = sandboxConfig(sandbox, { settings: { batchSize: 10 }, credentials: { concurrentConnections: 1 } });
    const subscription = sandboxSubscription(sandbox, config);
    const records = pulled.slice(0, 60);
    const accepted = () => sandbox.recorder.count((r) => r.method === "PATCH" && r.status >= 200 && r.status < 300);
    const before = accepted();
    async function* slowly() {
      for (const [i, record] of records.entries()) {
        if (i === 25) {
          // Revoked once the first batch went through (the push runs a batch ahead of its connections).
          while (accepted() === before) await new Promise((r) => setTimeout(r, 5));
          sandbox.setFaults({ forbidden: ["/api/rest/v1/products-uuid"] });
          await new Promise((r) => setTimeout(r, 50));
        }
        yield record;
      }
    }
    try {
      const { results, report } = await subscription.push("products", slowly());
      expect(results).toHaveLength(60);
      expect(report.completed).toBe(false);
      expect(report.error).toMatch(/403/);
      expect(report.updated).toBeGreaterThanOrEqual(10);
      expect(report.failed + report.notAttempted).toBe(60 - report.updated);
      expect(report.notAttempted).toBeGreaterThan(0);
    } finally {
      sandbox.setFaults({});
      await subscription.close();
    }
  });
});
