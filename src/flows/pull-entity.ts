/**
 * One pull run of one entity, as an async iterable of batches. Checkpoints move only after the
 * consumer asks for the next batch (it has accepted the previous one); the watermark is stored only
 * after the last batch was accepted. Breaking out of the loop or aborting stops every reader and
 * leaves the last accepted checkpoint, from which the next run resumes.
 */
import { availableParallelism } from "node:os";
import type { Page } from "../akeneo/akeneo-client.js";
import type { Clock } from "../clock.js";
import { ConnectorError, describeError, isConnectorError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Mapper } from "../mapping/mapping-types.js";
import type { StateStore } from "../state/state-store.js";
import { toEpochSeconds } from "./akeneo-time.js";
import type { Channel } from "./channel.js";
import { startDecodePool, type DecodePool } from "./decode-pool.js";
import type { RecordFailure } from "./flow-types.js";
import { planPartitions, type TimeRange } from "./partition-plan.js";
import { admitInRange, baseParams, mapPage, rangeSearch, uuidProgress, withRange, type PageEvent, type ReaderContext } from "./pull-readers.js";
import { readSequential, readSweep } from "./pull-sources.js";
import { readPartitions } from "./read-partitions.js";
import { newRunCheckpoint, pullStateKey, type EntityPullState, type RunCheckpoint } from "./pull-state.js";
import { collectParents } from "./collect-parents.js";

export interface PullOptions {
  /** Ignore the watermark and read everything. */
  full?: boolean;
  /** Read records updated after this instant instead of after the watermark. */
  since?: Date;
  signal?: AbortSignal;
  /**
   * The sink's own position (e.g. bytes written to an output file), read each time a batch is
   * accepted and kept in the checkpoint, so a resumed run can cut the sink back to exactly what
   * the checkpoint covers (`resumeSinkPosition`).
   */
  sinkPosition?: () => unknown;
}

/** The sink position stored with an unfinished run of `entity`, to restore the sink before resuming. */
export async function resumeSinkPosition(state: StateStore, entity: string): Promise<{ resuming: boolean; position?: unknown }> {
  const run = (await state.get<EntityPullState>(pullStateKey(entity)))?.run;
  return run ? { resuming: true, position: run.sink } : { resuming: false };
}

export interface PullBatch {
  entity: string;
  records: Record<string, unknown>[];
  failures: RecordFailure[];
}

export interface PullReport {
  runId: string;
  entity: string;
  mode: "full" | "incremental";
  resumed: boolean;
  /** Lower bound asked of Akeneo (ISO 8601 UTC), null on a full pull. */
  since: string | null;
  /** The watermark stored for the next run (the run's start); null when the run stopped before the end (the next one resumes from its checkpoint). */
  watermark: string | null;
  records: number;
  failures: number;
  /** `updated` ranges read concurrently, and how many of them were split off running ones. */
  partitions: number;
  splits: number;
  requests: number;
  retries: number;
  /** 429 answers received (each waited out, then retried). */
  rateLimited: number;
  /** Time requests spent waiting in the throttle, ms. */
  throttleWaitMs: number;
  durationMs: number;
  /** Worker threads that parsed and mapped pages (0: all on the calling thread). */
  decodeWorkers: number;
  /** False when the run stopped before the end (an error, an abort): the run then rejects with `error`, and this report says what was delivered. */
  completed: boolean;
  error?: string;
}

export interface PullDeps extends Omit<ReaderContext, "previousOverlap" | "overlapFrom" | "signal" | "mapper"> {
  /** The mapper, or its promise: the catalog it needs is then read while the first page is requested. */
  mapper: Mapper | Promise<Mapper>;
  state: StateStore;
  clock: Clock;
  logger: Logger;
  concurrency: number;
  runId: string;
  /** Worker threads decoding a partitioned pull's pages (decode-pool.ts). Default: `defaultDecodeWorkers`. */
  decodeWorkers?: number;
}

/** Start a pull of `deps.definition`; iterate it to run it, then read `report`. */
export function pullEntity(deps: PullDeps, options: PullOptions = {}): AsyncIterable<PullBatch> & { report?: PullReport } {
  const run: { report?: PullReport } = {};
  const mapper = Promise.resolve(deps.mapper);
  mapper.catch(() => undefined); // awaited by the run, unless it stopped before (or never started)
  return Object.assign(run, { [Symbol.asyncIterator]: () => pullBatches({ ...deps, mapper }, options, run)[Symbol.asyncIterator]() });
}

