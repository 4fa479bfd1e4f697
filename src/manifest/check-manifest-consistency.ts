/**
 * The manifest rules a JSON Schema cannot state: ids unique, references resolve, every setting has a
 * default that satisfies its own limits, patterns compile and come with a message.
 */
import { toValidationIssues } from "../ajv.js";
import { compileSchema } from "../compile-schema.js";
import type { ValidationIssue } from "../errors.js";
import type { ConnectorManifest, ManifestField } from "../types/manifest.generated.js";
import { buildFieldSchema, type FieldSchemaContext } from "./build-field-schema.js";

/** Problems with a manifest that already matches schemas/manifest.schema.json; empty when consistent. */
export function checkManifestConsistency(manifest: ConnectorManifest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const context = fieldContext(manifest);
  const { groupIds } = context;
  const modeIds = manifest.authModes.map((mode) => mode.id);
  issues.push(...findDuplicates("/authModes", modeIds, "id"));
  issues.push(...findDuplicates("/groups", groupIds, "id"));
  issues.push(...findDuplicates("/entities", context.entityNames, "name"));
  issues.push(...findDuplicates("/checks", manifest.checks.map((check) => check.name), "name"));
  issues.push(...findDuplicates("/credentials", manifest.credentials.map((field) => field.env), "env"));
  manifest.credentials.forEach((field, index) => {
    field.authModes.forEach((mode, at) => {
      if (!modeIds.includes(mode)) issues.push({ path: `/credentials/${index}/authModes/${at}`, message: `names no auth mode; known: ${modeIds.join(", ")}` });
    });
  });
  const fields = checkAllFields(manifest, context);
  issues.push(...fields.issues, ...checkDefaults(fields.defaults, context));
  return issues;
}

/** What the field rules refer to: the entity names (fields that name entities) and the group ids. */
function fieldContext(manifest: ConnectorManifest): FieldSchemaContext & { groupIds: string[] } {
  return { entityNames: manifest.entities.map((entity) => entity.name), groupIds: manifest.groups.map((group) => group.id) };
}

/** The field rules over the credentials and the settings, and the defaults left to check against their fields' schemas. */
function checkAllFields(manifest: ConnectorManifest, context: FieldSchemaContext & { groupIds: string[] }): { issues: ValidationIssue[]; defaults: FieldDefault[] } {
  const defaults: FieldDefault[] = [];
  const issues = [
    ...checkFields("/credentials", manifest.credentials, { ...context, defaults, isSetting: false }),
    ...checkFields("/settings", manifest.settings, { ...context, defaults, isSetting: true }),
  ];
  return { issues, defaults };
}

/** A field's default, to be checked against the field's own schema (a default of 0 with minimum 1 is a manifest bug). */
interface FieldDefault {
  path: string;
  field: ManifestField;
}

/**
 * The schema every default is checked against at once: property i is the i-th field's own schema.
 * One schema, not one per field, so that the build can precompile it (compile-schema.ts).
 */
function defaultsSchema(fields: readonly ManifestField[], context: FieldSchemaContext): object {
  return { type: "object", properties: Object.fromEntries(fields.map((field, i) => [String(i), buildFieldSchema(field, context)])) };
}

/** The schema `checkManifestConsistency` checks `manifest`'s defaults against (what the build precompiles). */
export function manifestDefaultsSchema(manifest: ConnectorManifest): object {
  const context = fieldContext(manifest);
  return defaultsSchema(checkAllFields(manifest, context).defaults.map((d) => d.field), context);
}

function checkDefaults(defaults: readonly FieldDefault[], context: FieldSchemaContext): ValidationIssue[] {
  if (defaults.length === 0) return [];
  const validate = compileSchema(defaultsSchema(defaults.map((d) => d.field), context));
  if (validate(Object.fromEntries(defaults.map((d, i) => [String(i), d.field.default])))) return [];
  return toValidationIssues(validate.errors).map((issue) => {
    const [, index = "", ...rest] = issue.path.split("/");
    return { path: `${defaults[Number(index)]!.path}/default${rest.map((part) => `/${part}`).join("")}`, message: issue.message };
  });
}

interface CheckContext extends FieldSchemaContext {
  groupIds: string[];
  isSetting: boolean;
  /** Where the fields whose default is to be checked are collected. */
  defaults: FieldDefault[];
}

function checkFields(base: string, fields: readonly ManifestField[], context: CheckContext): ValidationIssue[] {
  const issues = findDuplicates(base, fields.map((field) => field.key), "key");
  fields.forEach((field, index) => {
    const path = `${base}/${index}`;
    if (!context.groupIds.includes(field.group)) {
      issues.push({ path: `${path}/group`, message: `names no group; known: ${context.groupIds.join(", ")}` });
    }
    issues.push(...checkField(path, field, context));
    if (field.fields) issues.push(...checkFields(`${path}/fields`, field.fields, context));
  });
  return issues;
}

function checkField(path: string, field: ManifestField, context: CheckContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const hasDefault = "default" in field;
  if (field.type === "object" && !field.fields) issues.push({ path: `${path}/fields`, message: "is required for an object field" });
  if (field.type === "array" && !field.items) issues.push({ path: `${path}/items`, message: "is required for an array field" });
  if (field.required && hasDefault) issues.push({ path: `${path}/default`, message: "must be absent: a required field has no default" });
  if (context.isSetting && field.required) issues.push({ path: `${path}/required`, message: "must be false: every setting has a default" });
  const needsDefault = context.isSetting && field.type !== "object" && field.items?.source !== "entities";
  if (needsDefault && !hasDefault) issues.push({ path: `${path}/default`, message: "is required: every setting has a default" });
  if (field.items?.pattern !== undefined && field.patternHelp === undefined) {
    issues.push({ path: `${path}/patternHelp`, message: "is required when items have a pattern" });
  }
  if (field.enumTitles && field.enumTitles.length !== field.enum?.length) {
    issues.push({ path: `${path}/enumTitles`, message: "must have one title per enum value" });
  }
  for (const [at, pattern] of [["pattern", field.pattern], ["items/pattern", field.items?.pattern]] as const) {
    if (pattern !== undefined && !compiles(pattern)) issues.push({ path: `${path}/${at}`, message: "is not a valid regular expression" });
  }
  if (hasDefault && !issues.some((issue) => issue.path.endsWith("pattern"))) context.defaults.push({ path, field });
  return issues;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

/** One issue per repeated value (undefined values are not compared). */
function findDuplicates(base: string, values: readonly (string | undefined)[], property: string): ValidationIssue[] {
  return values.flatMap((value, index) =>
    value !== undefined && values.indexOf(value) !== index ? [{ path: `${base}/${index}/${property}`, message: `repeats "${value}"; it must be unique` }] : [],
  );
}
