/**
 * Work stealing at its edges, with a scripted client (timing under test control): the partition an
 * idle worker asks to split may end instead; the run must still finish, exactly.
 */
import { describe, expect, it } from "vitest";
import { buildSearch } from "../../src/akeneo/build-search.js";
import type { FlowClient } from "../../src/flows/flow-types.js";
import type { ReaderContext } from "../../src/flows/pull-readers.js";
import { newRunCheckpoint } from "../../src/flows/pull-state.js";
import { readPartitions } from "../../src/flows/read-partitions.js";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";

const definition = getEntityDefinition("products");
const product = (uuid: string, updated: number) => ({ uuid, parent: null, updated: new Date(updated * 1000).toISOString() });
const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** Pages per partition, keyed by the partition's lower bound; each page arrives after `delayMs`. */
function scriptedClient(script: Record<number, Array<{ items: ReturnType<typeof product>[]; delayMs: number; last: boolean }>>): FlowClient {
  return {
    iteratePages(_def, params = {}) {
      const from = Date.parse(JSON.parse(JSON.stringify(params.search))["updated"][0].value[0].replace(" ", "T") + "Z") / 1000;
      const pages = script[from] ?? [];
      return (async function* () {
        for (const [i, page] of pages.entries()) yield await later(page.delayMs, page.last ? { items: page.items } : { items: page.items, nextUrl: `http://127.0.0.1:1/next/${from}/${i}` });
      })();
    },
    upsertBatch: async () => [],
    stats: () => ({ requests: 0, retries: 0, tokenRequests: 0, rateLimited: 0, throttleWaitMs: 0 }),
  };
}

function context(client: FlowClient): ReaderContext {
  return {
    client,
    definition,
    mapper: { map: async (record) => ({ ok: true, key: null, value: record as Record<string, unknown> }) },
    settings: { channel: "ecommerce", locales: ["en_US"], filters: { enabled: "any", families: [], categories: [], completeness: null }, restrictToChannelTree: false, pageSize: 2, batchSize: 100, overlapSeconds: 60 },
    buildSearch,
    previousOverlap: {},
    overlapFrom: Number.MAX_SAFE_INTEGER,
    signal: new AbortController().signal,
  };
}

describe("readPartitions work stealing", () => {
  it("finishes when the partition asked to split ends on its next page instead", async () => {
    const run = newRunCheckpoint("r", 2_000_000_000_000, null, "partitions");
    run.partitions = [
      { from: 0, to: 999, nextUrl: null, done: false },
      { from: 1000, to: 2000, nextUrl: null, done: false },
    ];
    const client = scriptedClient({
      // early in the uuid space after one page: looks like 15 pages left, so it is asked to split...
      0: [
        { items: [product("00000001-0000-4000-8000-000000000000", 10), product("10000000-0000-4000-8000-000000000000", 20)], delayMs: 1, last: false },
        // ...but its next page is its last one (nothing to hand over)
        { items: [product("f0000000-0000-4000-8000-000000000000", 30)], delayMs: 60, last: true },
      ],
      1000: [{ items: [product("20000000-0000-4000-8000-000000000000", 1500)], delayMs: 5, last: true }],
    });
    const channel = readPartitions(context(client), run, 2, new Set());
    const delivered: string[] = [];
    const events = [];
    for (let next = await channel.take(); !next.done; next = await channel.take()) {
      events.push(next.value);
      next.value.commit(run);
      delivered.push(...next.value.records.map((r) => r["uuid"] as string));
    }
    expect(delivered.sort()).toEqual(["00000001-0000-4000-8000-000000000000", "10000000-0000-4000-8000-000000000000", "20000000-0000-4000-8000-000000000000", "f0000000-0000-4000-8000-000000000000"]);
    expect(run.partitions.every((p) => p.done)).toBe(true);
    expect(run.splits ?? 0).toBe(0);
  }, 5000);

  it("hands the upper half of a long partition to an idle worker, from the same cursor", async () => {
    const run = newRunCheckpoint("r", 2_000_000_000_000, null, "partitions");
    run.partitions = [{ from: 0, to: 999, nextUrl: null, done: false }];
    const pages = [
      { items: [product("01000000-0000-4000-8000-000000000000", 100), product("02000000-0000-4000-8000-000000000000", 900)], delayMs: 1, last: false },
      { items: [product("03000000-0000-4000-8000-000000000000", 200), product("04000000-0000-4000-8000-000000000000", 800)], delayMs: 20, last: false },
      { items: [product("05000000-0000-4000-8000-000000000000", 300)], delayMs: 20, last: true },
    ];
    const requested: string[] = [];
    const inner = scriptedClient({ 0: pages });
    const client: FlowClient = {
      ...inner,
      iteratePages(def, params = {}) {
        requested.push(params.startUrl ? `${new URL(params.startUrl).pathname} ${new URL(params.startUrl).searchParams.get("search")}` : "start");
        if (!params.startUrl) return inner.iteratePages(def, params);
        // both halves continue after the cursor: the scripted PIM serves the rest filtered by their range
        const search = JSON.parse(new URL(params.startUrl).searchParams.get("search")!)["updated"][0].value as [string, string];
        const [from, to] = search.map((v) => Date.parse(v.replace(" ", "T") + "Z") / 1000);
        const after = Number(new URL(params.startUrl).pathname.split("/").pop()) + 1; // the cursor: pages after this one
        const rest = pages.slice(after).map((page, i, all) => ({ ...page, last: i === all.length - 1, items: page.items.filter((item) => Date.parse(item.updated) / 1000 >= from! && Date.parse(item.updated) / 1000 <= to!) }));
        return scriptedClient({ [from!]: rest }).iteratePages(def, { ...params, search: buildSearch(def, { updatedBetween: [new Date(from! * 1000), new Date(to! * 1000)] }) });
      },
    };
    const channel = readPartitions(context(client), run, 2, new Set());
    const delivered: string[] = [];
    for (let next = await channel.take(); !next.done; next = await channel.take()) {
      next.value.commit(run);
      delivered.push(...next.value.records.map((r) => r["uuid"] as string));
    }
    expect(run.splits).toBe(1);
    expect(run.partitions).toHaveLength(2);
    expect(run.partitions[0]!.to + 1).toBe(run.partitions[1]!.from);
    expect(requested.filter((r) => r !== "start")).toHaveLength(2); // owner and thief both continue from the cursor
    expect(delivered.sort()).toEqual(pages.flatMap((p) => p.items.map((i) => i.uuid)).sort());
  }, 5000);
});