async function* pullBatches(deps: PullDeps, options: PullOptions, out: { report?: PullReport }): AsyncGenerator<PullBatch> {
  const entity = deps.definition.name;
  const key = pullStateKey(entity);
  const saved = (await deps.state.get<EntityPullState>(key)) ?? {};
  const resumed = Boolean(saved.run && !options.full && !options.since);
  const run = resumed ? saved.run! : startRun(deps, saved, options);
  const startedMs = deps.clock.now();
  const startRequests = deps.client.stats();
  const controller = new AbortController();
  const stop = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", stop, { once: true });
  const reading: Omit<ReaderContext, "mapper"> = {
    ...deps,
    previousOverlap: run.mode === "incremental" ? (saved.overlapKeys ?? {}) : {},
    overlapFrom: run.upper - deps.settings.overlapSeconds,
    signal: controller.signal,
  };
  const save = () => {
    if (options.sinkPosition) run.sink = options.sinkPosition();
    return deps.state.set(key, { ...saved, run });
  };
  const log = deps.logger.child({ runId: run.id, entity });
  log.info({ mode: run.mode, resumed, lower: run.lower, upper: run.upper }, resumed ? "pull resumed" : "pull started");
  let pool: DecodePool | undefined;
  const report = (watermark: string | null, error?: unknown): PullReport => {
    const stats = deps.client.stats();
    return {
      runId: run.id,
      entity,
      mode: run.mode,
      resumed,
      since: run.lower === null ? null : new Date(run.lower * 1000).toISOString(),
      watermark,
      records: run.delivered,
      failures: run.failed,
      partitions: run.partitions.length,
      splits: run.splits ?? 0,
      requests: stats.requests - startRequests.requests,
      retries: stats.retries - startRequests.retries,
      rateLimited: (stats.rateLimited ?? 0) - (startRequests.rateLimited ?? 0),
      throttleWaitMs: Math.round((stats.throttleWaitMs ?? 0) - (startRequests.throttleWaitMs ?? 0)),
      durationMs: deps.clock.now() - startedMs,
      decodeWorkers: pool?.size ?? 0,
      completed: error === undefined,
      ...(error === undefined ? {} : { error: describeError(error) }),
    };
  };
  try {
    await save();
    const first = run.phase === "probe" ? probeRequest(reading, run) : undefined;
    const ctx: ReaderContext = { ...reading, mapper: await deps.mapper };
    const variantsSeen = new Set<string>();
    const firstPage = first ? yield* probe(ctx, run, await first, deps.concurrency, save, entity, variantsSeen) : undefined;
    if (run.phase === "partitions") {
      const here = { ...ctx };
      // A partitioned pull is a large one: decode and map its pages in worker threads (the sweep after it too).
      pool = startDecodePool(ctx.mapper, deps.definition, deps.decodeWorkers ?? defaultDecodeWorkers(deps.concurrency));
      if (pool) Object.assign(ctx, { decode: pool.decode, mapper: pool.mapper });
      const partitions = readPartitions(ctx, run, deps.concurrency, variantsSeen, firstPage && progressOf(ctx, firstPage));
      // The probe's page is mapped while the partitions' first pages are on their way, and delivered first.
      const lead = firstPage && mapPage(here, firstPage.items, admitInRange(wholeRange(run), variantsSeen)).then((event) => ({ ...event, commit: () => undefined }));
      yield* drain(partitions, run, save, entity, options.signal, lead);
      run.phase = "sweep";
      await save();
    }
    if (run.phase === "sweep") yield* drain(readSweep(ctx, run, variantsSeen), run, save, entity, options.signal);
    if (run.phase === "sequential") {
      const parents = deps.definition.parent ? (run.sequential.parents ??= await collectParents(ctx)) : undefined;
      yield* drain(readSequential(ctx, run, parents), run, save, entity, options.signal);
    }
    const watermark = new Date(run.startedAt).toISOString();
    await deps.state.set(key, { watermark, overlapKeys: run.overlapKeys });
    out.report = report(watermark);
    log.info({ ...out.report }, "pull completed");
  } catch (error) {
    out.report = report(null, error);
    log.error({ delivered: run.delivered, failed: run.failed, error: isConnectorError(error) ? error.toJSON() : describeError(error) }, `pull stopped: ${describeError(error)}`);
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", stop);
    controller.abort();
    await pool?.close();
  }
}

/**
 * Workers for a pull over `concurrency` connections: fewer than the connections, at most 4, and
 * only on cores beyond two (one for this thread, one for the rest of the process and the host). On
 * two cores a worker costs more than it saves: the pages cross threads twice (bench/pull.mjs shows both).
 */
