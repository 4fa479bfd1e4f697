/**
 * Issue acceptance: with throttleLimit=15, throttleSeconds=2, concurrentConnections=3 the sandbox's record
 * shows ≤ 15 requests in every 2-second window and ≤ 3 in flight, and the run uses at least 80% of the
 * allowed rate. Real time (about 6 s): three concurrent iterators read 16 small pages each (48 pages + 1
 * token request = 49 requests, i.e. four windows).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { clientFor } from "./sandbox-client.js";

const LIMIT = 15;
const WINDOW_MS = 2000;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ products: 1000, seed: 3 });
});

afterAll(async () => {
  await sandbox?.close();
});

describe("throttle against the sandbox", () => {
  it("never exceeds 15 requests per 2 s nor 3 in flight, and keeps the pipe full", async () => {
    const c = clientFor(sandbox, { limits: { throttleLimit: LIMIT, throttleSeconds: WINDOW_MS / 1000, concurrentConnections: 3 } });
    const products = getEntityDefinition("products");
    const readPages = async (pages: number) => {
      let read = 0;
      for await (const _page of c.client.iteratePages(products, { pageSize: 10 })) if (++read === pages) break;
      return read;
    };
    try {
      expect(await Promise.all([readPages(16), readPages(16), readPages(16)])).toEqual([16, 16, 16]);
    } finally {
      await c.close();
    }
    const record = sandbox.recorder.all();
    expect(record).toHaveLength(49);
    expect(sandbox.recorder.maxInWindow(WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
    expect(sandbox.recorder.maxInFlight()).toBeLessThanOrEqual(3);
    // Rate used: requests over the run's duration, against the allowed 15 per 2 s …
    const first = record[0]!.startedAt;
    const durationMs = Math.max(...record.map((r) => r.endedAt ?? r.startedAt)) - first;
    expect(record.length / durationMs).toBeGreaterThanOrEqual((0.8 * LIMIT) / WINDOW_MS);
    // … and in each of the first three whole windows, at least 80% of the limit was used.
    for (let w = 0; w < 3; w++) {
      const inWindow = record.filter((r) => r.startedAt >= first + w * WINDOW_MS && r.startedAt < first + (w + 1) * WINDOW_MS).length;
      expect(inWindow).toBeGreaterThanOrEqual(0.8 * LIMIT);
    }
    expect(c.client.stats().throttleWaitMs).toBeGreaterThan(0);
  }, 30_000);
});
