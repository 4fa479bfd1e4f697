/**
 * Issue acceptance: a pull of 12,000 products returns exactly the catalog, without duplicates, also when
 * access tokens die every 7 requests and when, in addition, every refresh token is refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { clientFor, pullAllProducts, type SandboxClient } from "./sandbox-client.js";

const PRODUCTS = 12_000;
let sandbox: Sandbox;
let catalogJson: string;
let c: SandboxClient | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({ products: PRODUCTS, seed: 7 });
  catalogJson = JSON.stringify(sandbox.store.catalog().products);
});

afterEach(async () => {
  await c?.close();
  c = undefined;
  sandbox.setFaults({});
  sandbox.recorder.clear();
});

afterAll(async () => {
  await sandbox?.close();
});

/** Page requests that succeeded (the full last page links to an empty one: 12,000 / 100 + 1). */
const PAGES = PRODUCTS / 100 + 1;
const served = () => sandbox.recorder.count({ path: "/api/rest/v1/products-uuid", status: 200 });

describe("pull of 12,000 products against the sandbox", () => {
  it("returns exactly the catalog, no duplicates, one token request", async () => {
    c = clientFor(sandbox);
    const { json, uuids } = await pullAllProducts(c.client);
    expect(uuids).toHaveLength(PRODUCTS);
    expect(new Set(uuids).size).toBe(PRODUCTS);
    expect(json === catalogJson).toBe(true);
    expect(c.client.stats()).toMatchObject({ requests: PAGES + 1, tokenRequests: 1, retries: 0 });
  });

  it("is exact when access tokens die every 7 requests: one refresh per 7 pages", async () => {
    sandbox.setFaults({ tokenTtlRequests: 7 });
    c = clientFor(sandbox);
    const { json } = await pullAllProducts(c.client);
    expect(json === catalogJson).toBe(true);
    expect(served()).toBe(PAGES);
    const tokens = Math.ceil(PAGES / 7); // 1 password grant + 17 refreshes
    expect(c.client.stats().tokenRequests).toBe(tokens);
    expect(sandbox.recorder.count({ isTokenRequest: true, status: 200 })).toBe(tokens);
    expect(sandbox.recorder.count({ status: 401 })).toBe(tokens - 1);
  });

  it("is exact when, in addition, every refresh token is refused: each renewal falls back to the password grant", async () => {
    sandbox.setFaults({ tokenTtlRequests: 7, rejectRefreshTokens: true });
    c = clientFor(sandbox);
    const { json } = await pullAllProducts(c.client);
    expect(json === catalogJson).toBe(true);
    const renewals = Math.ceil(PAGES / 7) - 1;
    expect(c.client.stats().tokenRequests).toBe(1 + 2 * renewals); // password, then (refresh → 422, password) × 17
    expect(sandbox.recorder.count({ isTokenRequest: true, status: 422 })).toBe(renewals);
    expect(sandbox.recorder.count({ isTokenRequest: true, status: 200 })).toBe(1 + renewals);
  });
});
