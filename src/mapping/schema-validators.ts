/**
 * The schemas a mapping's input and output are checked against: the canonical record schema
 * (schemas/canonical/, the output of pull and the input of push) and the Akeneo payload shape
 * (schemas/akeneo/, the output of push). Validators are compiled once per schema file.
 */
import { readFileSync } from "node:fs";
import { dedupeIssues, inlineLocalRefs, toValidationIssues, type ValidateFunction } from "../ajv.js";
import { compileSchema } from "../compile-schema.js";
import type { ValidationIssue } from "../errors.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import { packagePath } from "../package-root.js";
import type { MappingDirection } from "./mapping-types.js";

export interface RecordValidator {
  /** The schema file, relative to the package root. */
  schemaPath: string;
  /** The issues (JSON pointers into the record); empty when the record is valid. */
  validate(record: unknown): ValidationIssue[];
}

const cache = new Map<string, RecordValidator>();

/** The schema a mapping's output must match: canonical on pull, Akeneo payload on push. */
export function outputSchemaPath(definition: EntityDefinition, direction: MappingDirection): string {
  return direction === "pull" ? definition.canonicalSchema : `schemas/akeneo/${definition.name}.schema.json`;
}

/**
 * Validator of `schemaPath`. With `partial`, the top-level `required` list is dropped: a canonical
 * record pushed to Akeneo may carry only the fields to change (omitted fields stay unchanged).
 */
export function getRecordValidator(schemaPath: string, options: { partial?: boolean } = {}): RecordValidator {
  const key = `${schemaPath}${options.partial ? "#partial" : ""}`;
  let validator = cache.get(key);
  if (!validator) {
    const validate: ValidateFunction = compileSchema(recordSchema(schemaPath, options));
    validator = {
      schemaPath,
      validate: (record) => (validate(record) ? [] : dedupeIssues(toValidationIssues(validate.errors))),
    };
    cache.set(key, validator);
  }
  return validator;
}

/** The schema `getRecordValidator` compiles (also what the build precompiles, scripts/gen-validators.mjs). */
export function recordSchema(schemaPath: string, options: { partial?: boolean } = {}): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(packagePath(schemaPath), "utf8")) as Record<string, unknown>;
  if (options.partial) {
    delete schema["required"];
    delete schema["$id"];
  }
  return inlineLocalRefs(schema);
}

/** `/a/b must be string; /c is required` — the first `max` issues in one line. */
export function summarizeIssues(issues: readonly ValidationIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((issue) => `${issue.path || "(root)"} ${issue.message}`);
  return issues.length > max ? `${shown.join("; ")}; and ${issues.length - max} more` : shown.join("; ");
}
