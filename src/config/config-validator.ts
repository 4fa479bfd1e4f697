/**
 * The runtime's config validator: ajv compiled once from the schema the manifest generates (the
 * same schema the form shows and schemas/subscription-config.schema.json holds). It fills in
 * defaults as it validates, so it changes the object it is given.
 */
import { createAjv, type ValidateFunction } from "../ajv.js";
import { buildConfigSchema, selectCredentialFields } from "../manifest/build-config-schema.js";
import { loadManifest } from "../manifest/load-manifest.js";
import type { ManifestField } from "../types/manifest.generated.js";
import type { SubscriptionConfigFile } from "../types/subscription-config.generated.js";

export interface ConfigValidator {
  /** ajv with `useDefaults` (mutates its input) and `verbose` (errors carry their subschema). */
  validate: ValidateFunction<SubscriptionConfigFile>;
  /** JSON pointer of every credential and setting → its manifest field. */
  fields: ReadonlyMap<string, ManifestField>;
}

let cached: ConfigValidator | undefined;

/** The validator for the manifest's default auth mode, compiled on first use. */
export function getConfigValidator(): ConfigValidator {
  if (cached) return cached;
  const manifest = loadManifest();
  const validate = createAjv({ useDefaults: true, verbose: true }).compile<SubscriptionConfigFile>(buildConfigSchema(manifest));
  const fields = new Map<string, ManifestField>();
  indexFields("/credentials", selectCredentialFields(manifest), fields);
  indexFields("/settings", manifest.settings, fields);
  cached = { validate, fields };
  return cached;
}

function indexFields(base: string, fields: readonly ManifestField[], index: Map<string, ManifestField>): void {
  for (const field of fields) {
    index.set(`${base}/${field.key}`, field);
    if (field.fields) indexFields(`${base}/${field.key}`, field.fields, index);
  }
}
