import { createHash } from "node:crypto";
import { Agent, fetch } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/index.js";
import { createManualClock, type ManualClock } from "../helpers/manual-clock.js";

const CALLBACK = "http://127.0.0.1:1/callback";
const dispatcher = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function open(options: SandboxOptions = {}): Promise<Sandbox> {
  sandbox = await startSandbox({ products: 20, ...options });
  return sandbox;
}

async function authorize(s: Sandbox, query: Record<string, string>): Promise<{ status: number; location: URL | null; body: string }> {
  const params = { response_type: "code", client_id: s.app.clientId, scope: "read_products", state: "st-1", redirect_uri: CALLBACK, ...query };
  for (const [key, value] of Object.entries(params)) if (value === "-") delete (params as Record<string, string>)[key];
  const res = await fetch(`${s.url}/connect/apps/v1/authorize?${new URLSearchParams(params)}`, { redirect: "manual", dispatcher });
  const location = res.headers.get("location");
  return { status: res.status, location: location ? new URL(location) : null, body: await res.text() };
}

async function codeFor(s: Sandbox, scope = "read_products"): Promise<string> {
  const { location } = await authorize(s, { scope });
  return location!.searchParams.get("code")!;
}

const challenge = (identifier: string, secret: string) => createHash("sha256").update(identifier + secret).digest("hex");

async function exchange(s: Sandbox, code: string, overrides: Record<string, string> = {}, contentType = "application/x-www-form-urlencoded") {
  const fields = { client_id: s.app.clientId, code, grant_type: "authorization_code", code_identifier: "id-42", code_challenge: challenge("id-42", s.app.clientSecret), ...overrides };
  const body = contentType.includes("json") ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
  const res = await fetch(`${s.url}/connect/apps/v1/oauth2/token`, { method: "POST", headers: { "content-type": contentType }, body, dispatcher });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const api = async (s: Sandbox, token: string, path: string, init: { method?: string; body?: string; contentType?: string } = {}) => {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.contentType) headers["content-type"] = init.contentType;
  const res = await fetch(`${s.url}${path}`, { method: init.method ?? "GET", headers, ...(init.body ? { body: init.body } : {}), dispatcher });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined };
};

