import type { EntityDefinition } from "../manifest/entity-definitions.js";

/**
 * The key that identifies a record of `definition` in results and checkpoints: the definition's
 * key field, prefixed with the parent's key for nested entities (`color/red` for an option).
 */
export function recordKey(definition: EntityDefinition, record: Record<string, unknown>): string {
  const own = record[definition.key];
  const ownText = typeof own === "string" || typeof own === "number" ? String(own) : "";
  if (!definition.parent) return ownText;
  const parent = record[definition.parent.field];
  return `${typeof parent === "string" ? parent : ""}/${ownText}`;
}
