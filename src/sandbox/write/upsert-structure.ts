/**
 * Create-or-update of one catalog-structure entity (category, family, family variant, attribute,
 * attribute option, attribute group, channel, association type), keyed by `code`. Field types are
 * checked from the resource's spec, the patch is merged (update.md), then the spec's own rules run.
 */
import { isPlainObject, phpType, type AkeneoErrorDetail } from "../http/akeneo-error.js";
import type { CodeCollection } from "../store/code-collection.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { mergePatch } from "./merge-patch.js";
import { encodePath } from "./upsert-product.js";
import { failure, propertyError, unknownProperty, validationFailed, type UpsertResult } from "./upsert-result.js";

/** How a field is type-checked. `readonly` fields are accepted and ignored. */
export type FieldKind = "string" | "string?" | "boolean" | "integer" | "integer?" | "labels" | "strings" | "array" | "object" | "scalar?" | "readonly";

/** Path parameters of nested resources. */
export type PathParams = Record<string, string>;

/** One writable structure resource. */
export interface StructureSpec {
  /** Collection the entity lives in (undefined when a path parameter names nothing: 404). */
  collection(store: SandboxStore, params: PathParams): CodeCollection<{ code: string }> | undefined;
  /** Message for that 404. */
  notFound?(params: PathParams): string;
  fields: Record<string, FieldKind>;
  requiredOnCreate?: string[];
  immutable?: string[];
  /** A new entity with every default, before the patch is applied. */
  create(code: string, params: PathParams, store: SandboxStore): Record<string, unknown>;
  /** Business rules on the merged entity (which they may normalise in place). */
  validate?(store: SandboxStore, merged: Record<string, unknown>, params: PathParams, existing: Record<string, unknown> | undefined): AkeneoErrorDetail[];
  /** Side effects after a save (indexes, derived lists). */
  afterSave?(store: SandboxStore, saved: Record<string, unknown>, previous: Record<string, unknown> | undefined, now: number): void;
  /** API path of one entity. */
  location(code: string, params: PathParams): string;
}

/** Apply one structure write. */
export function upsertStructure(store: SandboxStore, spec: StructureSpec, input: unknown, params: PathParams, options: { urlKey?: string; createOnly?: boolean } = {}): UpsertResult {
  if (!isPlainObject(input)) return failure(400, "Invalid json message received");
  const collection = spec.collection(store, params);
  if (!collection) return failure(404, spec.notFound?.(params) ?? "Not found");
  const raw = input["code"];
  if (raw !== undefined && typeof raw !== "string") return propertyError("code", `Property "code" expects a string as data, "${phpType(raw)}" given.`);
  const code = (raw as string | undefined) ?? options.urlKey;
  if (code === undefined || code === "") return failure(422, "Code is missing.");
  if (options.urlKey !== undefined && raw !== undefined && raw !== options.urlKey) {
    return failure(422, `The code "${raw}" provided in the request body must match the code "${options.urlKey}" provided in the url.`, options.urlKey);
  }
  const existing = collection.get(code) as Record<string, unknown> | undefined;
  if (existing && options.createOnly) return validationFailed([{ property: "code", message: "This value is already used." }], code);
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    const kind = spec.fields[field];
    if (kind === undefined) return unknownProperty(field, code);
    if (kind === "readonly" || field === "code") continue;
    const typeError = checkKind(field, kind, value);
    if (typeError) return { ...propertyError(field, typeError), key: code };
    if (existing && spec.immutable?.includes(field) && JSON.stringify(existing[field]) !== JSON.stringify(value)) {
      return validationFailed([{ property: field, message: `This property cannot be changed.` }], code);
    }
    patch[field] = value;
  }
  if (!existing) {
    const missing = (spec.requiredOnCreate ?? []).filter((f) => patch[f] === undefined || patch[f] === null || patch[f] === "");
    if (missing.length > 0) return validationFailed(missing.map((f) => ({ property: f, message: "This value should not be blank." })), code);
  }
  const base = existing ?? spec.create(code, params, store);
  const merged = dropEmptyLabels(mergePatch(base, patch));
  const errors = spec.validate?.(store, merged, params, existing) ?? [];
  if (errors.length > 0) return validationFailed(errors, code);
  const now = store.nowSeconds();
  const changed = !existing || JSON.stringify(existing) !== JSON.stringify(merged);
  if (changed) {
    collection.set(merged as { code: string }, now);
    spec.afterSave?.(store, merged, existing, now);
  }
  return { status: existing ? 204 : 201, key: code, location: spec.location(encodePath(code), params) };
}

function checkKind(field: string, kind: FieldKind, value: unknown): string | undefined {
  const expects = (what: string) => `Property "${field}" expects ${what} as data, "${phpType(value)}" given.`;
  switch (kind) {
    case "string": return typeof value === "string" ? undefined : expects("a string");
    case "string?": return value === null || typeof value === "string" ? undefined : expects("a string");
    case "boolean": return typeof value === "boolean" ? undefined : expects("a boolean");
    case "integer": return Number.isInteger(value) ? undefined : expects("an integer");
    case "integer?": return value === null || Number.isInteger(value) ? undefined : expects("an integer");
    case "strings": return Array.isArray(value) && value.every((v) => typeof v === "string") ? undefined : expects("an array");
    case "array": return Array.isArray(value) ? undefined : expects("an array");
    case "object": return isPlainObject(value) || (Array.isArray(value) && value.length === 0) ? undefined : expects("an array");
    case "labels":
      if (!isPlainObject(value)) return expects("an array");
      return Object.values(value).every((v) => v === null || typeof v === "string") ? undefined : `Property "${field}" expects an array of strings as data.`;
    case "scalar?": return value === null || typeof value !== "object" ? undefined : expects("a scalar");
    default: return undefined;
  }
}

/** A label set to null or "" is removed, as Akeneo does. */
function dropEmptyLabels(entity: Record<string, unknown>): Record<string, unknown> {
  for (const key of ["labels"]) {
    const labels = entity[key];
    if (isPlainObject(labels)) entity[key] = Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== null && v !== ""));
  }
  if (Array.isArray(entity["conversion_units"])) entity["conversion_units"] = {};
  return entity;
}
