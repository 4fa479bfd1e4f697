/**
 * The integration log: every run (verify, pull, push) writes structured lines on stderr with
 * `--log-format json` (run id, entity, counts, retries, throttle waits, errors), and no line ever
 * holds a secret, a password or a token.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-root.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";

const cli = packagePath("dist", "cli.js");
const dir = mkdtempSync(join(tmpdir(), "integration-log-"));
let sandbox: Sandbox;
let config: string;

beforeAll(async () => {
  sandbox = await startSandbox({ products: 120, seed: 8, faults: { rateLimitRate: 0.05, retryAfterSeconds: 1, seed: 2 } });
  config = join(dir, "subscription.json");
  // secrets only from the environment, as a platform would pass them
  writeFileSync(config, JSON.stringify({ credentials: { baseUrl: sandbox.url, clientId: sandbox.credentials.clientId, username: sandbox.credentials.username }, settings: { entities: ["products", "attributes", "attribute_options", "categories"] } }));
});
afterAll(() => sandbox.close());

/** Run the built CLI (asynchronously: the sandbox lives in this process), secrets in the environment only. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args, "--log-format", "json", "--log-level", "info"], {
      cwd: dir,
      env: { PATH: process.env["PATH"], AKENEO_CLIENT_SECRET: sandbox.credentials.clientSecret, AKENEO_PASSWORD: sandbox.credentials.password },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const jsonLines = (text: string) => text.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
const secrets = () => [sandbox.credentials.clientSecret, sandbox.credentials.password, "Bearer ", "access_token"];

describe("the integration log (--log-format json)", () => {
  it("verify, pull and push each log a run id, their counts and retries, and never a secret or token", async () => {
    const verify = await run(["verify", "--config", config]);
    const pull = await run(["pull", "--config", config, "--entity", "products", "--out", "products.ndjson", "--quiet"]);
    const records = readFileSync(join(dir, "products.ndjson"), "utf8").trim().split("\n").slice(0, 30);
    writeFileSync(join(dir, "in.ndjson"), records.join("\n") + "\n");
    const push = await run(["push", "--config", config, "--entity", "products", "--in", "in.ndjson", "--results", "results.ndjson", "--quiet"]);
    expect([verify.code, pull.code, push.code]).toEqual([0, 0, 0]);

    const verifyLines = jsonLines(verify.stderr);
    expect(verifyLines.find((l) => l["msg"] === "verify completed")).toMatchObject({ ok: true, failed: 0, runId: expect.any(String) });
    expect(verifyLines.filter((l) => typeof l["check"] === "string").map((l) => l["check"])).toContain("sample-pull");

    const pullLines = jsonLines(pull.stderr);
    const started = pullLines.find((l) => l["msg"] === "pull started")!;
    const completed = pullLines.find((l) => l["msg"] === "pull completed")!;
    expect(completed).toMatchObject({ entity: "products", runId: started["runId"], records: 120, failures: 0 });
    expect(completed).toHaveProperty("retries");
    expect(completed).toHaveProperty("throttleWaitMs");
    expect(completed).toHaveProperty("rateLimited");

    const pushLines = jsonLines(push.stderr);
    expect(pushLines.find((l) => l["msg"] === "push completed")).toMatchObject({ entity: "products", received: 30, updated: 30, runId: expect.any(String) });

    const everything = [verify, pull, push].map((r) => r.stdout + r.stderr).join("\n") + readFileSync(join(dir, "results.ndjson"), "utf8");
    for (const secret of secrets()) expect(everything).not.toContain(secret);
    const retried = [...pullLines, ...pushLines, ...verifyLines].filter((l) => typeof l["msg"] === "string" && /rate limited|retrying/.test(l["msg"] as string));
    for (const line of retried) expect(line).toMatchObject({ level: "warn" });
  });
});
