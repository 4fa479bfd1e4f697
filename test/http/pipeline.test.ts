import { afterEach, describe, expect, it, vi } from "vitest";
import type { RateLimitInfo, RetryInfo } from "../../src/http/pipeline.js";
import { createManualClock } from "../helpers/manual-clock.js";
import { startScriptedServer, TOKEN_ROUTE, type ScriptedResponse, type ScriptedServer } from "../helpers/scripted-server.js";
import { createTestClient, waitFor, type TestClient } from "../helpers/test-client.js";

const CHANNELS = "GET /api/rest/v1/channels";
const ok = { body: { code: "ecommerce" } };
let server: ScriptedServer;
let t: TestClient;

afterEach(async () => {
  await t?.close();
  await server?.close();
});

describe("pipeline: retry", () => {
  it("429 with Retry-After: waits exactly what the server asked, then succeeds", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: (_r, n) => (n <= 2 ? { status: 429, headers: { "retry-after": String(n + 1) }, body: { code: 429, message: "You have exceeded the limit of API requests per second." } } : ok) } });
    const onRateLimit = vi.fn<(info: RateLimitInfo) => void>();
    const onRetry = vi.fn<(info: RetryInfo) => void>();
    t = createTestClient(server.url, { onRateLimit, onRetry });
    const start = t.clock.now();
    await expect(t.client.request({ method: "GET", path: "/api/rest/v1/channels" })).resolves.toMatchObject({ status: 200, body: { code: "ecommerce" } });
    expect(t.clock.sleeps).toEqual([2000, 3000]);
    expect(t.client.stats()).toMatchObject({ requests: 4, tokenRequests: 1, retries: 2, rateLimited: 2 });
    expect(onRateLimit.mock.calls[0]![0]).toMatchObject({ attempt: 1, retryAfterMs: 2000, delayMs: 2000, pausedUntil: start + 2000, status: 429, code: "HTTP_RATE_LIMITED", reason: "rate-limited" });
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(onRetry.mock.calls[1]![0]).toMatchObject({ attempt: 2, maxAttempts: 6, delayMs: 3000, method: "GET", path: "/api/rest/v1/channels" });
  });

  it("429 without Retry-After: exponential backoff, and the pause covers it", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: (_r, n) => (n <= 2 ? { status: 429 } : ok) } });
    const onRateLimit = vi.fn<(info: RateLimitInfo) => void>();
    t = createTestClient(server.url, { onRateLimit });
    await t.client.request({ method: "GET", path: "/api/rest/v1/channels" });
    expect(t.clock.sleeps).toEqual([500, 1000]);
    expect(onRateLimit.mock.calls[0]![0].retryAfterMs).toBeUndefined();
  });

  it("a 429 pauses every new request of the client until Retry-After elapsed", async () => {
    server = await startScriptedServer({
      routes: {
        [CHANNELS]: (_r, n) => (n === 1 ? { status: 429, headers: { "retry-after": "5" } } : ok),
        "GET /api/rest/v1/locales": () => ok,
      },
    });
    const clock = createManualClock({ autoAdvance: false });
    t = createTestClient(server.url, { clock });
    const first = t.client.request({ method: "GET", path: "/api/rest/v1/channels" });
    await waitFor(() => clock.pending === 1); // the retry of the 429 is sleeping
    const second = t.client.request({ method: "GET", path: "/api/rest/v1/locales" });
    await waitFor(() => clock.pending === 2); // the new request waits in the throttle
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requestsTo("GET /api/rest/v1/locales")).toHaveLength(0);
    await clock.advance(4999);
    expect(server.requestsTo("GET /api/rest/v1/locales")).toHaveLength(0);
    await clock.advance(1);
    await Promise.all([first, second]);
    expect(server.requestsTo("GET /api/rest/v1/locales")).toHaveLength(1);
    expect(clock.sleeps).toEqual([5000, 5000]);
  });

  it("a request waiting for a slot does not slip through between a 429 and its pause", async () => {
    server = await startScriptedServer({
      routes: {
        [CHANNELS]: (_r, n) => (n === 1 ? { status: 429, headers: { "retry-after": "5" }, delayMs: 20 } : ok),
        "GET /api/rest/v1/locales": () => ok,
      },
    });
    const clock = createManualClock({ autoAdvance: false });
    t = createTestClient(server.url, { clock, limits: { throttleLimit: 100, throttleSeconds: 60, concurrentConnections: 1 } });
    await t.client.request({ method: "GET", path: "/api/rest/v1/locales" }); // token first
    const first = t.client.request({ method: "GET", path: "/api/rest/v1/channels" });
    const second = t.client.request({ method: "GET", path: "/api/rest/v1/locales" });
    await waitFor(() => clock.pending === 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requestsTo("GET /api/rest/v1/locales")).toHaveLength(1);
    await clock.advance(5000);
    await Promise.all([first, second]);
    expect(server.requestsTo("GET /api/rest/v1/locales")).toHaveLength(2);
  });

  it("5xx then success", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: (_r, n) => (n === 1 ? { status: 503 } : n === 2 ? { status: 502, body: "<html>bad gateway</html>" } : ok) } });
    t = createTestClient(server.url);
    await expect(t.client.request({ method: "GET", path: "/api/rest/v1/channels" })).resolves.toMatchObject({ status: 200 });
    expect(t.clock.sleeps).toEqual([500, 1000]);
    expect(t.client.stats().retries).toBe(2);
  });

  it("gives up after maxAttempts with a typed error", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ({ status: 500, body: { code: 500, message: "Internal error" } }) } });
    t = createTestClient(server.url, { retry: { maxAttempts: 3, random: () => 1 } });
    await expect(t.client.request({ method: "GET", path: "/api/rest/v1/channels" })).rejects.toMatchObject({
      code: "HTTP_SERVER",
      status: 500,
      message: "[http] request failed: GET /api/rest/v1/channels → 500 Internal error; Akeneo had a server error: try again later (gave up after 3 attempts)",
    });
    expect(server.requestsTo(CHANNELS)).toHaveLength(3);
    expect(t.clock.sleeps).toEqual([500, 1000]);
  });

  it("retries a connection reset, and a reset in the middle of a body", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: (_r, n) => (n === 1 ? { reset: true } : n === 2 ? { partialBody: '{"code":"ecom' } : ok) } });
    t = createTestClient(server.url);
    await expect(t.client.request({ method: "GET", path: "/api/rest/v1/channels" })).resolves.toMatchObject({ body: { code: "ecommerce" } });
    expect(server.requestsTo(CHANNELS)).toHaveLength(3);
    expect(t.client.stats().retries).toBe(2);
  });

  it("retries a timeout", async () => {
    // undici checks header timeouts on a coarse (about 1 s) timer, so the server stalls longer than that.
    server = await startScriptedServer({ routes: { [CHANNELS]: (_r, n) => (n === 1 ? { ...ok, delayMs: 3000 } : ok) } });
    t = createTestClient(server.url, { timeoutMs: 100 });
    await expect(t.client.request({ method: "GET", path: "/api/rest/v1/channels" })).resolves.toMatchObject({ status: 200 });
    expect(server.requestsTo(CHANNELS)).toHaveLength(2);
  });

  it("does not retry a POST after it was sent (5xx, reset), but does after a 429", async () => {
    const MEDIA = "POST /api/rest/v1/media-files";
    const answers: ScriptedResponse[] = [{ status: 503 }, { reset: true }, { status: 429, headers: { "retry-after": "1" } }, { status: 201, headers: { location: "/x" } }];
    server = await startScriptedServer({ routes: { [MEDIA]: (_r, n) => answers[n - 1]! } });
    t = createTestClient(server.url);
    const post = () => t.client.request({ method: "POST", path: "/api/rest/v1/media-files", body: "{}" });
    await expect(post()).rejects.toMatchObject({ code: "HTTP_SERVER" });
    await expect(post()).rejects.toMatchObject({ code: "NETWORK" });
    await expect(post()).resolves.toMatchObject({ status: 201 });
    expect(server.requestsTo(MEDIA)).toHaveLength(4);
  });

  it("retries token requests on 5xx (they are safe to repeat)", async () => {
    server = await startScriptedServer({
      requireToken: false,
      routes: {
        [CHANNELS]: () => ok,
        [TOKEN_ROUTE]: (_r, n) => (n === 1 ? { status: 503 } : { body: { access_token: "access-token-x", refresh_token: "r", expires_in: 3600 } }),
      },
    });
    t = createTestClient(server.url);
    await expect(t.client.request({ method: "GET", path: "/api/rest/v1/channels" })).resolves.toMatchObject({ status: 200 });
    expect(server.tokenRequests).toHaveLength(2);
    expect(t.client.stats()).toMatchObject({ requests: 3, tokenRequests: 2, retries: 1 });
  });
});

