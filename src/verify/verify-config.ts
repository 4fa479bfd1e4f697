/**
 * The host's and the CLI's entry point for a config that may be wrong: a file path or a config
 * object as the platform stored it. config-valid parses it (and can fail); the subscription the
 * later checks use is opened here and closed at the end.
 */
import { resolve } from "node:path";
import { Agent, type Dispatcher } from "undici";
import type { TokenStore } from "../auth/token-store.js";
import { systemClock } from "../clock.js";
import type { Env } from "../config/apply-env-overrides.js";
import { loadConfig } from "../config/load-config.js";
import { parseConfig } from "../config/parse-config.js";
import type { SubscriptionConfig } from "../config/subscription-config.js";
import { silentLogger } from "../logger.js";
import type { StateStore } from "../state/state-store.js";
import { openSubscription } from "./open-subscription.js";
import { runChecks } from "./run-checks.js";
import { VERIFY_CHECKS } from "./verify-checks.js";
import type { VerifyContext, VerifyOptions, VerifyReport } from "./verify-types.js";

/** Options of `verifyConfig`. */
export interface VerifyConfigOptions extends VerifyOptions {
  /**
   * Environment whose AKENEO_* variables override the config. Default: `process.env` for a path
   * (as `loadConfig`), none for an object (as `parseConfig`).
   */
  env?: Env;
  /** Directory a relative path, and an object's relative mapping files, resolve against. Default: the working directory. */
  cwd?: string;
  /** Token store of the client (the authentication check still forces a password grant). Default: in memory. */
  tokenStore?: TokenStore;
  /** The subscription's state store (where a Connected App keeps its access token). Default: in memory. */
  state?: StateStore;
}

/**
 * Run every check on `source`: a config file path, or the config object (the file's JSON shape).
 * Resolves to the report; never throws for a check's failure (an invalid config fails config-valid
 * and skips the rest). Nothing is written to Akeneo unless `write` is true.
 */
export async function verifyConfig(source: string | Record<string, unknown>, options: VerifyConfigOptions = {}): Promise<VerifyReport> {
  const cwd = options.cwd ?? process.cwd();
  let ownDispatcher: Dispatcher | undefined;
  const ctx: VerifyContext = {
    write: options.write === true,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    samples: new Map(),
    open: () => {
      const config = parseSource(source, options, cwd);
      if (!options.dispatcher) ctx.dispatcher = ownDispatcher = new Agent({ connections: config.credentials.concurrentConnections, keepAliveTimeout: 5_000 });
      return openSubscription(config, {
        clock: ctx.clock,
        logger: ctx.logger,
        dispatcher: ctx.dispatcher!,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}),
        ...(options.state ? { state: options.state } : {}),
      });
    },
  };
  try {
    return await runChecks(VERIFY_CHECKS, ctx);
  } finally {
    await ctx.subscription?.close();
    await ownDispatcher?.close();
  }
}

function parseSource(source: string | Record<string, unknown>, options: VerifyConfigOptions, cwd: string): SubscriptionConfig {
  if (typeof source === "string") return loadConfig(source, { cwd, ...(options.env ? { env: options.env } : {}) });
  return parseConfig(source, { baseDir: resolve(cwd), source: "config", ...(options.env ? { env: options.env } : {}) });
}
