/**
 * Issue acceptance: a 250-item upsert makes 3 PATCH calls and returns 250 results, with injected per-line
 * 422s reported, not thrown.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { clientFor } from "./sandbox-client.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ products: 200, seed: 5 });
});

afterAll(async () => {
  await sandbox?.close();
});

describe("upsert against the sandbox", () => {
  it("250 items → 3 PATCH calls, 250 results in input order, per-line 422s reported", async () => {
    const existing = Array.from({ length: 150 }, (_, i) => sandbox.store.products.at(i)!.uuid);
    const fresh = Array.from({ length: 100 }, () => randomUUID());
    // Every 10th item carries a property Akeneo does not know: that line alone is refused with a 422.
    const items = [...existing, ...fresh].map((uuid, i) => (i % 10 === 9 ? { uuid, enabled: false, not_a_property: true } : { uuid, enabled: i % 2 === 0 }));
    const c = clientFor(sandbox);
    try {
      const results = await c.client.upsertBatch(getEntityDefinition("products"), items);
      expect(sandbox.recorder.count({ method: "PATCH", path: "/api/rest/v1/products-uuid" })).toBe(3);
      expect(results).toHaveLength(250);
      expect(results.map((r) => r.index)).toEqual(items.map((_, i) => i));
      expect(results.map((r) => r.key)).toEqual(items.map((item) => item.uuid));
      const rejected = results.filter((r) => r.outcome === "rejected");
      expect(rejected.map((r) => r.index)).toEqual(items.map((_, i) => i).filter((i) => i % 10 === 9));
      for (const r of rejected) expect(r).toMatchObject({ status: 422, code: "BATCH_ITEM_REJECTED", message: expect.stringContaining("not_a_property") });
      expect(results.filter((r) => r.outcome === "created").map((r) => r.index)).toEqual(items.map((_, i) => i).filter((i) => i >= 150 && i % 10 !== 9));
      expect(results.filter((r) => r.outcome === "updated")).toHaveLength(150 - 15);
      const written = await c.client.get(getEntityDefinition("products"), fresh[0]!);
      expect(written).toMatchObject({ uuid: fresh[0], enabled: true });
    } finally {
      await c.close();
    }
  });
});
