/**
 * The sources of a pull, each reading into a bounded `Channel` of page events:
 * - partitions (read-partitions.ts): disjoint `updated` ranges read concurrently;
 * - sweep: records updated after the run started, read last, so a full pull misses nothing that
 *   changed while it ran;
 * - sequential: one cursor (offset entities, entities without a delta filter, nested entities).
 */
import { fromEpochSeconds } from "./akeneo-time.js";
import { Channel } from "./channel.js";
import { prefetch } from "./prefetch.js";
import { admitAfter, baseParams, filterInput, mapPage, rangeSearch, type Admit, type PageEvent, type ReaderContext } from "./pull-readers.js";
import type { RunCheckpoint, SourceCheckpoint } from "./pull-state.js";
import type { FlowListParams } from "./flow-types.js";

/** Records whose own `updated` is after the run's upper bound: changed while the run was reading. */
export function readSweep(ctx: ReaderContext, run: RunCheckpoint, variantsSeen: Set<string>): Channel<PageEvent> {
  const channel = new Channel<PageEvent>(2);
  const params = startFrom(baseParams(ctx, { ...filterInput(ctx), updatedAfter: fromEpochSeconds(run.upper) }), run.sweep);
  settle(channel, [readInto(channel, ctx, params, admitAfter(run.upper, variantsSeen), (r, nextUrl) => moveTo(r.sweep, nextUrl))]);
  return channel;
}

/** One cursor over the whole entity (or over each parent, for nested entities). */
export function readSequential(ctx: ReaderContext, run: RunCheckpoint, parents: string[] | undefined): Channel<PageEvent> {
  const channel = new Channel<PageEvent>(2);
  const search = { ...filterInput(ctx), ...(run.lower !== null && ctx.definition.delta ? { updatedAfter: fromEpochSeconds(run.lower - 1) } : {}) };
  const admit: Admit = () => true;
  const read = async (): Promise<void> => {
    if (!parents) {
      await readInto(channel, ctx, startFrom(baseParams(ctx, search), run.sequential), admit, (r, nextUrl) => moveTo(r.sequential, nextUrl));
      return;
    }
    const param = ctx.definition.parent!.pathParam;
    for (let index = run.sequential.parentIndex ?? 0; index < parents.length && !ctx.signal.aborted; index++) {
      const resume = index === (run.sequential.parentIndex ?? 0) ? run.sequential : { nextUrl: null, done: false };
      const params = { ...startFrom(baseParams(ctx, search), resume), pathParams: { [param]: parents[index]! } };
      await readInto(channel, ctx, params, admit, (r, nextUrl) => {
        const last = nextUrl === null && index === parents.length - 1;
        r.sequential = { ...r.sequential, parentIndex: nextUrl === null ? index + 1 : index, nextUrl, done: last };
      });
    }
  };
  settle(channel, [read()]);
  return channel;
}

type Commit = (run: RunCheckpoint, nextUrl: string | null) => void;

/**
 * Read pages into the channel, one page ahead: the next page is already requested while this one
 * is mapped and waits for the consumer, so a stream's network time overlaps its CPU time.
 */
async function readInto(channel: Channel<PageEvent>, ctx: ReaderContext, params: FlowListParams, admit: Admit, commit: Commit): Promise<void> {
  const pages = ctx.client.iteratePages(ctx.definition, { ...params, readAhead: true })[Symbol.asyncIterator]();
  let next = prefetch(pages);
  let read = 0;
  try {
    for (;;) {
      const result = await next;
      if (result.done) break;
      read++;
      const nextUrl = result.value.nextUrl ?? null;
      if (nextUrl !== null && !ctx.signal.aborted) next = prefetch(pages);
      const event = await mapPage(ctx, result.value.items, admit);
      await channel.push({ ...event, commit: (run) => commit(run, nextUrl) });
      if (nextUrl === null || ctx.signal.aborted) break;
    }
  } finally {
    await pages.return?.(undefined).catch(() => undefined);
  }
  if (read === 0) await channel.push({ records: [], failures: [], overlap: [], commit: (run) => commit(run, null) });
}

function startFrom(params: FlowListParams, checkpoint: SourceCheckpoint): FlowListParams {
  return checkpoint.nextUrl ? { ...params, startUrl: checkpoint.nextUrl } : params;
}

function moveTo(checkpoint: SourceCheckpoint, nextUrl: string | null): void {
  checkpoint.nextUrl = nextUrl;
  checkpoint.done = nextUrl === null;
}

function settle(channel: Channel<PageEvent>, workers: Promise<void>[]): void {
  Promise.all(workers).then(
    () => channel.close(),
    (error: unknown) => channel.fail(error),
  );
}
