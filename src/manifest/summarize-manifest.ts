/**
 * A short, human summary of the manifest for `akeneo-connector manifest --summary`: identity,
 * credential fields, settings with defaults, entities with directions, verification checks.
 */
import type { ConnectorManifest, ManifestField } from "../types/manifest.generated.js";
import { sortFields } from "./build-field-schema.js";
import { selectCredentialFields } from "./select-credential-fields.js";

/** The summary as text, one item per line, ending with a newline. */
export function summarizeManifest(manifest: ConnectorManifest): string {
  const lines = [
    `${manifest.name} ${manifest.version} (${manifest.id}) by ${manifest.vendor.name}`,
    manifest.description,
    "",
    ...manifest.authModes.flatMap((mode, at) => [
      `Credentials (${mode.title}${manifest.authModes.length > 1 ? `, authMode "${mode.id}"${at === 0 ? ", the default" : ""}` : ""}):`,
      ...selectCredentialFields(manifest, mode.id).map((field) => row(field.key, field.title, describeCredential(field))),
      "",
    ]),
    "Settings:",
    ...flattenFields(manifest.settings).map(([key, field]) => row(key, field.title, describeDefault(field))),
    "",
    "Entities:",
    ...manifest.entities.map((entity) => row(entity.name, entity.title, entity.directions.join(", "))),
    "",
    "Checks:",
    ...manifest.checks.map((check) => row(check.name, check.title, "")),
  ];
  return `${lines.join("\n")}\n`;
}

function row(key: string, title: string, detail: string): string {
  return `  ${key.padEnd(24)} ${title.padEnd(34)} ${detail}`.trimEnd();
}

function describeCredential(field: ManifestField): string {
  const parts = [field.required ? "required" : "default" in field ? describeDefault(field) : "optional"];
  if (field.secret) parts.push("secret");
  if (field.env) parts.push(`env ${field.env}`);
  return parts.join(", ");
}

function describeDefault(field: ManifestField): string {
  const value = field.items?.source === "entities" ? "all entities" : JSON.stringify(field.default);
  const range = field.minimum !== undefined && field.maximum !== undefined ? ` (${field.minimum}..${field.maximum})` : "";
  const choices = field.enum ? ` (${field.enum.join(" | ")})` : "";
  return `default ${value}${range}${choices}`;
}

/** Fields with their dotted keys; an object field is replaced by its nested fields. */
function flattenFields(fields: readonly ManifestField[], prefix = ""): [string, ManifestField][] {
  return sortFields(fields).flatMap((field): [string, ManifestField][] =>
    field.fields ? flattenFields(field.fields, `${prefix}${field.key}.`) : [[`${prefix}${field.key}`, field]],
  );
}
