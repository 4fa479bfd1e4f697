import { resolve } from "node:path";
import type { Command } from "commander";
import { createLogger, type LogFormat, type LogLevel } from "../../logger.js";
import { createFileStateStore } from "../../state/file-state-store.js";
import { formatVerifyReport } from "../../verify/format-verify-report.js";
import { verifyConfig } from "../../verify/verify-config.js";
import type { VerifyReport } from "../../verify/verify-types.js";
import { EXIT } from "../io.js";
import type { CommandContext } from "../main.js";

interface VerifyCommandOptions {
  config: string;
  state?: string;
  json?: boolean;
  write?: boolean;
  logFormat: LogFormat;
  logLevel: LogLevel;
}

/**
 * `akeneo-connector verify --config <file> [--json] [--write]`: the post-install checks. One line per
 * check, then what to fix (or the JSON report with --json), on stdout. Exit 0 when no check failed,
 * 2 when the config itself is invalid (nothing was sent), 1 when another check failed.
 */
export function registerVerifyCommand(program: Command, ctx: CommandContext): void {
  program
    .command("verify")
    .description("Check that the connector works with this config: PIM, credentials, permissions, settings, mappings, limits")
    .requiredOption("-c, --config <file>", "subscription config file (JSON); secrets may come from AKENEO_* variables")
    .option("--json", "print the structured report as JSON")
    .option("--write", "also write one sampled product back unchanged (PATCH) to prove the write permission")
    .option("-s, --state <dir>", "the subscription's state directory (where a Connected App keeps its access token)")
    .option("--log-format <format>", "integration log lines on stderr: text or json", "text")
    .option("--log-level <level>", "debug, info, warn, error or silent", "warn")
    .action(async (options: VerifyCommandOptions) => ctx.setExitCode(await runVerify(ctx, options)));
}

async function runVerify(ctx: CommandContext, options: VerifyCommandOptions): Promise<number> {
  const { io } = ctx;
  const logger = createLogger({ format: options.logFormat === "json" ? "json" : "text", level: options.logLevel, destination: io.stderr });
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error("interrupted"));
  process.once("SIGINT", onSignal);
  try {
    const state = options.state ? createFileStateStore(resolve(io.cwd, options.state)) : undefined;
    const report = await verifyConfig(options.config, { env: io.env, cwd: io.cwd, logger, signal: controller.signal, write: Boolean(options.write), ...(state ? { state } : {}) });
    io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatVerifyReport(report));
    return exitCodeOf(report);
  } finally {
    process.off("SIGINT", onSignal);
  }
}

/** 0 when no check failed; 2 when config-valid failed (nothing was sent); 1 otherwise. */
export function exitCodeOf(report: VerifyReport): number {
  if (report.ok) return EXIT.OK;
  return report.checks.some((check) => check.name === "config-valid" && check.status === "fail") ? EXIT.USAGE : EXIT.FATAL;
}
