/** Serving orders: categories in tree order, attribute options by sort order. */
import type { AttributeOption, Category } from "../catalog/types.js";

/** Categories in tree order: each root followed by its descendants, depth first, siblings by insertion. */
export function orderCategoryTree(categories: Category[]): Category[] {
  const byParent = new Map<string | null, Category[]>();
  for (const category of categories) {
    const siblings = byParent.get(category.parent) ?? [];
    siblings.push(category);
    byParent.set(category.parent, siblings);
  }
  const out: Category[] = [];
  const visit = (parent: string | null) => {
    for (const child of byParent.get(parent) ?? []) {
      out.push(child);
      visit(child.code);
    }
  };
  visit(null);
  return out;
}

/** Attribute options in sort order, then by code. */
export const sortBySortOrder = (options: AttributeOption[]) => options.sort((a, b) => a.sort_order - b.sort_order || (a.code < b.code ? -1 : 1));
