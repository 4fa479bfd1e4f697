/**
 * What a pull keeps in the state store, per entity (key `pull.<entity>`):
 * - `watermark`: when the last completed run started (ISO 8601 UTC). The next incremental run asks
 *   for records updated after `watermark − overlapSeconds`.
 * - `overlapKeys`: records the last run delivered that fall inside the next run's overlap window
 *   (key → `updated` in epoch seconds), so the overlap brings no duplicates.
 * - `run`: the checkpoint of an unfinished run. Each source's position only moves forward after
 *   the consumer accepted the records before it, so a resumed run loses nothing.
 */
import type { TimeRange } from "./partition-plan.js";

export interface SourceCheckpoint {
  /** Where to continue: the `next` link after the last accepted page; null = from the start. */
  nextUrl: string | null;
  done: boolean;
}

export interface PartitionCheckpoint extends TimeRange, SourceCheckpoint {}

export interface RunCheckpoint {
  id: string;
  /** Epoch ms when the run started; becomes the watermark when it completes. */
  startedAt: number;
  mode: "full" | "incremental";
  /** Lower bound (epoch seconds, inclusive) of the records asked for; null on a full pull. */
  lower: number | null;
  /** Upper bound (epoch seconds, inclusive): the run's start. */
  upper: number;
  phase: "probe" | "partitions" | "sweep" | "sequential" | "done";
  partitions: PartitionCheckpoint[];
  /** Partitions split off running ones by idle workers (work stealing). */
  splits?: number;
  sweep: SourceCheckpoint;
  sequential: SourceCheckpoint & { parents?: string[]; parentIndex?: number };
  /** Records delivered so far, and records set aside by the mapping. */
  delivered: number;
  failed: number;
  overlapKeys: Record<string, number>;
  /** The consumer's sink position when the checkpoint was last moved (see PullOptions.sinkPosition). */
  sink?: unknown;
}

export interface EntityPullState {
  watermark?: string;
  overlapKeys?: Record<string, number>;
  run?: RunCheckpoint;
}

export const pullStateKey = (entity: string): string => `pull.${entity}`;

export function newRunCheckpoint(id: string, startedAt: number, lower: number | null, phase: RunCheckpoint["phase"]): RunCheckpoint {
  return {
    id,
    startedAt,
    mode: lower === null ? "full" : "incremental",
    lower,
    upper: Math.floor(startedAt / 1000),
    phase,
    partitions: [],
    sweep: { nextUrl: null, done: false },
    sequential: { nextUrl: null, done: false },
    delivered: 0,
    failed: 0,
    overlapKeys: {},
  };
}