export function defaultDecodeWorkers(concurrency: number): number {
  return Math.max(0, Math.min(concurrency - 1, availableParallelism() - 2, 4));
}

function startRun(deps: PullDeps, saved: EntityPullState, options: PullOptions): RunCheckpoint {
  const startedAt = deps.clock.now();
  let lower: number | null = null;
  if (options.since) lower = Math.floor(options.since.getTime() / 1000);
  else if (!options.full && saved.watermark) lower = (toEpochSeconds(saved.watermark) ?? 0) - deps.settings.overlapSeconds;
  const partitioned = deps.definition.pagination === "search_after" && deps.definition.delta !== null && !deps.definition.parent;
  return newRunCheckpoint(deps.runId, startedAt, lower, partitioned ? "probe" : "sequential");
}

/** The first page of the whole range (requested at once; awaited when the mapper is ready). */
function probeRequest(ctx: Omit<ReaderContext, "mapper">, run: RunCheckpoint): Promise<Page | undefined> {
  const request = (async () => {
    for await (const page of ctx.client.iteratePages(ctx.definition, baseParams(ctx, rangeSearch(ctx, wholeRange(run))))) return page;
    return undefined;
  })();
  request.catch(() => undefined); // awaited once the mapper is ready, unless the run stopped before
  return request;
}

function wholeRange(run: RunCheckpoint): TimeRange {
  return { from: run.lower ?? 0, to: run.upper };
}

/**
 * The first page of the whole range. When it is the only one, it is delivered and the sweep follows.
 * Otherwise its items are a random sample of `updated` (the list is sorted by key), from which the
 * partitions are cut, and it is returned, to be delivered first: every partition starts from its
 * cursor (its next link, narrowed to the partition's range), so the records up to the cursor come
 * from this page and each one after it from exactly one partition. The partitions are kept only
 * once this page has been accepted (see `drain`): a run stopped before starts with the probe again.
 */
async function* probe(
  ctx: ReaderContext,
  run: RunCheckpoint,
  first: Page | undefined,
  concurrency: number,
  save: () => Promise<void>,
  entity: string,
  variantsSeen: Set<string>,
): AsyncGenerator<PullBatch, Page | undefined> {
  const whole = wholeRange(run);
  if (!first?.nextUrl) {
    const event = await mapPage(ctx, first?.items ?? [], admitInRange(whole, variantsSeen));
    if (event.records.length > 0 || event.failures.length > 0) yield { entity, records: event.records, failures: event.failures };
    accept(run, event);
    run.phase = "sweep";
    await save();
    return undefined;
  }
  const sample = first.items.map((item) => toEpochSeconds(item["updated"])).filter((t): t is number => t !== undefined);
  const cursor = first.nextUrl;
  run.partitions = planPartitions(sample, whole.from, whole.to, concurrency).map((range) => ({ ...range, nextUrl: withRange(ctx, cursor, range), done: false }));
  run.phase = "partitions";
  return first;
}

/** How far through the key space a page's last record is (0..1), when the key is a uuid. */
function progressOf(ctx: ReaderContext, page: Page): number | undefined {
  return uuidProgress(page.items.at(-1)?.[ctx.definition.key]);
}

/** Deliver each page event of `channel` (after `lead`, when given), moving the checkpoint as each is accepted. */
async function* drain(
  channel: Channel<PageEvent>,
  run: RunCheckpoint,
  save: () => Promise<void>,
  entity: string,
  signal: AbortSignal | undefined,
  lead?: Promise<PageEvent>,
): AsyncGenerator<PullBatch> {
  try {
    for (let first = lead; ; first = undefined) {
      const next = first ? { done: false as const, value: await first } : await channel.take().catch((error: unknown) => {
        throw signal?.aborted ? aborted() : error;
      });
      if (next.done) break;
      const event = next.value;
      if (event.records.length > 0 || event.failures.length > 0) yield { entity, records: event.records, failures: event.failures };
      event.commit(run);
      accept(run, event);
      await save();
      if (signal?.aborted) throw aborted();
    }
  } finally {
    channel.close();
  }
}

function aborted(): ConnectorError {
  return new ConnectorError("[pull] stopped: the run was aborted; the next run resumes after the last delivered page", {
    code: "ABORTED",
    kind: "transient",
  });
}

function accept(run: RunCheckpoint, event: Pick<PageEvent, "records" | "failures" | "overlap">): void {
  run.delivered += event.records.length;
  run.failed += event.failures.length;
  for (const [key, t] of event.overlap) run.overlapKeys[key] = t;
}
