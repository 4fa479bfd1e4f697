import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError, describeError, HttpError } from "../../src/errors.js";
import { clearRegisteredSecrets, REDACTED, redactText, redactValue, registerSecret } from "../../src/redact.js";

afterEach(() => clearRegisteredSecrets());

describe("redactText", () => {
  it.each([
    ["Authorization: Bearer abc.def-123", `Authorization: Bearer ${REDACTED}`],
    ["basic ZGVtbzpzZWNyZXQ=", `basic ${REDACTED}`],
    ['{"password":"hunter2","username":"bob"}', `{"password":"${REDACTED}","username":"bob"}`],
    ['{"refresh_token": "r-tok"}', `{"refresh_token": "${REDACTED}"}`],
    ["grant_type=password&password=p%40ss&username=x", `grant_type=password&password=${REDACTED}&username=x`],
    ["https://user:pw@pim.example.com/api", `https://user:${REDACTED}@pim.example.com/api`],
    ["nothing secret here", "nothing secret here"],
  ])("masks %s", (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it("masks registered secret values wherever they appear", () => {
    registerSecret("  s3cr3t-value ");
    expect(redactText("failed with s3cr3t-value in it")).toBe(`failed with ${REDACTED} in it`);
  });

  it("ignores secrets too short to be meaningful", () => {
    registerSecret("ab");
    expect(redactText("abc")).toBe("abc");
  });
});

describe("redactValue", () => {
  it("masks secret keys at any depth and leaves the rest", () => {
    const input = { credentials: { clientId: "id", clientSecret: "x", password: "y" }, headers: { authorization: "Bearer t" }, n: 1 };
    expect(redactValue(input)).toEqual({
      credentials: { clientId: "id", clientSecret: REDACTED, password: REDACTED },
      headers: { authorization: REDACTED },
      n: 1,
    });
  });

  it("cuts cycles", () => {
    const a: Record<string, unknown> = { name: "a" };
    a["self"] = a;
    expect(redactValue(a)).toEqual({ name: "a", self: "[…]" });
  });
});

describe("errors", () => {
  it("redacts messages when they are built", () => {
    registerSecret("tok-123456");
    const error = new ConnectorError("[auth] token tok-123456 refused", { code: "AUTH_REFRESH_FAILED", kind: "auth" });
    expect(error.message).toBe(`[auth] token ${REDACTED} refused`);
    expect(error.retryable).toBe(false);
  });

  it("defaults retryable to the transient kind and keeps HTTP details", () => {
    const error = new HttpError("[http] GET /x → 503", { code: "HTTP_SERVER", kind: "transient", status: 503, errors: [] });
    expect(error.retryable).toBe(true);
    expect(error.toJSON()).toMatchObject({ code: "HTTP_SERVER", status: 503 });
  });

  it("describes foreign errors as bugs, without a stack", () => {
    expect(describeError(new TypeError("x is undefined"))).toBe("[bug] x is undefined");
    expect(describeError("plain")).toBe("[bug] plain");
  });
});
