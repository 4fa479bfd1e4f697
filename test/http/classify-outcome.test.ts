import { describe, expect, it } from "vitest";
import { classifyOutcome, type ClassifyContext } from "../../src/http/classify-outcome.js";
import type { AttemptOutcome, RawResponse } from "../../src/http/http-request.js";

const label = { area: "[http]", what: "request failed", method: "GET", path: "/api/rest/v1/channels" };
const ctx = (over: Partial<ClassifyContext> = {}): ClassifyContext => ({
  label,
  policy: "idempotent",
  usesBearer: true,
  refreshed: false,
  attempt: 1,
  maxAttempts: 6,
  nowMs: 0,
  backoff: { baseDelayMs: 500, maxDelayMs: 30_000 },
  random: () => 1,
  ...over,
});
const response = (status: number, headers: RawResponse["headers"] = {}): AttemptOutcome => ({
  type: "response",
  response: { status, headers, bodyText: JSON.stringify({ code: status, message: `status ${status}` }), partial: false },
});
const failure = (code: string): AttemptOutcome => ({ type: "error", error: Object.assign(new Error(code), { code }) });

describe("classifyOutcome", () => {
  it.each([200, 201, 204])("%i is done", (status) => {
    expect(classifyOutcome(response(status), ctx()).action).toBe("done");
  });

  it.each<[string, AttemptOutcome, Partial<ClassifyContext>, string, number | undefined, string | undefined]>([
    ["401 with a bearer → refresh", response(401), {}, "refresh", undefined, undefined],
    ["401 after a refresh → fail", response(401), { refreshed: true }, "fail", undefined, "HTTP_UNAUTHORIZED"],
    ["401 without bearer → fail", response(401), { usesBearer: false }, "fail", undefined, "HTTP_UNAUTHORIZED"],
    ["429 with Retry-After → its delay", response(429, { "retry-after": "3" }), {}, "retry", 3000, "rate-limited"],
    ["429 without Retry-After → backoff", response(429), { attempt: 2 }, "retry", 1000, "rate-limited"],
    ["429 on an unsafe POST → retry", response(429), { policy: "unsafe" }, "retry", 500, "rate-limited"],
    ["503 → backoff", response(503), { attempt: 3 }, "retry", 2000, "server-error"],
    ["503 with Retry-After → its delay", response(503, { "retry-after": "1" }), {}, "retry", 1000, "server-error"],
    ["408 → retry", response(408), {}, "retry", 500, "timeout"],
    ["503 on a safe POST (token) → retry", response(503), { policy: "safe" }, "retry", 500, "server-error"],
    ["503 on an unsafe POST → fail", response(503), { policy: "unsafe" }, "fail", undefined, "HTTP_SERVER"],
    ["503 on the last attempt → fail", response(503), { attempt: 6 }, "fail", undefined, "HTTP_SERVER"],
    ["422 → fail", response(422), {}, "fail", undefined, "HTTP_UNPROCESSABLE"],
    ["reset → retry", failure("ECONNRESET"), {}, "retry", 500, "network"],
    ["headers timeout → retry", failure("UND_ERR_HEADERS_TIMEOUT"), {}, "retry", 500, "timeout"],
    ["reset on an unsafe POST → fail", failure("ECONNRESET"), { policy: "unsafe" }, "fail", undefined, "NETWORK"],
    ["refused on an unsafe POST → retry (never sent)", failure("ECONNREFUSED"), { policy: "unsafe" }, "retry", 500, "network"],
    ["reset on the last attempt → fail", failure("ECONNRESET"), { attempt: 6 }, "fail", undefined, "NETWORK"],
    ["DNS failure → fail", failure("ENOTFOUND"), {}, "fail", undefined, "DNS"],
  ])("%s", (_name, outcome, over, action, delayMs, detail) => {
    const verdict = classifyOutcome(outcome, ctx(over));
    expect(verdict.action).toBe(action);
    if (verdict.action === "retry") {
      expect(verdict.delayMs).toBe(delayMs);
      expect(verdict.reason).toBe(detail);
    }
    if (verdict.action === "fail") expect(verdict.error.code).toBe(detail);
  });

  it("says how many attempts were made when it gives up", () => {
    const verdict = classifyOutcome(response(503), ctx({ attempt: 6 }));
    expect(verdict.action === "fail" && verdict.error.message).toContain("(gave up after 6 attempts)");
    const network = classifyOutcome(failure("ECONNRESET"), ctx({ attempt: 6 }));
    expect(network.action === "fail" && network.error.message).toContain("(gave up after 6 attempts)");
  });
});
