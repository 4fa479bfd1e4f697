import type { AkeneoClient } from "../akeneo/akeneo-client.js";
import { getEntityDefinition, type EntityDefinition } from "../manifest/entity-definitions.js";
import type { VerifyContext } from "./verify-types.js";

/** Pages of parent records (100 each) walked to find one that qualifies; 500 attributes cover most PIMs. */
const MAX_PARENT_PAGES = 5;

/**
 * The key of the first parent record that qualifies (for attribute options: the first simple- or
 * multi-select attribute), remembered in the context for sample-pull; null when there is none.
 */
export async function findParentKey(ctx: VerifyContext, client: AkeneoClient, def: EntityDefinition): Promise<string | null> {
  if (ctx.selectAttribute !== undefined) return ctx.selectAttribute;
  const parent = def.parent!;
  const parentDef = getEntityDefinition(parent.entity);
  let pages = 0;
  for await (const page of client.iteratePages(parentDef, { pageSize: 100, ...(ctx.signal ? { signal: ctx.signal } : {}) })) {
    for (const item of page.items) {
      const value = parent.where ? item[parent.where.property] : undefined;
      if (parent.where && !(typeof value === "string" && parent.where.in.includes(value))) continue;
      const key = item[parentDef.key];
      if (typeof key === "string") return (ctx.selectAttribute = key);
    }
    if (++pages >= MAX_PARENT_PAGES) break;
  }
  return (ctx.selectAttribute = null);
}
