/**
 * The `search` filter of product and product-model lists, compiled once per request into a predicate.
 * Properties: uuid, identifier, enabled, family, categories, groups, parent, completeness, created,
 * updated; anything else must be an attribute code. A variant matches `updated` when an ancestor does.
 */
import type { ProductModelRecord, ProductRecord, Values } from "../catalog/types.js";
import { effectiveUpdated, mergedCategories, mergedValues } from "../store/product-view.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { httpError, phpType } from "../http/akeneo-error.js";
import { compileAttributeClause, type AttributeFilterContext } from "./attribute-filter.js";
import { dayStart, parseAkeneoDateTime, parseDateRange } from "./date-value.js";
import { unsupportedFilter, type SearchClause } from "./parse-search.js";
import { compileCompleteness } from "./completeness-filter.js";

export type Listed = ProductRecord | ProductModelRecord;

/** A compiled clause: it receives the record and a lazy accessor for its merged values. */
export type Predicate = (record: Listed, values: () => Values) => boolean;

export interface ProductFilterContext extends AttributeFilterContext {
  /** True for `/product-models`. */
  models: boolean;
  /** Epoch seconds, for SINCE LAST N DAYS. */
  nowSeconds: number;
}

/** Compile every clause (validation errors are thrown as 4xx now, before any item is read). */
export function compileProductSearch(store: SandboxStore, clauses: SearchClause[], ctx: ProductFilterContext): (record: Listed) => boolean {
  const predicates = clauses.map((clause) => compileClause(store, clause, ctx));
  if (predicates.length === 0) return () => true;
  return (record) => {
    let cached: Values | undefined;
    const values = () => (cached ??= mergedValues(store, record));
    return predicates.every((p) => p(record, values));
  };
}

function compileClause(store: SandboxStore, clause: SearchClause, ctx: ProductFilterContext): Predicate {
  const { field, operator: op, value } = clause;
  switch (field) {
    case "uuid":
      if (ctx.models || (op !== "IN" && op !== "NOT IN")) throw unsupportedFilter(field, op);
      return inList(field, op, value, (r) => [(r as ProductRecord).uuid]);
    case "identifier":
      if (ctx.models) {
        if (op !== "IN" && op !== "NOT IN") throw unsupportedFilter(field, op);
        return inList(field, op, value, (r) => [(r as ProductModelRecord).code]);
      }
      return attributePredicate(store, { ...clause, field: "sku" }, ctx);
    case "enabled":
      if (ctx.models || (op !== "=" && op !== "!=")) throw unsupportedFilter(field, op);
      if (typeof value !== "boolean") throw httpError(422, `Property "enabled" expects a boolean as data, "${phpType(value)}" given.`);
      return (r) => ((r as ProductRecord).enabled === value) === (op === "=");
    case "family":
      return familyPredicate(store, clause);
    case "categories":
      return categoryPredicate(store, clause);
    case "groups":
      if (ctx.models) throw unsupportedFilter(field, op);
      if (op === "EMPTY" || op === "NOT EMPTY") return (r) => ((r as ProductRecord).groups.length === 0) === (op === "EMPTY");
      return inList(field, op, value, (r) => (r as ProductRecord).groups);
    case "parent":
      return parentPredicate(store, clause, ctx.models);
    case "completeness":
      return compileCompleteness(store, clause, ctx.models);
    case "created":
    case "updated":
      return datePredicate(store, clause, ctx.nowSeconds);
    default:
      return attributePredicate(store, clause, ctx);
  }
}

function attributePredicate(store: SandboxStore, clause: SearchClause, ctx: ProductFilterContext): Predicate {
  const attribute = store.attributes.get(clause.field);
  if (!attribute) throw httpError(422, `"${clause.field}" does not exist or you do not have permission to access it.`);
  const test = compileAttributeClause(store, attribute, clause, ctx);
  return (_record, values) => test(values());
}

function inList(field: string, op: string, value: unknown, read: (r: Listed) => readonly string[]): Predicate {
  if (op !== "IN" && op !== "NOT IN") throw unsupportedFilter(field, op);
  if (!Array.isArray(value)) throw httpError(422, `Property "${field}" expects an array as data, "${phpType(value)}" given.`);
  const wanted = new Set(value.map(String));
  return (r) => read(r).some((v) => wanted.has(v)) === (op === "IN");
}

