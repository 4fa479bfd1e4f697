/**
 * The subscription config's JSON Schema, generated from the manifest. It is the one source of truth
 * for what a config may contain: the form shows it, `parseConfig` validates with it, and
 * schemas/subscription-config.schema.json is this function's output, committed (a test keeps it fresh).
 */
import type { ConnectorManifest } from "../types/manifest.generated.js";
import { buildCredentialsSchema } from "./build-credentials-schema.js";
import { buildObjectSchema, type FieldSchemaContext, type JsonSchema } from "./build-field-schema.js";

export { selectCredentialFields } from "./select-credential-fields.js";

/** `$schema` of every generated schema. */
export const DRAFT_07 = "http://json-schema.org/draft-07/schema#";
/** `$id` of the whole config's schema (schemas/subscription-config.schema.json). */
export const CONFIG_SCHEMA_ID = "https://akeneo-connector.dev/schemas/subscription-config.schema.json";

/** A part of the config that a form can show on its own. */
export type FormPart = "credentials" | "settings";

export interface ConfigSchemaOptions {
  /** Only this part, as a standalone schema. Default: the whole config. */
  part?: FormPart;
  /**
   * Only this auth mode's credentials (a plain object, `authMode` fixed to it). Default: every mode,
   * as a `oneOf` with a discriminator on `authMode` (a plain object when the manifest has one mode).
   */
  authMode?: string;
}

/** The draft-07 schema of a subscription config (or of one part), `$schema` set. */
export function buildConfigSchema(manifest: ConnectorManifest, options: ConfigSchemaOptions = {}): JsonSchema {
  const context: FieldSchemaContext = { entityNames: manifest.entities.map((entity) => entity.name) };
  const parts: Record<FormPart, JsonSchema> = {
    credentials: buildCredentialsSchema(manifest, context, options.authMode),
    settings: {
      title: "Settings",
      description: "What the subscription syncs and how. Every setting has a default.",
      default: {},
      ...buildObjectSchema(manifest.settings, context),
    },
  };
  // A copy: the manifest is frozen, and callers may extend the schema they get.
  if (options.part) return structuredClone({ $schema: DRAFT_07, ...parts[options.part] });
  return structuredClone({
    $schema: DRAFT_07,
    $id: CONFIG_SCHEMA_ID,
    title: "SubscriptionConfigFile",
    description: "A subscription config as a file or a host holds it, after environment overrides. Generated from connector.manifest.json: do not edit.",
    type: "object",
    additionalProperties: false,
    required: ["credentials"],
    properties: {
      $schema: { type: "string", description: "Path or URL of this schema, for editors." },
      ...parts,
      mappings: buildMappingsSchema(manifest),
      lookups: {
        title: "Lookups",
        description: "Tables for $lookup(table, key) in mappings: table name → { key: value }.",
        type: "object",
        default: {},
        propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
        additionalProperties: { type: "object" },
      },
    },
    definitions: { mappingSource: MAPPING_SOURCE },
  });
}

const MAPPING_SOURCE: JsonSchema = {
  title: "MappingSource",
  description: "A JSONata mapping: a file path (relative to the config file) or an inline expression.",
  oneOf: [
    { type: "string", minLength: 1 },
    { type: "object", additionalProperties: false, required: ["file"], properties: { file: { type: "string", minLength: 1 } } },
    { type: "object", additionalProperties: false, required: ["expression"], properties: { expression: { type: "string", minLength: 1 } } },
  ],
};

function buildMappingsSchema(manifest: ConnectorManifest): JsonSchema {
  const ref = { $ref: "#/definitions/mappingSource" };
  return {
    title: "Mappings",
    description: "Overrides of the default mappings, by entity and direction.",
    type: "object",
    default: {},
    additionalProperties: false,
    properties: Object.fromEntries(
      manifest.entities.map((entity) => [
        entity.name,
        {
          type: "object",
          additionalProperties: false,
          properties: Object.fromEntries(entity.directions.map((direction) => [direction, ref])),
        },
      ]),
    ),
  };
}
