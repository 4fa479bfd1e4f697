/**
 * The normalised subscription config that `loadConfig` and `parseConfig` return (docs/contracts.md).
 * The file format is `SubscriptionConfigFile`, generated from schemas/subscription-config.schema.json.
 */
export type { SubscriptionConfigFile } from "../types/subscription-config.generated.js";

/** What every auth mode shares: where the PIM is, the client, and how hard to use its API. */
interface CredentialsBase {
  /** The PIM's address: no trailing slash, no /api; https unless the host is loopback. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Requests allowed per window. Default 500. */
  throttleLimit: number;
  /** Window length in seconds. Default 60. */
  throttleSeconds: number;
  /** Requests in flight at once, 1..10. Default 4. */
  concurrentConnections: number;
}

/** A Connection (password grant): the default mode. */
export interface ConnectionCredentials extends CredentialsBase {
  authMode: "connection";
  username: string;
  password: string;
  scopes?: undefined;
}

/**
 * A Connected App (authorization-code flow): no user password; the access token is obtained by
 * `akeneo-connector app authorize` and kept in the state store (`loadAppToken`).
 */
export interface AppCredentials extends CredentialsBase {
  authMode: "app";
  /** Scopes to request: as configured, else the least the enabled entities need (`requiredAppScopes`). */
  scopes: string[];
  username?: undefined;
  password?: undefined;
}

/** The credentials of one auth mode, told apart by `authMode`. */
export type SubscriptionCredentials = ConnectionCredentials | AppCredentials;

export interface PullFilters {
  /** Default "any". */
  enabled: "any" | "enabled" | "disabled";
  /** Family codes; [] means every family. */
  families: string[];
  /** Category codes (IN, server-side); [] means every category. */
  categories: string[];
  /** Minimum completeness on `channel`, 0..100; null means no filter. */
  completeness: number | null;
}

export interface SubscriptionSettings {
  /** Default "ecommerce". */
  channel: string;
  /** Default ["en_US"]. */
  locales: string[];
  /** Default "uuid". */
  productIdFormat: "uuid" | "identifier";
  /** Entities this subscription enables; default every entity in connector/. */
  entities: string[];
  filters: PullFilters;
  /** Pass scope= on product lists (drops products outside the channel's tree). Default false. */
  restrictToChannelTree: boolean;
  /** Default "name". */
  nameAttribute: string;
  /** Default "description". */
  descriptionAttribute: string;
  /** Default "price". */
  priceAttribute: string;
  /** Media values as download URLs (link) or raw file codes (code). Default "link". */
  mediaFormat: "link" | "code";
  /** Items per list request, 1..100. Default 100. */
  pageSize: number;
  /** Items per PATCH request, 1..100. Default 100. */
  batchSize: number;
  /** Incremental pull overlap in seconds, 0..3600. Default 60. */
  overlapSeconds: number;
}

/** A mapping override: an absolute file path, or an inline JSONata expression. */
export type MappingSource = { file: string } | { expression: string };

/** Mapping overrides of one entity, by direction. */
export interface MappingOverrides {
  pull?: MappingSource;
  push?: MappingSource;
}

export interface SubscriptionConfig {
  credentials: SubscriptionCredentials;
  settings: SubscriptionSettings;
  /** Overrides of the default mappings, by entity. */
  mappings: Record<string, MappingOverrides>;
  /** Tables for $lookup(): table name → { key: value }. */
  lookups: Record<string, Record<string, unknown>>;
}
