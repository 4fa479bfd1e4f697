/**
 * The per-record errors of a mapper. Every message names the mapping, the record's key and the
 * reason; none carries a stack trace. These are results (`{ok: false}`), never thrown.
 */
import { ConnectorError, ValidationError, isConnectorError, type ValidationIssue } from "../errors.js";
import type { CompiledMapping } from "./compile-mapping.js";
import { lineColumnAt } from "./mapping-syntax-error.js";
import { summarizeIssues } from "./schema-validators.js";

function subject(compiled: CompiledMapping, key: string | null): string {
  return `[mapping] ${compiled.entity} ${compiled.direction}: record ${key === null ? "(no key)" : JSON.stringify(key)}`;
}

/** An evaluation that threw: a JSONata error (with its position and code), a helper's error, or a bug. */
export function evaluationError(compiled: CompiledMapping, key: string | null, error: unknown): ConnectorError {
  const e = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; message?: unknown; position?: unknown; token?: unknown };
  const reason = isConnectorError(error) ? error.message.replace(/^\[mapping\] /, "") : String(e.message ?? error);
  const jsonataCode = !isConnectorError(error) && typeof e.code === "string" ? ` (${e.code})` : "";
  let at = "";
  if (typeof e.position === "number") {
    // A runtime error's position is just past the failing node's token (for a call, its "(").
    const { line, column } = lineColumnAt(compiled.text, e.position - 1);
    at = ` at ${compiled.origin}:${line}:${column}`;
  }
  return new ConnectorError(`${subject(compiled, key)}: evaluation failed${at}: ${reason}${jsonataCode}`, {
    code: "MAPPING_FAILED",
    kind: isConnectorError(error) ? error.kind : "data",
    cause: error,
  });
}

/** The mapping's output does not match the target schema. */
export function outputError(compiled: CompiledMapping, key: string | null, schemaPath: string, issues: ValidationIssue[]): ValidationError {
  return new ValidationError(`${subject(compiled, key)}: output does not match ${schemaPath}: ${summarizeIssues(issues)}`, {
    code: "MAPPING_OUTPUT_INVALID",
    kind: "data",
    issues,
  });
}

/** A canonical record given to push does not match its schema. */
export function inputError(compiled: CompiledMapping, key: string | null, schemaPath: string, issues: ValidationIssue[]): ValidationError {
  return new ValidationError(`${subject(compiled, key)}: input does not match ${schemaPath}: ${summarizeIssues(issues)}`, {
    code: "RECORD_INVALID",
    kind: "data",
    issues,
  });
}

/** The option labels a record needs could not be loaded. */
export function labelLoadError(compiled: CompiledMapping, key: string | null, error: unknown): ConnectorError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ConnectorError(`${subject(compiled, key)}: option labels could not be loaded: ${reason}`, {
    code: "MAPPING_FAILED",
    kind: isConnectorError(error) ? error.kind : "transient",
    cause: error,
  });
}
