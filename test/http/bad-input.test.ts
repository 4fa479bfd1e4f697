import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createAkeneoClient } from "../../src/akeneo/create-akeneo-client.js";
import { describeError } from "../../src/errors.js";
import { startScriptedServer, TEST_CREDENTIALS, TOKEN_ROUTE, type ScriptedServer } from "../helpers/scripted-server.js";
import { createTestClient, type TestClient } from "../helpers/test-client.js";

let server: ScriptedServer | undefined;
let t: TestClient | undefined;

afterEach(async () => {
  await t?.close();
  await server?.close();
  t = undefined;
  server = undefined;
});

const get = (client: TestClient, path = "/api/rest/v1/channels") => client.client.request({ method: "GET", path });

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("bad input gets one clear, typed error", () => {
  it("a website (HTML) instead of Akeneo → NOT_AKENEO naming baseUrl", async () => {
    server = await startScriptedServer({ requireToken: false, routes: { [TOKEN_ROUTE]: () => ({ headers: { "content-type": "text/html" }, body: "<html><body>Welcome</body></html>" }) } });
    t = createTestClient(server.url);
    const error = await get(t).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_AKENEO", kind: "config" });
    expect(describeError(error)).toBe(
      "[auth] token request (password grant) failed: POST /api/oauth/v1/token → 200 an HTML page, not Akeneo's JSON; this does not look like an Akeneo PIM: check the baseUrl field (the PIM's address, e.g. https://pim.example.com, without /api)",
    );
  });

  it("a 404 on the API root or the token endpoint → NOT_AKENEO", async () => {
    server = await startScriptedServer({ requireToken: false, routes: { [TOKEN_ROUTE]: () => ({ status: 404, body: "Not Found" }) } });
    t = createTestClient(server.url);
    await expect(get(t)).rejects.toMatchObject({ code: "NOT_AKENEO", status: 404, message: expect.stringContaining("POST /api/oauth/v1/token → 404 Not Found; this does not look like an Akeneo PIM") });
    const app = createTestClient(server.url, { auth: { type: "app", accessToken: "app-token" } });
    await expect(app.client.request({ method: "GET", path: "/api/rest/v1" })).rejects.toMatchObject({ code: "NOT_AKENEO" });
    await app.close();
  });

  it("a 403 on a resource names the permission to check", async () => {
    server = await startScriptedServer({ routes: { "GET /api/rest/v1/categories": () => ({ status: 403, body: { code: 403, message: "Access forbidden. You are not allowed to list categories." } }) } });
    t = createTestClient(server.url);
    await expect(get(t, "/api/rest/v1/categories")).rejects.toMatchObject({
      code: "HTTP_FORBIDDEN",
      message: "[http] request failed: GET /api/rest/v1/categories → 403 Access forbidden. You are not allowed to list categories.; check the permissions of the connection's user role (ACL) and user groups in Akeneo for this resource",
    });
    expect(server.requestsTo("GET /api/rest/v1/categories")).toHaveLength(1);
  });

  it("TLS failure (https to a plain-http port) → TLS, not retried", async () => {
    server = await startScriptedServer();
    t = createTestClient(server.url.replace("http:", "https:"));
    await expect(get(t)).rejects.toMatchObject({ code: "TLS", kind: "config", message: expect.stringContaining("check that the baseUrl uses the right scheme (https)") });
    expect(t.client.stats().retries).toBe(0);
  });

  it("DNS failure → DNS naming the host field", async () => {
    t = createTestClient("http://akeneo-connector-test.invalid");
    await expect(get(t)).rejects.toMatchObject({ code: "DNS", message: expect.stringContaining("check the host name in the baseUrl field") });
  });

  it("connection refused → NETWORK after the bounded retries", async () => {
    t = createTestClient(`http://127.0.0.1:${await closedPort()}`, { retry: { maxAttempts: 2, random: () => 1 } });
    await expect(get(t)).rejects.toMatchObject({ code: "NETWORK", message: expect.stringContaining("connection refused (ECONNREFUSED)") });
    expect(t.clock.sleeps).toEqual([500]);
  });

  it.each([
    ["not a url", "must be an absolute URL"],
    ["ftp://pim.test", "must use https"],
    ["https://user:pw@pim.test", "must not carry credentials"],
  ])("an invalid baseUrl %s → CONFIG_INVALID", (baseUrl, message) => {
    expect(() => createAkeneoClient({ baseUrl, auth: { type: "password", ...TEST_CREDENTIALS } })).toThrow(expect.objectContaining({ code: "CONFIG_INVALID", message: expect.stringContaining(message) }));
  });

  it.each([
    [{ limits: { throttleLimit: 0 } }, "throttleLimit must be a positive integer"],
    [{ limits: { concurrentConnections: 1.5 } }, "concurrentConnections must be a positive integer"],
    [{ limits: { throttleSeconds: -1 } }, "throttleSeconds must be a positive number"],
    [{ retry: { maxAttempts: 0 } }, "retry.maxAttempts"],
  ])("invalid limits %j → CONFIG_INVALID", (options, message) => {
    expect(() => createAkeneoClient({ baseUrl: "https://pim.test", auth: { type: "app", accessToken: "a-token" }, ...options })).toThrow(expect.objectContaining({ code: "CONFIG_INVALID", message: expect.stringContaining(message) }));
  });

  it("a default client owns its Agent and closes it", async () => {
    server = await startScriptedServer({ requireToken: false, routes: { "GET /api/rest/v1/channels": () => ({ body: {} }) } });
    const client = createAkeneoClient({ baseUrl: `${server.url}/`, auth: { type: "app", accessToken: "a-token" } });
    await expect(client.request({ method: "GET", path: "/api/rest/v1/channels" })).resolves.toMatchObject({ status: 200 });
    await client.close();
  });
});
