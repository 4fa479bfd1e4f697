/**
 * One manifest field → its JSON Schema (draft-07). The form, the committed config schema and the
 * runtime's validation all go through here, so a limit written once in the manifest is enforced
 * everywhere the same way.
 */
import type { ManifestField } from "../types/manifest.generated.js";

/** A JSON Schema document or subschema (draft-07), as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** What a field's schema depends on beyond the field itself. */
export interface FieldSchemaContext {
  /** Entity names, in manifest order: the values of fields whose items have `source: "entities"`. */
  entityNames: string[];
}

/** The fields of a list in form order (`order`, then key). */
export function sortFields<T extends ManifestField>(fields: readonly T[]): T[] {
  return [...fields].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

/** An object schema whose properties are `fields`; `required` lists the fields marked required. */
export function buildObjectSchema(fields: readonly ManifestField[], context: FieldSchemaContext): JsonSchema {
  const sorted = sortFields(fields);
  const required = sorted.filter((field) => field.required).map((field) => field.key);
  return {
    type: "object",
    additionalProperties: false,
    ...(required.length ? { required } : {}),
    properties: Object.fromEntries(sorted.map((field) => [field.key, buildFieldSchema(field, context)])),
  };
}

/** The schema of one field: type, limits, pattern, default, `writeOnly` for secrets. */
export function buildFieldSchema(field: ManifestField, context: FieldSchemaContext): JsonSchema {
  const schema: JsonSchema = { title: field.title, description: field.help };
  Object.assign(schema, field.type === "object" ? buildObjectSchema(field.fields ?? [], context) : typeKeywords(field, context));
  if (field.nullable) {
    schema["type"] = [field.type, "null"];
    if (field.enum) schema["enum"] = [...field.enum, null];
  }
  const fallback = field.type === "object" ? {} : field.items?.source === "entities" ? context.entityNames : undefined;
  const value = "default" in field ? field.default : fallback;
  if (value !== undefined) schema["default"] = value;
  if (field.secret) schema["writeOnly"] = true;
  return schema;
}

const STRING_KEYWORDS = ["enum", "format", "minLength", "maxLength", "pattern"] as const;
const NUMBER_KEYWORDS = ["enum", "minimum", "maximum"] as const;
const ARRAY_KEYWORDS = ["minItems", "uniqueItems"] as const;

function typeKeywords(field: ManifestField, context: FieldSchemaContext): JsonSchema {
  const out: JsonSchema = { type: field.type };
  const copy = (keys: readonly (keyof ManifestField)[]) => {
    for (const key of keys) if (field[key] !== undefined) out[key] = field[key];
  };
  if (field.type === "string") copy(STRING_KEYWORDS);
  if (field.type === "integer" || field.type === "number") copy(NUMBER_KEYWORDS);
  if (field.type === "array") {
    const items = field.items ?? { type: "string" };
    out["items"] = {
      type: items.type,
      ...(items.pattern === undefined ? {} : { pattern: items.pattern }),
      ...(items.source === "entities" ? { enum: context.entityNames } : {}),
    };
    copy(ARRAY_KEYWORDS);
  }
  return out;
}
