/**
 * One push run: canonical records in, exactly one result per input record out. Records are
 * validated, mapped to Akeneo payloads, grouped into batches of ≤ `batchSize` and sent
 * `concurrency` batches at a time (the client's throttle has the last word). After a fatal error
 * (credentials revoked, permission denied) nothing more is sent, and every remaining record is
 * reported `not_attempted`, so the results always account for the whole input (when the input
 * itself fails, for every record read before it, and the run rejects with its error). A host that stops
 * iterating stops the run too: the batches under way finish, nothing more is prepared or sent.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Clock } from "../clock.js";
import { describeError, isConnectorError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import { Channel } from "./channel.js";
import type { Mapper } from "../mapping/mapping-types.js";
import type { FlowClient } from "./flow-types.js";
import { preparePushItem, type PreparedPush, type PushItem } from "./prepare-push-item.js";
import { summarisePush, type PushReport, type PushResult } from "./push-report.js";

export interface PushDeps {
  client: FlowClient;
  definition: EntityDefinition;
  mapper: Mapper;
  batchSize: number;
  concurrency: number;
  /** Completes a batch's payloads before it is sent (or shown, in a dry run): e.g. product uuids found by identifier. */
  prepareBatch?(batch: PreparedPush[], signal?: AbortSignal): Promise<void>;
  clock: Clock;
  logger: Logger;
  runId: string;
}

export interface PushOptions {
  /** Validate and map everything, send nothing; results carry the payload that would be sent. */
  dryRun?: boolean;
  signal?: AbortSignal;
}

/** Start a push; iterate it to run it (each step yields the results of one batch), then read `report`. */
export function pushEntity(
  deps: PushDeps,
  items: AsyncIterable<PushItem>,
  options: PushOptions = {},
): AsyncIterable<PushResult[]> & { report?: PushReport } {
  const out: { report?: PushReport } = {};
  return Object.assign(out, { [Symbol.asyncIterator]: () => pushResults(deps, items, options, out)[Symbol.asyncIterator]() });
}

async function* pushResults(deps: PushDeps, items: AsyncIterable<PushItem>, options: PushOptions, out: { report?: PushReport }): AsyncGenerator<PushResult[]> {
  const startedMs = deps.clock.now();
  const before = deps.client.stats();
  const log = deps.logger.child({ runId: deps.runId, entity: deps.definition.name });
  log.info({ dryRun: Boolean(options.dryRun), batchSize: deps.batchSize, concurrency: deps.concurrency }, "push started");
  const results = new Channel<PushResult[]>(deps.concurrency * 2);
  const state: { fatal?: unknown; batches: number } = { batches: 0 };
  const all: PushResult[] = [];
  const producer = produce(deps, items, options, results, state);
  producer.then(() => results.close(), (error: unknown) => results.fail(error));
  /** Set the run's report from the results so far, and log how the run ended. */
  const settleReport = () => {
    const after = deps.client.stats();
    out.report = summarisePush(all, {
      runId: deps.runId,
      entity: deps.definition.name,
      dryRun: Boolean(options.dryRun),
      batches: state.batches,
      requests: after.requests - before.requests,
      retries: after.retries - before.retries,
      rateLimited: (after.rateLimited ?? 0) - (before.rateLimited ?? 0),
      throttleWaitMs: Math.round((after.throttleWaitMs ?? 0) - (before.throttleWaitMs ?? 0)),
      durationMs: deps.clock.now() - startedMs,
      ...(state.fatal === undefined ? {} : { error: describeError(state.fatal) }),
    });
    if (state.fatal !== undefined) log.error({ ...out.report }, `push stopped: ${describeError(state.fatal)}`);
    else log.info({ ...out.report }, "push completed");
  };
  try {
    for (;;) {
      const next = await results.take();
      if (next.done) break;
      all.push(...next.value.map(({ payload: _payload, ...rest }) => rest));
      yield next.value;
    }
  } catch (error) {
    // The input broke off (see `produce`): the run rejects, with its report (every record read is in it).
    state.fatal ??= error;
    settleReport();
    throw error;
  } finally {
    results.close();
  }
  settleReport();
}

/** Batches prepared beyond the connections, waiting for one to free up. */
const LOOKAHEAD = 2;

