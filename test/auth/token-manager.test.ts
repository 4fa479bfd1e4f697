import { afterEach, describe, expect, it, vi } from "vitest";
import type { TokenRequest } from "../../src/auth/fetch-token.js";
import { basicAuthorization, fetchToken } from "../../src/auth/fetch-token.js";
import { createTokenManager } from "../../src/auth/token-manager.js";
import { createMemoryTokenStore, type TokenSet, type TokenStore } from "../../src/auth/token-store.js";
import { ConnectorError, HttpError } from "../../src/errors.js";
import { silentLogger } from "../../src/logger.js";
import { clearRegisteredSecrets, redactText } from "../../src/redact.js";
import { createManualClock } from "../helpers/manual-clock.js";

const credentials = { clientId: "the-client", clientSecret: "the-secret", username: "api-user", password: "the-password" };
const pair = (n: number, expiresIn: number | undefined = 3600) => ({ access_token: `access-${n}`, refresh_token: `refresh-${n}`, ...(expiresIn === undefined ? {} : { expires_in: expiresIn }) });
const refused = (message: string) => new HttpError("[auth] token request failed", { code: "HTTP_UNPROCESSABLE", kind: "data", status: 422, akeneoMessage: message });

/** A transport answering from a script; records every request. */
function scriptedTransport(...answers: Array<unknown | Error>) {
  const calls: TokenRequest[] = [];
  const transport = vi.fn(async (request: TokenRequest) => {
    calls.push(request);
    await new Promise((resolve) => setImmediate(resolve));
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer;
  });
  return { calls, transport };
}

function setup(store: TokenStore, ...answers: Array<unknown | Error>) {
  const clock = createManualClock();
  const { calls, transport } = scriptedTransport(...answers);
  const logger = { ...silentLogger, info: vi.fn() };
  const manager = createTokenManager({ credentials, transport, store, clock, logger });
  return { clock, calls, manager, logger, store };
}

afterEach(() => clearRegisteredSecrets());

