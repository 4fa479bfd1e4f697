/**
 * Concurrent partition readers with work stealing.
 *
 * Partitions cut from a 100-record sample are only roughly balanced, and one long partition would
 * leave the other connections idle at the end of the run. So when a worker finds the queue empty,
 * it asks the running partition with the most work left to split. The owner splits at a page
 * boundary: it keeps [from, mid − 1] and hands over [mid, to]; both continue from the SAME search_after
 * cursor (the next link), each with its narrower `updated` range. Records before the cursor were
 * delivered by the owner under the wide range; after it, the two ranges are disjoint: exact union.
 *
 * Remaining work is estimated from the cursor: products are sorted by uuid, and uuids are uniform,
 * so the last uuid read tells how far through its range a partition is. Entities keyed otherwise
 * are not split. The split is committed with the page it happens on, so a resumed run sees it.
 */
import { toEpochSeconds } from "./akeneo-time.js";
import { Channel } from "./channel.js";
import { prefetch } from "./prefetch.js";
import type { AkeneoRecord, FlowListParams } from "./flow-types.js";
import { admitInRange, baseParams, mapPage, rangeSearch, uuidProgress, withRange, type PageEvent, type ReaderContext } from "./pull-readers.js";
import type { RunCheckpoint } from "./pull-state.js";
import type { TimeRange } from "./partition-plan.js";
import { addToSample, newSample, type DateSample } from "./date-sample.js";

interface Active {
  range: TimeRange;
  /** Index in `run.partitions`; for a split-off partition it is set when the split is committed. */
  slot: { index?: number };
  startUrl: string | null;
  pagesRead: number;
  /** Fraction of the key space read so far (0..1), when the key is a uuid. */
  progress?: number;
  /** Where in the key space its reading began (0..1): `pagesRead` cover progress − startProgress. */
  startProgress: number;
  /** `updated` seconds of the records seen (every `stride`-th one, at most SAMPLE_SIZE): a random sample of the range, to choose where to split. */
  seen: DateSample;
  split?: (handover: Active | undefined) => void;
}

/**
 * Read every unfinished partition of `run`, `concurrency` at a time, splitting the longest when a
 * worker is idle. `startProgress`: where in the key space the partitions' cursors start (the probe
 * page's last key), for the estimate of the work left; 0 when unknown.
 */
export function readPartitions(ctx: ReaderContext, run: RunCheckpoint, concurrency: number, variantsSeen: Set<string>, startProgress = 0): Channel<PageEvent> {
  const channel = new Channel<PageEvent>(concurrency * 2);
  const queue: Active[] = run.partitions.flatMap((p, index) =>
    p.done ? [] : [{ range: { from: p.from, to: p.to }, slot: { index }, startUrl: p.nextUrl, pagesRead: 0, startProgress, seen: newSample([]) }],
  );
  const running = new Set<Active>();
  const changes = createChangeSignal();
  const splittable = ctx.definition.key === "uuid";
  const steal = (): Promise<Active | undefined> | undefined => {
    const victim = [...running].filter((a) => !a.split && remainingPages(a) >= 3).sort((a, b) => remainingPages(b) - remainingPages(a))[0];
    return victim ? new Promise((resolve) => (victim.split = resolve)) : undefined;
  };
  const worker = async (): Promise<void> => {
    while (!ctx.signal.aborted) {
      let next = queue.shift();
      // Nothing queued: take over half of a running partition, or wait until one has read enough to tell.
      while (!next && splittable && running.size > 0 && !ctx.signal.aborted) {
        const stolen = steal();
        // A victim that ends without splitting answers undefined: look again (it may have been the last one).
        if (stolen) next = await stolen;
        else await changes.next();
      }
      if (!next) return;
      running.add(next);
      try {
        await readPartition(ctx, run, channel, next, variantsSeen, changes.notify);
      } finally {
        running.delete(next);
        next.split?.(undefined);
        changes.notify();
      }
    }
  };
  Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker)).then(
    () => channel.close(),
    (error: unknown) => channel.fail(error),
  );
  return channel;
}

