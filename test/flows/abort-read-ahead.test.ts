import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { createMemoryStateStore } from "../../src/state/state-store.js";
import { sandboxConfig, sandboxSubscription } from "../helpers/sandbox-subscription.js";

let sandbox: Sandbox;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  sandbox = await startSandbox({ products: 600, seed: 4, latencyMs: 150 });
  process.on("unhandledRejection", onUnhandled);
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await sandbox.close();
});

describe("aborting a pull while pages are read ahead", () => {
  it.each([3, 9])("stops with ABORTED and leaves no unhandled rejection (abort after batch %i)", async (stopAfter) => {
    const controller = new AbortController();
    const config = sandboxConfig(sandbox, { settings: { pageSize: 10 }, credentials: { concurrentConnections: 4 } });
    const subscription = sandboxSubscription(sandbox, config, { state: createMemoryStateStore(), signal: controller.signal });
    let batches = 0;
    await expect(
      (async () => {
        for await (const _batch of subscription.pull("products")) {
          if (++batches === stopAfter) controller.abort(new Error("interrupted"));
          await new Promise((resolve) => setTimeout(resolve, 120)); // a slow platform: readers wait on a full queue, pages read ahead
        }
      })(),
    ).rejects.toMatchObject({ code: "ABORTED" });
    await subscription.close();
    await new Promise((resolve) => setTimeout(resolve, 200)); // let every in-flight read-ahead settle
    expect(unhandled).toEqual([]);
  });
});
