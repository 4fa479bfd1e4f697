import { getEntityDefinition } from "../manifest/entity-definitions.js";
import type { ReaderContext } from "./pull-readers.js";

/**
 * The keys of the parent records a nested entity hangs from (the select attributes whose options
 * are pulled), read once per run and kept in the checkpoint so a resumed run walks the same list.
 */
export async function collectParents(ctx: ReaderContext): Promise<string[]> {
  const parent = ctx.definition.parent!;
  const parentDefinition = getEntityDefinition(parent.entity);
  const keys: string[] = [];
  for await (const page of ctx.client.iteratePages(parentDefinition, { pageSize: 100, signal: ctx.signal })) {
    for (const item of page.items) {
      const value = parent.where ? item[parent.where.property] : undefined;
      if (parent.where && !(typeof value === "string" && parent.where.in.includes(value))) continue;
      const key = item[parentDefinition.key];
      if (typeof key === "string") keys.push(key);
    }
  }
  return keys;
}
