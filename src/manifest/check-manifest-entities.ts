/**
 * The manifest lists the entities a marketplace shows; connector/ defines how the runtime handles
 * them. Both must agree on names, directions and default mapping paths.
 */
import type { ValidationIssue } from "../errors.js";
import type { ConnectorManifest } from "../types/manifest.generated.js";
import type { EntityDefinition } from "./entity-definitions.js";

const DIRECTIONS = ["pull", "push"] as const;

/** Disagreements between `manifest.entities` and the definitions in connector/; empty when they agree. */
export function checkManifestEntities(
  manifest: ConnectorManifest,
  definitions: ReadonlyMap<string, EntityDefinition>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  manifest.entities.forEach((entity, index) => {
    const path = `/entities/${index}`;
    const definition = definitions.get(entity.name);
    if (!definition) {
      issues.push({ path: `${path}/name`, message: `has no connector/${entity.name}.json; known: ${[...definitions.keys()].join(", ")}` });
      return;
    }
    const source = `connector/${entity.name}.json`;
    const expected = [...definition.directions].sort().join(", ");
    if ([...entity.directions].sort().join(", ") !== expected) {
      issues.push({ path: `${path}/directions`, message: `must be ${expected}, as in ${source}` });
    }
    for (const direction of DIRECTIONS) {
      const want = definition.mappings[direction];
      if (entity.mappings[direction] !== want) {
        issues.push({ path: `${path}/mappings/${direction}`, message: want ? `must be "${want}", as in ${source}` : `must be absent, as in ${source}` });
      }
    }
  });
  const listed = new Set(manifest.entities.map((entity) => entity.name));
  for (const name of definitions.keys()) {
    if (!listed.has(name)) issues.push({ path: "/entities", message: `must list "${name}" (connector/${name}.json)` });
  }
  return issues;
}
