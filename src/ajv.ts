/**
 * One way to build ajv validators and to turn their errors into `ValidationIssue`s with JSON
 * pointers, so every schema check in the connector reports problems the same way.
 */
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from "ajv";
import addFormatsImport from "ajv-formats";
import type { ValidationIssue } from "./errors.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsImport as unknown as { default?: AddFormats }).default ?? (addFormatsImport as unknown as AddFormats);

/** A draft-07 ajv instance with formats, all errors collected, and no schema-strictness noise. */
export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, ...options });
  addFormats(ajv);
  return ajv;
}

/** ajv errors → issues with a JSON pointer and a readable message (no values, so no secrets). */
export function toValidationIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    let path = error.instancePath;
    let message = error.message ?? "is invalid";
    if (error.keyword === "required") {
      path = `${path}/${String(error.params["missingProperty"])}`;
      message = "is required";
    } else if (error.keyword === "additionalProperties") {
      path = `${path}/${String(error.params["additionalProperty"])}`;
      message = "is not a known property";
    } else if (error.keyword === "enum") {
      message = `must be one of ${(error.params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    }
    return { path, message };
  });
}

/** Keep one issue per path and message (oneOf/anyOf branches repeat themselves). */
export function dedupeIssues(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `schema` with every local reference (`{"$ref": "#/definitions/x"}`) replaced by the definition
 * it points at, for schemas without cycles. ajv compiles a referenced definition that itself holds
 * references as a separate function, called with a fresh options object and path string for every
 * value it checks; inlined, the record validators of the hot paths (pull output, push input) are one
 * function that allocates nothing for a valid record.
 */
export function inlineLocalRefs<T>(schema: T): T {
  const definitions = ((schema as Record<string, unknown>)["definitions"] ?? {}) as Record<string, unknown>;
  const resolve = (node: unknown, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => resolve(item, trail));
    if (typeof node !== "object" || node === null) return node;
    const ref = (node as Record<string, unknown>)["$ref"];
    if (typeof ref === "string" && ref.startsWith("#/definitions/") && Object.keys(node).length === 1) {
      const name = ref.slice("#/definitions/".length);
      if (trail.includes(name)) throw new Error(`inlineLocalRefs: ${ref} is recursive`);
      if (!(name in definitions)) throw new Error(`inlineLocalRefs: ${ref} is not defined`);
      return resolve(definitions[name], [...trail, name]);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(value, trail)]));
  };
  return resolve(schema, []) as T;
}

export type { ValidateFunction };
