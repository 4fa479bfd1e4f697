import { Agent } from "undici";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPipeline, type PipelineDeps } from "../../src/http/pipeline.js";
import { createRequestStats } from "../../src/http/request-stats.js";
import { silentLogger } from "../../src/logger.js";
import { createThrottle, type Throttle } from "../../src/throttle/throttle.js";
import { createManualClock } from "../helpers/manual-clock.js";
import { startScriptedServer, type ScriptedServer } from "../helpers/scripted-server.js";

let server: ScriptedServer | undefined;
const agent = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function deps(throttle: Throttle): PipelineDeps {
  return {
    send: { baseUrl: "http://127.0.0.1:9", dispatcher: {} as never, timeoutMs: 1000, userAgent: "test" },
    throttle,
    authenticator: () => ({ getAccessToken: async () => "t", renewAfterUnauthorized: async () => "t" }),
    clock: createManualClock(),
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100, random: () => 1 },
    stats: createRequestStats(),
    logger: silentLogger,
  };
}

describe("pipeline throttle step", () => {
  it("gives the extra limiter's slot back when the main throttle refuses (abort), and reports ABORTED", async () => {
    const releaseExtra = vi.fn();
    const controller = new AbortController();
    const main: Throttle = {
      acquire: async () => {
        controller.abort();
        throw controller.signal.reason;
      },
      pauseUntil: () => undefined,
      stats: () => ({ waitMs: 0, inFlight: 0, pausedUntil: 0 }),
    };
    const limiter: Throttle = { ...main, acquire: async () => releaseExtra };
    const execute = createPipeline(deps(main));
    await expect(execute({ method: "PATCH", path: "/api/rest/v1/attributes/a/options", limiter, signal: controller.signal })).rejects.toMatchObject({ code: "ABORTED" });
    expect(releaseExtra).toHaveBeenCalledTimes(1);
  });

  it("lets a non-abort failure through unchanged", async () => {
    const boom = new Error("boom");
    const main: Throttle = { acquire: async () => Promise.reject(boom), pauseUntil: () => undefined, stats: () => ({ waitMs: 0, inFlight: 0, pausedUntil: 0 }) };
    await expect(createPipeline(deps(main))({ method: "GET", path: "/x" })).rejects.toBe(boom);
  });
});

describe("pipeline against a server", () => {
  it("passes the extra limiter, releasing both slots; keeps a partial text body when asked", async () => {
    server = await startScriptedServer({ requireToken: false, routes: { "PATCH /api/rest/v1/x": () => ({ partialBody: '{"line":1}\n{"li' }) } });
    const clock = createManualClock();
    const main = createThrottle({ limit: 10, windowMs: 1000, concurrency: 2, clock });
    const limiter = createThrottle({ limit: 3, windowMs: 1000, clock });
    const execute = createPipeline({ ...deps(main), clock, send: { baseUrl: server.url, dispatcher: agent, timeoutMs: 5000, userAgent: "test" } });
    const response = await execute({ method: "PATCH", path: "/api/rest/v1/x", body: "a", responseType: "text", acceptPartialBody: true, limiter });
    expect(response).toMatchObject({ status: 200, partial: true, body: '{"line":1}\n{"li' });
    expect(main.stats().inFlight).toBe(0);
    expect(limiter.stats().inFlight).toBe(0);
  });
});
