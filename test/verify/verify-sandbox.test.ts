/**
 * The verification end to end against the sandbox (real HTTP on 127.0.0.1): a healthy PIM passes
 * every check; each broken setup fails on its own check only, the checks before it pass, and the
 * checks depending on it are skipped. Nothing is written without `write`, and `write` changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agent } from "undici";
import { createMemoryTokenStore } from "../../src/auth/token-store.js";
import { createSubscription } from "../../src/flows/subscription.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { estimateVerifyWait } from "../../src/verify/estimate-verify-wait.js";
import { formatVerifyReport } from "../../src/verify/format-verify-report.js";
import type { CheckName, VerifyReport } from "../../src/verify/verify-types.js";
import { sandboxConfig } from "../helpers/sandbox-subscription.js";
import { check, rawSandboxConfig, statuses, testAgent, verifyWith } from "./verify-helpers.js";

const ORDER: CheckName[] = ["config-valid", "api-reachable", "authentication", "permissions", "settings-exist", "sample-pull", "sample-push", "throttle-sane"];

let sandbox: Sandbox;
let agent: Agent;
beforeAll(async () => {
  sandbox = await startSandbox({ products: 60, seed: 7 });
  agent = testAgent();
});
afterAll(async () => {
  await agent.close();
  await sandbox.close();
});

const writes = () => sandbox.recorder.count((r) => r.method === "PATCH" || r.method === "POST" && !r.isTokenRequest);

/** Statuses expected when `failed` fails: the listed checks pass, `skipped` are skipped, the rest pass. */
function expectOnlyFailure(report: VerifyReport, failed: CheckName, skipped: CheckName[]) {
  const expected = Object.fromEntries(ORDER.map((name) => [name, name === failed ? "fail" : skipped.includes(name) ? "skipped" : "pass"]));
  expect(statuses(report)).toEqual(expected);
  expect(report.ok).toBe(false);
  for (const name of skipped) expect(check(report, name).message).toBe(`${failed} failed`);
  expect(check(report, failed).fix).toBeTruthy();
}

