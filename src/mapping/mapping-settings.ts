import type { MappingLimits, MappingSettings } from "./mapping-types.js";

/** Defaults of every mapping setting, the same as the subscription config's (docs/contracts.md). */
export const DEFAULT_MAPPING_SETTINGS: Readonly<MappingSettings> = Object.freeze({
  channel: "ecommerce",
  locales: ["en_US"],
  nameAttribute: "name",
  descriptionAttribute: "description",
  priceAttribute: "price",
  mediaFormat: "link",
  productIdFormat: "uuid",
});

/** Default guardrails: 1 s and 500 levels per record. */
export const DEFAULT_MAPPING_LIMITS: Readonly<MappingLimits> = Object.freeze({ timeoutMs: 1000, maxDepth: 500 });

/**
 * Complete a partial settings object (the config's `settings` may be passed as is: unknown fields
 * are kept, so user mappings can read them from `$settings`). An empty `locales` falls back to the default.
 */
export function resolveMappingSettings(partial: Partial<MappingSettings> = {}): MappingSettings {
  const settings = { ...DEFAULT_MAPPING_SETTINGS, ...stripUndefined(partial as Record<string, unknown>) } as MappingSettings;
  if (!Array.isArray(settings.locales) || settings.locales.length === 0) settings.locales = [...DEFAULT_MAPPING_SETTINGS.locales];
  return Object.freeze({ ...settings, locales: Object.freeze([...settings.locales]) as string[] });
}

function stripUndefined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
