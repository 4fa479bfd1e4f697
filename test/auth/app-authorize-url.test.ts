import { describe, expect, it } from "vitest";
import { AUTHORIZE_PATH, buildAuthorizeUrl, createAuthorizationState } from "../../src/auth/build-authorize-url.js";
import { createCodeChallenge, createCodeIdentifier } from "../../src/auth/code-challenge.js";

describe("buildAuthorizeUrl", () => {
  it("points at /connect/apps/v1/authorize with response_type=code, client_id, space-separated scopes and state", () => {
    const url = new URL(buildAuthorizeUrl({ baseUrl: "https://pim.example.com/", clientId: "app_1", scopes: ["read_products", "write_categories"], state: "s-123" }));
    expect(url.origin + url.pathname).toBe(`https://pim.example.com${AUTHORIZE_PATH}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ response_type: "code", client_id: "app_1", scope: "read_products write_categories", state: "s-123" });
    expect(url.search).toContain("scope=read_products+write_categories");
  });

  it("keeps a PIM under a sub-path and adds redirect_uri only when given", () => {
    const url = new URL(buildAuthorizeUrl({ baseUrl: "http://127.0.0.1:9000/pim", clientId: "c", scopes: [], state: "s", redirectUri: "http://127.0.0.1:8787/callback" }));
    expect(url.pathname).toBe("/pim/connect/apps/v1/authorize");
    expect(url.searchParams.get("redirect_uri")).toBe("http://127.0.0.1:8787/callback");
    expect(url.searchParams.get("scope")).toBe("");
  });

  it("state is 64 random hex characters, different every time", () => {
    const states = new Set(Array.from({ length: 20 }, () => createAuthorizationState()));
    expect(states.size).toBe(20);
    for (const state of states) expect(state).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the code challenge (NOTES §1b)", () => {
  it.each([
    // sha256("abc") and sha256("") are the FIPS 180-2 test vectors.
    ["ab", "c", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ])("is the lowercase hex SHA-256 of code_identifier + client_secret (%j + %j)", (identifier, secret, hex) => {
    expect(createCodeChallenge(identifier, secret)).toBe(hex);
  });

  it("changes with the secret, and the identifier is 128 random hex characters", () => {
    const identifier = createCodeIdentifier();
    expect(identifier).toMatch(/^[0-9a-f]{128}$/);
    expect(createCodeIdentifier()).not.toBe(identifier);
    expect(createCodeChallenge(identifier, "secret-a")).not.toBe(createCodeChallenge(identifier, "secret-b"));
    expect(createCodeChallenge(identifier, "secret-a")).toMatch(/^[0-9a-f]{64}$/);
  });
});
