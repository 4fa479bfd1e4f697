/**
 * Worker threads that decode a pull's list responses: JSON parsing and mapping are most of a pull's
 * CPU (about 10 ms per 100-product page), and on one thread they delay the answers of the other
 * connections. The reading thread hands each response's body to the least busy worker and gets
 * back, per item, the few fields it needs (key, `updated`, `parent`) and the item's map result;
 * `mapper` then answers those items from the results instead of mapping them again.
 *
 * Only for mappers that can be rebuilt from data (`Mapper.spec`: no option labels, no custom
 * clock), and only when the package is built (the workers run dist/decode-worker.js): otherwise
 * `startDecodePool` returns undefined and the pull decodes on its own thread, as before.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { AkeneoRecord, PageDecoder, PageBody } from "../akeneo/akeneo-client.js";
import { decodePageBody } from "../akeneo/parse-page.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { Mapper, MapResult } from "../mapping/mapping-types.js";
import { packagePath } from "../package-root.js";
import { errorFromJson, fromPortable, type DecodeAnswer, type DecodeWorkerData, type ErrorJson, type PortableResult } from "./decode-protocol.js";

export interface DecodePool {
  /** Worker threads started. */
  size: number;
  decode: PageDecoder;
  /** The pull's mapper, answering decoded items from the workers' results. */
  mapper: Mapper;
  close(): Promise<void>;
}

interface Job {
  parsed(answer: { stubs: Array<Record<string, unknown>>; nextHref?: string }): void;
  mapped(results: PortableResult[]): void;
  failed(error: unknown, fromWorker: boolean): void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  failed?: unknown;
}

const WORKER_SCRIPT = ["dist", "decode-worker.js"];

export function startDecodePool(mapper: Mapper, definition: EntityDefinition, size: number): DecodePool | undefined {
  const script = packagePath(...WORKER_SCRIPT);
  if (!mapper.spec || size < 1 || !existsSync(script)) return undefined;
  const stubFields = [...new Set([definition.key, ...(definition.parent ? [definition.parent.field] : []), "updated", "parent"])];
  const data: DecodeWorkerData = { spec: mapper.spec, stubFields };
  const results = new WeakMap<object, Promise<MapResult>>();
  const slots: Slot[] = Array.from({ length: size }, () => startSlot(script, data));
  let nextId = 0;

  /** Decode and map `page` on this thread (no worker left, or the worker died before mapping it). */
  const mapHere = (page: PageBody): Promise<MapResult[]> => Promise.all(decodePageBody(page).items.map((item) => mapper.map(item)));

  const decode: PageDecoder = async (page: PageBody) => {
    const slot = slots.filter((s) => s.failed === undefined).sort((a, b) => a.jobs.size - b.jobs.size)[0];
    // No worker left (one failed to start or died): decode here; the mapper maps these items itself.
    if (!slot) return decodePageBody(page);
    const id = nextId++;
    let parsed: { stubs: Array<Record<string, unknown>>; nextHref?: string };
    let mapped!: Promise<MapResult[]>;
    try {
      parsed = await new Promise((resolve, reject) => {
        let settleMapped!: { resolve(results: MapResult[]): void; reject(error: unknown): void };
        mapped = new Promise<MapResult[]>((res, rej) => (settleMapped = { resolve: res, reject: rej }));
        mapped.catch(() => undefined);
        slot.jobs.set(id, {
          parsed: resolve,
          mapped: (portable) => settleMapped.resolve(portable.map(fromPortable)),
          failed: (error, fromWorker) => {
            reject(fromWorker ? error : errorFromJson(error as ErrorJson));
            settleMapped.reject(error);
          },
        });
        slot.worker.postMessage({ id, page });
      });
    } catch (error) {
      if (slot.failed !== undefined) return decode(page); // the worker died with this page: decode it again elsewhere
      throw error;
    }
    const all = mapped.catch(() => mapHere(page)); // the worker died while mapping it
    const items = parsed.stubs.map((stub, index) => {
      results.set(stub, all.then((list) => list[index]!));
      return stub as AkeneoRecord;
    });
    return parsed.nextHref === undefined ? { items } : { items, nextHref: parsed.nextHref };
  };

  return {
    size,
    decode,
    mapper: {
      map(record) {
        const known = results.get(record);
        if (!known) return mapper.map(record);
        results.delete(record);
        return known;
      },
    },
    close: async () => {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

function startSlot(script: string, data: DecodeWorkerData): Slot {
  const slot: Slot = { worker: new Worker(script, { workerData: data }), jobs: new Map() };
  slot.worker.on("message", (answer: DecodeAnswer) => {
    const job = slot.jobs.get(answer.id);
    if (!job) return;
    if ("parsed" in answer) return job.parsed(answer.parsed);
    slot.jobs.delete(answer.id);
    if ("mapped" in answer) job.mapped(answer.mapped);
    else job.failed(answer.error, false);
  });
  const fail = (error: unknown) => {
    slot.failed ??= error;
    for (const job of slot.jobs.values()) job.failed(error, true);
    slot.jobs.clear();
  };
  slot.worker.on("error", fail);
  slot.worker.on("exit", (code) => fail(new Error(`[bug] a decode worker exited (code ${code})`)));
  return slot;
}