/**
 * Records prepared (validated and mapped) between two turns of the event loop: about 1 ms of CPU.
 * An answer that arrives meanwhile waits that long before its connection takes the next batch
 * (measured, `npm run bench -- push`: 10 records gave 1.04× the throughput of 25; 5 the same as 10).
 */
const YIELD_EVERY = 10;

async function produce(
  deps: PushDeps,
  items: AsyncIterable<PushItem>,
  options: PushOptions,
  results: Channel<PushResult[]>,
  state: { fatal?: unknown; batches: number },
): Promise<void> {
  const open = new Map<string, PreparedPush[]>();
  const inFlight = new Set<Promise<void>>();
  const send = async (batch: PreparedPush[]): Promise<void> => {
    // Two batches more than the connections: mapped and serialized while they are all busy, they wait
    // in the client's throttle, so a connection that frees up sends one at once even when the answers
    // come in bunches (A/B against one batch ahead: 1.02–1.03×; three ahead: no better than two).
    while (inFlight.size >= deps.concurrency + LOOKAHEAD) await Promise.race(inFlight);
    if (results.isClosed) return;
    if (state.fatal !== undefined || options.signal?.aborted) return void (await results.push(batch.map((p) => notAttempted(p.line, p.key, state.fatal))));
    state.batches++;
    const task = sendBatch(deps, batch, options, results, state);
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };
  let prepared = 0;
  try {
    for await (const item of items) {
      if (results.isClosed) return; // the consumer stopped iterating: nothing more is prepared or sent
      if (state.fatal !== undefined || options.signal?.aborted) {
        await results.push([notAttempted(item.line, null, state.fatal)]);
        continue;
      }
      // Mapping a batch is a few ms of CPU: let the answers of the batches in flight in between.
      if (++prepared % YIELD_EVERY === 0) await nextTurn();
      const next = await preparePushItem(deps, item);
      if ("result" in next) {
        await results.push([next.result]);
        continue;
      }
      const batch = open.get(next.group) ?? [];
      batch.push(next);
      open.set(next.group, batch);
      if (batch.length >= deps.batchSize) {
        open.delete(next.group);
        await send(batch);
      }
    }
  } catch (error) {
    // The input failed (the run rejects with its error): every record read so far is still accounted
    // for. The batches under way report their answers; those still being filled are not sent.
    state.fatal ??= error;
    for (const batch of open.values()) await results.push(batch.map((p) => notAttempted(p.line, p.key, error)));
    await Promise.all(inFlight);
    throw error;
  }
  for (const batch of open.values()) await send(batch);
  await Promise.all(inFlight);
}

async function sendBatch(
  deps: PushDeps,
  batch: PreparedPush[],
  options: PushOptions,
  results: Channel<PushResult[]>,
  state: { fatal?: unknown },
): Promise<void> {
  try {
    await deps.prepareBatch?.(batch, options.signal);
    if (options.dryRun) {
      await results.push(batch.map((p) => ({ line: p.line, key: p.key, outcome: "dry_run", payload: p.payload })));
      return;
    }
    const upserts = await deps.client.upsertBatch(deps.definition, batch.map((p) => p.payload), batch[0]!.pathParams, options.signal ? { signal: options.signal } : {});
    await results.push(
      upserts.map((r) => {
        const p = batch[r.index]!;
        const result: PushResult = { line: p.line, key: r.key ?? p.key, outcome: r.outcome, status: r.status };
        if (r.message !== undefined) result.message = r.message;
        if (r.errors !== undefined && r.errors.length > 0) result.errors = r.errors;
        return result;
      }),
    );
  } catch (error) {
    state.fatal ??= error;
    const status = isConnectorError(error) ? error.status : undefined;
    await results.push(
      batch.map((p) => ({ line: p.line, key: p.key, outcome: "failed" as const, message: describeError(error), ...(status === undefined ? {} : { status }) })),
    );
  }
}

function notAttempted(line: number, key: string | null, fatal: unknown): PushResult {
  const why = fatal === undefined ? "the run was aborted" : `the run stopped: ${describeError(fatal)}`;
  return { line, key, outcome: "not_attempted", message: `not sent: ${why}` };
}
