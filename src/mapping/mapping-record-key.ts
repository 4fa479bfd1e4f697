import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { MappingDirection } from "./mapping-types.js";

/**
 * The key a mapping error names: on pull the Akeneo record's key (`uuid`, else `identifier` for
 * products; `code` elsewhere), on push the canonical record's (`uuid`, else `sku`; `code`).
 * Nested entities are prefixed with their parent, as in results: `color/red`. Null when absent.
 */
export function mappingRecordKey(definition: EntityDefinition, direction: MappingDirection, record: object): string | null {
  const r = record as Record<string, unknown>;
  const fields = definition.name === "products" ? (direction === "pull" ? ["uuid", "identifier"] : ["uuid", "sku"]) : [definition.key];
  const own = fields.map((field) => r[field]).find((value) => typeof value === "string" || typeof value === "number");
  if (own === undefined) return null;
  if (!definition.parent) return String(own);
  const parent = r[definition.parent.field];
  return `${typeof parent === "string" ? parent : ""}/${String(own)}`;
}
