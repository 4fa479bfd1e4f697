import { afterEach, describe, expect, it } from "vitest";
import { toExchangeError } from "../../src/auth/exchange-app-code.js";
import { validateAppCallback } from "../../src/auth/validate-app-callback.js";
import { clearRegisteredSecrets, redactText } from "../../src/redact.js";

afterEach(() => clearRegisteredSecrets());

const STATE = "a".repeat(64);
const params = (query: Record<string, string>) => new URLSearchParams(query);

describe("validateAppCallback", () => {
  it("returns the code when the state matches, and registers it as a secret", () => {
    expect(validateAppCallback(params({ code: "the-code-1", state: STATE }), STATE)).toBe("the-code-1");
    expect(redactText("code the-code-1")).toBe("code [REDACTED]");
  });

  it.each([
    ["a different state", { code: "c", state: "b".repeat(64) }, "does not match"],
    ["a state of another length", { code: "c", state: "short" }, "does not match"],
    ["no state", { code: "c" }, "is missing"],
    ["a mismatched state on an error redirect", { error: "access_denied", state: "x" }, "does not match"],
  ])("state mismatch (%s): AUTH_STATE_MISMATCH, nothing exchanged", (_name, query, words) => {
    const call = () => validateAppCallback(params(query), STATE);
    expect(call).toThrow(expect.objectContaining({ code: "AUTH_STATE_MISMATCH", kind: "auth" }));
    expect(call).toThrow(new RegExp(`state ${words}.*possible CSRF.*nothing was exchanged`));
  });

  it("an error parameter: AUTH_APP_DENIED quoting error and description", () => {
    const call = () => validateAppCallback(params({ error: "access_denied", error_description: "The user refused", state: STATE }), STATE);
    expect(call).toThrow(expect.objectContaining({ code: "AUTH_APP_DENIED" }));
    expect(call).toThrow('[auth] the PIM refused the authorization: error "access_denied" (The user refused)');
  });

  it("an error without state is still reported as the error", () => {
    expect(() => validateAppCallback(params({ error: "invalid_client" }), STATE)).toThrow(expect.objectContaining({ code: "AUTH_APP_DENIED" }));
  });

  it.each<Record<string, string>>([{ state: STATE }, { state: STATE, code: "  " }])("a missing code: AUTH_CODE_MISSING (%j)", (query) => {
    expect(() => validateAppCallback(params(query), STATE)).toThrow(expect.objectContaining({ code: "AUTH_CODE_MISSING", message: expect.stringContaining("no authorization code") }));
  });
});

describe("toExchangeError: the App token endpoint's OAuth errors, by cause", () => {
  it.each([
    [400, { error: "invalid_grant", error_description: "Code has expired" }, "AUTH_CODE_EXPIRED", "expired before it was exchanged"],
    [400, { error: "invalid_grant", error_description: "Code has already been used" }, "AUTH_CODE_INVALID", "already used"],
    [400, { error: "invalid_grant", error_description: "Code challenge is invalid" }, "AUTH_CODE_CHALLENGE_REJECTED", "check the clientSecret field"],
    [400, { error: "invalid_client", error_description: "Client not found" }, "AUTH_INVALID_CLIENT", "check the clientId"],
    [400, { error: "invalid_request", error_description: "Missing parameter: code" }, "AUTH_APP_FLOW", "Missing parameter: code"],
    [404, "<html>not found</html>", "NOT_AKENEO", "no Connected-App endpoints"],
    [500, "oops", "AUTH_APP_FLOW", "→ 500"],
  ])("%i %j → %s", (status, body, code, words) => {
    const error = toExchangeError(status, typeof body === "string" ? body : JSON.stringify(body));
    expect(error).toMatchObject({ code, status, method: "POST", url: "/connect/apps/v1/oauth2/token", retryable: false });
    expect(error.message).toContain(words);
    expect(error.message).toMatch(/^\[auth\] /);
  });

  it("quotes Akeneo's error and description: POST <path> → 400 invalid_grant \"Code has expired\"", () => {
    expect(toExchangeError(400, JSON.stringify({ error: "invalid_grant", error_description: "Code has expired" })).message).toContain(
      'POST /connect/apps/v1/oauth2/token → 400 invalid_grant "Code has expired"; run app authorize again',
    );
  });
});
