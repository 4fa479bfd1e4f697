/** Writes to `/categories`: a parent that exists and is not the category itself or one of its descendants. */
import { formatIsoSeconds } from "../catalog/structure-tables.js";
import type { Category } from "../catalog/types.js";
import type { StructureSpec } from "./upsert-structure.js";

/** `/categories` writes. */
export const categorySpec: StructureSpec = {
  collection: (store) => store.categories as never,
  fields: { code: "string", parent: "string?", labels: "labels", updated: "readonly", position: "readonly" },
  create: (code) => ({ code, parent: null, updated: "", labels: {} }),
  validate(store, merged) {
    const parent = merged["parent"] as string | null;
    if (parent === null) return [];
    if (!store.categories.has(parent)) return [{ property: "parent", message: `Category "${parent}" does not exist.` }];
    if (store.categorySubtree(String(merged["code"])).has(parent)) {
      return [{ property: "parent", message: "You cannot move a category under itself or one of its children." }];
    }
    return [];
  },
  afterSave(store, saved, _previous, now) {
    (saved as unknown as Category).updated = formatIsoSeconds(now);
    store.invalidateCategories();
  },
  location: (code) => `/api/rest/v1/categories/${code}`,
};
