/**
 * The Connected-App flow end to end, over real HTTP on 127.0.0.1: the `app authorize` command (its
 * local activation/callback server on port 0), a simulated browser following the redirects by hand
 * (activate → the sandbox's authorize page → callback), the code exchange, the stored token, then
 * pulls with it; and each failure: CSRF state, expired or reused code, wrong challenge, missing scope,
 * revoked token.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, fetch } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadAppToken } from "../../src/auth/load-app-token.js";
import { runCli } from "../../src/cli/main.js";
import { loadConfig } from "../../src/config/load-config.js";
import { createSubscription } from "../../src/flows/subscription.js";
import { createFileStateStore } from "../../src/state/file-state-store.js";
import { createMemoryStateStore } from "../../src/state/state-store.js";
import { pullAll } from "../helpers/sandbox-subscription.js";
import { clearRegisteredSecrets } from "../../src/redact.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { createMemoryIO } from "../cli/memory-io.js";
import { createManualClock } from "../helpers/manual-clock.js";

const tmp = mkdtempSync(join(tmpdir(), "akeneo-app-flow-"));
const dispatcher = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
const clock = createManualClock();
let sandbox: Sandbox;
let seq = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ products: 150, clock });
});
afterAll(async () => {
  await sandbox.close();
  await dispatcher.close();
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => clearRegisteredSecrets());

const APP_TOKEN_PATH = "/connect/apps/v1/oauth2/token";

/** A fresh App-mode config file and state directory (names relative to `tmp`). */
function setup(credentials: Record<string, unknown> = {}, settings: Record<string, unknown> = {}): { config: string; state: string } {
  const id = ++seq;
  const config = `app-${id}.json`;
  const body = {
    credentials: { authMode: "app", baseUrl: sandbox.url, clientId: sandbox.app.clientId, clientSecret: sandbox.app.clientSecret, ...credentials },
    settings: { channel: "ecommerce", locales: ["en_US", "fr_FR"], ...settings },
  };
  writeFileSync(join(tmp, config), JSON.stringify(body));
  return { config, state: `state-${id}` };
}

