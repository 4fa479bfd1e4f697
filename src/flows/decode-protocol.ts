/**
 * The messages between a pull's decode pool (decode-pool.ts) and its worker threads
 * (decode-worker.ts). Everything in them is structured-cloneable: errors travel as their JSON.
 */
import type { PageBody } from "../akeneo/akeneo-client.js";
import { ConnectorError, type ConnectorErrorOptions } from "../errors.js";
import type { MapperSpec, MapResult } from "../mapping/mapping-types.js";

export interface DecodeWorkerData {
  spec: MapperSpec;
  /** The item fields the reading thread needs (key, parent key, `updated`, `parent`); the rest stays in the worker. */
  stubFields: string[];
}

export interface DecodeJob {
  id: number;
  page: PageBody;
}

/** A `ConnectorError` as data (its `toJSON()`). */
export type ErrorJson = Omit<ConnectorErrorOptions, "cause"> & { message: string };

export type PortableResult = { ok: true; key: string | null; value: Record<string, unknown> } | { ok: false; key: string | null; error: ErrorJson };

/**
 * A job is answered twice: once parsed (the items' stubs and the next link, so that the next page
 * can be requested at once), then mapped (one result per item, in order).
 */
export type DecodeAnswer =
  | { id: number; parsed: { stubs: Array<Record<string, unknown>>; nextHref?: string } }
  | { id: number; mapped: PortableResult[] }
  | { id: number; error: ErrorJson };

export function errorToJson(error: unknown): ErrorJson {
  if (error instanceof ConnectorError) return error.toJSON() as unknown as ErrorJson;
  return { message: `[bug] decoding a page failed: ${error instanceof Error ? error.message : String(error)}`, code: "INTERNAL", kind: "bug" };
}

export function errorFromJson(json: ErrorJson): ConnectorError {
  const { message, ...options } = json;
  return new ConnectorError(message, options);
}

export function toPortable(result: MapResult): PortableResult {
  return result.ok ? result : { ok: false, key: result.key, error: errorToJson(result.error) };
}

export function fromPortable(result: PortableResult): MapResult {
  return result.ok ? result : { ok: false, key: result.key, error: errorFromJson(result.error) };
}
