/**
 * The runtime's config validators: ajv compiled once per auth mode from the schema the manifest
 * generates (the same schema the form shows: schemas/subscription-config.schema.json is the `oneOf`
 * of these, one branch per mode). Validating against the mode's own branch keeps every error precise
 * (a `oneOf` would report every branch). It fills in defaults as it validates, so it changes its input.
 */
import type { ValidateFunction } from "../ajv.js";
import { compileSchema } from "../compile-schema.js";
import { buildConfigSchema } from "../manifest/build-config-schema.js";
import { loadManifest } from "../manifest/load-manifest.js";
import { selectCredentialFields } from "../manifest/select-credential-fields.js";
import type { ManifestField } from "../types/manifest.generated.js";
import type { SubscriptionConfigFile } from "../types/subscription-config.generated.js";

export interface ConfigValidator {
  /** ajv with `useDefaults` (mutates its input) and `verbose` (errors carry their subschema). */
  validate: ValidateFunction<SubscriptionConfigFile>;
  /** JSON pointer of every credential and setting → its manifest field. */
  fields: ReadonlyMap<string, ManifestField>;
}

const cache = new Map<string, ConfigValidator>();

/** `useDefaults` fills in defaults as it validates; `verbose` errors carry their subschema. */
export const CONFIG_AJV_OPTIONS = { useDefaults: true, verbose: true } as const;

/** The validator for `authMode` (default: the manifest's first mode), compiled on first use. */
export function getConfigValidator(authMode?: string): ConfigValidator {
  const manifest = loadManifest();
  const mode = authMode ?? manifest.authModes[0].id;
  const cached = cache.get(mode);
  if (cached) return cached;
  const validate = compileSchema<SubscriptionConfigFile>(buildConfigSchema(manifest, { authMode: mode }), CONFIG_AJV_OPTIONS);
  const fields = new Map<string, ManifestField>();
  indexFields("/credentials", selectCredentialFields(manifest, mode), fields);
  indexFields("/settings", manifest.settings, fields);
  const validator = { validate, fields };
  cache.set(mode, validator);
  return validator;
}

function indexFields(base: string, fields: readonly ManifestField[], index: Map<string, ManifestField>): void {
  for (const field of fields) {
    index.set(`${base}/${field.key}`, field);
    if (field.fields) indexFields(`${base}/${field.key}`, field.fields, index);
  }
}
