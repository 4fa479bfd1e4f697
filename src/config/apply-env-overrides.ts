/**
 * Environment overrides for credentials (AKENEO_BASE_URL, AKENEO_CLIENT_ID, AKENEO_CLIENT_SECRET,
 * AKENEO_USERNAME, AKENEO_PASSWORD): the variable names come from the manifest's `env`, and a set
 * variable wins over the file. An empty variable counts as unset.
 */
import type { CredentialField } from "../types/manifest.generated.js";

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvOverrides {
  /** The config with overrides applied (a shallow copy; the input is not changed). */
  data: unknown;
  /** JSON pointer of each overridden value → the variable it came from. */
  fromEnv: Map<string, string>;
}

/** Apply the environment's credential values to `data` (a parsed config file or host object). */
export function applyEnvOverrides(data: unknown, fields: readonly CredentialField[], env: Env): EnvOverrides {
  const fromEnv = new Map<string, string>();
  const overrides: Record<string, string> = {};
  for (const field of fields) {
    const value = field.env ? env[field.env] : undefined;
    if (field.env && value !== undefined && value.trim() !== "") {
      overrides[field.key] = value;
      fromEnv.set(`/credentials/${field.key}`, field.env);
    }
  }
  if (fromEnv.size === 0 || !isPlainObject(data)) return { data, fromEnv };
  const credentials = data["credentials"] ?? {};
  if (!isPlainObject(credentials)) return { data, fromEnv: new Map() };
  return { data: { ...data, credentials: { ...credentials, ...overrides } }, fromEnv };
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