describe("createTokenManager", () => {
  it("gets a token on first use with the password grant, credentials only in the Basic header and body", async () => {
    const { calls, manager, store, clock } = setup(createMemoryTokenStore(), pair(1));
    await expect(manager.getAccessToken()).resolves.toBe("access-1");
    expect(calls).toEqual([
      { grant: "password", authorization: `Basic ${Buffer.from("the-client:the-secret").toString("base64")}`, body: { grant_type: "password", username: "api-user", password: "the-password" } },
    ]);
    expect(await store.get()).toEqual({ accessToken: "access-1", refreshToken: "refresh-1", expiresAt: clock.now() + 3_600_000 });
    expect(redactText("token access-1 and refresh-1")).toBe("token [REDACTED] and [REDACTED]");
  });

  it("reuses a fresh token, and refreshes proactively once now ≥ expiresAt − 60 s (a new pair each time)", async () => {
    const { calls, manager, clock, store } = setup(createMemoryTokenStore(), pair(1), pair(2), pair(3));
    await manager.getAccessToken();
    clock.set(clock.now() + 3_600_000 - 60_001);
    await expect(manager.getAccessToken()).resolves.toBe("access-1");
    clock.set(clock.now() + 1);
    await expect(manager.getAccessToken()).resolves.toBe("access-2");
    expect(calls.map((c) => c.body)).toEqual([
      { grant_type: "password", username: "api-user", password: "the-password" },
      { grant_type: "refresh_token", refresh_token: "refresh-1" },
    ]);
    expect((await store.get())?.refreshToken).toBe("refresh-2");
  });

  it("falls back to the password grant when the refresh token is refused", async () => {
    const expired: TokenSet = { accessToken: "old", refreshToken: "stale-refresh", expiresAt: 0 };
    const { calls, manager, logger } = setup(createMemoryTokenStore(expired), refused("Refresh token is invalid or has expired"), pair(2));
    await expect(manager.getAccessToken()).resolves.toBe("access-2");
    expect(calls.map((c) => c.grant)).toEqual(["refresh_token", "password"]);
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining("logging in again"));
  });

  it("does not fall back when the client itself is refused", async () => {
    const expired: TokenSet = { accessToken: "old", refreshToken: "r", expiresAt: 0 };
    const { calls, manager } = setup(createMemoryTokenStore(expired), refused('Parameter "client_id" is missing or does not match any client, or secret is invalid'));
    await expect(manager.getAccessToken()).rejects.toMatchObject({ code: "AUTH_INVALID_CLIENT" });
    expect(calls).toHaveLength(1);
  });

  it("passes transient failures of a refresh through", async () => {
    const expired: TokenSet = { accessToken: "old", refreshToken: "r", expiresAt: 0 };
    const down = new ConnectorError("[auth] token request failed: 503", { code: "HTTP_SERVER", kind: "transient" });
    const { manager } = setup(createMemoryTokenStore(expired), down);
    await expect(manager.getAccessToken()).rejects.toBe(down);
  });

  it("maps refused credentials to AUTH_INVALID_CREDENTIALS", async () => {
    const { manager } = setup(createMemoryTokenStore(), refused("No user found for the given username and password"));
    await expect(manager.getAccessToken()).rejects.toMatchObject({ code: "AUTH_INVALID_CREDENTIALS", message: expect.stringContaining("username and password fields") });
  });

  it("shares one token request among concurrent callers (single flight)", async () => {
    const { calls, manager } = setup(createMemoryTokenStore(), pair(1));
    const tokens = await Promise.all(Array.from({ length: 10 }, () => manager.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(["access-1"]));
    expect(calls).toHaveLength(1);
  });

  it("after a 401: refreshes once for all callers that saw the same token, and reuses a newer one", async () => {
    const { calls, manager } = setup(createMemoryTokenStore(), pair(1), pair(2));
    await manager.getAccessToken();
    const request = { method: "GET", path: "/api/rest/v1/channels" };
    const renewed = await Promise.all([1, 2, 3].map(() => manager.renewAfterUnauthorized("access-1", request)));
    expect(renewed).toEqual(["access-2", "access-2", "access-2"]);
    await expect(manager.renewAfterUnauthorized("access-1", request)).resolves.toBe("access-2");
    expect(calls.map((c) => c.grant)).toEqual(["password", "refresh_token"]);
  });

  it("re-reads the store inside the flight: a token another process saved is reused", async () => {
    const clock = createManualClock();
    const fresh: TokenSet = { accessToken: "from-elsewhere", refreshToken: "r", expiresAt: clock.now() + 3_600_000 };
    const reads = [{ accessToken: "old", refreshToken: "r0", expiresAt: 0 }, fresh];
    const store: TokenStore = { get: async () => reads.shift() ?? fresh, set: vi.fn() };
    const { calls, transport } = scriptedTransport();
    const manager = createTokenManager({ credentials, transport, store, clock, logger: silentLogger });
    await expect(manager.getAccessToken()).resolves.toBe("from-elsewhere");
    expect(calls).toHaveLength(0);
    expect(store.set).not.toHaveBeenCalled();
  });

  it("uses the password grant again when the endpoint returned no refresh token; expires_in defaults to 3600", async () => {
    const { calls, manager, clock, store } = setup(createMemoryTokenStore(), { access_token: "only-access" }, pair(2));
    await manager.getAccessToken();
    expect(await store.get()).toEqual({ accessToken: "only-access", expiresAt: clock.now() + 3_600_000 });
    clock.set(clock.now() + 3_600_000);
    await manager.getAccessToken();
    expect(calls.map((c) => c.grant)).toEqual(["password", "password"]);
  });

  it("honours a custom refresh margin", async () => {
    const clock = createManualClock();
    const { transport, calls } = scriptedTransport(pair(1, 100), pair(2));
    const manager = createTokenManager({ credentials, transport, store: createMemoryTokenStore(), clock, logger: silentLogger, refreshMarginMs: 10_000 });
    await manager.getAccessToken();
    clock.set(clock.now() + 89_999);
    await manager.getAccessToken();
    clock.set(clock.now() + 1);
    await manager.getAccessToken();
    expect(calls).toHaveLength(2);
  });
});

describe("fetchToken", () => {
  it("refuses a 2xx without an access token as NOT_AKENEO", async () => {
    await expect(fetchToken(async () => ({ hello: "world" }), credentials, { type: "password" }, 0)).rejects.toMatchObject({ code: "NOT_AKENEO" });
    await expect(fetchToken(async () => undefined, credentials, { type: "password" }, 0)).rejects.toMatchObject({ code: "NOT_AKENEO" });
  });

  it("accepts expires_in as a numeric string", async () => {
    await expect(fetchToken(async () => ({ access_token: "a-token", expires_in: "60" }), credentials, { type: "password" }, 1000)).resolves.toEqual({ accessToken: "a-token", expiresAt: 61_000 });
  });

  it("builds the Basic header without a trailing newline and registers it as a secret", () => {
    const header = basicAuthorization(credentials);
    expect(header).toBe(`Basic ${Buffer.from("the-client:the-secret").toString("base64")}`);
    expect(redactText(`x ${header.slice(6)} y`)).toBe("x [REDACTED] y");
  });
});
