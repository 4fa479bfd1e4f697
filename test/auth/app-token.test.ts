import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { APP_TOKEN_KEY, loadAppToken, saveAppToken, type AppToken } from "../../src/auth/load-app-token.js";
import { resolveClientAuth } from "../../src/auth/resolve-client-auth.js";
import type { AppCredentials, ConnectionCredentials } from "../../src/config/subscription-config.js";
import { clearRegisteredSecrets, redactText } from "../../src/redact.js";
import { createFileStateStore } from "../../src/state/file-state-store.js";
import { createMemoryStateStore } from "../../src/state/state-store.js";

const tmp = mkdtempSync(join(tmpdir(), "akeneo-app-token-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => clearRegisteredSecrets());

const token: AppToken = { accessToken: "app-access-token-123", scopes: ["read_products"], obtainedAt: "2026-01-01T00:00:00.000Z", baseUrl: "https://pim.example.com", clientId: "app_1" };
const limits = { throttleLimit: 500, throttleSeconds: 60, concurrentConnections: 4 };
const app: AppCredentials = { authMode: "app", baseUrl: "https://pim.example.com", clientId: "app_1", clientSecret: "app-secret", scopes: ["read_products"], ...limits };
const connection: ConnectionCredentials = { authMode: "connection", baseUrl: "https://pim.example.com", clientId: "c", clientSecret: "s", username: "u", password: "p", ...limits };

describe("the stored App token", () => {
  it("is saved under app-token in the state directory with mode 0600, and read back (registered for redaction)", async () => {
    const dir = join(tmp, "state-a");
    await saveAppToken(createFileStateStore(dir), token);
    const file = join(dir, `${APP_TOKEN_KEY}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(token);
    clearRegisteredSecrets();
    expect(await loadAppToken(createFileStateStore(dir), app)).toEqual(token);
    expect(redactText(`Bearer-less ${token.accessToken}`)).toBe("Bearer-less [REDACTED]");
  });

  it("is undefined when none was stored", async () => {
    expect(await loadAppToken(createMemoryStateStore())).toBeUndefined();
  });

  it("a malformed entry is STATE_INVALID, saying to authorize again", async () => {
    const dir = join(tmp, "state-b");
    await createFileStateStore(dir).set(APP_TOKEN_KEY, { accessToken: 42 });
    await expect(loadAppToken(createFileStateStore(dir))).rejects.toMatchObject({ code: "STATE_INVALID", message: expect.stringContaining("app authorize again") });
    writeFileSync(join(dir, `${APP_TOKEN_KEY}.json`), "{not json");
    await expect(loadAppToken(createFileStateStore(dir))).rejects.toMatchObject({ code: "STATE_INVALID" });
  });

  it("a token of another PIM or client is refused", async () => {
    const state = createMemoryStateStore();
    await saveAppToken(state, token);
    await expect(loadAppToken(state, { baseUrl: "https://other.example.com", clientId: "app_1" })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
      message: expect.stringContaining("issued for https://pim.example.com (client app_1), not for https://other.example.com"),
    });
  });
});

describe("resolveClientAuth", () => {
  it("a Connection: the password grant's four credentials", () => {
    expect(resolveClientAuth(connection)).toEqual({ type: "password", clientId: "c", clientSecret: "s", username: "u", password: "p" });
  });

  it("an App: the stored token, or a bare one", () => {
    expect(resolveClientAuth(app, token)).toEqual({ type: "app", accessToken: token.accessToken });
    expect(resolveClientAuth(app, "bare-token")).toEqual({ type: "app", accessToken: "bare-token" });
  });

  it("an App without a token: AUTH_APP_TOKEN_MISSING (kind config) naming the command", () => {
    expect(() => resolveClientAuth(app)).toThrow(expect.objectContaining({ code: "AUTH_APP_TOKEN_MISSING", kind: "config" }));
    expect(() => resolveClientAuth(app)).toThrow(/run akeneo-connector app authorize --config <file> --state <dir>/);
  });

  it("an App with another client's token: CONFIG_INVALID", () => {
    expect(() => resolveClientAuth(app, { ...token, clientId: "app_2" })).toThrow(expect.objectContaining({ code: "CONFIG_INVALID" }));
  });
});