async function cli(argv: string[]) {
  const io = createMemoryIO({ cwd: tmp });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** The browser: follow activate → authorize → callback by hand; `tamper` may change the callback URL before it is opened. */
async function browse(activateUrl: string, tamper?: (callback: URL) => URL): Promise<{ status: number; body: string; callback: URL }> {
  const activate = await fetch(activateUrl, { redirect: "manual", dispatcher });
  await activate.text();
  expect(activate.status).toBe(302);
  const authorizeUrl = new URL(activate.headers.get("location")!);
  expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${sandbox.url}/connect/apps/v1/authorize`);
  const authorize = await fetch(authorizeUrl, { redirect: "manual", dispatcher });
  await authorize.text();
  expect(authorize.status).toBe(302);
  let callback = new URL(authorize.headers.get("location")!);
  if (tamper) callback = tamper(callback);
  const res = await fetch(callback, { dispatcher });
  return { status: res.status, body: await res.text(), callback };
}

/** Run `app authorize` on port 0 and drive the browser once its URL is printed. */
async function authorize(files: { config: string; state: string }, browser: (activateUrl: string) => Promise<unknown> = (url) => browse(url)) {
  const io = createMemoryIO({ cwd: tmp });
  const running = runCli(["app", "authorize", "--config", files.config, "--state", files.state, "--port", "0", "--timeout", "20"], io);
  let activateUrl: string | undefined;
  for (let i = 0; i < 500 && !activateUrl; i++) {
    activateUrl = /http:\/\/127\.0\.0\.1:\d+\/activate/.exec(io.out())?.[0];
    if (!activateUrl) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(activateUrl, io.err()).toBeDefined();
  const browsed = await browser(activateUrl!);
  return { code: await running, out: io.out(), err: io.err(), browsed };
}

const storedToken = (state: string) => JSON.parse(readFileSync(join(tmp, state, "app-token.json"), "utf8")) as { accessToken: string; scopes: string[] };
const exchanges = () => sandbox.recorder.count({ path: APP_TOKEN_PATH });

describe("app authorize → pull, against the sandbox", () => {
  it("activate → authorize redirect → callback → exchange → token stored (0600, never printed) → pull of the exact catalog", async () => {
    const files = setup({}, { entities: ["products", "categories"] });
    const run = await authorize(files);
    expect(run.code, run.err).toBe(0);
    expect((run.browsed as { status: number; body: string }).status).toBe(200);
    expect((run.browsed as { body: string }).body).toContain("App authorized");
    expect(run.out).toContain(`Open this URL in a browser where you are logged in to the PIM (${sandbox.url}):`);
    expect(run.out).toContain("Requesting scopes: read_attribute_options read_catalog_structure write_categories write_products");
    expect(run.out).toContain("granted scopes: read_attribute_options read_catalog_structure write_categories write_products.");
    const file = join(tmp, files.state, "app-token.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = storedToken(files.state);
    expect(token).toMatchObject({ accessToken: expect.any(String), baseUrl: sandbox.url, clientId: sandbox.app.clientId, obtainedAt: expect.any(String) });
    expect(`${run.out}${run.err}`).not.toContain(token.accessToken);

    const before = sandbox.recorder.count();
    const pull = await cli(["pull", "--config", files.config, "--state", files.state, "--entity", "products", "--out", "products.ndjson", "--quiet"]);
    expect(pull.code, pull.err).toBe(0);
    const lines = readFileSync(join(tmp, "products.ndjson"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(sandbox.summary.products);
    expect(new Set(lines.map((line) => (JSON.parse(line) as { uuid: string }).uuid)).size).toBe(sandbox.summary.products);
    expect(`${pull.out}${pull.err}`).not.toContain(token.accessToken);
    const sent = sandbox.recorder.all((r) => r.id > before);
    expect(sent.filter((r) => r.isTokenRequest)).toEqual([]);
    expect(sent.every((r) => r.status === 200)).toBe(true);

    writeFileSync(join(tmp, "five.ndjson"), `${lines.slice(0, 5).join("\n")}\n`);
    const push = await cli(["push", "--config", files.config, "--state", files.state, "--entity", "products", "--in", "five.ndjson", "--results", "results.ndjson", "--quiet"]);
    expect(push.code, push.err).toBe(0);
    const results = readFileSync(join(tmp, "results.ndjson"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { outcome: string });
    expect(results.map((result) => result.outcome)).toEqual(["updated", "updated", "updated", "updated", "updated"]);
  });

  it("a state mismatch (CSRF) is refused and never reaches the token endpoint", async () => {
    const files = setup();
    const before = exchanges();
    const run = await authorize(files, (url) => browse(url, (callback) => (callback.searchParams.set("state", "forged-by-someone-else"), callback)));
    expect(run.code).toBe(1);
    expect((run.browsed as { status: number }).status).toBe(400);
    expect(run.err).toContain("[auth] the callback's state does not match the one this authorization sent");
    expect(exchanges()).toBe(before);
    expect(() => statSync(join(tmp, files.state, "app-token.json"))).toThrow();
  });

  it("an expired code (the sandbox's clock moved 31 s): the exchange says so", async () => {
    const files = setup();
    const run = await authorize(files, (url) => browse(url, (callback) => (clock.set(clock.now() + 31_000), callback)));
    expect(run.code).toBe(1);
    expect(run.err).toContain("[auth] the authorization code expired before it was exchanged (codes live about 30 s)");
    expect(run.err).toContain('→ 400 invalid_grant "Code has expired"');
  });

  it("a reused code: refused as already used", async () => {
    const first = setup();
    const done = await authorize(first);
    expect(done.code).toBe(0);
    const oldCode = (done.browsed as { callback: URL }).callback.searchParams.get("code")!;
    const run = await authorize(setup(), async (url) => {
      const activate = await fetch(url, { redirect: "manual", dispatcher });
      await activate.text();
      const state = new URL(activate.headers.get("location")!).searchParams.get("state")!;
      const callback = new URL(url.replace("/activate", "/callback"));
      callback.search = new URLSearchParams({ code: oldCode, state }).toString();
      const res = await fetch(callback, { dispatcher });
      return { status: res.status, body: await res.text() };
    });
    expect(run.code).toBe(1);
    expect(run.err).toContain("[auth] the authorization code was refused (unknown, already used, or issued to another app)");
    expect(run.err).toContain('"Code has already been used"');
  });

  it("a wrong client secret: the code challenge is rejected", async () => {
    const run = await authorize(setup({ clientSecret: "not-the-app-secret" }));
    expect(run.code).toBe(1);
    expect(run.err).toContain("[auth] the code challenge was rejected");
    expect(run.err).toContain("check the clientSecret field");
    expect(run.err).not.toContain("not-the-app-secret");
  });

  it("a missing scope: the pull stops on the 403, naming the entity and the scope", async () => {
    const files = setup({ scopes: ["read_products"] }, { entities: ["categories"] });
    const run = await authorize(files);
    expect(run.code).toBe(0);
    expect(run.err).toContain("warning: the PIM granted fewer scopes than the enabled entities need (missing: write_categories)");
    const pull = await cli(["pull", "--config", files.config, "--state", files.state, "--entity", "categories", "--quiet"]);
    expect(pull.code).toBe(2);
    expect(pull.err).toContain("[akeneo] the app may not read categories: GET /api/rest/v1/categories → 403 Access forbidden. You are not allowed to list categories.");
    expect(pull.err).toContain("a Connected App needs the scope read_categories for this");
  });

  it("verify reports the granted scopes against what the enabled entities need", async () => {
    const full = setup({}, { entities: ["products", "categories"] });
    expect((await authorize(full)).code).toBe(0);
    const ok = await cli(["verify", "--config", full.config, "--state", full.state, "--json"]);
    const okReport = JSON.parse(ok.out) as { ok: boolean; checks: Array<{ name: string; status: string; details?: Record<string, string[]> }> };
    const okAuth = okReport.checks.find((c) => c.name === "authentication")!;
    expect(okAuth.status).toBe("pass");
    expect(okAuth.details?.["missingScopes"]).toEqual([]);
    expect(okAuth.details?.["grantedScopes"]).toEqual(expect.arrayContaining(["write_products", "write_categories"]));

    const narrow = setup({ scopes: ["read_products"] }, { entities: ["categories"] });
    expect((await authorize(narrow)).code).toBe(0);
    const bad = await cli(["verify", "--config", narrow.config, "--state", narrow.state, "--json"]);
    expect(bad.code).toBe(1);
    const badAuth = (JSON.parse(bad.out) as typeof okReport).checks.find((c) => c.name === "authentication")!;
    expect(badAuth.status).toBe("fail");
    expect(badAuth.details?.["missingScopes"]).toEqual(["write_categories"]);
    expect(bad.out).not.toContain(storedToken(narrow.state).accessToken);
  });

  it("a revoked token: AUTH_REVOKED, 'authorize it again', and no retry loop", async () => {
    const files = setup({}, { entities: ["products"] });
    expect((await authorize(files)).code).toBe(0);
    sandbox.revokeAppTokens();
    const before = sandbox.recorder.count();
    const pull = await cli(["pull", "--config", files.config, "--state", files.state, "--entity", "products", "--quiet"]);
    expect(pull.code).toBe(1);
    expect(pull.err).toContain("the app was disconnected or its access revoked: authorize it again");
    const sent = sandbox.recorder.all((r) => r.id > before);
    // Today exactly one (the attribute catalog read); never more than the concurrent readers, none repeated.
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(new Set(sent.map((r) => `${r.path}?${r.query}`)).size).toBe(sent.length);
    expect(sent.every((r) => r.status === 401 && !r.isTokenRequest)).toBe(true);
    const later = sandbox.recorder.count();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sandbox.recorder.count()).toBe(later);
  });
});

describe("the host API with an App token", () => {
  it("createSubscription takes the token read by loadAppToken, or reads it from the state store on the first request", async () => {
    const files = setup({}, { entities: ["categories"] });
    expect((await authorize(files)).code).toBe(0);
    const config = loadConfig(join(tmp, files.config), { env: {} });
    const state = createFileStateStore(join(tmp, files.state));
    const categories = sandbox.store.catalog().categories.length;
    for (const options of [{ appToken: (await loadAppToken(state, config.credentials))! }, { state }]) {
      const subscription = createSubscription(config, { ...options, dispatcher });
      const { records } = await pullAll(subscription, "categories", { full: true });
      await subscription.close();
      expect(records).toHaveLength(categories);
    }
  });

  it("no token: creation fails without a state store; with an empty one the first request fails, before anything is sent", async () => {
    const config = loadConfig(join(tmp, setup().config), { env: {} });
    expect(() => createSubscription(config)).toThrow(expect.objectContaining({ code: "AUTH_APP_TOKEN_MISSING", kind: "config" }));
    const subscription = createSubscription(config, { state: createMemoryStateStore(), dispatcher });
    const before = sandbox.recorder.count();
    await expect(pullAll(subscription, "categories")).rejects.toMatchObject({ code: "AUTH_APP_TOKEN_MISSING", kind: "config" });
    await subscription.close();
    expect(sandbox.recorder.count()).toBe(before);
  });
});

describe("App mode without a token", () => {
  it("pull without --state, or with a state directory holding no token: exit 2, naming the command to run", async () => {
    const files = setup();
    const noState = await cli(["pull", "--config", files.config, "--entity", "products"]);
    expect(noState.code).toBe(2);
    expect(noState.err).toContain("pass --state <dir>");
    const empty = await cli(["pull", "--config", files.config, "--state", files.state, "--entity", "products"]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain(`no Connected App token in ${files.state}: run akeneo-connector app authorize --config ${files.config} --state ${files.state} first`);
  });

  it("app authorize on a Connection config: exit 2", async () => {
    const config = "connection.json";
    writeFileSync(join(tmp, config), JSON.stringify({ credentials: { baseUrl: sandbox.url, ...sandbox.credentials } }));
    const run = await cli(["app", "authorize", "--config", config, "--state", "s", "--port", "0"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('set "authMode": "app"');
  });
});
