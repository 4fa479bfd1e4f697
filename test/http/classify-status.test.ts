import { describe, expect, it } from "vitest";
import { classifyStatus } from "../../src/http/classify-status.js";

describe("classifyStatus", () => {
  it.each([
    [400, "HTTP_BAD_REQUEST", "data", false],
    [401, "HTTP_UNAUTHORIZED", "auth", false],
    [403, "HTTP_FORBIDDEN", "config", false],
    [404, "HTTP_NOT_FOUND", "data", false],
    [405, "HTTP_METHOD_NOT_ALLOWED", "bug", false],
    [406, "HTTP_NOT_ACCEPTABLE", "bug", false],
    [408, "HTTP_TIMEOUT", "transient", true],
    [409, "HTTP_CONFLICT", "data", false],
    [413, "HTTP_PAYLOAD_TOO_LARGE", "data", false],
    [415, "HTTP_UNSUPPORTED_MEDIA_TYPE", "bug", false],
    [422, "HTTP_UNPROCESSABLE", "data", false],
    [429, "HTTP_RATE_LIMITED", "transient", true],
    [500, "HTTP_SERVER", "transient", true],
    [502, "HTTP_SERVER", "transient", true],
    [503, "HTTP_SERVER", "transient", true],
    [504, "HTTP_SERVER", "transient", true],
    [301, "HTTP_UNEXPECTED", "config", false],
    [302, "HTTP_UNEXPECTED", "config", false],
    [418, "HTTP_UNEXPECTED", "bug", false],
    [100, "HTTP_UNEXPECTED", "bug", false],
  ])("%i → %s (%s, retryable %s)", (status, code, kind, retryable) => {
    expect(classifyStatus(status)).toMatchObject({ code, kind, retryable });
    expect(classifyStatus(status).hint.length).toBeGreaterThan(5);
  });
});
