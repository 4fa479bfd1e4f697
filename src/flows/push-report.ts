/** One result per input record of a push, and the run's totals. */

export type PushOutcome = "created" | "updated" | "rejected" | "invalid" | "dry_run" | "failed" | "not_attempted";

export interface PushResult {
  /** 1-based line of the input (NDJSON) or position in the host's iterable. */
  line: number;
  key: string | null;
  outcome: PushOutcome;
  /** Akeneo's per-line status (201, 204, 422 …) or the failed request's status. */
  status?: number;
  message?: string;
  /** Akeneo's errors[] for a rejected line, or the schema issues of an invalid record. */
  errors?: unknown[];
  /** dry run only: the Akeneo payload that would have been sent. */
  payload?: Record<string, unknown>;
}

export interface PushReport {
  runId: string;
  entity: string;
  dryRun: boolean;
  received: number;
  created: number;
  updated: number;
  rejected: number;
  invalid: number;
  failed: number;
  notAttempted: number;
  dryRunned: number;
  batches: number;
  requests: number;
  retries: number;
  rateLimited: number;
  throttleWaitMs: number;
  durationMs: number;
  /** False when a fatal error stopped the run (see `error`). */
  completed: boolean;
  error?: string;
}

export function summarisePush(
  results: readonly PushResult[],
  meta: Pick<PushReport, "runId" | "entity" | "dryRun" | "batches" | "requests" | "retries" | "rateLimited" | "throttleWaitMs" | "durationMs"> & { error?: string },
): PushReport {
  const count = (outcome: PushOutcome) => results.filter((r) => r.outcome === outcome).length;
  return {
    ...meta,
    received: results.length,
    created: count("created"),
    updated: count("updated"),
    rejected: count("rejected"),
    invalid: count("invalid"),
    failed: count("failed"),
    notAttempted: count("not_attempted"),
    dryRunned: count("dry_run"),
    completed: meta.error === undefined,
  };
}
