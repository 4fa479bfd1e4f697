/**
 * A validated config (defaults filled in) → the normalised `SubscriptionConfig`: whitespace that
 * copy-paste leaves around ids, codes and secrets trimmed, the base URL's trailing slash removed.
 */
import type { MappingOverrides, SubscriptionConfig, SubscriptionConfigFile } from "./subscription-config.js";

/** Normalise `file` (schema-valid, defaults applied); `mappings` are the resolved overrides. */
export function normaliseConfig(file: SubscriptionConfigFile, mappings: Record<string, MappingOverrides>): SubscriptionConfig {
  const credentials = trimStrings(file.credentials) as SubscriptionConfig["credentials"];
  return {
    credentials: { ...credentials, baseUrl: credentials.baseUrl.replace(/\/+$/, "") },
    settings: trimStrings(file.settings) as SubscriptionConfig["settings"],
    mappings,
    lookups: (file.lookups ?? {}) as SubscriptionConfig["lookups"],
  };
}

/** A copy with every string trimmed, in objects and arrays at any depth. */
function trimStrings(value: unknown): unknown {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return value.map(trimStrings);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, trimStrings(inner)]));
  }
  return value;
}
