import { afterEach, describe, expect, it } from "vitest";
import { createMemoryTokenStore } from "../../src/auth/token-store.js";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";
import { clearRegisteredSecrets } from "../../src/redact.js";
import { startScriptedServer, TEST_CREDENTIALS, type ScriptedServer } from "../helpers/scripted-server.js";
import { createTestClient, type TestClient } from "../helpers/test-client.js";

const CHANNELS = "GET /api/rest/v1/channels";
const PRODUCTS = "GET /api/rest/v1/products-uuid";
const ok = { body: { code: "ecommerce" } };
const get = (t: TestClient) => t.client.request({ method: "GET", path: "/api/rest/v1/channels" });
let server: ScriptedServer;
let t: TestClient;

afterEach(async () => {
  await t?.close();
  await server?.close();
  clearRegisteredSecrets();
});

/** Three pages of two products, linked by search_after cursors. */
const threePages = (req: { query: URLSearchParams }) => {
  const cursor = Number(req.query.get("search_after") ?? 0);
  const items = [1, 2].map((i) => ({ uuid: `p-${cursor * 2 + i}` }));
  const next = cursor < 2 ? { next: { href: `http://127.0.0.1/api/rest/v1/products-uuid?pagination_type=search_after&limit=2&search_after=${cursor + 1}` } } : {};
  return { body: { _links: { self: { href: "x" }, ...next }, _embedded: { items } } };
};

describe("token manager against a server", () => {
  it("N concurrent calls → one token request", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ok } });
    t = createTestClient(server.url);
    await Promise.all(Array.from({ length: 8 }, () => get(t)));
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.requestsTo(CHANNELS).every((r) => r.headers.authorization === "Bearer access-token-1")).toBe(true);
  });

  it("401 → a single refresh, then the request is retried once", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ok } });
    t = createTestClient(server.url);
    await get(t);
    server.revokeAccessTokens();
    await Promise.all([get(t), get(t), get(t)]);
    expect(server.tokenRequests.map((r) => JSON.parse(r.body).grant_type)).toEqual(["password", "refresh_token"]);
    expect(server.tokenRequests[1]!.body).toBe('{"grant_type":"refresh_token","refresh_token":"refresh-token-1"}');
    expect(server.requestsTo(CHANNELS).slice(-3).map((r) => r.headers.authorization)).toEqual(Array(3).fill("Bearer access-token-2"));
  });

  it("a 401 that persists after the refresh is a typed error, not a loop", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ({ status: 401, body: { code: 401, message: "Authentication is required" } }) } });
    t = createTestClient(server.url);
    await expect(get(t)).rejects.toMatchObject({ code: "HTTP_UNAUTHORIZED", kind: "auth", status: 401, message: expect.stringContaining("GET /api/rest/v1/channels → 401 Authentication is required") });
    expect(server.requestsTo(CHANNELS)).toHaveLength(2);
    expect(server.tokenRequests).toHaveLength(2);
  });

  it("a rejected refresh token falls back to the password grant", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ok } });
    t = createTestClient(server.url);
    await get(t);
    server.revokeAccessTokens();
    server.revokeRefreshTokens();
    await expect(get(t)).resolves.toMatchObject({ status: 200 });
    expect(server.tokenRequests.map((r) => JSON.parse(r.body).grant_type)).toEqual(["password", "refresh_token", "password"]);
  });

  it("token expiry mid-stream: a pull of 3 pages refreshes proactively and stops after the last page", async () => {
    server = await startScriptedServer({ expiresIn: 120, routes: { [PRODUCTS]: threePages } });
    t = createTestClient(server.url);
    const uuids: string[] = [];
    for await (const page of t.client.iteratePages(getEntityDefinition("products"), { pageSize: 2 })) {
      uuids.push(...page.items.map((item) => item.uuid as string));
      t.clock.set(t.clock.now() + 61_000); // the consumer takes a while with each page
    }
    expect(uuids).toEqual(["p-1", "p-2", "p-3", "p-4", "p-5", "p-6"]);
    expect(server.tokenRequests.map((r) => JSON.parse(r.body).grant_type)).toEqual(["password", "refresh_token", "refresh_token"]);
    expect(server.requestsTo(PRODUCTS).map((r) => r.headers.authorization)).toEqual(["Bearer access-token-1", "Bearer access-token-2", "Bearer access-token-3"]);
  });

  it("token expiry mid-stream seen only by the server (401) is recovered without losing a page", async () => {
    server = await startScriptedServer({ routes: { [PRODUCTS]: threePages } });
    t = createTestClient(server.url);
    const uuids: string[] = [];
    for await (const item of t.client.iterate(getEntityDefinition("products"), { pageSize: 2 })) {
      uuids.push(item.uuid as string);
      if (uuids.length === 3) server.revokeAccessTokens();
    }
    expect(uuids).toEqual(["p-1", "p-2", "p-3", "p-4", "p-5", "p-6"]);
    expect(server.requestsTo(PRODUCTS).map((r) => r.query.get("search_after"))).toEqual([null, "1", "2", "2"]);
    expect(t.client.stats()).toMatchObject({ tokenRequests: 2, requests: 6 });
  });

  it("reuses a token the host persisted, without a token request", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ok } });
    t = createTestClient(server.url);
    await get(t);
    const store = createMemoryTokenStore({ accessToken: "access-token-1", refreshToken: "refresh-token-1", expiresAt: t.clock.now() + 3_600_000 });
    const second = createTestClient(server.url, { tokenStore: store, clock: t.clock });
    await get(second);
    await second.close();
    expect(server.tokenRequests).toHaveLength(1);
  });
});

