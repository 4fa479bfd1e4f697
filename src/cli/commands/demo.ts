import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { EXIT, type CliIO } from "../io.js";
import type { CommandContext } from "../main.js";

interface DemoOptions {
  dir: string;
  products: string;
  edits: string;
}

/**
 * `akeneo-connector demo` (what `npm start` runs): a sandbox PIM, a subscription config for it,
 * then the same commands a user runs against a real Akeneo: verify, a full pull, a push of a few
 * edited records, and an incremental pull that must return exactly the edited ones.
 */
export function registerDemoCommand(program: Command, ctx: CommandContext): void {
  program
    .command("demo")
    .description("Run the whole connector against a local sandbox PIM: verify, pull, edit, push, incremental pull")
    .option("--dir <dir>", "where the demo writes its config, records and state", ".demo")
    .option("--products <n>", "products in the sandbox catalog", "300")
    .option("--edits <n>", "records to edit and push back", "5")
    .action(async (options: DemoOptions) => ctx.setExitCode(await runDemo(ctx, options)));
}

async function runDemo(ctx: CommandContext, options: DemoOptions): Promise<number> {
  const { io } = ctx;
  const started = Date.now();
  const dir = resolve(io.cwd, options.dir);
  const show = (path: string) => relative(io.cwd, path) || ".";
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { startSandbox } = await import("../../sandbox/index.js");
  const sandbox = await startSandbox({ products: Number(options.products), seed: 42 });
  const files = {
    config: join(dir, "subscription.json"),
    state: join(dir, "state"),
    products: join(dir, "products.ndjson"),
    edited: join(dir, "edited.ndjson"),
    results: join(dir, "push-results.ndjson"),
    changes: join(dir, "changes.ndjson"),
  };
  try {
    const { summary } = sandbox;
    step(io, 1, `Sandbox PIM at ${sandbox.url}: ${summary.products} products, ${summary.productModels} product models, ${summary.attributes} attributes`);
    const config = {
      credentials: { baseUrl: sandbox.url, ...sandbox.credentials, throttleLimit: 500, throttleSeconds: 60, concurrentConnections: 4 },
      settings: { channel: "ecommerce", locales: ["en_US", "fr_FR", "de_DE"] },
    };
    await writeFile(files.config, `${JSON.stringify(config, null, 2)}\n`);
    step(io, 2, `Subscription config written to ${show(files.config)} (sandbox credentials; use AKENEO_* variables for real secrets)`);
    const base = ["--config", show(files.config), "--log-level", "warn"];
    const run = async (n: number, title: string, argv: string[], ok: number[] = [EXIT.OK]) => {
      step(io, n, `${title}\n    $ akeneo-connector ${argv.join(" ")}`);
      const { runCli } = await import("../main.js");
      const code = await runCli(argv, { ...io, isTTY: false });
      if (!ok.includes(code)) throw new DemoFailed(`step ${n} exited with ${code}`);
    };
    await run(3, "Verify the installation", ["verify", ...base]);
    await run(4, "Full pull of products", ["pull", "--entity", "products", "--out", show(files.products), "--state", show(files.state), "--quiet", ...base]);
    const edited = await editRecords(files.products, files.edited, Number(options.edits));
    step(io, 5, `Edited the name of ${edited.length} products → ${show(files.edited)}`);
    await run(6, "Push the edited records back", ["push", "--entity", "products", "--in", show(files.edited), "--results", show(files.results), "--quiet", ...base]);
    await run(7, "Incremental pull: only what changed since the full pull", ["pull", "--entity", "products", "--out", show(files.changes), "--state", show(files.state), "--quiet", ...base]);
    const changed = (await readLines(files.changes)).map((r) => r["uuid"] as string).sort();
    const expected = edited.map((r) => r["uuid"] as string).sort();
    if (JSON.stringify(changed) !== JSON.stringify(expected)) {
      throw new DemoFailed(`the incremental pull returned ${changed.length} records, expected exactly the ${expected.length} edited ones`);
    }
    io.stderr.write(
      `\nDemo complete in ${((Date.now() - started) / 1000).toFixed(1)}s: the incremental pull returned exactly the ${expected.length} edited products.\n` +
        `Files: ${Object.values(files).map(show).join(", ")}\n` +
        `Point the same commands at a real Akeneo: put its URL and connection credentials in a config (see README).\n`,
    );
    return EXIT.OK;
  } catch (error) {
    if (error instanceof DemoFailed) {
      io.stderr.write(`\ndemo failed: ${error.message}\n`);
      return EXIT.FATAL;
    }
    throw error;
  } finally {
    await sandbox.close();
  }
}

class DemoFailed extends Error {}

function step(io: CliIO, n: number, text: string): void {
  io.stderr.write(`\n[${n}] ${text}\n`);
}

async function readLines(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, "utf8");
  return text.split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Change the English name of the first `count` simple products; write them as NDJSON. */
async function editRecords(from: string, to: string, count: number): Promise<Record<string, unknown>[]> {
  const records = (await readLines(from)).filter((r) => r["parent"] === null).slice(0, count);
  const edited = records.map((r) => ({ ...r, name: { ...(r["name"] as Record<string, string>), en_US: `${(r["name"] as Record<string, string>)["en_US"] ?? r["sku"]} (edited)` } }));
  await writeFile(to, edited.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return edited;
}
