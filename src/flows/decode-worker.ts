/**
 * A worker thread of a pull's decode pool (decode-pool.ts): parses list responses and maps their
 * items with a mapper rebuilt from its spec, so that the reading thread only does the I/O and the
 * bookkeeping. Built as its own entry (dist/decode-worker.js).
 */
import { parentPort, workerData } from "node:worker_threads";
import { decodePageBody } from "../akeneo/parse-page.js";
import { mapperFromSpec } from "../mapping/mapper-from-spec.js";
import { errorToJson, toPortable, type DecodeAnswer, type DecodeJob, type DecodeWorkerData } from "./decode-protocol.js";

const port = parentPort;
if (!port) throw new Error("decode-worker.js runs as a worker thread of a pull");
const { spec, stubFields } = workerData as DecodeWorkerData;
const mapper = mapperFromSpec(spec);

port.on("message", (job: DecodeJob) => void decode(job));

async function decode(job: DecodeJob): Promise<void> {
  const send = (answer: DecodeAnswer) => port!.postMessage(answer);
  let items: Array<Record<string, unknown>>;
  try {
    const page = decodePageBody(job.page);
    items = page.items;
    const stubs = items.map((item) => pick(item, stubFields));
    send({ id: job.id, parsed: page.nextHref === undefined ? { stubs } : { stubs, nextHref: page.nextHref } });
  } catch (error) {
    return send({ id: job.id, error: errorToJson(error) });
  }
  const results = await Promise.all(items.map((item) => mapper.map(item)));
  send({ id: job.id, mapped: results.map(toPortable) });
}

function pick(item: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field in item) out[field] = item[field];
  return out;
}
