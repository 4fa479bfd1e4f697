/**
 * `akeneo-connector verify`: the command through `runCli` with in-memory IO, and one smoke test of
 * the BUILT program (`npm test` builds first; run `npm run build` before running this file alone).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { packagePath } from "../../src/package-root.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import type { VerifyReport } from "../../src/verify/verify-types.js";
import { createMemoryIO } from "../cli/memory-io.js";
import { rawSandboxConfig } from "./verify-helpers.js";

const CLI = packagePath("dist", "cli.js");
const tmp = mkdtempSync(join(tmpdir(), "akeneo-verify-"));
/** The environment without any AKENEO_* variable of the machine running the tests. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AKENEO_")));

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ products: 40, seed: 9 });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(tmp, { recursive: true, force: true });
});

const file = (name: string, value: unknown) => {
  writeFileSync(join(tmp, name), JSON.stringify(value));
  return name;
};

async function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: tmp, env: { ...cleanEnv, ...env } }).then(
    (ok) => ({ ...ok, code: 0 }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

describe("verify command (in process)", () => {
  it("human output: one line per check, what to fix, exit 1 on a failed check; secrets from the environment stay hidden", async () => {
    const config = rawSandboxConfig(sandbox);
    delete (config["credentials"] as Record<string, unknown>)["clientSecret"];
    const io = createMemoryIO({ cwd: tmp, env: { AKENEO_CLIENT_SECRET: "env-secret-that-is-wrong" } });
    const code = await runCli(["verify", "--config", file("env-secret.json", config)], io);
    expect(code).toBe(1);
    const lines = io.out().split("\n");
    expect(lines.slice(0, 8).map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual([
      "✔ config-valid",
      "✔ api-reachable",
      "✖ authentication",
      "- permissions",
      "- settings-exist",
      "- sample-pull",
      "- sample-push",
      "✔ throttle-sane",
    ]);
    expect(io.out()).toMatch(/\nWhat to fix:\n {2}authentication: check clientId and clientSecret/);
    expect(io.out()).toMatch(/\nVerification FAILED: 3 passed, 1 failed, 4 skipped/);
    expect(io.out() + io.err()).not.toContain("env-secret-that-is-wrong");
  });

  it("an invalid config: config-valid fails with one line per problem, exit 2", async () => {
    const config = rawSandboxConfig(sandbox, { credentials: { concurrentConnections: 11 }, settings: { pageSize: 0 } });
    const io = createMemoryIO({ cwd: tmp });
    expect(await runCli(["verify", "--config", file("invalid.json", config)], io)).toBe(2);
    expect(io.out()).toMatch(/^✖ config-valid \(\d+ ms\): \[config\] .*invalid\.json is invalid \(2 problems\)\n/);
    expect(io.out()).toMatch(/ {2}config-valid: \/credentials\/concurrentConnections: .*\n {4}\/settings\/pageSize: /);
  });
});

describe("node dist/cli.js verify (built)", () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does)");
  });

  it("--json on a healthy sandbox: the structured report, exit 0", async () => {
    const { code, stdout, stderr } = await spawnCli(["verify", "--config", file("healthy.json", rawSandboxConfig(sandbox)), "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as VerifyReport;
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.status)).toEqual(Array(8).fill("pass"));
  });

  it("--json with a wrong password: authentication fails, exit 1, no secret printed", async () => {
    const config = rawSandboxConfig(sandbox, { credentials: { password: "spawned-wrong-password" } });
    const { code, stdout, stderr } = await spawnCli(["verify", "--config", file("wrong-password.json", config), "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as VerifyReport;
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === "authentication")).toMatchObject({ status: "fail", details: { code: "AUTH_INVALID_CREDENTIALS" } });
    expect(stdout + stderr).not.toContain("spawned-wrong-password");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
