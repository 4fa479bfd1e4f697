import { describe, expect, it } from "vitest";
import { classifyNetworkError, createNetworkError, networkErrorCode } from "../../src/http/classify-network-error.js";

const withCode = (code: string) => Object.assign(new Error(`boom ${code}`), { code });

describe("classifyNetworkError", () => {
  it.each([
    ["ECONNRESET", "NETWORK", true, true],
    ["UND_ERR_SOCKET", "NETWORK", true, true],
    ["EPIPE", "NETWORK", true, true],
    ["ECONNREFUSED", "NETWORK", true, false],
    ["EHOSTUNREACH", "NETWORK", true, false],
    ["UND_ERR_HEADERS_TIMEOUT", "TIMEOUT", true, true],
    ["UND_ERR_BODY_TIMEOUT", "TIMEOUT", true, true],
    ["UND_ERR_CONNECT_TIMEOUT", "TIMEOUT", true, false],
    ["ENOTFOUND", "DNS", false, false],
    ["EAI_AGAIN", "DNS", true, false],
    ["CERT_HAS_EXPIRED", "TLS", false, false],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "TLS", false, false],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "TLS", false, false],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "TLS", false, false],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "TLS", false, false],
    ["EPROTO", "TLS", false, false],
    ["UND_ERR_ABORTED", "ABORTED", false, true],
  ])("%s → %s (retryable %s, sent %s)", (code, expected, retryable, sent) => {
    expect(classifyNetworkError(withCode(code))).toMatchObject({ code: expected, retryable, sent });
  });

  it("treats an AbortError as aborted", () => {
    expect(classifyNetworkError(new DOMException("stop", "AbortError")).code).toBe("ABORTED");
  });

  it("treats an error without a code as a bug", () => {
    expect(classifyNetworkError(new TypeError("x is not a function"))).toMatchObject({ code: "INTERNAL", kind: "bug", retryable: false });
    expect(classifyNetworkError(null).code).toBe("INTERNAL");
  });

  it("finds the code in cause or in an AggregateError", () => {
    expect(networkErrorCode({ cause: { code: "ECONNREFUSED" } })).toBe("ECONNREFUSED");
    expect(networkErrorCode(Object.assign(new AggregateError([withCode("ECONNREFUSED")]), {}))).toBe("ECONNREFUSED");
    expect(networkErrorCode({ code: 42 })).toBeUndefined();
  });

  it("builds a one-line message naming the request and what to check, with the cause kept", () => {
    const cause = withCode("ENOTFOUND");
    const error = createNetworkError(cause, classifyNetworkError(cause), { area: "[http]", what: "request failed", method: "GET", path: "/api/rest/v1/channels?limit=10" });
    expect(error.message).toBe("[http] request failed: GET /api/rest/v1/channels → host not found (ENOTFOUND); check the host name in the baseUrl field");
    expect(error).toMatchObject({ code: "DNS", kind: "config", method: "GET", url: "/api/rest/v1/channels?limit=10", cause });
  });
});
