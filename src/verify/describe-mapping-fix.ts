import type { SubscriptionConfig } from "../config/subscription-config.js";

/**
 * What to do when a mapping fails on a sampled record: correct the subscription's override, or,
 * with the default mapping, override it (the default cannot map this PIM's data) or report it.
 */
export function describeMappingFix(config: SubscriptionConfig, entity: string, direction: "pull" | "push"): string {
  const override = config.mappings[entity]?.[direction];
  const schema = direction === "pull" ? `schemas/canonical/${entity}.schema.json` : `schemas/akeneo/${entity}.schema.json`;
  if (override) {
    const where = "file" in override ? ` (${override.file})` : "";
    return `correct the override mappings.${entity}.${direction}${where}: its output must match ${schema}`;
  }
  return `the default ${entity} ${direction} mapping cannot handle this record: override mappings.${entity}.${direction} in the config, or report the record`;
}