describe("verify against the sandbox", () => {
  it("a healthy PIM: every check passes, in the manifest's order, and nothing is written", async () => {
    const before = writes();
    const first = sandbox.recorder.count();
    const report = await verifyWith(agent, rawSandboxConfig(sandbox));
    const sent = sandbox.recorder.all().slice(first);
    // 19 with this config: cheap enough to run at every install. All but the two API-root probes and the
    // forced token request go through the throttle, and the estimate announced under a tight throttle counts them.
    expect(sent.length).toBeLessThanOrEqual(20);
    expect(sent.length - 3).toBe(estimateVerifyWait(parseConfig(rawSandboxConfig(sandbox))).requests);
    const reads = (path: string) => sent.filter((r) => r.method === "GET" && r.path.split("?")[0] === path).length;
    // The locales the channel lists are not read one by one; the attributes the settings name are read in one request.
    expect(sent.filter((r) => r.path.startsWith("/api/rest/v1/locales/"))).toEqual([]);
    expect(sent.filter((r) => /^\/api\/rest\/v1\/attributes\/[^/?]+(\?|$)/.test(r.path))).toEqual([]);
    // A list without filters is read once: sample-pull maps the page permissions read.
    for (const path of ["categories", "families", "channels", "locales", "currencies", "attributes/brand/options"]) expect(reads(`/api/rest/v1/${path}`)).toBe(1);
    expect(report.checks.map((c) => c.name)).toEqual(ORDER);
    expect(statuses(report)).toEqual(Object.fromEntries(ORDER.map((name) => [name, "pass"])));
    expect(report.ok).toBe(true);
    expect(writes()).toBe(before);
    expect(check(report, "api-reachable").details).toMatchObject({ version: "7.0.0", edition: "CE" });
    expect(check(report, "api-reachable").message).toContain("7.0.0");
    expect(check(report, "sample-pull").details).toMatchObject({ records: { products: 3, categories: 3, attribute_options: 3 } });
    expect(check(report, "sample-push").message).toMatch(/write not tried: run with --write/);
    for (const result of report.checks) expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(report.startedAt)).not.toBeNaN();
    expect(formatVerifyReport(report)).toMatch(/^✔ config-valid \(\d+ ms\)/);
  });

  it("a wrong client secret: authentication fails with the client message; the checks before pass, its dependants are skipped", async () => {
    const secret = "a-wrong-client-secret";
    const report = await verifyWith(agent, rawSandboxConfig(sandbox, { credentials: { clientSecret: secret } }));
    expectOnlyFailure(report, "authentication", ["permissions", "settings-exist", "sample-pull", "sample-push"]);
    const auth = check(report, "authentication");
    expect(auth.details).toMatchObject({ code: "AUTH_INVALID_CLIENT" });
    expect(auth.message).toMatch(/client id or secret was rejected.*client_id/);
    expect(auth.fix).toMatch(/clientId and clientSecret/);
    expect(auth.fix).toMatch(/Connect → Connection settings/);
    expect(JSON.stringify(report) + formatVerifyReport(report)).not.toContain(secret);
  });

  it("a wrong password: authentication fails with the user message, and says to regenerate the password", async () => {
    const password = "a-wrong-api-password";
    const report = await verifyWith(agent, rawSandboxConfig(sandbox, { credentials: { password } }));
    expectOnlyFailure(report, "authentication", ["permissions", "settings-exist", "sample-pull", "sample-push"]);
    const auth = check(report, "authentication");
    expect(auth.details).toMatchObject({ code: "AUTH_INVALID_CREDENTIALS" });
    expect(auth.message).toMatch(/username or password was rejected.*No user found/);
    expect(auth.fix).toMatch(/username and password.*regenerate/);
    expect(JSON.stringify(report) + formatVerifyReport(report)).not.toContain(password);
  });

  it("a 403 on products: permissions fails naming products and the ACL; pulls are skipped", async () => {
    sandbox.setFaults({ forbidden: ["/api/rest/v1/products-uuid"] });
    try {
      const report = await verifyWith(agent, rawSandboxConfig(sandbox));
      expectOnlyFailure(report, "permissions", ["sample-pull", "sample-push"]);
      const permissions = check(report, "permissions");
      expect(permissions.message).toMatch(/^products: .*403/);
      expect(permissions.message).not.toMatch(/categories|families/);
      expect(permissions.fix).toMatch(/^products: .*"List products" \(pim_api_product_list\).*read_products/);
      expect(permissions.details).toMatchObject({ entities: { products: 403, categories: "ok" } });
    } finally {
      sandbox.setFaults({});
    }
  });

  it("an unknown channel: settings-exist fails and names the channels that exist", async () => {
    const report = await verifyWith(agent, rawSandboxConfig(sandbox, { settings: { channel: "print" } }));
    expectOnlyFailure(report, "settings-exist", ["sample-pull", "sample-push"]);
    expect(check(report, "settings-exist").message).toMatch(/channel "print" \(settings\.channel\) does not exist/);
    expect(check(report, "settings-exist").fix).toBe("set settings.channel to one of: ecommerce, mobile");
  });

  it("locales, families and categories that do not exist or are not in the channel: one finding each", async () => {
    const settings = { channel: "mobile", locales: ["en_US", "de_DE", "xx_XX"], filters: { families: ["no_family"], categories: ["no_category"] } };
    const report = await verifyWith(agent, rawSandboxConfig(sandbox, { settings }));
    expectOnlyFailure(report, "settings-exist", ["sample-pull", "sample-push"]);
    const message = check(report, "settings-exist").message!;
    expect(message).toMatch(/locale "de_DE" is not activated for channel mobile \(channel mobile has: en_US, fr_FR\)/);
    expect(message).toMatch(/locale "xx_XX" \(settings\.locales\) does not exist/);
    expect(message).toMatch(/family "no_family" \(settings\.filters\.families\) does not exist/);
    expect(message).toMatch(/category "no_category" \(settings\.filters\.categories\) does not exist/);
  });

  it("settings that name a missing attribute or a price attribute of another type: settings-exist warns, naming each", async () => {
    const report = await verifyWith(agent, rawSandboxConfig(sandbox, { settings: { nameAttribute: "no_such_name", priceAttribute: "description" } }));
    expect(check(report, "settings-exist").status).toBe("warn");
    expect(report.ok).toBe(true);
    const message = check(report, "settings-exist").message!;
    expect(message).toMatch(/attribute "no_such_name" \(settings\.nameAttribute\) does not exist, so that canonical field stays empty/);
    expect(message).toMatch(/attribute "description" \(settings\.priceAttribute\) is a pim_catalog_textarea, not a price collection/);
    expect(message).not.toMatch(/descriptionAttribute/);
    expect(check(report, "settings-exist").fix).toBe("settings.nameAttribute: name an existing attribute code\nsettings.priceAttribute: name a price collection attribute");
  });

  it("a mapping override whose output is invalid: sample-pull fails naming the entity, the key and the schema error", async () => {
    const mappings = { products: { pull: { expression: '{"uuid": 5}' } } };
    const report = await verifyWith(agent, rawSandboxConfig(sandbox, { mappings }));
    expectOnlyFailure(report, "sample-pull", ["sample-push"]);
    const pull = check(report, "sample-pull");
    expect(pull.message).toMatch(/^products [0-9a-f-]{36}: .*output does not match schemas\/canonical\/products\.schema\.json/);
    expect(pull.fix).toMatch(/mappings\.products\.pull/);
  });

  it("a mapping with a syntax error: the connection is still proven, sample-pull fails with the position", async () => {
    const mappings = { categories: { pull: { expression: '{\n  "code": code,\n  "x": ]\n}' } } };
    const report = await verifyWith(agent, rawSandboxConfig(sandbox, { mappings }));
    expectOnlyFailure(report, "sample-pull", ["sample-push"]);
    const pull = check(report, "sample-pull");
    expect(pull.message).toMatch(/^mappings\.categories\.pull does not compile: .*<inline>:3:8/);
    expect(pull.fix).toMatch(/line 3, column 8/);
    expect(pull.details).toMatchObject({ code: "MAPPING_SYNTAX", entity: "categories", direction: "pull", line: 3, column: 8 });
  });

  it("--write: one product is PATCHed back and read back; the catalog is unchanged apart from `updated`", async () => {
    // Decimals compare as numbers: the pull mapping reads "5.0" as 5 and the push sends "5"; Akeneo stores
    // and returns decimals in its own notation, the sandbox keeps the string it was sent.
    const decimals = (_key: string, value: unknown) => (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);
    const strip = () => JSON.parse(JSON.stringify(sandbox.store.catalog().products.map(({ updated: _updated, ...rest }) => rest)), decimals);
    const before = strip();
    const patches = sandbox.recorder.count((r) => r.method === "PATCH");
    const report = await verifyWith(agent, rawSandboxConfig(sandbox), { write: true });
    expect(report.ok).toBe(true);
    const push = check(report, "sample-push");
    expect(push.status).toBe("pass");
    expect(push.details).toMatchObject({ written: true });
    expect(push.message).toMatch(/written back unchanged/);
    expect(sandbox.recorder.count((r) => r.method === "PATCH" && r.path === "/api/rest/v1/products-uuid")).toBe(patches + 1);
    expect(strip()).toEqual(before);
  });

  it("subscription.verify(): the same checks through an existing subscription", async () => {
    const subscription = createSubscription(sandboxConfig(sandbox), { dispatcher: agent });
    try {
      const report = await subscription.verify();
      expect(report.ok).toBe(true);
      expect(check(report, "config-valid").message).toMatch(/validated when the subscription was created/);
      expect(report.checks.map((c) => c.name)).toEqual(ORDER);
    } finally {
      await subscription.close();
    }
  });

  it("a token kept in the token store does not hide a wrong password: the grant is forced", async () => {
    const tokenStore = createMemoryTokenStore();
    const good = createSubscription(sandboxConfig(sandbox), { dispatcher: agent, tokenStore });
    await good.client.request({ method: "GET", path: "/api/rest/v1/channels" });
    await good.close();
    const stale = createSubscription(sandboxConfig(sandbox, { credentials: { password: "changed-since-then" } }), { dispatcher: agent, tokenStore });
    try {
      const report = await stale.verify();
      expect(check(report, "authentication")).toMatchObject({ status: "fail", details: { code: "AUTH_INVALID_CREDENTIALS" } });
    } finally {
      await stale.close();
    }
  });

  it("a path to a config file that does not exist: config-valid fails and everything else is skipped", async () => {
    const report = await verifyWith(agent, "no-such-config.json");
    expect(check(report, "config-valid")).toMatchObject({ status: "fail", fix: "pass the path of a subscription config file (JSON)" });
    expect(report.checks.slice(1).every((c) => c.status === "skipped" && c.message === "config-valid failed")).toBe(true);
  });
});
