/**
 * What the flows need from the rooms below them, as structural types: the Akeneo client
 * (src/akeneo), the mapper (src/mapping) and the subscription settings (src/config).
 */
import type { ConnectorError } from "../errors.js";
import type { AkeneoClient, ListParams } from "../akeneo/akeneo-client.js";

export type { AkeneoRecord } from "../akeneo/akeneo-client.js";
export type FlowListParams = ListParams & { startUrl?: string };
/** What the flows use of the Akeneo client. */
export type FlowClient = Pick<AkeneoClient, "iteratePages" | "upsertBatch" | "stats">;

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
