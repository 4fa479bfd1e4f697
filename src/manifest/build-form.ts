/**
 * The configuration form a platform renders: a JSON Schema (draft-07) plus a UI schema, both
 * generated from the manifest.
 */
import type { ConnectorManifest } from "../types/manifest.generated.js";
import { buildConfigSchema, type ConfigSchemaOptions } from "./build-config-schema.js";
import type { JsonSchema } from "./build-field-schema.js";
import { buildUiSchema, type UiSchema } from "./build-ui-schema.js";

export interface Form {
  /** What the form accepts: exactly what `parseConfig` accepts, bar the few cross-field rules it documents. */
  schema: JsonSchema;
  /** How to render it (react-jsonschema-form conventions). */
  uiSchema: UiSchema;
}

/** `{ schema, uiSchema }` for the whole config, or for `options.part` (credentials or settings). */
export function buildForm(manifest: ConnectorManifest, options: ConfigSchemaOptions = {}): Form {
  return { schema: buildConfigSchema(manifest, options), uiSchema: buildUiSchema(manifest, options) };
}
