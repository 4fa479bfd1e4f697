/**
 * Issue acceptance: with 5% 503s, 2% connection resets and 10% 429s (Retry-After 1 s), a pull of 12,000
 * products is exact, and no request arrives before a Retry-After elapsed.
 *
 * The sandbox and the client share one manual clock that jumps ahead when someone sleeps
 * (test/helpers/manual-clock.ts): a Retry-After second passes at once instead of in real time (this
 * file took ~17 s), and the sandbox's recorder judges every request against the same time. A client
 * that did not wait would send its next request at the instant of the 429, which the recorder flags.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { createManualClock } from "../helpers/manual-clock.js";
import { clientFor, pullAllProducts } from "./sandbox-client.js";

const PRODUCTS = 12_000;
const clock = createManualClock({ start: Date.now() });
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ products: PRODUCTS, seed: 11, clock });
});

afterAll(async () => {
  await sandbox?.close();
});

describe("pull under injected faults", () => {
  it("is exact and honours every Retry-After", async () => {
    const catalogJson = JSON.stringify(sandbox.store.catalog().products);
    sandbox.setFaults({ errorRate: 0.05, errorStatus: 503, resetRate: 0.02, rateLimitRate: 0.1, retryAfterSeconds: 1 });
    const c = clientFor(sandbox, { clock });
    const started = clock.now();
    try {
      const { json, uuids } = await pullAllProducts(c.client);
      expect(new Set(uuids).size).toBe(PRODUCTS);
      expect(json === catalogJson).toBe(true);
      expect(sandbox.recorder.retryAfterViolations()).toEqual([]);
      const stats = c.client.stats();
      expect(stats.rateLimited).toBe(sandbox.recorder.count({ status: 429 }));
      expect(stats.rateLimited).toBeGreaterThan(0);
      expect(sandbox.recorder.count({ fault: "error" })).toBeGreaterThan(0);
      expect(sandbox.recorder.count({ fault: "reset" })).toBeGreaterThan(0);
      expect(stats.retries).toBe(sandbox.recorder.count((r) => r.fault !== undefined));
      // Every 429 paused the client for its Retry-After second, in the shared time.
      expect(clock.now() - started).toBeGreaterThanOrEqual(stats.rateLimited * 1000);
    } finally {
      await c.close();
    }
  }, 120_000);
});