describe("pipeline: request options", () => {
  it("sends query, headers and body; returns text, bytes or a stream", async () => {
    server = await startScriptedServer({
      routes: {
        "PATCH /api/rest/v1/x": (req) => ({ body: `echo:${req.body}:${req.headers["content-type"]}:${req.headers["x-extra"]}:${req.query.get("a")}` }),
        "GET /api/rest/v1/bin": () => ({ body: Buffer.from([1, 2, 3]) }),
      },
    });
    t = createTestClient(server.url);
    const text = await t.client.request<string>({ method: "PATCH", path: "/api/rest/v1/x", query: { a: "b c", z: undefined }, body: "hello", contentType: "text/plain", headers: { "x-extra": "1" }, responseType: "text" });
    expect(text.body).toBe("echo:hello:text/plain:1:b c");
    const bytes = await t.client.request<Uint8Array>({ method: "GET", path: "/api/rest/v1/bin", responseType: "buffer" });
    expect([...bytes.body]).toEqual([1, 2, 3]);
    const stream = await t.client.request<NodeJS.ReadableStream>({ method: "GET", path: "/api/rest/v1/bin", responseType: "stream" });
    const chunks: Buffer[] = [];
    for await (const chunk of stream.body) chunks.push(chunk as Buffer);
    expect([...Buffer.concat(chunks)]).toEqual([1, 2, 3]);
    expect(server.requests.filter((r) => r.route !== TOKEN_ROUTE).map((r) => r.headers.accept)).toEqual(["*/*", "*/*", "*/*"]);
  });

  it("stops when the client's signal aborts, even while waiting", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ({ status: 429, headers: { "retry-after": "60" } }) } });
    const controller = new AbortController();
    const clock = createManualClock({ autoAdvance: false });
    t = createTestClient(server.url, { clock, signal: controller.signal });
    const pending = t.client.request({ method: "GET", path: "/api/rest/v1/channels", signal: new AbortController().signal });
    await waitFor(() => clock.pending === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "ABORTED", message: "[http] request failed: GET /api/rest/v1/channels → aborted; the run was cancelled" });
  });

  it("an abort with a reason of its own (Ctrl-C) is still ABORTED, not an unexpected error", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ({ ...ok, delayMs: 500 }) } });
    const controller = new AbortController();
    t = createTestClient(server.url, { signal: controller.signal });
    const pending = t.client.request({ method: "GET", path: "/api/rest/v1/channels" });
    await waitFor(() => server.requestsTo(CHANNELS).length === 1);
    controller.abort(new Error("interrupted"));
    await expect(pending).rejects.toMatchObject({ code: "ABORTED", kind: "transient" });
  });

  it("an aborted request in flight is ABORTED, not retried", async () => {
    server = await startScriptedServer({ routes: { [CHANNELS]: () => ({ ...ok, delayMs: 500 }) } });
    t = createTestClient(server.url);
    const controller = new AbortController();
    const pending = t.client.request({ method: "GET", path: "/api/rest/v1/channels", signal: controller.signal });
    await waitFor(() => server.requestsTo(CHANNELS).length === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
    expect(server.requestsTo(CHANNELS)).toHaveLength(1);
  });
});
