/**
 * The `search` filter of catalog-structure lists. `updated` takes only `>` with an ISO 8601 date
 * (with zone); other properties per resource: categories `code IN, is_root =, parent =`; families
 * `code IN, has_products =`; attributes `code IN, type IN`; attribute groups `code IN`; locales and
 * currencies `enabled =`.
 */
import type { SandboxStore } from "../store/sandbox-store.js";
import { httpError, phpType } from "../http/akeneo-error.js";
import { parseIsoDateTime } from "./date-value.js";
import { unsupportedFilter, type SearchClause } from "./parse-search.js";

export type StructureKind = "categories" | "families" | "attributes" | "attribute_groups" | "locales" | "currencies";

type Item = { code: string } & Record<string, unknown>;
type Test = (item: Item) => boolean;

const ALLOWED: Record<StructureKind, string[]> = {
  categories: ["code", "updated", "is_root", "parent"],
  families: ["code", "updated", "has_products"],
  attributes: ["code", "updated", "type"],
  attribute_groups: ["code", "updated"],
  locales: ["enabled"],
  currencies: ["enabled"],
};

/** Compile the clauses of a structure list; `updatedOf` gives an item's hidden `updated` (epoch seconds). */
export function compileStructureSearch(store: SandboxStore, kind: StructureKind, clauses: SearchClause[], updatedOf: (code: string) => number): Test {
  const tests = clauses.map((clause): Test => {
    const { field, operator: op, value } = clause;
    if (!ALLOWED[kind].includes(field)) throw unsupportedFilter(field, op);
    switch (field) {
      case "code":
      case "type": {
        if (op !== "IN") throw unsupportedFilter(field, op);
        if (!Array.isArray(value)) throw httpError(422, `Property "${field}" expects an array as data, "${phpType(value)}" given.`);
        const wanted = new Set(value.map(String));
        return (item) => wanted.has(String(item[field]));
      }
      case "updated": {
        if (op !== ">") throw unsupportedFilter(field, op);
        const after = parseIsoDateTime(field, value);
        return (item) => updatedOf(item.code) > after;
      }
      case "parent":
        if (op !== "=") throw unsupportedFilter(field, op);
        return (item) => item["parent"] === value;
      default: {
        if (op !== "=") throw unsupportedFilter(field, op);
        if (typeof value !== "boolean") throw httpError(422, `Property "${field}" expects a boolean as data, "${phpType(value)}" given.`);
        if (field === "is_root") return (item) => (item["parent"] === null) === value;
        if (field === "has_products") return (item) => familyHasProducts(store, item.code) === value;
        return (item) => item["enabled"] === value;
      }
    }
  });
  return (item) => tests.every((t) => t(item));
}

function familyHasProducts(store: SandboxStore, family: string): boolean {
  for (const product of store.products.values()) if (product.family === family) return true;
  return false;
}
