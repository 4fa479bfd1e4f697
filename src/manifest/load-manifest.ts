/**
 * The connector's manifest (connector.manifest.json): loaded once, validated against its schema,
 * its own consistency rules and the entity definitions in connector/, then frozen.
 */
import { readFileSync } from "node:fs";
import { ValidationError } from "../errors.js";
import { packagePath } from "../package-root.js";
import type { ConnectorManifest } from "../types/manifest.generated.js";
import { checkManifestEntities } from "./check-manifest-entities.js";
import { loadEntityDefinitions } from "./entity-definitions.js";
import { validateManifest } from "./validate-manifest.js";

export type {
  AuthMode,
  ConnectorManifest,
  CredentialField,
  FieldGroup,
  ManifestEntity,
  ManifestField,
  VerificationCheck,
} from "../types/manifest.generated.js";

let cache: ConnectorManifest | undefined;

/**
 * The validated, deeply frozen manifest. Throws `ValidationError` (code MANIFEST_INVALID, kind bug)
 * listing every problem: a broken manifest is a packaging bug, not a user error.
 */
export function loadManifest(): ConnectorManifest {
  if (cache) return cache;
  const data: unknown = JSON.parse(readFileSync(packagePath("connector.manifest.json"), "utf8"));
  const issues = validateManifest(data);
  if (issues.length === 0) issues.push(...checkManifestEntities(data as ConnectorManifest, loadEntityDefinitions()));
  if (issues.length > 0) {
    throw new ValidationError("[manifest] connector.manifest.json is invalid", { code: "MANIFEST_INVALID", kind: "bug", issues });
  }
  cache = deepFreeze(data as ConnectorManifest);
  return cache;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
