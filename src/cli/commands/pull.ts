import { resolve } from "node:path";
import type { Command } from "commander";
import { ConnectorError } from "../../errors.js";
import { resumeSinkPosition, type PullReport } from "../../flows/pull-entity.js";
import { printError } from "../print-error.js";
import { EXIT } from "../io.js";
import type { CommandContext } from "../main.js";
import { createProgress } from "../progress.js";
import { addRunOptions, openRun, type RunOptions } from "../run-options.js";
import { openNdjsonSink } from "../ndjson-file-sink.js";

interface PullCommandOptions extends RunOptions {
  entity: string;
  out?: string;
  full?: boolean;
  since?: string;
}

/**
 * `akeneo-connector pull`: canonical records as NDJSON to --out (default stdout), the summary to
 * stderr. With --state, incremental and resumable; a resumed run appends to --out.
 */
export function registerPullCommand(program: Command, ctx: CommandContext): void {
  addRunOptions(program.command("pull").description("Read an entity from Akeneo, mapped to canonical records (NDJSON)"))
    .requiredOption("-e, --entity <entity>", "entity to pull (products, product_models, categories, …)")
    .option("-o, --out <file>", "write records to this NDJSON file (default: stdout)")
    .option("--full", "ignore the watermark and read everything")
    .option("--since <iso>", "read records updated after this instant (ISO 8601) instead of the watermark")
    .action(async (options: PullCommandOptions) => ctx.setExitCode(await runPull(ctx, options)));
}

async function runPull(ctx: CommandContext, options: PullCommandOptions): Promise<number> {
  const { io } = ctx;
  const since = options.since === undefined ? undefined : parseSince(options.since);
  const run = await openRun(io, options);
  const { subscription } = run;
  const previous = await resumeSinkPosition(run.state, options.entity);
  const resuming = previous.resuming && !options.full && !since;
  const out = await openNdjsonSink(options.out ? resolve(io.cwd, options.out) : undefined, io.stdout, resuming ? previous.position : undefined);
  const progress = createProgress(io, { label: `pull ${options.entity}`, quiet: Boolean(options.quiet) });
  let failures = 0;
  try {
    const pull = subscription.pull(options.entity, { full: Boolean(options.full), ...(since ? { since } : {}), sinkPosition: out.position });
    try {
      for await (const batch of pull) {
        await out.write(batch.records);
        for (const failure of batch.failures) io.stderr.write(`set aside: ${failure.key ?? "(no key)"}: ${failure.message}\n`);
        failures += batch.failures.length;
        progress.add(batch.records.length + batch.failures.length);
      }
    } catch (error) {
      // Stopped before the end (Akeneo refused, Ctrl-C …): what was delivered, then why (the exit code follows the error).
      progress.stop();
      if (pull.report) printSummary(ctx, pull.report, options);
      return printError(io, error);
    }
    progress.stop();
    printSummary(ctx, pull.report!, options);
    return failures > 0 ? EXIT.REJECTED : EXIT.OK;
  } finally {
    progress.stop();
    run.dispose();
    await out.close();
    await subscription.close();
  }
}

function parseSince(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new ConnectorError(`[config] --since "${text}" is not an ISO 8601 date; use e.g. 2026-01-31T12:00:00Z`, { code: "USAGE", kind: "config" });
  }
  return date;
}

function printSummary(ctx: CommandContext, report: PullReport, options: PullCommandOptions): void {
  if (options.json) {
    ctx.io.stderr.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const where = options.out ? ` → ${options.out}` : "";
  const since = report.since ? ` since ${report.since}` : "";
  const next = report.watermark === null ? "stopped before the end: the next run resumes from its checkpoint" : `next run starts from ${report.watermark}`;
  ctx.io.stderr.write(
    `pulled ${report.records} ${report.entity}${where} (${report.mode}${since}${report.resumed ? ", resumed" : ""}): ` +
      `${report.failures} set aside, ${report.requests} requests, ${report.retries} retries, ${(report.durationMs / 1000).toFixed(1)}s; ` +
      `${next}\n`,
  );
}
