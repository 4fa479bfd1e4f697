import { once } from "node:events";
import type { Command } from "commander";
import { ConnectorError } from "../../errors.js";
import type { FaultOptions, Sandbox, SandboxOptions } from "../../sandbox/index.js";
import { EXIT, type CliIO } from "../io.js";
import type { CommandContext } from "../main.js";

/** Raw flags as commander hands them over (strings until parsed). */
export interface SandboxFlags {
  port: string;
  products: string;
  seed: string;
  latencyMs?: string;
  errorRate?: string;
  errorStatus?: string;
  resetRate?: string;
  rateLimitRate?: string;
  retryAfter?: string;
  tokenTtlRequests?: string;
  tokenTtlSeconds?: string;
  rejectRefresh?: boolean;
  forbidden?: string;
  faultTokenEndpoint?: boolean;
  json?: boolean;
}

/**
 * `akeneo-connector sandbox`: start the local Akeneo sandbox on 127.0.0.1, print its URL and the
 * credentials it accepts, and serve until SIGINT/SIGTERM.
 */
export function registerSandboxCommand(program: Command, ctx: CommandContext): void {
  program
    .command("sandbox")
    .description("Start a local Akeneo sandbox (seeded catalog, fault injection) and print its URL and credentials")
    .option("--port <n>", "TCP port on 127.0.0.1 (0 picks a free one)", "0")
    .option("--products <n>", "products in the catalog (simple + variant)", "200")
    .option("--seed <n>", "seed of the catalog and of the faults", "1")
    .option("--latency-ms <ms>", "delay added to every request")
    .option("--error-rate <0..1>", "share of API requests answering a 5xx")
    .option("--error-status <status>", "status of injected errors (default 503)")
    .option("--reset-rate <0..1>", "share of API requests whose socket is reset")
    .option("--rate-limit-rate <0..1>", "share of API requests that open a burst of 429s")
    .option("--retry-after <seconds|date|none>", "Retry-After of 429s: seconds (default 1), 'date' (HTTP date, 1 s) or 'none'")
    .option("--token-ttl-requests <n>", "access tokens stop working after n API requests")
    .option("--token-ttl-seconds <n>", "access tokens stop working after n seconds")
    .option("--reject-refresh", "reject every refresh grant")
    .option("--forbidden <prefixes>", "comma-separated path prefixes answering 403 (e.g. /api/rest/v1/categories)")
    .option("--fault-token-endpoint", "inject errors, resets and 429s on the token endpoint too")
    .option("--json", "print one JSON object instead of readable lines")
    .action(async (flags: SandboxFlags) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        ctx.setExitCode(await runSandboxCommand(ctx.io, flags, controller.signal));
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}

/** Start the sandbox from flags, print how to reach it, serve until `signal` aborts, then close. */
export async function runSandboxCommand(io: CliIO, flags: SandboxFlags, signal: AbortSignal, onReady?: (sandbox: Sandbox) => void): Promise<number> {
  const options = parseSandboxFlags(flags);
  const { startSandbox } = await import("../../sandbox/index.js");
  const sandbox = await startSandbox(options);
  try {
    io.stdout.write(flags.json ? `${JSON.stringify(describe(sandbox, options))}\n` : readableLines(sandbox, options));
    onReady?.(sandbox);
    if (!signal.aborted) await once(signal, "abort");
  } finally {
    await sandbox.close();
  }
  if (!flags.json) io.stderr.write("sandbox stopped\n");
  return EXIT.OK;
}

/** Flags → `startSandbox` options; a bad value is a usage error (exit 2). */
export function parseSandboxFlags(flags: SandboxFlags): SandboxOptions {
  const faults: FaultOptions = {};
  const set = <K extends keyof FaultOptions>(key: K, value: FaultOptions[K] | undefined) => {
    if (value !== undefined) faults[key] = value;
  };
  set("latencyMs", optionalNumber("--latency-ms", flags.latencyMs, 0, 600_000));
  set("errorRate", optionalNumber("--error-rate", flags.errorRate, 0, 1));
  set("errorStatus", optionalNumber("--error-status", flags.errorStatus, 500, 599, true));
  set("resetRate", optionalNumber("--reset-rate", flags.resetRate, 0, 1));
  set("rateLimitRate", optionalNumber("--rate-limit-rate", flags.rateLimitRate, 0, 1));
  set("tokenTtlRequests", optionalNumber("--token-ttl-requests", flags.tokenTtlRequests, 1, Number.MAX_SAFE_INTEGER, true));
  set("tokenTtlSeconds", optionalNumber("--token-ttl-seconds", flags.tokenTtlSeconds, 0, Number.MAX_SAFE_INTEGER));
  if (flags.retryAfter === "date" || flags.retryAfter === "none") faults.retryAfterFormat = flags.retryAfter;
  else set("retryAfterSeconds", optionalNumber("--retry-after", flags.retryAfter, 1, 3600, true));
  if (flags.rejectRefresh) faults.rejectRefreshTokens = true;
  if (flags.faultTokenEndpoint) faults.faultTokenEndpoint = true;
  if (flags.forbidden) faults.forbidden = flags.forbidden.split(",").map((p) => p.trim()).filter(Boolean);
  return {
    port: requiredNumber("--port", flags.port, 0, 65535, true),
    products: requiredNumber("--products", flags.products, 0, 5_000_000, true),
    seed: requiredNumber("--seed", flags.seed, 0, 4_294_967_295, true),
    faults,
  };
}

function optionalNumber(flag: string, text: string | undefined, min: number, max: number, integer = false): number | undefined {
  return text === undefined ? undefined : requiredNumber(flag, text, min, max, integer);
}

function requiredNumber(flag: string, text: string, min: number, max: number, integer = false): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new ConnectorError(`[sandbox] ${flag} must be ${integer ? "an integer" : "a number"} between ${min} and ${max}, got "${text}"`, { code: "USAGE", kind: "config" });
  }
  return value;
}

function describe(sandbox: Sandbox, options: SandboxOptions): Record<string, unknown> {
  const { clientId, clientSecret } = sandbox.app;
  return { url: sandbox.url, credentials: sandbox.credentials, app: { clientId, clientSecret }, seed: options.seed, catalog: sandbox.summary, faults: sandbox.faults };
}

function readableLines(sandbox: Sandbox, options: SandboxOptions): string {
  const s = sandbox.summary;
  const { seed: _seed, ...faults } = sandbox.faults;
  const active = Object.entries(faults).filter(([, v]) => v !== undefined);
  return [
    `Akeneo sandbox listening on ${sandbox.url}`,
    `  client id:     ${sandbox.credentials.clientId}`,
    `  client secret: ${sandbox.credentials.clientSecret}`,
    `  username:      ${sandbox.credentials.username}`,
    `  password:      ${sandbox.credentials.password}`,
    `  Connected App: client id ${sandbox.app.clientId}, secret ${sandbox.app.clientSecret} (authorize page approves any redirect_uri)`,
    `  catalog:       ${s.products} products (${s.simpleProducts} simple, ${s.variantProducts} variants, ${s.productsWithoutIdentifier} without identifier), ` +
      `${s.productModels} product models (${s.rootProductModels} root, ${s.subProductModels} sub), ${s.categories} categories, ${s.attributes} attributes, ` +
      `${s.families} families; seed ${options.seed}`,
    `  faults:        ${active.length === 0 ? "none" : active.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ")}`,
    "Press Ctrl+C to stop.",
    "",
  ].join("\n");
}
