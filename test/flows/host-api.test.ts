import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "undici";
import { loadConnector, createMemoryStateStore, isConnectorError } from "../../src/index.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ products: 120, seed: 3 });
});
afterAll(() => sandbox.close());

describe("the host API", () => {
  it("loads the connector, runs a subscription from a raw stored config, and reports as data", async () => {
    const connector = await loadConnector();
    expect(connector.manifest.entities.map((e) => e.name)).toContain("products");
    expect(JSON.stringify(connector.form({ part: "credentials" }).schema)).toMatch(/"clientSecret":\{[^}]*"writeOnly":true/);
    const raw = { credentials: { baseUrl: sandbox.url, ...sandbox.credentials }, settings: { channel: "ecommerce", locales: ["en_US"] } };
    const state = createMemoryStateStore();
    const sub = connector.subscription(raw, { state, dispatcher: new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 }) });
    const run = sub.pull("categories");
    let records = 0;
    for await (const batch of run) records += batch.records.length;
    expect(run.report).toMatchObject({ entity: "categories", records, failures: 0 });
    expect(records).toBe(sandbox.store.catalog().categories.length);
    const { results, report } = await sub.push("categories", [{ code: "bogus code with spaces", parent: "no_such_parent", labels: {} }]);
    expect(results).toHaveLength(1);
    expect(report.received).toBe(1);
    await sub.close();
  });

  it("refuses a broken configuration before any request, naming the field", async () => {
    const connector = await loadConnector();
    const before = sandbox.recorder.count();
    try {
      connector.subscription({ credentials: { baseUrl: sandbox.url, clientId: "x" } });
      expect.unreachable();
    } catch (error) {
      expect(isConnectorError(error) && error.code).toBe("CONFIG_INVALID");
      expect((error as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toContain("/credentials/clientSecret");
    }
    expect(sandbox.recorder.count()).toBe(before);
  });

  it("stops a pull cleanly on abort, keeping the checkpoint", async () => {
    const connector = await loadConnector();
    const state = createMemoryStateStore();
    const controller = new AbortController();
    const raw = { credentials: { baseUrl: sandbox.url, ...sandbox.credentials }, settings: { pageSize: 10 } };
    const sub = connector.subscription(raw, { state, signal: controller.signal, dispatcher: new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 }) });
    let batches = 0;
    await expect(
      (async () => {
        for await (const _batch of sub.pull("products")) if (++batches === 3) controller.abort();
      })(),
    ).rejects.toMatchObject({ code: "ABORTED" });
    const saved = await state.get<{ run?: { delivered: number } }>("pull.products");
    expect(saved?.run?.delivered).toBeGreaterThan(0);
    await sub.close();
  });
});
