/**
 * The `credentials` part of the config schema. With one auth mode it is a plain object; with several
 * (Connection, Connected App) it is a `oneOf` of one object per mode, told apart by `authMode`: a
 * `const` in each branch, plus the OpenAPI-style `discriminator` that form renderers (react-jsonschema-form,
 * JSON Forms) read to pick the branch. The first mode is the default, so its `authMode` may be left out.
 */
import type { ConnectorManifest } from "../types/manifest.generated.js";
import { selectCredentialFields } from "./select-credential-fields.js";
import { buildObjectSchema, type FieldSchemaContext, type JsonSchema } from "./build-field-schema.js";

/** The credentials property that names the auth mode (the `oneOf`'s discriminator). */
export const AUTH_MODE_KEY = "authMode";

/** The credentials schema: one mode's object when `authMode` is given (or there is one mode), else the `oneOf` of every mode. */
export function buildCredentialsSchema(manifest: ConnectorManifest, context: FieldSchemaContext, authMode?: string): JsonSchema {
  const head = {
    title: "Credentials",
    description: "How to reach and log in to the PIM. Fields named in the environment (AKENEO_*) override the file.",
  };
  if (authMode !== undefined || manifest.authModes.length === 1) {
    return { ...head, ...buildModeSchema(manifest, context, authMode ?? manifest.authModes[0].id) };
  }
  return {
    ...head,
    type: "object",
    discriminator: { propertyName: AUTH_MODE_KEY },
    oneOf: manifest.authModes.map((mode) => ({ title: mode.title, description: mode.description, ...buildModeSchema(manifest, context, mode.id) })),
  };
}

/** One mode's object; with several modes it gains `authMode` (required unless it is the default mode). */
function buildModeSchema(manifest: ConnectorManifest, context: FieldSchemaContext, modeId: string): JsonSchema {
  const schema = buildObjectSchema(selectCredentialFields(manifest, modeId), context);
  if (manifest.authModes.length === 1) return schema;
  const isDefault = modeId === manifest.authModes[0].id;
  const choices = manifest.authModes.map((mode, at) => `"${mode.id}" = ${mode.title}${at === 0 ? " (the default)" : ""}`).join("; ");
  const property: JsonSchema = { title: "Authentication", description: `How the connector authenticates: ${choices}.`, const: modeId, default: modeId };
  const required = (schema["required"] as string[] | undefined) ?? [];
  const { required: _required, properties, ...rest } = schema;
  return {
    ...rest,
    ...(isDefault ? (required.length ? { required } : {}) : { required: [AUTH_MODE_KEY, ...required] }),
    properties: { [AUTH_MODE_KEY]: property, ...(properties as JsonSchema) },
  };
}
