/**
 * A subscription config held in memory → the normalised `SubscriptionConfig`. The order matters:
 * register secrets → apply environment overrides → validate with the manifest's schema (defaults
 * filled in) → check mapping files → normalise. Every problem is reported at once.
 */
import { ValidationError, type ValidationIssue } from "../errors.js";
import { loadManifest } from "../manifest/load-manifest.js";
import { selectCredentialFields } from "../manifest/select-credential-fields.js";
import { registerSecret } from "../redact.js";
import { applyEnvOverrides, isPlainObject, type Env } from "./apply-env-overrides.js";
import { getConfigValidator } from "./config-validator.js";
import { describeConfigIssues } from "./describe-config-issues.js";
import { normaliseConfig } from "./normalise-config.js";
import { explainModeIssues, resolveAuthMode } from "./resolve-auth-mode.js";
import { resolveMappings, type ResolvedMappings } from "./resolve-mappings.js";
import type { SubscriptionConfig, SubscriptionConfigFile } from "./subscription-config.js";

export interface ParseConfigOptions {
  /** Environment whose AKENEO_* credential variables override the config. Default: none (`{}`). */
  env?: Env;
  /** Directory that relative mapping file paths are resolved against. Default: the working directory. */
  baseDir?: string;
  /** Names the config in error messages, e.g. its file path. Default: "config". */
  source?: string;
}

/**
 * Validate and normalise a config object (not changed). Throws `ValidationError` (code
 * CONFIG_INVALID, kind config) whose `issues` list every problem with a JSON pointer.
 */
export function parseConfig(input: unknown, options: ParseConfigOptions = {}): SubscriptionConfig {
  const env = options.env ?? {};
  const manifest = loadManifest();
  const credentials = isPlainObject(input) && isPlainObject(input["credentials"]) ? input["credentials"] : {};
  // Every secret field of every mode: a password left in an App config is still a secret.
  for (const field of manifest.credentials.filter((candidate) => candidate.secret)) {
    registerSecret(asString(credentials[field.key]));
    if (field.env) registerSecret(env[field.env]);
  }
  const authMode = resolveAuthMode(manifest, credentials);
  const { data, fromEnv } = applyEnvOverrides(structuredClone(input), selectCredentialFields(manifest, authMode.mode), env);
  const { validate, fields } = getConfigValidator(authMode.mode);
  const valid = validate(data) && !authMode.issue;
  const issues: ValidationIssue[] = valid ? [] : explainModeIssues(describeConfigIssues(validate.errors ?? [], { fields, fromEnv }), manifest, authMode);
  let resolved: ResolvedMappings | undefined;
  const mappings = isPlainObject(data) ? data["mappings"] : undefined;
  if (isPlainObject(mappings) && !issues.some((issue) => issue.path.startsWith("/mappings"))) {
    resolved = resolveMappings(mappings as Parameters<typeof resolveMappings>[0], options.baseDir ?? process.cwd());
    issues.push(...resolved.issues);
  }
  if (!valid || issues.length > 0 || !resolved) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    throw new ValidationError(`[config] ${options.source ?? "config"} is invalid (${count})`, { code: "CONFIG_INVALID", kind: "config", issues });
  }
  return normaliseConfig(data as SubscriptionConfigFile, resolved.mappings);
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
