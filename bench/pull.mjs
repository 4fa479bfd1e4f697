// Pull benchmark (`npm run bench -- pull`): the sandbox in its own process with 40 ms latency,
// concurrentConnections=4, no window limit. Records/s of the partitioned pull (the median of 3 runs)
// and of the single search_after cursor, next to the bound 4 / 0.040 s × 100 records, and for
// reference the sandbox's own round trip for a page (no client work) and the same pull without latency
// (the client's ceiling); then peak RSS of the client process for 10,000 and 100,000 products (no
// latency). Figures and ratios only, no assertions.
import { availableParallelism } from "node:os";
import { startSandboxProcess } from "./lib/sandbox-process.mjs";
import { describeClientLoad, describeConnectionWaits, describeMachineLoad, fmt, medianRun, rate, runClient, runWatched, RUNS } from "./lib/measure.mjs";

const LATENCY_MS = 40;
const CONCURRENCY = 4;
const bound = (CONCURRENCY / (LATENCY_MS / 1000)) * 100;

const sandbox = await startSandboxProcess(["--products", "20000", "--latency-ms", String(LATENCY_MS), "--seed", "5"]);
try {
  const job = { url: sandbox.url, credentials: sandbox.credentials, concurrency: CONCURRENCY };
  runClient({ ...job, mode: "partitioned" }); // warm-up: the sandbox caches served documents, as a PIM's index does
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await runWatched(sandbox, { ...job, mode: "partitioned" }));
  const { median: partitioned, rates } = medianRun(runs);
  // The other way of decoding pages: in a worker thread when the default decodes on the calling thread, and vice versa.
  const other = runClient({ ...job, mode: "partitioned", decodeWorkers: partitioned.decodeWorkers > 0 ? 0 : 1 });
  const sequential = runClient({ ...job, mode: "sequential" });
  const { medianMs } = runClient({ ...job, mode: "roundtrip" });
  const roundTripBound = (CONCURRENCY / (medianMs / 1000)) * 100;
  const decoding = (r) => (r.decodeWorkers > 0 ? `pages decoded in ${r.decodeWorkers} worker thread${r.decodeWorkers > 1 ? "s" : ""}` : "pages decoded on the calling thread");
  console.log(`pull 20,000 products, ${LATENCY_MS} ms latency, ${CONCURRENCY} connections; bound ${fmt(bound)} records/s; ${availableParallelism()} cores`);
  console.log(`  partitioned pull : ${fmt(rate(partitioned))} records/s (median of ${RUNS} runs: ${rates.map((r) => fmt(r)).join(", ")}; ${fmt(partitioned.ms / 1000, 2)} s, ${partitioned.requests} requests, ${decoding(partitioned)}) = ${fmt((rate(partitioned) / bound) * 100, 1)}% of the bound (target ≥ 85%)`);
  console.log(`    ${describeClientLoad(partitioned)}`);
  console.log(`    ${describeConnectionWaits(partitioned, "GET", CONCURRENCY)}`);
  console.log(`    ${describeMachineLoad(partitioned, "GET")}`);
  console.log(`    the other way  : ${fmt(rate(other))} records/s (${decoding(other)}) = ${fmt((rate(other) / bound) * 100, 1)}%`);
  console.log(`  single cursor    : ${fmt(rate(sequential))} records/s (${fmt(sequential.ms / 1000, 2)} s, ${sequential.requests} requests)`);
  console.log(`  partitioned / single cursor = ${fmt(rate(partitioned) / rate(sequential), 2)}× (target ≥ 3×)`);
  console.log(`  for reference: a page's round trip with no client work is ${fmt(medianMs, 1)} ms (the bound assumes ${LATENCY_MS}); at that round trip the bound is ${fmt(roundTripBound)} records/s, and the partitioned pull is ${fmt((rate(partitioned) / roundTripBound) * 100, 1)}% of it`);
} finally {
  await sandbox.stop();
}

// The client's own ceiling: the same pull with no latency at all, so that only the two processes' CPU
// limits it. A pull with latency cannot beat it; its share of the bound shows how much room there is.
const idle = await startSandboxProcess(["--products", "20000", "--seed", "5"]);
try {
  const job = { url: idle.url, credentials: idle.credentials, concurrency: CONCURRENCY, mode: "partitioned" };
  runClient(job); // warm-up, as above
  const { median: ceiling, rates } = medianRun(Array.from({ length: RUNS }, () => runClient(job)));
  console.log(`  without latency  : ${fmt(rate(ceiling))} records/s (median of ${RUNS} runs: ${rates.map((r) => fmt(r)).join(", ")}) = ${fmt((rate(ceiling) / bound) * 100, 1)}% of the 40 ms bound: the client's ceiling on this machine`);
  console.log(`    ${describeClientLoad(ceiling)}`);
} finally {
  await idle.stop();
}

const rss = {};
for (const products of [10000, 100000]) {
  const big = await startSandboxProcess(["--products", String(products), "--seed", "5"]);
  try {
    const result = runClient({ url: big.url, credentials: big.credentials, concurrency: CONCURRENCY, mode: "partitioned" });
    if (result.records !== products) throw new Error(`pulled ${result.records} of ${products}`);
    rss[products] = result.maxRssMb;
    console.log(`  peak RSS, ${fmt(products)} products: ${fmt(result.maxRssMb, 1)} MB (${fmt(rate(result))} records/s without latency)`);
  } finally {
    await big.stop();
  }
}
console.log(`  peak RSS 100,000 / 10,000 = ${fmt(rss[100000] / rss[10000], 2)}× (target ≤ 1.25×)`);
