/**
 * `akeneo-connector push` whose input breaks off mid-run (a read error on stdin or --in): every line
 * read before it still gets its result line, the summary says what happened, and the exit code is 1.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { pullAll, sandboxConfig, sandboxSubscription } from "../helpers/sandbox-subscription.js";
import { createMemoryIO } from "./memory-io.js";

let sandbox: Sandbox;
let dir: string;
let records: Record<string, unknown>[];
beforeAll(async () => {
  sandbox = await startSandbox({ products: 300, seed: 31 });
  dir = await mkdtemp(join(tmpdir(), "cli-push-breaks-"));
  writeFileSync(join(dir, "subscription.json"), JSON.stringify({ credentials: { baseUrl: sandbox.url, ...sandbox.credentials, concurrentConnections: 2 } }));
  const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
  records = (await pullAll(subscription, "products", { full: true })).records.slice(0, 250);
  await subscription.close();
});
afterAll(() => sandbox.close());

it("an input that breaks off after 250 lines: 250 result lines, a summary naming the error, exit 1", async () => {
  const io = createMemoryIO({ cwd: dir });
  const lines = records.map((r) => `${JSON.stringify(r)}\n`);
  io.stdin = new Readable({
    read() {
      const line = lines.shift();
      if (line !== undefined) this.push(line);
      else this.destroy(new Error("the input pipe broke"));
    },
  });
  const code = await runCli(["push", "--config", "subscription.json", "--entity", "products", "--results", "results.ndjson", "--quiet"], io);
  const results = readFileSync(join(dir, "results.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { line: number; outcome: string });
  expect(code).toBe(1);
  expect(results.map((r) => r.line).sort((a, b) => a - b)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  expect(results.filter((r) => r.outcome === "updated")).toHaveLength(200);
  expect(results.filter((r) => r.outcome === "not_attempted")).toHaveLength(50);
  expect(io.err()).toMatch(/pushed 250 products.*200 updated.*50 not attempted/);
  expect(io.err()).toMatch(/error: .*the input pipe broke/);
});
