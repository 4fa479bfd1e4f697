import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-root.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";

const cli = packagePath("dist", "cli.js");
let sandbox: Sandbox;
let dir: string;
let config: string;

beforeAll(async () => {
  sandbox = await startSandbox({ products: 1500, seed: 21 });
  dir = await mkdtemp(join(tmpdir(), "cli-flows-"));
  config = join(dir, "subscription.json");
  writeFileSync(config, JSON.stringify({ credentials: { baseUrl: sandbox.url, ...sandbox.credentials, concurrentConnections: 2 }, settings: { pageSize: 20 } }));
});
afterAll(() => sandbox.close());

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI; `interrupt` is called with the child once it has started, to kill it. */
function runCli(args: string[], interrupt?: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { PATH: process.env["PATH"] } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
    interrupt?.(child);
  });
}

/** Kill `child` with `signal` once `file` holds at least `bytes` bytes. */
function killWhenWritten(file: string, bytes: number, signal: NodeJS.Signals) {
  return (child: ReturnType<typeof spawn>) => {
    const timer = setInterval(() => {
      if (existsSync(file) && statSync(file).size >= bytes) {
        clearInterval(timer);
        child.kill(signal);
      }
    }, 2);
    child.on("exit", () => clearInterval(timer));
  };
}

const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
const catalogUuids = () => sandbox.store.catalog().products.map((p) => p["uuid"] as string).sort();

describe("the built CLI runs whole flows", () => {
  it("a pull killed with SIGKILL midway resumes into the same file: every product exactly once", async () => {
    sandbox.setFaults({ latencyMs: 5 });
    const out = join(dir, "killed.ndjson");
    const args = ["pull", "--config", config, "--entity", "products", "--out", out, "--state", join(dir, "state-kill"), "--quiet", "--log-level", "warn"];
    const killed = await runCli(args, killWhenWritten(out, 150_000, "SIGKILL"));
    expect(killed.signal).toBe("SIGKILL");
    const partial = lines(out).length;
    sandbox.setFaults({});
    const resumed = await runCli(args);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resumed/);
    const uuids = lines(out).map((r) => r["uuid"] as string);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1500);
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(uuids.sort()).toEqual(catalogUuids());
  });

  it("Ctrl-C stops cleanly with the checkpoint kept (exit 1), and the next run finishes exactly", async () => {
    sandbox.setFaults({ latencyMs: 5 });
    const out = join(dir, "interrupted.ndjson");
    const args = ["pull", "--config", config, "--entity", "products", "--out", out, "--state", join(dir, "state-int"), "--quiet", "--log-level", "warn"];
    const stopped = await runCli(args, killWhenWritten(out, 100_000, "SIGINT"));
    sandbox.setFaults({});
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/aborted/);
    // What was delivered before the stop, then why.
    expect(stopped.stderr).toMatch(/pulled \d+ products → .*stopped before the end: the next run resumes from its checkpoint\n(.|\n)*error: .*aborted/);
    expect(stopped.stderr).not.toMatch(/\n\s+at /);
    const resumed = await runCli(args);
    expect(resumed.code).toBe(0);
    const uuids = lines(out).map((r) => r["uuid"] as string);
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(uuids.sort()).toEqual(catalogUuids());
  });

  it("push of 300 with 5 invalid: 295 updated in the sandbox, 300 result lines, exit 3", async () => {
    const full = join(dir, "all.ndjson");
    expect((await runCli(["pull", "--config", config, "--entity", "products", "--out", full, "--quiet", "--log-level", "warn"])).code).toBe(0);
    // Simple products: a variant's name belongs to its model (a push of it is a model question).
    const records: Record<string, unknown>[] = lines(full).filter((r) => r["parent"] === null).slice(0, 300).map((r, i) => ({ ...r, name: { ...(r["name"] as object), en_US: `CLI edit ${i}` } }));
    for (const i of [0, 7, 99, 200, 250]) records[i] = { ...records[i], categories: "not-an-array" };
    const input = join(dir, "push.ndjson");
    writeFileSync(input, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const results = join(dir, "results.ndjson");
    const run = await runCli(["push", "--config", config, "--entity", "products", "--in", input, "--results", results, "--quiet", "--log-level", "warn"]);
    expect(run.code).toBe(3);
    const out = lines(results);
    expect(out).toHaveLength(300);
    expect(out.filter((r) => r["outcome"] === "updated")).toHaveLength(295);
    expect(out.filter((r) => r["outcome"] === "invalid").map((r) => r["line"])).toEqual([1, 8, 100, 201, 251]);
    const stored = new Map(sandbox.store.catalog().products.map((p) => [p["uuid"], p]));
    const edited = records.filter((_, i) => ![0, 7, 99, 200, 250].includes(i));
    for (const record of edited) {
      const values = (stored.get(record["uuid"]) as { values: Record<string, Array<{ locale: string | null; data: unknown }>> }).values;
      expect(values["name"]!.find((v) => v.locale === "en_US")!.data).toBe((record["name"] as Record<string, string>)["en_US"]);
    }
    expect(run.stderr).toMatch(/295 updated, 0 rejected, 5 invalid/);
  });
});
