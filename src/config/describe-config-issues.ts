/**
 * ajv errors on a subscription config → one issue per field, each saying what is wrong and what to
 * do, with wording and hints taken from the manifest. Never quotes a value; keys are redacted.
 */
import type { ErrorObject } from "ajv";
import type { ValidationIssue } from "../errors.js";
import { redactText } from "../redact.js";
import type { ManifestField } from "../types/manifest.generated.js";
import { diagnoseBaseUrl } from "./diagnose-base-url.js";

export interface IssueContext {
  /** JSON pointer of a credential or setting (`/settings/filters/completeness`) → its manifest field. */
  fields: ReadonlyMap<string, ManifestField>;
  /** Pointers whose value came from an environment variable → the variable. */
  fromEnv: ReadonlyMap<string, string>;
}

const MAPPING_SOURCE_PATH = /^\/mappings\/[^/]+\/(pull|push)/;
const SECTIONS = ["credentials", "settings", "mappings", "lookups"];
const NOUNS: Record<string, string> = { "": "section", "/credentials": "credential", "/settings": "setting", "/mappings": "entity" };

/** Readable issues in form order, at most one per path (the first, most specific, error wins). */
export function describeConfigIssues(errors: readonly ErrorObject[], context: IssueContext): ValidationIssue[] {
  const byPath = new Map<string, string>();
  for (const error of errors) {
    for (const issue of describeError(error, context)) {
      if (byPath.has(issue.path)) continue;
      const variable = context.fromEnv.get(issue.path);
      byPath.set(issue.path, variable ? `${issue.message} (value from ${variable})` : issue.message);
    }
  }
  const order = [...context.fields.keys()];
  const rank = (path: string) => {
    const at = order.findIndex((pointer) => path === pointer || path.startsWith(`${pointer}/`));
    return at === -1 ? order.length + SECTIONS.indexOf(path.split("/")[1] ?? "") : at;
  };
  const sorted = [...byPath].sort(([a], [b]) => rank(a) - rank(b));
  // A key can be a pasted secret ({"<password>": …}); pointers are redacted like messages.
  return sorted.map(([path, message]) => ({ path: redactText(path), message }));
}

function describeError(error: ErrorObject, context: IssueContext): ValidationIssue[] {
  const path = error.instancePath;
  const source = MAPPING_SOURCE_PATH.exec(path);
  if (source) {
    return [{ path: source[0], message: 'must be a file path (relative to the config file) or {"expression": "<JSONata>"}' }];
  }
  const field = context.fields.get(path.replace(/\/\d+$/, ""));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return describeMissing(path, String(params["missingProperty"]), context);
    case "additionalProperties":
      return [describeUnknown(path, String(params["additionalProperty"]), error.parentSchema)];
    case "type":
      return [{ path, message: `must be ${describeType(params["type"])}${exampleOf(field)}` }];
    case "minimum":
    case "exclusiveMinimum":
    case "maximum": {
      const bound = error.keyword === "maximum" ? "at most" : error.keyword === "minimum" ? "at least" : "more than";
      return [{ path, message: `must be ${bound} ${String(params["limit"])}${field?.limitsHint ? ` (${field.limitsHint})` : ""}` }];
    }
    case "minLength":
      return [{ path, message: params["limit"] === 1 ? `must not be empty${field?.hint ? `: ${field.hint}` : ""}` : `must be at least ${String(params["limit"])} characters` }];
    case "maxLength":
      return [{ path, message: `must be at most ${String(params["limit"])} characters` }];
    case "pattern":
      return [{ path, message: (path === "/credentials/baseUrl" ? diagnoseBaseUrl(error.data) : undefined) ?? field?.patternHelp ?? "has an invalid format" }];
    case "format":
      return [{ path, message: diagnoseBaseUrl(error.data) ?? "must be a URL such as https://pim.example.com" }];
    case "enum": {
      const allowed = params["allowedValues"] as unknown[];
      if (field?.items?.source === "entities") return [{ path, message: `is not a known entity (known: ${allowed.join(", ")})` }];
      return [{ path, message: `must be one of ${allowed.map((value) => JSON.stringify(value)).join(", ")}` }];
    }
    case "uniqueItems":
      return [{ path, message: `must not repeat a value (items ${String(params["j"])} and ${String(params["i"])} are the same)` }];
    case "minItems":
      return [{ path, message: `must list at least ${String(params["limit"])} value${params["limit"] === 1 ? "" : "s"}` }];
    case "propertyNames":
      return [{ path: `${path}/${String(params["propertyName"])}`, message: "must be a name of letters, digits and _" }];
    default:
      return [{ path, message: error.message ?? "is invalid" }];
  }
}

/** A missing property; a missing `credentials` object is reported field by field. */
function describeMissing(parent: string, key: string, context: IssueContext): ValidationIssue[] {
  const path = `${parent}/${key}`;
  if (path === "/credentials") {
    const required = [...context.fields].filter(([pointer, field]) => pointer.startsWith("/credentials/") && field.required);
    if (required.length > 0) return required.flatMap(([pointer]) => describeMissing("/credentials", pointer.slice(path.length + 1), context));
  }
  const field = context.fields.get(path);
  const what = field?.hint ?? "add it";
  return [{ path, message: `is required: ${what}${field?.env ? ` (or set ${field.env})` : ""}` }];
}

function describeUnknown(parent: string, key: string, parentSchema: unknown): ValidationIssue {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  const known = Object.keys(properties).filter((name) => name !== "$schema");
  const noun = NOUNS[parent] ?? (parent.startsWith("/mappings/") ? "direction for this entity" : "property");
  const hint = known.length > 0 ? `known: ${known.join(", ")}` : "none are allowed here";
  return { path: `${parent}/${key}`, message: `is not a known ${noun}: remove it or fix its spelling (${hint})` };
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  array: "a list (JSON array)",
  object: "an object",
  null: "null",
};

function describeType(type: unknown): string {
  const types = String(type).split(",");
  return types.map((name) => TYPE_WORDS[name] ?? name).join(" or ");
}

function exampleOf(field: ManifestField | undefined): string {
  return typeof field?.default === "number" || typeof field?.default === "string" ? `, e.g. ${JSON.stringify(field.default)}` : "";
}
