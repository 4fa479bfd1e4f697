/**
 * The Connected-App scopes a subscription needs (NOTES §1b), derived from the entity definitions in
 * connector/ (`requiredScopes` per direction), with least privilege: a write scope replaces its read
 * scope (Akeneo's write scopes include the matching read), and the OpenID scopes are never asked for.
 * Reads an entity needs besides its own are counted too: records with `values` are mapped with the
 * attribute catalog (attributes and their options, as the flows' catalog loader reads them), and a
 * nested entity walks its parent (attribute options walk the attributes).
 */
import { ConnectorError } from "../errors.js";
import { loadEntityDefinitions, type EntityDefinition } from "../manifest/entity-definitions.js";

/** A sync direction of an entity. */
export type ScopeDirection = "pull" | "push";

/** Entities whose reads the mapping catalog needs, for entities whose records carry `values`. */
const CATALOG_ENTITIES = ["attributes", "attribute_options"] as const;

/**
 * The least set of scopes that lets `entities` be synced in `directionsByEntity` (default: every
 * direction the entity's definition supports), sorted. Throws CONFIG_INVALID for an unknown entity.
 * `definitions` defaults to connector/.
 */
export function requiredAppScopes(
  entities: readonly string[],
  directionsByEntity: Readonly<Record<string, readonly ScopeDirection[]>> = {},
  definitions: ReadonlyMap<string, EntityDefinition> = loadEntityDefinitions(),
): string[] {
  const scopes = new Set<string>();
  const add = (entity: string, directions?: readonly ScopeDirection[]) => {
    const definition = definitions.get(entity);
    if (!definition) {
      throw new ConnectorError(`[auth] unknown entity "${entity}"; known entities: ${[...definitions.keys()].join(", ")}`, { code: "CONFIG_INVALID", kind: "config" });
    }
    for (const direction of directions ?? definition.directions) {
      if (!definition.directions.includes(direction)) continue;
      for (const scope of definition.requiredScopes[direction] ?? []) scopes.add(scope);
    }
    return definition;
  };
  for (const entity of entities) {
    const definition = add(entity, directionsByEntity[entity]);
    if (definition.values) for (const catalog of CATALOG_ENTITIES) add(catalog, ["pull"]);
    if (definition.parent) add(definition.parent.entity, ["pull"]);
  }
  return minimiseScopes(scopes);
}

/** `scopes` without the read scopes a write scope already includes, deduplicated and sorted. */
export function minimiseScopes(scopes: Iterable<string>): string[] {
  const all = new Set(scopes);
  return [...all].filter((scope) => !(readToWrite(scope) !== undefined && all.has(readToWrite(scope)!))).sort();
}

/** `scopes` plus the read scope each write scope includes (what a token holding them may do). */
export function expandScopes(scopes: Iterable<string>): Set<string> {
  const all = new Set(scopes);
  for (const scope of [...all]) if (scope.startsWith("write_")) all.add(`read_${scope.slice("write_".length)}`);
  return all;
}

/** `write_x` for `read_x`, else undefined. */
function readToWrite(scope: string): string | undefined {
  return scope.startsWith("read_") ? `write_${scope.slice("read_".length)}` : undefined;
}
