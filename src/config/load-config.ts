/**
 * Read a subscription config file (JSON) and parse it: environment overrides, validation against
 * the manifest's schema, defaults, normalisation. Mapping file paths resolve against the file's directory.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConnectorError } from "../errors.js";
import type { Env } from "./apply-env-overrides.js";
import { parseConfig } from "./parse-config.js";
import { parseJsonText } from "./parse-json-text.js";
import type { SubscriptionConfig } from "./subscription-config.js";

export interface LoadConfigOptions {
  /** Environment whose AKENEO_* credential variables override the file. Default: `process.env`. */
  env?: Env;
  /** Directory a relative `path` is resolved against. Default: the working directory. */
  cwd?: string;
}

/**
 * Load and validate the config at `path` (synchronous). Throws `ConnectorError` CONFIG_NOT_FOUND
 * when the file cannot be read, and `ValidationError` CONFIG_INVALID (kind config) listing every
 * problem, including JSON syntax errors with their line and column.
 */
export function loadConfig(path: string, options: LoadConfigOptions = {}): SubscriptionConfig {
  const file = resolve(options.cwd ?? process.cwd(), path);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : "unreadable";
    throw new ConnectorError(`[config] cannot read config file ${path}: ${reason}; pass the path of a subscription config (JSON)`, {
      code: "CONFIG_NOT_FOUND",
      kind: "config",
    });
  }
  return parseConfig(parseJsonText(text, path), { env: options.env ?? process.env, baseDir: dirname(file), source: path });
}
