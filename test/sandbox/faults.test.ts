import { afterEach, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import type { SandboxOptions } from "../../src/sandbox/index.js";
import { basic, openSandbox, passwordGrant, type TestApi } from "./sandbox-client.js";

let api: TestApi;
afterEach(async () => api?.close());

/** A clock the test moves by hand; `sleep` just moves it. */
function manualClock(start = Date.UTC(2026, 5, 1, 12)): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, sleep: async (ms) => void (now += ms), advance: (ms) => void (now += ms) };
}

const open = (options: SandboxOptions) => openSandbox({ products: 10, ...options });

describe("sandbox fault injection", () => {
  it("adds latency to every request", async () => {
    api = await open({ latencyMs: 60 });
    const started = performance.now();
    expect((await api.get("/api/rest/v1/locales")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("answers 5xx at the error rate, but leaves the token endpoint alone unless asked", async () => {
    api = await open({ faults: { errorRate: 1 } });
    const res = await api.get("/api/rest/v1/locales");
    expect(res).toMatchObject({ status: 503, body: { code: 503, message: "Service Unavailable" } });
    expect(api.sandbox.recorder.all({ path: "/api/rest/v1/locales" })[0]!.fault).toBe("error");
    api.sandbox.setFaults({ errorRate: 1, errorStatus: 500, faultTokenEndpoint: true });
    expect((await api.get("/api/rest/v1/locales")).status).toBe(500);
    const token = await api.call("/api/oauth/v1/token", { method: "POST", auth: false, headers: { "content-type": "application/json" }, body: "{}" });
    expect(token.status).toBe(500);
  });

  it("resets sockets at the reset rate", async () => {
    api = await open({ faults: { resetRate: 1 } });
    await expect(api.get("/api/rest/v1/locales")).rejects.toThrow();
    const entry = api.sandbox.recorder.all({ path: "/api/rest/v1/locales" })[0]!;
    expect(entry).toMatchObject({ fault: "reset", status: 0 });
  });

  it("opens 429 bursts with Retry-After, and the recorder flags requests that did not wait", async () => {
    const clock = manualClock();
    api = await open({ clock, faults: { rateLimitRate: 1, retryAfterSeconds: 2 } });
    const first = await api.get("/api/rest/v1/locales");
    expect(first.status).toBe(429);
    expect(first.body).toEqual({ code: 429, message: "You have exceeded the limit of API requests per second." });
    expect(first.headers.get("retry-after")).toBe("2");
    clock.advance(500);
    api.sandbox.setFaults({});
    const tooEarly = await api.get("/api/rest/v1/locales");
    clock.advance(1500);
    const onTime = await api.get("/api/rest/v1/locales");
    expect(onTime.status).toBe(200);
    const violations = api.sandbox.recorder.retryAfterViolations();
    expect(violations.map((v) => v.id)).toEqual([api.sandbox.recorder.all({ path: "/api/rest/v1/locales" })[1]!.id]);
    expect(tooEarly.status).toBe(200);
    const limited = api.sandbox.recorder.all({ status: 429 })[0]!;
    expect(limited.retryAfterUntil).toBe(limited.endedAt! + 2000);
  });

  it("keeps answering 429 until the burst ends, counting Retry-After down", async () => {
    const clock = manualClock();
    api = await open({ clock, faults: { rateLimitRate: 1, retryAfterSeconds: 2 } });
    expect((await api.get("/api/rest/v1/locales")).headers.get("retry-after")).toBe("2");
    clock.advance(1200);
    const same = await api.get("/api/rest/v1/locales");
    expect(same.status).toBe(429);
    expect(same.headers.get("retry-after")).toBe("1");
    clock.advance(800);
    expect((await api.get("/api/rest/v1/locales")).headers.get("retry-after")).toBe("2");
  });

  it("can send Retry-After as an HTTP date (whole seconds), or not at all", async () => {
    const clock = manualClock(Date.UTC(2026, 5, 1, 12, 0, 0, 250));
    api = await open({ clock, faults: { rateLimitRate: 1, retryAfterFormat: "date" } });
    const res = await api.get("/api/rest/v1/locales");
    expect(res.headers.get("retry-after")).toBe("Mon, 01 Jun 2026 12:00:02 GMT");
    expect(api.sandbox.recorder.all({ status: 429 })[0]!.retryAfterUntil).toBe(Date.UTC(2026, 5, 1, 12, 0, 2));
    api.sandbox.setFaults({ rateLimitRate: 1, retryAfterFormat: "none" });
    const bare = await api.get("/api/rest/v1/locales");
    expect(bare.status).toBe(429);
    expect(bare.headers.get("retry-after")).toBeNull();
  });

  it("expires access tokens after N requests, silently", async () => {
    api = await open({ faults: { tokenTtlRequests: 2 } });
    expect((await api.get("/api/rest/v1/locales")).status).toBe(200);
    expect((await api.get("/api/rest/v1/locales")).status).toBe(200);
    expect((await api.get("/api/rest/v1/locales")).body).toEqual({ code: 401, message: "Authentication is required" });
    api.token = (await passwordGrant(api)).access_token;
    expect((await api.get("/api/rest/v1/locales")).status).toBe(200);
  });

  it("expires access tokens after N seconds while expires_in still says 3600", async () => {
    const clock = manualClock();
    api = await open({ clock, faults: { tokenTtlSeconds: 5 } });
    expect((await passwordGrant(api)).expires_in).toBe(3600);
    clock.advance(4999);
    expect((await api.get("/api/rest/v1/locales")).status).toBe(200);
    clock.advance(1);
    expect((await api.get("/api/rest/v1/locales")).status).toBe(401);
  });

  it("rejects refresh tokens when asked", async () => {
    api = await open({ faults: { rejectRefreshTokens: true } });
    const pair = await passwordGrant(api);
    const { clientId, clientSecret } = api.sandbox.credentials;
    const res = await api.call("/api/oauth/v1/token", {
      method: "POST", auth: false, headers: { "content-type": "application/json", authorization: basic(clientId, clientSecret) },
      body: JSON.stringify({ grant_type: "refresh_token", refresh_token: pair.refresh_token }),
    });
    expect(res.json()).toEqual({ code: 422, message: "Refresh token is invalid or has expired" });
  });

  it("answers 403 with Akeneo's ACL message on forbidden path prefixes", async () => {
    api = await open({ faults: { forbidden: ["/api/rest/v1/categories", "/api/rest/v1/products-uuid"] } });
    expect((await api.get("/api/rest/v1/categories?limit=1")).body).toEqual({ code: 403, message: "Access forbidden. You are not allowed to list categories." });
    expect((await api.patchLines("/api/rest/v1/products-uuid", [{}])).text).toBe(JSON.stringify({ code: 403, message: "Access forbidden. You are not allowed to create or update products." }));
    expect((await api.get("/api/rest/v1/channels")).status).toBe(200);
    expect(api.sandbox.recorder.count({ fault: "forbidden" })).toBe(2);
  });

  it("is deterministic: the same seed and request sequence give the same faults", async () => {
    const statuses = async (seed: number) => {
      api = await open({ faults: { errorRate: 0.4, resetRate: 0.1, seed } });
      const out: number[] = [];
      for (let i = 0; i < 25; i++) out.push(await api.get("/api/rest/v1/locales").then((r) => r.status, () => 0));
      await api.close();
      return out;
    };
    const a = await statuses(42);
    const b = await statuses(42);
    const c = await statuses(43);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toContain(503);
    expect(a).toContain(200);
    api = await open({});
  });
});
