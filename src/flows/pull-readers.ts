/**
 * The readers of a pull: each turns Akeneo pages into `PageEvent`s (mapped records, failures,
 * and the checkpoint move to apply once the consumer has accepted them).
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { PageDecoder, SearchFilter } from "../akeneo/akeneo-client.js";
import type { SearchInput } from "../akeneo/build-search.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import { fromEpochSeconds, toEpochSeconds } from "./akeneo-time.js";
import type { Mapper, MapResult } from "../mapping/mapping-types.js";
import type { AkeneoRecord, FlowClient, FlowListParams, FlowSettings, RecordFailure } from "./flow-types.js";
import type { TimeRange } from "./partition-plan.js";
import type { RunCheckpoint } from "./pull-state.js";
import { recordKey } from "./record-key.js";

export interface PageEvent {
  records: Record<string, unknown>[];
  failures: RecordFailure[];
  /** Delivered records inside the next run's overlap window: [key, updated seconds]. */
  overlap: Array<[string, number]>;
  /** Move the checkpoint past this page; called after the consumer accepted it. */
  commit(run: RunCheckpoint): void;
}

export interface ReaderContext {
  client: FlowClient;
  definition: EntityDefinition;
  mapper: Mapper;
  settings: FlowSettings;
  buildSearch(definition: EntityDefinition, input: SearchInput): SearchFilter;
  /** Overlap dedupe: key → updated seconds delivered by the previous run. */
  previousOverlap: Readonly<Record<string, number>>;
  /** Records updated at or after this (epoch seconds) fall in the next run's overlap window. */
  overlapFrom: number;
  /** Where list responses are decoded (a decode pool's workers); default: on this thread. */
  decode?: PageDecoder;
  signal: AbortSignal;
}

/** The subscription's server-side filters, for the entity's supported filters. */
export function filterInput(ctx: Pick<ReaderContext, "definition" | "settings">): SearchInput {
  const { filters, channel } = ctx.settings;
  const supported = new Set(ctx.definition.filters);
  const input: SearchInput = {};
  if (supported.has("enabled") && filters.enabled !== "any") input.enabled = filters.enabled === "enabled";
  if (supported.has("families") && filters.families.length > 0) input.families = filters.families;
  if (supported.has("categories") && filters.categories.length > 0) input.categories = filters.categories;
  if (supported.has("completeness") && filters.completeness !== null) input.completeness = { channel, min: filters.completeness };
  return input;
}

/** List parameters shared by every request of this pull. */
export function baseParams(ctx: Omit<ReaderContext, "mapper">, search: SearchInput): FlowListParams {
  const params: FlowListParams = { pageSize: ctx.settings.pageSize, signal: ctx.signal, ...(ctx.decode ? { decode: ctx.decode } : {}) };
  if (Object.keys(search).length > 0) params.search = ctx.buildSearch(ctx.definition, search);
  if (ctx.definition.filters.length > 0) {
    // Product lists: keep only the subscription's locales in values. `scope` also drops products
    // outside the channel's category tree (USERS.md #8), so it is sent only when asked for.
    params.locales = ctx.settings.locales;
    if (ctx.settings.restrictToChannelTree) params.scope = ctx.settings.channel;
  }
  return params;
}

/** Search input for the records updated in `range` (inclusive seconds). */
export function rangeSearch(ctx: Pick<ReaderContext, "definition" | "settings">, range: TimeRange): SearchInput {
  return { ...filterInput(ctx), updatedBetween: [fromEpochSeconds(range.from), fromEpochSeconds(range.to)] };
}

/** The same cursor (`next` link) with the `search` filter narrowed to `range`. */
export function withRange(ctx: Pick<ReaderContext, "definition" | "settings" | "buildSearch">, url: string, range: TimeRange): string {
  const target = new URL(url);
  target.searchParams.set("search", JSON.stringify(ctx.buildSearch(ctx.definition, rangeSearch(ctx, range))));
  return target.toString();
}

/** How far through the uuid space a key is (0..1); undefined for a key that is not a uuid. */
export function uuidProgress(key: unknown): number | undefined {
  return typeof key === "string" && /^[0-9a-f]{8}-/i.test(key) ? parseInt(key.slice(0, 8), 16) / 0x1_0000_0000 : undefined;
}

/**
 * Which records of a page this source delivers. A record without a parent belongs to the range
 * holding its own `updated`. A variant (or sub-model) is also matched through its ancestors' dates
 * (Akeneo returns a variant when an ancestor model changed), so it may come back from another
 * range, or from several: it is delivered by whichever source sees it first, once per run.
 * `updated` is the record's `updated` in epoch seconds (undefined when absent or unreadable).
 */
export type Admit = (record: AkeneoRecord, key: string, updated: number | undefined) => boolean;

export function admitInRange(range: TimeRange, variantsSeen: Set<string>): Admit {
  return (record, key, t) => {
    if (hasParent(record)) return admitOnce(variantsSeen, key);
    return t === undefined || (t >= range.from && t <= range.to);
  };
}

/** The sweep after the partitions: records changed after the run started. */
export function admitAfter(upper: number, variantsSeen: Set<string>): Admit {
  return (record, key, t) => (hasParent(record) ? admitOnce(variantsSeen, key) : (t ?? 0) > upper);
}

function hasParent(record: AkeneoRecord): boolean {
  return typeof record["parent"] === "string" && record["parent"] !== "";
}

function admitOnce(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/**
 * Records mapped between two turns of the event loop: mapping a whole page at once (a few ms)
 * would hold up the answers of the other connections, and with them their next requests.
 */
const MAP_SLICE = 25;

/**
 * Before the first slice, two turns: when a page's next request could not be read ahead (see
 * iteratePages), it was just asked for, and undici writes a request on a reused keep-alive socket
 * only at the next check phase. Waiting two check phases puts that write ahead of the mapping, so
 * the PIM starts on the next page while this one is mapped.
 */
async function letIoIn(sliceStart: number): Promise<void> {
  await nextTurn();
  if (sliceStart === 0) await nextTurn();
}

/** Map the admitted records of a page; set aside those whose mapping failed, with their key. */
export async function mapPage(ctx: ReaderContext, items: AkeneoRecord[], admit: Admit): Promise<Omit<PageEvent, "commit">> {
  const records: Record<string, unknown>[] = [];
  const failures: RecordFailure[] = [];
  const overlap: Array<[string, number]> = [];
  const admitted: Array<{ item: AkeneoRecord; key: string; t: number | undefined }> = [];
  for (const item of items) {
    const key = recordKey(ctx.definition, item);
    const t = toEpochSeconds(item["updated"]);
    if (t !== undefined && ctx.previousOverlap[key] === t) continue;
    if (admit(item, key, t)) admitted.push({ item, key, t });
  }
  const outcomes: MapResult[] = [];
  for (let from = 0; from < admitted.length; from += MAP_SLICE) {
    await letIoIn(from);
    outcomes.push(...(await Promise.all(admitted.slice(from, from + MAP_SLICE).map(({ item }) => ctx.mapper.map(item)))));
  }
  outcomes.forEach((outcome, i) => {
    const { key, t } = admitted[i]!;
    if (outcome.ok) {
      records.push(outcome.value);
      if (t !== undefined && t >= ctx.overlapFrom) overlap.push([key, t]);
    } else {
      failures.push({ key: outcome.key ?? key, code: outcome.error.code, message: outcome.error.message });
    }
  });
  return { records, failures, overlap };
}
