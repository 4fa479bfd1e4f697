/**
 * The verification's shapes: what a check is, what it is given, and the report it ends in
 * (DESIGN.md "verify"; check names in connector.manifest.json `checks` and docs/contracts.md).
 */
import type { Dispatcher } from "undici";
import type { AkeneoRecord, Page } from "../akeneo/akeneo-client.js";
import type { Clock } from "../clock.js";
import type { SubscriptionConfig } from "../config/subscription-config.js";
import type { ConnectorError } from "../errors.js";
import type { Subscription } from "../flows/subscription.js";
import type { Logger } from "../logger.js";

/** The checks, in the order they run. */
export type CheckName =
  | "config-valid"
  | "api-reachable"
  | "authentication"
  | "permissions"
  | "settings-exist"
  | "sample-pull"
  | "sample-push"
  | "throttle-sane";

/** `warn` does not fail the verification; `skipped` says why in `message`. */
export type CheckStatus = "pass" | "fail" | "warn" | "skipped";

/** One line of the report. Messages and details never contain a secret. */
export interface CheckResult {
  name: CheckName;
  /** Human title, as in the manifest. */
  title: string;
  status: CheckStatus;
  /** Wall time of the check (0 when skipped), ms, from the injected clock. */
  durationMs: number;
  /** What was found; for `skipped`, the reason. */
  message?: string;
  /** On `fail` and `warn`: what to change, naming the config field or the PIM screen. */
  fix?: string;
  /** Structured facts (version, entities read, differences …) for hosts. */
  details?: Record<string, unknown>;
}

/** What `verifyConfig` and `subscription.verify` return. */
export interface VerifyReport {
  /** True iff no check failed (warnings and skips allowed). */
  ok: boolean;
  checks: CheckResult[];
  /** ISO 8601 UTC. */
  startedAt: string;
  durationMs: number;
}

/** What a check's `run` resolves to; the runner adds name, title and duration. */
export interface CheckOutcome {
  status: CheckStatus;
  message?: string;
  fix?: string;
  details?: Record<string, unknown>;
}

/** Records read by sample-pull: the Akeneo record as read and its canonical mapping. */
export interface EntitySample {
  raw: AkeneoRecord;
  canonical: Record<string, unknown>;
  key: string;
}

/** Options shared by every way of running the verification. */
export interface VerifyOptions {
  /** Opt-in: sample-push writes one sampled product back unchanged (PATCH) and reads it back. Default false. */
  write?: boolean;
  /** Aborting skips the checks not yet started and cancels the running one. */
  signal?: AbortSignal;
  /** Durations and the report's `startedAt`. Default: the system clock. */
  clock?: Clock;
  logger?: Logger;
  /** undici dispatcher for the requests made outside the client (API root probes, the forced token request). Default: undici's global one. */
  dispatcher?: Dispatcher;
}

/** The state the checks share; earlier checks fill what later ones read. */
export interface VerifyContext {
  readonly write: boolean;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  /** For the unauthenticated probes; set by `open` when the runner creates its own. */
  dispatcher?: Dispatcher;
  /** The parsed config (set by config-valid). */
  config?: SubscriptionConfig;
  /** The subscription the checks run through (set by config-valid). */
  subscription?: Subscription;
  /** A mapping that did not compile (syntax), reported by sample-pull with its position. */
  mappingError?: MappingFailure;
  /** Parses the config source and opens the subscription; absent when the subscription already exists. */
  open?: () => OpenedSubscription;
  /** The first select attribute found by permissions (parent of attribute options), null when none. */
  selectAttribute?: string | null;
  /**
   * By entity, the first page permissions read where sample-pull would read the same one (entities
   * without list filters: the same request), so that sample-pull does not send it again.
   */
  firstPages?: Map<string, Page>;
  /** Sampled records by entity (set by sample-pull). */
  samples: Map<string, EntitySample[]>;
}

/** A mapping override that does not compile, and which one it is when known. */
export interface MappingFailure {
  error: ConnectorError;
  entity?: string;
  direction?: "pull" | "push";
}

/** What config-valid gets from opening the config source. */
export interface OpenedSubscription {
  config: SubscriptionConfig;
  subscription: Subscription;
  mappingError?: MappingFailure;
}

/** One check module: `src/verify/<name>.ts`. */
export interface VerifyCheck {
  name: CheckName;
  title: string;
  /** Checks that must pass (or warn) first; otherwise this one is skipped. */
  dependsOn: readonly CheckName[];
  run(ctx: VerifyContext): Promise<CheckOutcome>;
}
