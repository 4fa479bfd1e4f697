import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { buildForm } from "../../src/manifest/build-form.js";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { clearRegisteredSecrets } from "../../src/redact.js";
import { PASSWORD, SECRET } from "../config/config-cases.js";
import { createMemoryIO } from "./memory-io.js";

const tmp = mkdtempSync(join(tmpdir(), "akeneo-cli-app-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => clearRegisteredSecrets());

async function cli(argv: string[]) {
  const io = createMemoryIO({ cwd: tmp });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const write = (name: string, value: unknown) => (writeFileSync(join(tmp, name), JSON.stringify(value)), name);
const app = { authMode: "app", baseUrl: "https://pim.example.com", clientId: "app_1", clientSecret: SECRET };

describe("form and validate-config in App mode", () => {
  it("form --part credentials --auth-mode app prints that mode's form; an unknown mode is a usage error", async () => {
    const { code, out } = await cli(["form", "--part", "credentials", "--auth-mode", "app"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(buildForm(loadManifest(), { part: "credentials", authMode: "app" }));
    const bad = await cli(["form", "--auth-mode", "oauth1"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('error: [manifest] unknown auth mode "oauth1"; known: connection, app\n');
  });

  it("validate-config: an App config is OK, with its scopes; no secret printed", async () => {
    const { code, out, err } = await cli(["validate-config", "--config", write("app.json", { credentials: app, settings: { entities: ["categories"] } })]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toBe("OK: app.json is valid: https://pim.example.com (Connected App, scopes: write_categories), entities: categories\n");
  });

  it("validate-config: a password left in an App config is one precise line, not printed", async () => {
    const { code, err } = await cli(["validate-config", "--config", write("app-bad.json", { credentials: { ...app, password: PASSWORD } })]);
    expect(code).toBe(2);
    expect(err).toBe(
      'error: [config] app-bad.json is invalid (1 problem)\n  /credentials/password: is only used with "authMode": "connection": remove it, or set "authMode" to "connection" (this config uses "app")\n',
    );
    expect(err).not.toContain(PASSWORD);
  });

  it("app authorize validates its flags before anything else", async () => {
    const run = await cli(["app", "authorize", "--config", "app.json", "--state", "s", "--port", "http"]);
    expect(run.code).toBe(2);
    expect(run.err).toBe('error: [config] --port must be an integer between 0 and 65535, got "http"\n');
  });
});
