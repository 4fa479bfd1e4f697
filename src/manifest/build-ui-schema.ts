/**
 * The UI schema that goes with `buildConfigSchema`, in react-jsonschema-form conventions:
 * `ui:order`, `ui:help`, `ui:placeholder`, `ui:widget` ("password" for secrets), `ui:enumNames`,
 * and `ui:groups` (sections: `{ id, title, description, fields }`) for renderers that group fields.
 */
import type { ConnectorManifest, ManifestField } from "../types/manifest.generated.js";
import { selectCredentialFields, type ConfigSchemaOptions } from "./build-config-schema.js";
import { sortFields } from "./build-field-schema.js";

/** A react-jsonschema-form UI schema, as plain data. */
export type UiSchema = { [key: string]: unknown };

/** The UI schema for the whole config, or for `options.part` alone. */
export function buildUiSchema(manifest: ConnectorManifest, options: ConfigSchemaOptions = {}): UiSchema {
  const parts = {
    credentials: buildObjectUi(manifest, selectCredentialFields(manifest, options.authMode)),
    settings: buildObjectUi(manifest, manifest.settings),
  };
  // A copy: the manifest is frozen, and callers may extend the UI schema they get.
  if (options.part) return structuredClone(parts[options.part]);
  return structuredClone({
    "ui:order": ["credentials", "settings", "mappings", "lookups", "*"],
    $schema: { "ui:widget": "hidden" },
    ...parts,
    mappings: { "ui:help": "Optional: a .jsonata file path (relative to the config file) or {\"expression\": \"…\"} per entity and direction." },
    lookups: { "ui:help": "Optional: tables for $lookup() in mappings." },
  });
}

function buildObjectUi(manifest: ConnectorManifest, fields: readonly ManifestField[]): UiSchema {
  const sorted = sortFields(fields);
  const groups = manifest.groups
    .map((group) => ({ ...group, fields: sorted.filter((field) => field.group === group.id).map((field) => field.key) }))
    .filter((group) => group.fields.length > 0);
  return {
    "ui:order": sorted.map((field) => field.key),
    "ui:groups": groups,
    ...Object.fromEntries(sorted.map((field) => [field.key, buildFieldUi(manifest, field)])),
  };
}

function buildFieldUi(manifest: ConnectorManifest, field: ManifestField): UiSchema {
  const ui: UiSchema = field.type === "object" ? buildObjectUi(manifest, field.fields ?? []) : {};
  ui["ui:help"] = field.help;
  if (field.placeholder !== undefined) ui["ui:placeholder"] = field.placeholder;
  if (field.enumTitles !== undefined) ui["ui:enumNames"] = field.enumTitles;
  if (field.secret) {
    ui["ui:widget"] = "password";
    ui["ui:autocomplete"] = "new-password";
  } else if (field.widget !== undefined) {
    ui["ui:widget"] = field.widget;
  }
  return ui;
}
