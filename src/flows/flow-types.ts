/**
 * What the flows use of the rooms below them: the Akeneo client (src/akeneo) and the
 * subscription settings (src/config); the mapper is src/mapping's `Mapper`.
 */
import type { AkeneoClient, ListParams } from "../akeneo/akeneo-client.js";
import type { SubscriptionSettings } from "../config/subscription-config.js";

export type { AkeneoRecord } from "../akeneo/akeneo-client.js";
export type FlowListParams = ListParams & { startUrl?: string };
/** What the flows use of the Akeneo client. */
export type FlowClient = Pick<AkeneoClient, "iteratePages" | "upsertBatch" | "stats">;

/** A record that was read or received but not delivered, with why. */
export interface RecordFailure {
  key: string | null;
  code: string;
  message: string;
  /** Input line number (push) when known. */
  line?: number;
}

/** The subscription settings the flows read. */
export type FlowSettings = Pick<SubscriptionSettings, "channel" | "locales" | "filters" | "restrictToChannelTree" | "pageSize" | "batchSize" | "overlapSeconds">;