async function readPartition(
  ctx: ReaderContext,
  run: RunCheckpoint,
  channel: Channel<PageEvent>,
  active: Active,
  variantsSeen: Set<string>,
  changed: () => void,
): Promise<void> {
  let pages = openPages(ctx, active, active.startUrl);
  let next = prefetch(pages);
  let read = 0;
  try {
    for (;;) {
      const result = await next;
      if (result.done) break;
      read++;
      const page = result.value;
      const admit = admitInRange({ ...active.range }, variantsSeen); // this page was read with the range as it was
      observe(ctx, active, page.items);
      changed();
      let nextUrl = page.nextUrl ?? null;
      const handover = nextUrl !== null && active.split ? splitAt(ctx, active, nextUrl) : undefined;
      if (handover) {
        // The page read ahead has the wider range; its variants cannot be told apart by range (Akeneo
        // matches them on their ancestors' dates too), so it is called off and read again, narrower.
        nextUrl = withRange(ctx, nextUrl!, active.range);
        await pages.return?.(undefined);
        pages = openPages(ctx, active, nextUrl);
      }
      if (nextUrl !== null && !ctx.signal.aborted) next = prefetch(pages);
      const event = await mapPage(ctx, page.items, admit);
      const slot = active.slot;
      const range = { ...active.range };
      await channel.push({
        ...event,
        commit: (r) => {
          const own = r.partitions[slot.index!]!;
          Object.assign(own, { to: range.to, nextUrl, done: nextUrl === null });
          if (handover) {
            handover.slot.index = r.partitions.push({ ...handover.range, nextUrl: handover.startUrl, done: false }) - 1;
            r.splits = (r.splits ?? 0) + 1;
          }
        },
      });
      // Asked but not splittable at this page: the request stays pending (answered "no" when the partition ends).
      if (handover) {
        const resolve = active.split!;
        active.split = undefined;
        resolve(handover);
      }
      if (nextUrl === null || ctx.signal.aborted) break;
    }
  } finally {
    await pages.return?.(undefined).catch(() => undefined);
  }
  if (read === 0) {
    const slot = active.slot;
    await channel.push({ records: [], failures: [], overlap: [], commit: (r) => Object.assign(r.partitions[slot.index!]!, { nextUrl: null, done: true }) });
  }
}

/** The partition's pages, each next one requested as soon as the previous one arrives (read ahead). */
function openPages(ctx: ReaderContext, active: Active, startUrl: string | null) {
  const params: FlowListParams = { ...baseParams(ctx, rangeSearch(ctx, active.range)), readAhead: true };
  return ctx.client.iteratePages(ctx.definition, startUrl ? { ...params, startUrl } : params)[Symbol.asyncIterator]();
}

/** Track progress (last uuid read) and sample the range's `updated` values. */
function observe(ctx: ReaderContext, active: Active, items: AkeneoRecord[]): void {
  active.pagesRead++;
  const progress = uuidProgress(items.at(-1)?.[ctx.definition.key]);
  if (progress !== undefined) active.progress = progress;
  for (const item of items) {
    const t = toEpochSeconds(item["updated"]);
    if (t !== undefined && t >= active.range.from && t <= active.range.to) addToSample(active.seen, t);
  }
}

/** Pages this partition still has to read, estimated from its progress through the uuid space. */
function remainingPages(active: Active): number {
  const p = active.progress;
  if (p === undefined || p <= active.startProgress) return 0;
  return (active.pagesRead * (1 - p)) / (p - active.startProgress);
}

/** Split the upper half of the range off, at the median `updated` seen so far; undefined when it cannot be split. */
function splitAt(ctx: ReaderContext, active: Active, nextUrl: string): Active | undefined {
  const seen = active.seen.values.filter((t) => t >= active.range.from && t <= active.range.to).sort((a, b) => a - b);
  const mid = seen[Math.floor(seen.length / 2)];
  if (mid === undefined || mid <= active.range.from || mid > active.range.to) return undefined;
  const handed: TimeRange = { from: mid, to: active.range.to };
  active.range = { from: active.range.from, to: mid - 1 };
  active.seen = newSample(seen.filter((t) => t < mid), active.seen.stride);
  const estimate = active.progress === undefined ? {} : { progress: active.progress };
  return { range: handed, slot: {}, startUrl: withRange(ctx, nextUrl, handed), pagesRead: active.pagesRead, startProgress: active.startProgress, ...estimate, seen: newSample(seen.filter((t) => t >= mid), active.seen.stride) };
}

/** Wake the idle workers when any partition read a page or ended (no timers, no polling). */
function createChangeSignal(): { next(): Promise<void>; notify(): void } {
  let waiters: Array<() => void> = [];
  return {
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
    notify: () => {
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
  };
}
