/**
 * A validated config (defaults filled in) → the normalised `SubscriptionConfig`: whitespace that
 * copy-paste leaves around ids, codes and secrets trimmed, the base URL's trailing slash removed,
 * and in App mode the scopes to request (as configured, else derived from the enabled entities).
 */
import { requiredAppScopes } from "../auth/required-app-scopes.js";
import type { MappingOverrides, SubscriptionConfig, SubscriptionConfigFile, SubscriptionCredentials } from "./subscription-config.js";

/** Normalise `file` (schema-valid, defaults applied); `mappings` are the resolved overrides. */
export function normaliseConfig(file: SubscriptionConfigFile, mappings: Record<string, MappingOverrides>): SubscriptionConfig {
  const settings = trimStrings(file.settings) as SubscriptionConfig["settings"];
  return {
    credentials: normaliseCredentials(trimStrings(file.credentials) as Record<string, unknown>, settings),
    settings,
    mappings,
    lookups: (file.lookups ?? {}) as SubscriptionConfig["lookups"],
  };
}

function normaliseCredentials(raw: Record<string, unknown>, settings: SubscriptionConfig["settings"]): SubscriptionCredentials {
  const baseUrl = String(raw["baseUrl"]).replace(/\/+$/, "");
  if (raw["authMode"] === "app") {
    const scopes = Array.isArray(raw["scopes"]) ? (raw["scopes"] as string[]) : requiredAppScopes(settings.entities);
    return { ...raw, authMode: "app", baseUrl, scopes } as SubscriptionCredentials;
  }
  return { ...raw, authMode: "connection", baseUrl } as SubscriptionCredentials;
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
