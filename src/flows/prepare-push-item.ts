import { ConnectorError } from "../errors.js";
import type { PushDeps } from "./push-entity.js";
import type { PushResult } from "./push-report.js";
import { recordKey } from "./record-key.js";

/** One input record of a push: parsed (`record`) or not (`parseError`), with its line. */
export interface PushItem {
  line: number;
  record?: unknown;
  parseError?: string;
}

export interface PreparedPush {
  line: number;
  key: string | null;
  payload: Record<string, unknown>;
  /** Batches group records that share a collection endpoint (attribute options: per attribute). */
  group: string;
  pathParams?: Record<string, string>;
}

/** Validate and map one input record: a payload ready to batch, or its `invalid` result. */
export async function preparePushItem(deps: PushDeps, item: PushItem): Promise<PreparedPush | { result: PushResult }> {
  const invalid = (key: string | null, message: string, errors?: unknown[]) => ({
    result: { line: item.line, key, outcome: "invalid" as const, message, ...(errors ? { errors } : {}) },
  });
  if (item.parseError !== undefined) return invalid(null, `line ${item.line}: not a JSON object: ${item.parseError}`);
  const record = item.record;
  if (record === null || typeof record !== "object" || Array.isArray(record)) return invalid(null, `line ${item.line}: expected a JSON object`);
  const mapped = await deps.mapper.map(record);
  if (!mapped.ok) return invalid(mapped.key, `line ${item.line}: ${mapped.error.message}`, issuesOf(mapped.error));
  const payload = mapped.value;
  const key = recordKey(deps.definition, payload) || mapped.key;
  const parent = deps.definition.parent;
  if (!parent) return { line: item.line, key, payload, group: "" };
  const parentKey = payload[parent.field];
  if (typeof parentKey !== "string" || parentKey === "") return invalid(key, `line ${item.line}: the mapped payload has no "${parent.field}"`);
  return { line: item.line, key, payload, group: parentKey, pathParams: { [parent.pathParam]: parentKey } };
}


function issuesOf(error: ConnectorError): unknown[] | undefined {
  const issues = (error as ConnectorError & { issues?: unknown[] }).issues;
  return issues && issues.length > 0 ? issues : undefined;
}
