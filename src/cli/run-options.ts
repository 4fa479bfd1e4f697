/**
 * What the run commands (pull, push, verify) share: config, logger, state store (and the Connected
 * App token kept in it), Ctrl-C.
 */
import type { Command } from "commander";
import { createSubscription, type Subscription } from "../flows/subscription.js";
import { loadConfig } from "../config/load-config.js";
import type { SubscriptionConfig } from "../config/subscription-config.js";
import { createLogger, type Logger, type LogFormat, type LogLevel } from "../logger.js";
import { createFileStateStore } from "../state/file-state-store.js";
import { createMemoryStateStore, type StateStore } from "../state/state-store.js";
import type { CliIO } from "./io.js";
import { requireAppToken } from "./require-app-token.js";
import { resolve } from "node:path";

export interface RunOptions {
  config: string;
  state?: string;
  logFormat: LogFormat;
  logLevel: LogLevel;
  json?: boolean;
  quiet?: boolean;
}

/** Add the options every run command takes. */
export function addRunOptions(command: Command, withState = true): Command {
  command
    .requiredOption("-c, --config <file>", "subscription config file (JSON); secrets may come from AKENEO_* variables")
    .option("--log-format <format>", "integration log lines on stderr: text or json", "text")
    .option("--log-level <level>", "debug, info, warn, error or silent", "info")
    .option("--json", "print the run report as JSON")
    .option("-q, --quiet", "no progress output");
  if (withState) command.option("-s, --state <dir>", "directory for watermarks and checkpoints (incremental, resumable runs)");
  return command;
}

export interface RunContext {
  config: SubscriptionConfig;
  logger: Logger;
  state: StateStore;
  signal: AbortSignal;
  /** The subscription of this run: the config, state, logger, Ctrl-C signal and (App mode) stored token. */
  subscription: Subscription;
  /** Remove the Ctrl-C handler. */
  dispose(): void;
}

/**
 * Load the config (exit 2 on any problem, before any request), create the logger and the state store,
 * read the App token in App mode (exit 2 when there is none), trap Ctrl-C, and open the subscription.
 */
export async function openRun(io: CliIO, options: RunOptions): Promise<RunContext> {
  const config = loadConfig(options.config, { env: io.env, cwd: io.cwd });
  const state = options.state ? createFileStateStore(resolve(io.cwd, options.state)) : createMemoryStateStore();
  const appToken = await requireAppToken(config, state, options.config, options.state);
  const format = options.logFormat === "json" ? "json" : "text";
  const logger = createLogger({ format, level: options.logLevel, destination: io.stderr });
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    io.stderr.write("stopping: finishing the current page (Ctrl-C again to quit at once)\n");
    controller.abort(new Error("interrupted"));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    config,
    logger,
    state,
    signal: controller.signal,
    subscription: createSubscription(config, { state, logger, signal: controller.signal, ...(appToken ? { appToken } : {}) }),
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
