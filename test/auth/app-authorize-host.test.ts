import { createHash } from "node:crypto";
import { Agent, fetch } from "undici";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { authorizeApp, type AppAuthorizationUrls, type AuthorizeAppOptions } from "../../src/auth/authorize-app.js";
import { APP_TOKEN_KEY, loadAppToken } from "../../src/auth/load-app-token.js";
import type { AppCredentials } from "../../src/config/subscription-config.js";
import { clearRegisteredSecrets } from "../../src/redact.js";
import { createMemoryStateStore } from "../../src/state/state-store.js";
import { createManualClock } from "../helpers/manual-clock.js";
import { startScriptedServer, type ScriptedServer } from "../helpers/scripted-server.js";

const dispatcher = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  clearRegisteredSecrets();
});
afterAll(() => dispatcher.close());

const TOKEN_ROUTE = "POST /connect/apps/v1/oauth2/token";
const credentials = (baseUrl: string): AppCredentials => ({
  authMode: "app", baseUrl, clientId: "app_1", clientSecret: "app-secret-9", scopes: ["read_products", "read_categories"], throttleLimit: 500, throttleSeconds: 60, concurrentConnections: 4,
});

/** Start `authorizeApp` on port 0; resolves its URLs and the pending outcome. */
async function start(options: Partial<AuthorizeAppOptions> & { credentials: AppCredentials }) {
  let listening!: (urls: AppAuthorizationUrls) => void;
  const urls = new Promise<AppAuthorizationUrls>((resolve) => (listening = resolve));
  const state = options.state ?? createMemoryStateStore();
  const outcome = authorizeApp({ port: 0, dispatcher, ...options, state, onListening: listening });
  outcome.catch(() => undefined);
  return { urls: await urls, outcome, state };
}

/** The state the activate URL sends to the PIM. */
async function stateOf(activateUrl: string): Promise<string> {
  const res = await fetch(activateUrl, { redirect: "manual", dispatcher });
  await res.text();
  return new URL(res.headers.get("location")!).searchParams.get("state")!;
}

describe("authorizeApp (the host function behind app authorize)", () => {
  it("sends the exchange form-encoded, without Basic header or secret, with a fresh identifier and its challenge", async () => {
    server = await startScriptedServer({ requireToken: false, routes: { [TOKEN_ROUTE]: () => ({ body: { access_token: "tok-abc-123", token_type: "bearer", scope: "read_products" } }) } });
    const run = await start({ credentials: credentials(server.url) });
    const state = await stateOf(run.urls.activateUrl);
    const callback = await fetch(`${run.urls.callbackUrl}?code=the-code&state=${state}`, { dispatcher });
    expect(callback.status).toBe(200);
    expect(await callback.text()).not.toContain("tok-abc-123");
    expect(await run.outcome).toMatchObject({ requestedScopes: ["read_products", "read_categories"], grantedScopes: ["read_products"], clientId: "app_1" });
    const [request] = server.requestsTo(TOKEN_ROUTE);
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request!.headers.authorization).toBeUndefined();
    const form = Object.fromEntries(new URLSearchParams(request!.body));
    expect(Object.keys(form).sort()).toEqual(["client_id", "code", "code_challenge", "code_identifier", "grant_type"]);
    expect(form).toMatchObject({ client_id: "app_1", code: "the-code", grant_type: "authorization_code" });
    expect(form["code_identifier"]).toMatch(/^[0-9a-f]{128}$/);
    expect(form["code_challenge"]).toBe(createHash("sha256").update(`${form["code_identifier"]}app-secret-9`).digest("hex"));
    expect(request!.body).not.toContain("app-secret-9");
    expect(await loadAppToken(run.state)).toMatchObject({ accessToken: "tok-abc-123", scopes: ["read_products"], baseUrl: server.url });
  });

  it("a response without `scope` records the requested scopes", async () => {
    server = await startScriptedServer({ requireToken: false, routes: { [TOKEN_ROUTE]: () => ({ body: { access_token: "tok-2", token_type: "bearer" } }) } });
    const run = await start({ credentials: credentials(server.url) });
    await fetch(`${run.urls.callbackUrl}?code=c&state=${await stateOf(run.urls.activateUrl)}`, { dispatcher }).then((res) => res.text());
    expect((await run.outcome).grantedScopes).toEqual(["read_categories", "read_products"]);
  });

  it("the activate URL refuses another PIM's pim_url and serves only GET /activate and /callback", async () => {
    const run = await start({ credentials: credentials("https://pim.example.com") });
    const other = await fetch(`${run.urls.activateUrl}?pim_url=${encodeURIComponent("https://other.example.com")}`, { redirect: "manual", dispatcher });
    expect(other.status).toBe(400);
    expect(await other.text()).toContain("configured for https://pim.example.com, but it was opened from https://other.example.com");
    const same = await fetch(`${run.urls.activateUrl}?pim_url=${encodeURIComponent("https://pim.example.com/")}`, { redirect: "manual", dispatcher });
    await same.text();
    expect(same.status).toBe(302);
    expect(new URL(same.headers.get("location")!).searchParams.get("redirect_uri")).toBe(run.urls.callbackUrl);
    expect((await fetch(run.urls.activateUrl.replace("/activate", "/other"), { dispatcher }).then((res) => res.status))).toBe(404);
    expect((await fetch(run.urls.activateUrl, { method: "POST", dispatcher }).then((res) => res.status))).toBe(405);
    await fetch(`${run.urls.callbackUrl}?state=wrong&code=x`, { dispatcher }).then((res) => res.text());
    await expect(run.outcome).rejects.toMatchObject({ code: "AUTH_STATE_MISMATCH" });
  });

  it("gives up after the timeout (injected clock): AUTH_APP_FLOW, server closed, nothing stored", async () => {
    const run = await start({ credentials: credentials("https://pim.example.com"), clock: createManualClock(), timeoutMs: 120_000 });
    await expect(run.outcome).rejects.toMatchObject({ code: "AUTH_APP_FLOW", message: expect.stringContaining("no callback arrived within 120 s") });
    await expect(fetch(run.urls.activateUrl, { dispatcher })).rejects.toThrow();
    expect(await run.state.get(APP_TOKEN_KEY)).toBeUndefined();
  });

  it("stops when aborted: ABORTED", async () => {
    const controller = new AbortController();
    const run = await start({ credentials: credentials("https://pim.example.com"), signal: controller.signal });
    controller.abort(new Error("stop"));
    await expect(run.outcome).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("a port in use is a usage error", async () => {
    const first = await start({ credentials: credentials("https://pim.example.com") });
    const port = Number(new URL(first.urls.activateUrl).port);
    await expect(authorizeApp({ credentials: credentials("https://pim.example.com"), state: createMemoryStateStore(), port })).rejects.toMatchObject({ code: "USAGE", message: expect.stringContaining("pass another --port") });
    await fetch(`${first.urls.callbackUrl}?error=access_denied&state=${await stateOf(first.urls.activateUrl)}`, { dispatcher }).then((res) => res.text());
    await expect(first.outcome).rejects.toMatchObject({ code: "AUTH_APP_DENIED" });
  });
});
