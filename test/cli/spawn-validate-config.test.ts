/**
 * Smoke test of the BUILT program (`npm test` builds first; run `npm run build` before running this
 * file on its own): exit codes, one line per problem, no stack trace, no secret.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-root.js";
import { baseConfig, PASSWORD, SECRET } from "../config/config-cases.js";

const CLI = packagePath("dist", "cli.js");
const tmp = mkdtempSync(join(tmpdir(), "akeneo-spawn-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The environment without any AKENEO_* variable of the machine running the tests. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AKENEO_")));

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: tmp, env: { ...cleanEnv, ...env } }).then(
    (ok) => ({ ...ok, code: 0 }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

const file = (name: string, value: unknown) => {
  writeFileSync(join(tmp, name), typeof value === "string" ? value : JSON.stringify(value));
  return join(tmp, name);
};

describe("node dist/cli.js (built)", () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does)");
  });

  it("validate-config on a bad config: exit 2, one line per problem, no stack, no secret", async () => {
    const config = baseConfig();
    Object.assign(config.credentials, { baseUrl: "http://pim.example.com/api", throttleLimit: 0, concurrentConnections: 11, username: "" });
    const { code, stdout, stderr } = await run(["validate-config", "--config", file("bad.json", { ...config, settings: { pageSize: "100", colour: 1 } })]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^error: \[config\] .*bad\.json is invalid \(6 problems\)$/);
    expect(lines.slice(1).map((line) => line.replace(/:.*/, ""))).toEqual([
      "  /credentials/baseUrl",
      "  /credentials/username",
      "  /credentials/throttleLimit",
      "  /credentials/concurrentConnections",
      "  /settings/pageSize",
      "  /settings/colour",
    ]);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain(SECRET);
    expect(stderr).not.toContain(PASSWORD);
  });

  it("validate-config on a file that is not JSON: exit 2, the line, no secret", async () => {
    const { code, stderr } = await run(["validate-config", "--config", file("broken.json", `{"credentials": {"password": ${PASSWORD}}}`)]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: \[config\] .*broken\.json is not valid JSON: line 1, column \d+: unexpected character\n$/);
    expect(stderr).not.toContain(PASSWORD);
  });

  it("validate-config on a missing file: exit 2, one line", async () => {
    const { code, stderr } = await run(["validate-config", "--config", "nope.json"]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: "error: [config] cannot read config file nope.json: no such file; pass the path of a subscription config (JSON)\n" });
  });

  it("validate-config on a valid config, secrets from the environment: exit 0, one OK line", async () => {
    const config = baseConfig();
    delete config.credentials["clientSecret"];
    delete config.credentials["password"];
    const { code, stdout, stderr } = await run(["validate-config", "--config", file("good.json", config)], {
      AKENEO_CLIENT_SECRET: SECRET,
      AKENEO_PASSWORD: PASSWORD,
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/^OK: .*good\.json is valid: https:\/\/pim\.example\.com, entities: products, .*currencies\n$/);
  });

  it("manifest --summary and form work from the built package", async () => {
    const summary = await run(["manifest", "--summary"]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/^Akeneo PIM \d+\.\d+\.\d+/);
    const form = await run(["form", "--part", "credentials"]);
    expect(JSON.parse(form.stdout)).toMatchObject({ schema: { title: "Credentials", discriminator: { propertyName: "authMode" } }, uiSchema: { oneOf: expect.any(Array) } });
    const app = await run(["form", "--part", "credentials", "--auth-mode", "app"]);
    expect(JSON.parse(app.stdout)).toMatchObject({ schema: { required: ["authMode", "baseUrl", "clientId", "clientSecret"] }, uiSchema: { "ui:order": expect.any(Array) } });
  });
});