function familyPredicate(store: SandboxStore, clause: SearchClause): Predicate {
  const { operator: op, value } = clause;
  if (op === "EMPTY" || op === "NOT EMPTY") return (r) => (r.family === null) === (op === "EMPTY");
  if (op !== "IN" && op !== "NOT IN") throw unsupportedFilter("family", op);
  if (!Array.isArray(value)) throw httpError(422, `Property "family" expects an array as data, "${phpType(value)}" given.`);
  for (const code of value) {
    if (!store.families.has(String(code))) throw httpError(422, `Property "family" expects a valid family code. The family does not exist, "${String(code)}" given.`);
  }
  const wanted = new Set(value.map(String));
  return (r) => (r.family !== null && wanted.has(r.family)) === (op === "IN");
}

function categoryPredicate(store: SandboxStore, clause: SearchClause): Predicate {
  const { operator: op, value } = clause;
  if (op === "UNCLASSIFIED") return (r) => mergedCategories(store, r).length === 0;
  const supported = ["IN", "NOT IN", "IN CHILDREN", "NOT IN CHILDREN", "IN OR UNCLASSIFIED"];
  if (!supported.includes(op)) throw unsupportedFilter("categories", op);
  if (!Array.isArray(value)) throw httpError(422, `Search query parameter "categories" has to be an array, "${phpType(value)}" given.`);
  const missing = value.map((c) => String(c).trim()).filter((c) => !store.categories.has(c));
  if (missing.length > 0) {
    throw httpError(422, missing.length > 1 ? `Categories "${missing.join(", ")}" do not exist.` : `Category "${missing[0]}" does not exist.`);
  }
  const codes = value.map((c) => String(c).trim());
  const wanted = op.includes("CHILDREN") ? new Set(codes.flatMap((c) => [...store.categorySubtree(c)])) : new Set(codes);
  return (r) => {
    const categories = mergedCategories(store, r);
    const hit = categories.some((c) => wanted.has(c));
    if (op === "IN OR UNCLASSIFIED") return hit || categories.length === 0;
    return op.startsWith("NOT") ? !hit : hit;
  };
}

function parentPredicate(store: SandboxStore, clause: SearchClause, models: boolean): Predicate {
  const { operator: op, value } = clause;
  if (op === "EMPTY" || op === "NOT EMPTY") return (r) => (r.parent === null) === (op === "EMPTY");
  if (op === "IN") return inList("parent", op, value, (r) => (r.parent === null ? [] : [r.parent]));
  if (op !== "=" || models) throw unsupportedFilter("parent", op);
  if (typeof value !== "string") throw httpError(422, `Property "parent" expects a string as data, "${phpType(value)}" given.`);
  return (r) => {
    for (let parent = r.parent; parent !== null; parent = store.productModels.get(parent)?.parent ?? null) if (parent === value) return true;
    return false;
  };
}

function datePredicate(store: SandboxStore, clause: SearchClause, nowSeconds: number): Predicate {
  const { field, operator: op, value } = clause;
  const read = field === "updated" ? (r: Listed) => effectiveUpdated(store, r) : (r: Listed) => r.created;
  switch (op) {
    case "SINCE LAST N DAYS": {
      if (typeof value !== "number" || !Number.isInteger(value)) throw httpError(422, `Property "${field}" expects a numeric as data, "${phpType(value)}" given.`);
      const since = nowSeconds - value * 86400;
      return (r) => read(r) >= since;
    }
    case "BETWEEN":
    case "NOT BETWEEN": {
      const [from, to] = parseDateRange(field, value, parseAkeneoDateTime);
      return (r) => (read(r) >= from && read(r) <= to) === (op === "BETWEEN");
    }
    case "=":
    case "!=": {
      const day = dayStart(parseAkeneoDateTime(field, value));
      return (r) => (dayStart(read(r)) === day) === (op === "=");
    }
    case "<":
    case ">": {
      const at = parseAkeneoDateTime(field, value);
      return (r) => (op === "<" ? read(r) < at : read(r) > at);
    }
    default:
      throw unsupportedFilter(field, op);
  }
}
