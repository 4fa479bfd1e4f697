import { resolve } from "node:path";
import type { Command } from "commander";
import type { Dispatcher } from "undici";
import { authorizeApp } from "../../auth/authorize-app.js";
import { compareScopes } from "../../auth/compare-scopes.js";
import { requiredAppScopes } from "../../auth/required-app-scopes.js";
import { loadConfig } from "../../config/load-config.js";
import { ConnectorError } from "../../errors.js";
import { createFileStateStore } from "../../state/file-state-store.js";
import { EXIT, type CliIO } from "../io.js";
import type { CommandContext } from "../main.js";

/** Flags of `app authorize`, as commander hands them over. */
export interface AppAuthorizeFlags {
  config: string;
  state: string;
  port: string;
  timeout: string;
}

/** What a test (or an embedding program) may add: a dispatcher for the code exchange, a stop signal. */
export interface AppAuthorizeExtras {
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

/**
 * `akeneo-connector app authorize --config F --state DIR [--port P]`: Connected App mode. Starts the
 * local activation/callback server on 127.0.0.1, prints the URL to open, completes the code exchange
 * and stores the token in the state directory (mode 0600). The token is never printed.
 */
export function registerAppCommand(program: Command, ctx: CommandContext): void {
  const app = program.command("app").description("Connected App mode (credentials.authMode \"app\"): authorize the app in the PIM");
  app
    .command("authorize")
    .description("Open a local activation/callback server on 127.0.0.1, print the URL to open, exchange the code, store the token in --state")
    .requiredOption("-c, --config <file>", "subscription config file (JSON) with credentials.authMode \"app\"")
    .requiredOption("-s, --state <dir>", "the subscription's state directory: the token is stored there (app-token.json, mode 0600)")
    .option("--port <n>", "port of the local server on 127.0.0.1 (0 picks a free one); the app's callback URL is http://127.0.0.1:<port>/callback", "8787")
    .option("--timeout <seconds>", "give up when no callback arrived within this many seconds", "300")
    .action(async (flags: AppAuthorizeFlags) => {
      const controller = new AbortController();
      const stop = () => controller.abort(new Error("interrupted"));
      process.once("SIGINT", stop);
      try {
        ctx.setExitCode(await runAppAuthorize(ctx.io, flags, { signal: controller.signal }));
      } finally {
        process.off("SIGINT", stop);
      }
    });
}

/** Run `app authorize`; resolves to the exit code (throws typed errors for `printError`). */
export async function runAppAuthorize(io: CliIO, flags: AppAuthorizeFlags, extras: AppAuthorizeExtras = {}): Promise<number> {
  const port = parseInteger("--port", flags.port, 0, 65_535);
  const timeoutSeconds = parseInteger("--timeout", flags.timeout, 1, 86_400);
  const config = loadConfig(flags.config, { env: io.env, cwd: io.cwd });
  const { credentials } = config;
  if (credentials.authMode !== "app") {
    throw new ConnectorError(`[config] ${flags.config} does not use a Connected App: set "authMode": "app" in its credentials (app authorize is for App mode only)`, { code: "USAGE", kind: "config" });
  }
  const state = createFileStateStore(resolve(io.cwd, flags.state));
  const result = await authorizeApp({
    credentials,
    state,
    port,
    timeoutMs: timeoutSeconds * 1000,
    ...extras,
    onListening: ({ activateUrl, callbackUrl }) => {
      io.stdout.write(
        `Open this URL in a browser where you are logged in to the PIM (${credentials.baseUrl}):\n  ${activateUrl}\n` +
          `Requesting scopes: ${credentials.scopes.join(" ") || "(none)"}\n` +
          `The app must be registered with the callback URL ${callbackUrl}. Waiting up to ${timeoutSeconds} s…\n`,
      );
    },
  });
  io.stdout.write(
    `App authorized for ${result.baseUrl} (client ${result.clientId}); granted scopes: ${result.grantedScopes.join(" ") || "(none)"}.\n` +
      `The token is stored in ${flags.state} (app-token.json, mode 0600); run pull and push with --state ${flags.state}.\n`,
  );
  const { missing } = compareScopes(result.grantedScopes, requiredAppScopes(config.settings.entities));
  if (missing.length > 0) {
    io.stderr.write(`warning: the PIM granted fewer scopes than the enabled entities need (missing: ${missing.join(", ")}); those reads or writes will answer 403\n`);
  }
  return EXIT.OK;
}

function parseInteger(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
    throw new ConnectorError(`[config] ${flag} must be an integer between ${min} and ${max}, got "${text}"`, { code: "USAGE", kind: "config" });
  }
  return value;
}