describe("sandbox Connected App: the authorize page", () => {
  it("auto-approves the configured app and redirects (302) to the callback with code and state", async () => {
    const s = await open();
    const { status, location } = await authorize(s, { scope: "read_products write_categories" });
    expect(status).toBe(302);
    expect(`${location!.origin}${location!.pathname}`).toBe(CALLBACK);
    expect(location!.searchParams.get("state")).toBe("st-1");
    expect(location!.searchParams.get("code")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it.each([
    ["an unknown client", { client_id: "someone_else" }, "invalid_client"],
    ["another response type", { response_type: "token" }, "unsupported_response_type"],
    ["an unknown scope", { scope: "read_products read_everything" }, "invalid_scope"],
  ])("%s: error redirect to the callback, with the state", async (_name, query, error) => {
    const s = await open();
    const { status, location } = await authorize(s, query);
    expect(status).toBe(302);
    expect(location!.searchParams.get("error")).toBe(error);
    expect(location!.searchParams.get("error_description")).toBeTruthy();
    expect(location!.searchParams.get("state")).toBe("st-1");
    expect(location!.searchParams.get("code")).toBeNull();
  });

  it("with a registered callback URL: used without redirect_uri, a different redirect_uri is refused (400)", async () => {
    const s = await open({ app: { callbackUrl: "http://127.0.0.1:2/registered" } });
    const ok = await authorize(s, { redirect_uri: "-" });
    expect(ok.location!.pathname).toBe("/registered");
    const bad = await authorize(s, { redirect_uri: CALLBACK });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ error: "invalid_request", error_description: "The redirect_uri does not match the app's callback URL" });
  });

  it("without any callback URL: 400", async () => {
    const s = await open();
    expect((await authorize(s, { redirect_uri: "-" })).status).toBe(400);
  });

  it("is exempt from injected faults, like the token endpoint", async () => {
    const s = await open({ faults: { errorRate: 1 } });
    expect((await authorize(s, {})).status).toBe(302);
  });
});

describe("sandbox Connected App: the token endpoint", () => {
  it("exchanges a code for a bearer token carrying the granted scopes (standard OAuth shape)", async () => {
    const s = await open();
    const { status, body } = await exchange(s, await codeFor(s, "read_products write_categories"));
    expect(status).toBe(200);
    expect(body).toEqual({ access_token: expect.any(String), token_type: "bearer", scope: "read_products write_categories" });
    expect(s.recorder.all({ path: "/connect/apps/v1/oauth2/token" })).toEqual([expect.objectContaining({ isTokenRequest: true, status: 200 })]);
  });

  it.each([
    ["a reused code", async (s: Sandbox, code: string) => (await exchange(s, code), exchange(s, code)), "invalid_grant", "Code has already been used"],
    ["a wrong challenge", (s: Sandbox, code: string) => exchange(s, code, { code_challenge: challenge("id-42", "not-the-secret") }), "invalid_grant", "Code challenge is invalid"],
    ["an unknown code", (s: Sandbox) => exchange(s, "made-up"), "invalid_grant", "Code is invalid"],
    ["another client", (s: Sandbox, code: string) => exchange(s, code, { client_id: "other" }), "invalid_client", "Client not found"],
    ["another grant type", (s: Sandbox, code: string) => exchange(s, code, { grant_type: "password" }), "unsupported_grant_type", "The grant type must be authorization_code"],
    ["a missing challenge", (s: Sandbox, code: string) => exchange(s, code, { code_challenge: "" }), "invalid_request", "Missing parameter: code_challenge"],
    ["a JSON body", (s: Sandbox, code: string) => exchange(s, code, {}, "application/json"), "invalid_request", "The Content-Type must be application/x-www-form-urlencoded"],
  ])("%s: 400 {error, error_description}", async (_name, run, error, description) => {
    const s = await open();
    const code = await codeFor(s);
    const { status, body } = await run(s, code);
    expect(status).toBe(400);
    expect(body).toEqual({ error, error_description: description });
  });

  it("a code expires after 30 s on the sandbox's clock: Code has expired", async () => {
    const clock: ManualClock = createManualClock();
    const s = await open({ clock });
    const code = await codeFor(s);
    clock.set(clock.now() + 30_000);
    expect(await exchange(s, code)).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "Code has expired" } });
  });

  it("the code life is an option", async () => {
    const clock: ManualClock = createManualClock();
    const s = await open({ clock, app: { codeTtlSeconds: 2 } });
    const code = await codeFor(s);
    clock.set(clock.now() + 1_999);
    expect((await exchange(s, code)).status).toBe(200);
  });
});

describe("sandbox Connected App: API calls with an App token", () => {
  it("a granted scope opens its endpoints; a write scope includes its read; a missing one answers 403 with Akeneo's ACL message", async () => {
    const s = await open();
    const token = (await exchange(s, await codeFor(s, "read_products write_categories"))).body["access_token"]!;
    expect((await api(s, token, "/api/rest/v1/products-uuid?limit=1")).status).toBe(200);
    expect((await api(s, token, "/api/rest/v1/categories?limit=1")).status).toBe(200);
    expect((await api(s, token, "/api/rest/v1/system-information")).status).toBe(200);
    expect(await api(s, token, "/api/rest/v1/families?limit=1")).toEqual({ status: 403, body: { code: 403, message: "Access forbidden. You are not allowed to list families." } });
    expect((await api(s, token, "/api/rest/v1/attributes/color/options")).status).toBe(403);
    const patch = await api(s, token, "/api/rest/v1/products-uuid", { method: "PATCH", body: "{}", contentType: "application/vnd.akeneo.collection+json" });
    expect(patch).toEqual({ status: 403, body: { code: 403, message: "Access forbidden. You are not allowed to create or update products." } });
  });

  it("App tokens never expire, and revoking them (revokeAppTokens, or revokeTokens) answers 401", async () => {
    const clock: ManualClock = createManualClock();
    const s = await open({ clock, accessTokenTtlSeconds: 60 });
    const token = (await exchange(s, await codeFor(s))).body["access_token"]!;
    clock.set(clock.now() + 365 * 24 * 3600 * 1000);
    expect((await api(s, token, "/api/rest/v1/products-uuid?limit=1")).status).toBe(200);
    s.revokeAppTokens();
    expect(await api(s, token, "/api/rest/v1/products-uuid?limit=1")).toEqual({ status: 401, body: { code: 401, message: "Authentication is required" } });
    const second = (await exchange(s, await codeFor(s))).body["access_token"]!;
    s.revokeTokens();
    expect((await api(s, second, "/api/rest/v1/products-uuid?limit=1")).status).toBe(401);
  });
});