describe("bad credentials", () => {
  it("a wrong client secret → AUTH_INVALID_CLIENT naming the fields, never the secret", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ok } });
    t = createTestClient(server.url, { auth: { type: "password", ...TEST_CREDENTIALS, clientSecret: "wrong-secret-value" } });
    const error = (await get(t).catch((e: unknown) => e)) as Error & { code: string };
    expect(error).toMatchObject({ code: "AUTH_INVALID_CLIENT", kind: "auth" });
    expect(error.message).toBe(
      '[auth] the client id or secret was rejected: POST /api/oauth/v1/token → 422 Parameter "client_id" is missing or does not match any client, or secret is invalid; check the clientId and clientSecret fields (copy both again from the connection in Akeneo, without spaces or line breaks)',
    );
    expect(JSON.stringify(error) + error.message).not.toContain("wrong-secret-value");
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.requestsTo(CHANNELS)).toHaveLength(0);
  });

  it("a wrong password → AUTH_INVALID_CREDENTIALS naming the fields, never the password", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ok } });
    t = createTestClient(server.url, { auth: { type: "password", ...TEST_CREDENTIALS, password: "not-the-password" } });
    const error = (await get(t).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: "AUTH_INVALID_CREDENTIALS", message: expect.stringContaining("check the username and password fields") });
    expect(error.message).not.toContain("not-the-password");
  });
});

describe("Connected-App token", () => {
  it("is sent as a static bearer", async () => {
    server = await startScriptedServer({ requireToken: false, routes: { [CHANNELS]: () => ok } });
    t = createTestClient(server.url, { auth: { type: "app", accessToken: "app-token-123" } });
    await get(t);
    expect(server.requestsTo(CHANNELS)[0]!.headers.authorization).toBe("Bearer app-token-123");
    expect(server.tokenRequests).toHaveLength(0);
  });

  it("a 401 is AUTH_REVOKED (authorize the app again), not retried", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ok } });
    t = createTestClient(server.url, { auth: { type: "app", accessToken: "app-token-123" } });
    await expect(get(t)).rejects.toMatchObject({ code: "AUTH_REVOKED", message: expect.stringContaining("the app was disconnected or its access revoked: authorize it again") });
    expect(server.requests).toHaveLength(1);
  });
});
