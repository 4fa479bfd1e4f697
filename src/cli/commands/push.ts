import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { readNdjson } from "../../flows/ndjson.js";
import type { PushReport } from "../../flows/push-report.js";
import { EXIT } from "../io.js";
import { exitCodeOf } from "../print-error.js";
import type { CommandContext } from "../main.js";
import { createProgress } from "../progress.js";
import { addRunOptions, openRun, type RunOptions } from "../run-options.js";
import { openNdjsonSink } from "../ndjson-file-sink.js";

interface PushCommandOptions extends RunOptions {
  entity: string;
  in?: string;
  results?: string;
  dryRun?: boolean;
}

/**
 * `akeneo-connector push`: canonical NDJSON in, one result line per input record out (--results,
 * default stdout), the summary on stderr. Exit 0 all accepted, 3 some rejected or invalid, 1 stopped.
 */
export function registerPushCommand(program: Command, ctx: CommandContext): void {
  addRunOptions(program.command("push").description("Write canonical records (NDJSON) to Akeneo in batches"), false)
    .requiredOption("-e, --entity <entity>", "entity to push (products, product_models, categories, …)")
    .option("-i, --in <file>", "read records from this NDJSON file (default: stdin)")
    .option("-r, --results <file>", "write one result per record to this NDJSON file (default: stdout)")
    .option("--dry-run", "validate and map everything, send nothing; results show the payloads")
    .option("-s, --state <dir>", "state directory holding the Connected App token (authMode \"app\" only)")
    .action(async (options: PushCommandOptions) => ctx.setExitCode(await runPush(ctx, options)));
}

async function runPush(ctx: CommandContext, options: PushCommandOptions): Promise<number> {
  const { io } = ctx;
  const run = await openRun(io, options);
  const { subscription } = run;
  const input = options.in ? createReadStream(resolve(io.cwd, options.in)) : io.stdin;
  const out = await openNdjsonSink(options.results ? resolve(io.cwd, options.results) : undefined, io.stdout);
  const progress = createProgress(io, { label: `push ${options.entity}`, quiet: Boolean(options.quiet) });
  try {
    const push = subscription.pushStream(options.entity, readNdjson(input), { dryRun: Boolean(options.dryRun), signal: run.signal });
    try {
      for await (const results of push) {
        await out.write(results);
        progress.add(results.length);
      }
    } catch (error) {
      // The input broke off: every line read has its result, and the summary says why the run stopped.
      if (!push.report) throw error;
      progress.stop();
      printSummary(ctx, push.report, options);
      return exitCodeOf(error);
    }
    progress.stop();
    const report = push.report!;
    printSummary(ctx, report, options);
    if (!report.completed) return EXIT.FATAL;
    return report.rejected + report.invalid + report.failed > 0 ? EXIT.REJECTED : EXIT.OK;
  } finally {
    progress.stop();
    run.dispose();
    await out.close();
    await subscription.close();
  }
}

function printSummary(ctx: CommandContext, report: PushReport, options: PushCommandOptions): void {
  if (options.json) {
    ctx.io.stderr.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const where = options.results ? ` (results → ${options.results})` : "";
  const counts = report.dryRun
    ? `${report.dryRunned} would be sent, ${report.invalid} invalid`
    : `${report.created} created, ${report.updated} updated, ${report.rejected} rejected, ${report.invalid} invalid` +
      (report.failed + report.notAttempted > 0 ? `, ${report.failed} failed, ${report.notAttempted} not attempted` : "");
  ctx.io.stderr.write(
    `${report.dryRun ? "dry run: " : ""}pushed ${report.received} ${report.entity}${where}: ${counts}; ` +
      `${report.batches} batches, ${report.requests} requests, ${report.retries} retries, ${(report.durationMs / 1000).toFixed(1)}s\n`,
  );
  if (report.error) ctx.io.stderr.write(`error: ${report.error}\n`);
}
