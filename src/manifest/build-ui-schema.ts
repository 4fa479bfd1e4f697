/**
 * The UI schema that goes with `buildConfigSchema`, in react-jsonschema-form conventions:
 * `ui:order`, `ui:help`, `ui:placeholder`, `ui:widget` ("password" for secrets), `ui:enumNames`,
 * and `ui:groups` (sections: `{ id, title, description, fields }`) for renderers that group fields.
 * With several auth modes, the credentials' UI is `{ oneOf: [one UI schema per mode] }`, each titled
 * (`ui:title`) and hiding `authMode`, as react-jsonschema-form reads it for `oneOf` options.
 */
import type { ConnectorManifest, ManifestField } from "../types/manifest.generated.js";
import type { ConfigSchemaOptions } from "./build-config-schema.js";
import { AUTH_MODE_KEY } from "./build-credentials-schema.js";
import { selectCredentialFields } from "./select-credential-fields.js";
import { sortFields } from "./build-field-schema.js";

/** A react-jsonschema-form UI schema, as plain data. */
export type UiSchema = { [key: string]: unknown };

/** The UI schema for the whole config, or for `options.part` alone. */
export function buildUiSchema(manifest: ConnectorManifest, options: ConfigSchemaOptions = {}): UiSchema {
  const parts = {
    credentials: buildCredentialsUi(manifest, options.authMode),
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

function buildCredentialsUi(manifest: ConnectorManifest, authMode: string | undefined): UiSchema {
  if (authMode !== undefined || manifest.authModes.length === 1) return buildModeUi(manifest, authMode ?? manifest.authModes[0].id);
  return {
    oneOf: manifest.authModes.map((mode) => ({ "ui:title": mode.title, "ui:description": mode.description, ...buildModeUi(manifest, mode.id) })),
  };
}

function buildModeUi(manifest: ConnectorManifest, modeId: string): UiSchema {
  const ui = buildObjectUi(manifest, selectCredentialFields(manifest, modeId));
  if (manifest.authModes.length === 1) return ui;
  return { ...ui, "ui:order": [AUTH_MODE_KEY, ...(ui["ui:order"] as string[])], [AUTH_MODE_KEY]: { "ui:widget": "hidden" } };
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
