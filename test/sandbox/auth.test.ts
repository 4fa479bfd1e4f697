import { afterEach, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import { basic, openSandbox, passwordGrant, type TestApi } from "./sandbox-client.js";

let api: TestApi;
afterEach(async () => api?.close());

const tokenCall = (body: string, headers: Record<string, string>) =>
  api.call("/api/oauth/v1/token", { method: "POST", auth: false, headers, body });

function jsonHeaders(): Record<string, string> {
  const { clientId, clientSecret } = api.sandbox.credentials;
  return { "content-type": "application/json", authorization: basic(clientId, clientSecret) };
}

describe("sandbox token endpoint", () => {
  it("grants a password token (JSON body, Basic client auth) with Akeneo's response shape", async () => {
    api = await openSandbox();
    const pair = await passwordGrant(api);
    expect(pair).toEqual({ access_token: expect.any(String), expires_in: 3600, token_type: "bearer", scope: null, refresh_token: expect.any(String) });
    expect((await api.get("/api/rest/v1/channels")).status).toBe(200);
  });

  it("accepts a form body and client credentials in the body", async () => {
    api = await openSandbox();
    const { clientId, clientSecret, username, password } = api.sandbox.credentials;
    const body = new URLSearchParams({ grant_type: "password", username, password, client_id: clientId, client_secret: clientSecret }).toString();
    const res = await tokenCall(body, { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(200);
    expect(res.json().token_type).toBe("bearer");
  });

  it("refresh returns a new pair and invalidates the old refresh token", async () => {
    api = await openSandbox();
    const first = await passwordGrant(api);
    const refresh = (token: string) => tokenCall(JSON.stringify({ grant_type: "refresh_token", refresh_token: token }), jsonHeaders());
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.json().access_token).not.toBe(first.access_token);
    expect(second.json().refresh_token).not.toBe(first.refresh_token);
    const again = await refresh(first.refresh_token);
    expect(again.status).toBe(422);
    expect(again.json()).toEqual({ code: 422, message: "Refresh token is invalid or has expired" });
  });

  it.each([
    ["wrong client secret", { secret: "nope" }, {}, 'Parameter "client_id" is missing or does not match any client, or secret is invalid'],
    ["wrong password", {}, { password: "nope" }, "No user found for the given username and password"],
    ["missing username", {}, { username: "" }, 'Parameter "grant_type", "username" or "password" is missing, empty or invalid'],
    ["missing grant type", {}, { grant_type: "" }, 'Parameter "grant_type", "username" or "password" is missing, empty or invalid'],
    ["unsupported grant", {}, { grant_type: "client_credentials" }, "This grant type is not authorized for this client"],
  ])("answers 422 with Akeneo's message: %s", async (_name, client: { secret?: string }, overrides: Record<string, string>, message) => {
    api = await openSandbox();
    const { clientId, clientSecret, username, password } = api.sandbox.credentials;
    const headers = { "content-type": "application/json", authorization: basic(clientId, client.secret ?? clientSecret) };
    const res = await tokenCall(JSON.stringify({ grant_type: "password", username, password, ...overrides }), headers);
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ code: 422, message });
  });

  it("answers a refresh without token with the refresh-grant message", async () => {
    api = await openSandbox();
    const res = await tokenCall(JSON.stringify({ grant_type: "refresh_token" }), jsonHeaders());
    expect(res.json()).toEqual({ code: 422, message: 'Parameter "grant_type" or "refresh_token" is missing or empty' });
  });

  it("answers 415 for another content type and 400 for malformed JSON", async () => {
    api = await openSandbox();
    expect((await tokenCall("grant_type=password", { ...jsonHeaders(), "content-type": "text/plain" })).status).toBe(415);
    const malformed = await tokenCall("{not json", jsonHeaders());
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toEqual({ code: 400, message: "Invalid json message received" });
  });
});

describe("sandbox bearer authentication", () => {
  it("answers 401 Authentication is required for a missing or unknown token", async () => {
    api = await openSandbox();
    for (const headers of [{}, { authorization: "Bearer not-a-token" }]) {
      const res = await api.call("/api/rest/v1/products-uuid", { auth: false, headers });
      expect(res.status).toBe(401);
      expect(res.json()).toEqual({ code: 401, message: "Authentication is required" });
    }
  });

  it("serves the API root and system information without a token", async () => {
    api = await openSandbox();
    const root = await api.call("/api/rest/v1", { auth: false });
    expect(root.status).toBe(200);
    const body = root.json();
    expect(body.authentication.fos_oauth_server_token).toEqual({ route: "/api/oauth/v1/token", methods: ["POST"] });
    expect(body.routes.pim_api_product_uuid_list).toEqual({ route: "/api/rest/v1/products-uuid", methods: ["GET"] });
    expect(body.routes.pim_api_media_file_download.route).toBe("/api/rest/v1/media-files/{code}/download");
    const info = await api.call("/api/rest/v1/system-information", { auth: false });
    expect(info.json()).toEqual({ version: expect.any(String), edition: "CE" });
  });

  it("expires access tokens after 3600 s by default (clock injected)", async () => {
    let now = Date.UTC(2026, 2, 1);
    const clock: Clock = { now: () => now, sleep: async () => {} };
    api = await openSandbox({ clock });
    expect((await api.get("/api/rest/v1/locales")).status).toBe(200);
    now += 3599_000;
    expect((await api.get("/api/rest/v1/locales")).status).toBe(200);
    now += 1000;
    expect((await api.get("/api/rest/v1/locales")).status).toBe(401);
  });

  it("answers 405 with Allow for a wrong method and 404 for an unknown route", async () => {
    api = await openSandbox();
    const wrong = await api.call("/api/rest/v1/locales", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    expect((await api.get("/api/rest/v1/nothing-here")).status).toBe(404);
  });

  it("answers 406 for an Accept that excludes JSON, and accepts */*", async () => {
    api = await openSandbox();
    expect((await api.call("/api/rest/v1/locales", { headers: { accept: "text/html" } })).status).toBe(406);
    expect((await api.call("/api/rest/v1/locales", { headers: { accept: "*/*" } })).status).toBe(200);
  });
});
