// Push benchmark (`npm run bench -- push`): 10,000 canonical records pushed to the sandbox (own
// process, 40 ms latency, concurrentConnections=4), records/s next to the bound 4 / 0.040 s × 100.
// The sandbox is warmed up by a first push of other names; each measured client is a fresh process,
// and the figure is the median of 3 runs.
import { startSandboxProcess } from "./lib/sandbox-process.mjs";
import { describeClientLoad, describeConnectionWaits, describeMachineLoad, fmt, medianRun, rate, runClient, runWatched, RUNS } from "./lib/measure.mjs";

const LATENCY_MS = 40;
const CONCURRENCY = 4;
const RECORDS = 10000;
const bound = (CONCURRENCY / (LATENCY_MS / 1000)) * 100;

const sandbox = await startSandboxProcess(["--products", String(RECORDS), "--latency-ms", String(LATENCY_MS), "--seed", "6"]);
try {
  const job = { url: sandbox.url, credentials: sandbox.credentials, concurrency: CONCURRENCY, mode: "push", records: RECORDS };
  runClient({ ...job, suffix: "(warm-up)" }); // warm-up of the sandbox, a long-running server as a PIM is; the measured client starts cold
  // Each run pushes other names, so that every record changes every time.
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await runWatched(sandbox, { ...job, suffix: `(bench ${run + 1})` }));
  const { median: result, rates } = medianRun(runs);
  console.log(`push ${fmt(RECORDS)} products, ${LATENCY_MS} ms latency, ${CONCURRENCY} connections; bound ${fmt(bound)} records/s`);
  console.log(`  push: ${fmt(rate(result))} records/s (median of ${RUNS} runs: ${rates.map((r) => fmt(r)).join(", ")}; ${fmt(result.ms / 1000, 2)} s, ${result.requests} requests) = ${fmt((rate(result) / bound) * 100, 1)}% of the bound (target ≥ 85%)`);
  console.log(`    ${describeClientLoad(result)}`);
  console.log(`    ${describeConnectionWaits(result, "PATCH", CONCURRENCY)}`);
  console.log(`    ${describeMachineLoad(result, "PATCH")}`);
} finally {
  await sandbox.stop();
}
