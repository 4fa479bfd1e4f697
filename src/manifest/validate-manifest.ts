/**
 * Validate a manifest document: schemas/manifest.schema.json first, then the consistency rules
 * the schema cannot express. Used by `loadManifest` and by the manifest fixtures tests.
 */
import { readFileSync } from "node:fs";
import { dedupeIssues, toValidationIssues, type ValidateFunction } from "../ajv.js";
import { compileSchema } from "../compile-schema.js";
import type { ValidationIssue } from "../errors.js";
import { packagePath } from "../package-root.js";
import type { ConnectorManifest } from "../types/manifest.generated.js";
import { checkManifestConsistency } from "./check-manifest-consistency.js";

let validator: ValidateFunction<ConnectorManifest> | undefined;

/** Every problem with `data` as a manifest (JSON pointers into it); empty when it is valid. */
export function validateManifest(data: unknown): ValidationIssue[] {
  validator ??= compileSchema<ConnectorManifest>(JSON.parse(readFileSync(packagePath("schemas", "manifest.schema.json"), "utf8")) as object);
  if (!validator(data)) return dedupeIssues(toValidationIssues(validator.errors));
  return checkManifestConsistency(data);
}
