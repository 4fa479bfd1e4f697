/**
 * Mapping overrides as written (a path string, {"file"} or {"expression"}) → `MappingSource`s with
 * absolute file paths, resolved against the config file's directory. A file that does not exist is
 * a config issue naming the entity and direction: the one rule the JSON Schema cannot check.
 */
import { statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { ValidationIssue } from "../errors.js";
import type { MappingSource as MappingSourceInFile } from "../types/subscription-config.generated.js";
import type { MappingOverrides, MappingSource } from "./subscription-config.js";

/** The resolved overrides, and one issue per override file that is missing. */
export interface ResolvedMappings {
  mappings: Record<string, MappingOverrides>;
  issues: ValidationIssue[];
}

/** Resolve every override of a schema-valid `mappings` object against `baseDir`. */
export function resolveMappings(
  mappings: Record<string, Partial<Record<"pull" | "push", MappingSourceInFile>>>,
  baseDir: string,
): ResolvedMappings {
  const resolved: Record<string, MappingOverrides> = {};
  const issues: ValidationIssue[] = [];
  for (const [entity, directions] of Object.entries(mappings)) {
    const overrides: MappingOverrides = {};
    for (const direction of ["pull", "push"] as const) {
      const source = directions[direction];
      if (source === undefined) continue;
      const result = resolveSource(source, baseDir);
      overrides[direction] = result;
      const problem = "file" in result ? checkFile(result.file) : undefined;
      if (problem && "file" in result) {
        issues.push({
          path: `/mappings/${entity}/${direction}`,
          message: `${problem} (${result.file}): fix the path of the ${entity} ${direction} mapping, relative to the config file`,
        });
      }
    }
    resolved[entity] = overrides;
  }
  return { mappings: resolved, issues };
}

function resolveSource(source: MappingSourceInFile, baseDir: string): MappingSource {
  if (typeof source === "string") return { file: resolve(baseDir, source) };
  if ("file" in source) return { file: isAbsolute(source.file) ? source.file : resolve(baseDir, source.file) };
  return { expression: source.expression };
}

function checkFile(file: string): string | undefined {
  try {
    return statSync(file).isFile() ? undefined : "is not a file";
  } catch {
    return "file not found";
  }
}
