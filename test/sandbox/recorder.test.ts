import { afterEach, describe, expect, it } from "vitest";
import { RequestRecorder } from "../../src/sandbox/index.js";
import { openSandbox, type TestApi } from "./sandbox-client.js";

function recorded(spans: Array<[start: number, end: number, extra?: { status?: number; retryAfterUntil?: number }]>): RequestRecorder {
  const recorder = new RequestRecorder();
  const entries = spans.map(([startedAt]) => recorder.start({ method: "GET", path: "/x", query: "", headers: {}, startedAt, isTokenRequest: false }));
  const byEnd = spans.map((span, i) => ({ span, entry: entries[i]! })).sort((a, b) => a.span[1] - b.span[1]);
  for (const { span, entry } of byEnd) {
    if (span[2]?.retryAfterUntil !== undefined) entry.retryAfterUntil = span[2].retryAfterUntil;
    recorder.finish(entry, span[1], span[2]?.status ?? 200);
  }
  return recorder;
}

describe("RequestRecorder helpers", () => {
  it("maxInFlight counts overlapping requests", () => {
    expect(recorded([[0, 10], [5, 15], [6, 7], [20, 30]]).maxInFlight()).toBe(3);
    expect(recorded([[0, 10], [10, 20]]).maxInFlight()).toBe(1);
    expect(new RequestRecorder().maxInFlight()).toBe(0);
  });

  it("maxInWindow counts request starts in any sliding window", () => {
    const recorder = recorded([[0, 1], [100, 101], [999, 1000], [1000, 1001], [1500, 1501], [1600, 1601]]);
    expect(recorder.maxInWindow(1000)).toBe(4);
    expect(recorder.maxInWindow(100)).toBe(2);
    expect(recorder.maxInWindow(5000)).toBe(6);
  });

  it("retryAfterViolations lists requests started after a 429 and before its deadline", () => {
    const recorder = recorded([
      [0, 10, { status: 429, retryAfterUntil: 1010 }],
      [5, 12],
      [500, 510],
      [1010, 1020],
    ]);
    expect(recorder.retryAfterViolations().map((r) => r.startedAt)).toEqual([500]);
  });

  it("count and all take a partial match or a predicate; clear forgets", () => {
    const recorder = recorded([[0, 1, { status: 200 }], [1, 2, { status: 429 }], [2, 3, { status: 429 }]]);
    expect(recorder.count({ status: 429 })).toBe(2);
    expect(recorder.count((r) => r.startedAt > 0)).toBe(2);
    recorder.clear();
    expect(recorder.count()).toBe(0);
  });
});

describe("RequestRecorder in the sandbox", () => {
  let api: TestApi;
  afterEach(async () => api?.close());

  it("records every request with redacted headers and no body", async () => {
    api = await openSandbox({ products: 10 });
    await api.get("/api/rest/v1/locales?limit=2");
    const [token, list] = api.sandbox.recorder.all();
    expect(token).toMatchObject({ method: "POST", path: "/api/oauth/v1/token", isTokenRequest: true, status: 200 });
    expect(token!.headers["authorization"]).toBe("[REDACTED]");
    expect(list).toMatchObject({ method: "GET", path: "/api/rest/v1/locales", query: "limit=2", status: 200, isTokenRequest: false });
    expect(list!.headers["authorization"]).toBe("[REDACTED]");
    expect(list!.endedAt).toBeGreaterThanOrEqual(list!.startedAt);
    const serialized = JSON.stringify(api.sandbox.recorder.all());
    expect(serialized).not.toContain(api.token);
    expect(serialized).not.toContain(api.sandbox.credentials.password);
  });

  it("measures real concurrency", async () => {
    api = await openSandbox({ products: 10, latencyMs: 40 });
    api.sandbox.recorder.clear();
    await Promise.all(Array.from({ length: 5 }, () => api.get("/api/rest/v1/channels")));
    expect(api.sandbox.recorder.maxInFlight()).toBe(5);
    await api.get("/api/rest/v1/channels");
    expect(api.sandbox.recorder.maxInWindow(30)).toBe(5);
    expect(api.sandbox.recorder.count({ path: "/api/rest/v1/channels", status: 200 })).toBe(6);
  });
});

describe("sandbox close", () => {
  it("closes at once even with requests waiting on injected latency, leaving nothing behind", async () => {
    const api = await openSandbox({ products: 5 });
    api.sandbox.setFaults({ latencyMs: 60_000 });
    const pending = api.get("/api/rest/v1/locales").catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await api.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });
});
