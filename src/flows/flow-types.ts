/**
 * What the flows need from the rooms below them, as structural types: the Akeneo client
 * (src/akeneo), the mapper (src/mapping) and the subscription settings (src/config).
 */
import type { ConnectorError } from "../errors.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";

export type AkeneoRecord = Record<string, unknown>;

export interface PageOfRecords {
  items: AkeneoRecord[];
  /** The `next` link, absent on the last page. */
  nextUrl?: string | undefined;
}

export interface FlowListParams {
  pageSize?: number;
  search?: unknown;
  scope?: string;
  locales?: string[];
  pathParams?: Record<string, string>;
  startUrl?: string;
  signal?: AbortSignal;
}

export interface FlowUpsertResult {
  index: number;
  key?: string;
  outcome: "created" | "updated" | "rejected";
  status: number;
  message?: string;
  errors?: unknown[];
}

export interface FlowClient {
  iteratePages(definition: EntityDefinition, params: FlowListParams): AsyncIterable<PageOfRecords>;
  upsertBatch(
    definition: EntityDefinition,
    items: AkeneoRecord[],
    pathParams?: Record<string, string>,
    options?: { signal?: AbortSignal },
  ): Promise<FlowUpsertResult[]>;
  stats(): { requests: number; retries: number; rateLimited?: number; tokenRequests?: number; throttleWaitMs?: number };
}

export type MapOutcome =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; key: string | null; error: ConnectorError };

export interface RecordMapper {
  map(record: Record<string, unknown>): Promise<MapOutcome>;
}

/** A record that was read or received but not delivered, with why. */
export interface RecordFailure {
  key: string | null;
  code: string;
  message: string;
  /** Input line number (push) when known. */
  line?: number;
}

export interface PullFilters {
  enabled: "any" | "enabled" | "disabled";
  families: string[];
  categories: string[];
  completeness: number | null;
}

export interface FlowSettings {
  channel: string;
  locales: string[];
  filters: PullFilters;
  restrictToChannelTree: boolean;
  pageSize: number;
  batchSize: number;
  overlapSeconds: number;
}
