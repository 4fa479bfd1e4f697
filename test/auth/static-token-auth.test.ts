import { afterEach, describe, expect, it } from "vitest";
import { createStaticTokenAuth } from "../../src/auth/static-token-auth.js";
import { createMemoryTokenStore } from "../../src/auth/token-store.js";
import { clearRegisteredSecrets, redactText } from "../../src/redact.js";

afterEach(() => clearRegisteredSecrets());

describe("createStaticTokenAuth (Connected App)", () => {
  it("always sends the app token, registered as a secret", async () => {
    const auth = createStaticTokenAuth("app-token-xyz");
    await expect(auth.getAccessToken()).resolves.toBe("app-token-xyz");
    expect(redactText("app-token-xyz")).toBe("[REDACTED]");
  });

  it("turns a 401 into AUTH_REVOKED: authorize the app again", async () => {
    const auth = createStaticTokenAuth("app-token-xyz");
    await expect(auth.renewAfterUnauthorized("app-token-xyz", { method: "GET", path: "/api/rest/v1/products-uuid?limit=1" })).rejects.toMatchObject({
      code: "AUTH_REVOKED",
      kind: "auth",
      retryable: false,
      status: 401,
      message: "[auth] the app's access token was refused: GET /api/rest/v1/products-uuid → 401; the app was disconnected or its access revoked: authorize it again",
    });
  });
});

describe("createStaticTokenAuth with a loader (the token read from the state store)", () => {
  it("calls the loader once, on first use, and registers the token", async () => {
    let calls = 0;
    const auth = createStaticTokenAuth(async () => (calls++, "loaded-app-token"));
    expect(calls).toBe(0);
    await expect(Promise.all([auth.getAccessToken(), auth.getAccessToken()])).resolves.toEqual(["loaded-app-token", "loaded-app-token"]);
    await auth.getAccessToken();
    expect(calls).toBe(1);
    expect(redactText("loaded-app-token")).toBe("[REDACTED]");
  });

  it("a failing loader fails every request the same way", async () => {
    const auth = createStaticTokenAuth(async () => Promise.reject(new Error("no token stored")));
    await expect(auth.getAccessToken()).rejects.toThrow("no token stored");
    await expect(auth.getAccessToken()).rejects.toThrow("no token stored");
  });
});

describe("createMemoryTokenStore", () => {
  it("keeps one pair, optionally seeded", async () => {
    const store = createMemoryTokenStore({ accessToken: "a", expiresAt: 1 });
    expect(await store.get()).toEqual({ accessToken: "a", expiresAt: 1 });
    await store.set({ accessToken: "b", refreshToken: "c", expiresAt: 2 });
    expect(await store.get()).toEqual({ accessToken: "b", refreshToken: "c", expiresAt: 2 });
    expect(await createMemoryTokenStore().get()).toBeUndefined();
  });
});
