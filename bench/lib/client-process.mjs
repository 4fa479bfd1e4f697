// One measured client run in its own process, so that its peak RSS is its own:
//   node bench/lib/client-process.mjs '<json: {mode, url, credentials, concurrency, records?, decodeWorkers?}>'
// mode: partitioned | sequential | push (records, suffix?) | roundtrip. Prints one JSON line:
// { records, ms, requests, decodeWorkers?, maxRssMb, busy, cpuMs } ({ medianMs, maxRssMb } for roundtrip), where, over
// the measured run only, `busy` is the share of the time the main thread was not waiting (event loop
// utilization) and `cpuMs` the CPU time of the whole process (every thread: V8's GC and compiler helpers too).
import { createSubscription, parseConfig, getEntityDefinition, tuneHeapForStreaming } from "../../dist/index.js";

tuneHeapForStreaming(); // as the CLI does at startup (src/cli.ts)

const job = JSON.parse(process.argv[2]);
const config = parseConfig({
  credentials: { baseUrl: job.url, ...job.credentials, throttleLimit: 100000, throttleSeconds: 1, concurrentConnections: job.concurrency },
  settings: { channel: "ecommerce", locales: ["en_US", "fr_FR", "de_DE"], entities: ["products", "attributes", "attribute_options"] },
});
const subscription = createSubscription(config, job.decodeWorkers === undefined ? {} : { decodeWorkers: job.decodeWorkers });

let decodeWorkers;
async function pullPartitioned() {
  let records = 0;
  const run = subscription.pull("products", { full: true });
  for await (const batch of run) records += batch.records.length;
  decodeWorkers = run.report.decodeWorkers;
  return records;
}

/** The single search_after cursor every other connector uses: one request at a time, same mapping. */
async function pullSequential() {
  const mapper = await subscription.mapper("products", "pull");
  const definition = getEntityDefinition("products");
  let records = 0;
  for await (const page of subscription.client.iteratePages(definition, { pageSize: 100, locales: config.settings.locales })) {
    const mapped = await Promise.all(page.items.map((item) => mapper.map(item)));
    records += mapped.filter((m) => m.ok).length;
  }
  return records;
}

async function push() {
  const all = [];
  for await (const batch of subscription.pull("products", { full: true })) {
    all.push(...batch.records);
    if (all.length >= job.records) break;
  }
  const suffix = job.suffix ?? "(bench)"; // a new name each run, so that every record changes
  const records = all.slice(0, job.records).map((r) => ({ ...r, name: { ...r.name, en_US: `${r.name?.en_US ?? r.sku} ${suffix}` } }));
  const before = subscription.client.stats().requests;
  const usage = startUsage();
  const { report } = await subscription.push("products", records);
  const measured = usage();
  if (report.updated !== records.length) throw new Error(`push updated ${report.updated} of ${records.length}`);
  return { records: report.updated, ...measured, requests: subscription.client.stats().requests - before };
}

/**
 * The sandbox's own round trip for a 100-product page: `concurrency` loops of back-to-back requests
 * that only read the body (no parsing, no mapping). The pull bound assumes exactly the latency.
 */
async function roundTrip() {
  const { request } = await import("undici");
  const c = job.credentials;
  const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString("base64");
  const body = JSON.stringify({ grant_type: "password", username: c.username, password: c.password });
  const token = await (await request(`${job.url}/api/oauth/v1/token`, { method: "POST", headers: { authorization: `Basic ${basic}`, "content-type": "application/json" }, body })).body.json();
  const page = `${job.url}/api/rest/v1/products-uuid?pagination_type=search_after&limit=100&locales=en_US,fr_FR,de_DE`;
  const times = [];
  await Promise.all(Array.from({ length: job.concurrency }, async () => {
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      await (await request(page, { headers: { authorization: `Bearer ${token.access_token}` } })).body.text();
      if (i > 0) times.push(performance.now() - started); // the first one opens the connection
    }
  }));
  return { medianMs: times.sort((a, b) => a - b)[times.length >> 1] };
}

/** Start measuring; the returned function gives the wall time, the main thread's busy share and the process's CPU time since. */
function startUsage() {
  const started = performance.now();
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  return () => {
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    return { ms, busy: performance.eventLoopUtilization(elu).utilization, cpuMs: (user + system) / 1000 };
  };
}

let result;
if (job.mode === "roundtrip") {
  result = await roundTrip();
} else if (job.mode === "push") {
  result = await push();
} else {
  const before = subscription.client.stats().requests;
  const usage = startUsage();
  const records = job.mode === "sequential" ? await pullSequential() : await pullPartitioned();
  result = { records, ...usage(), requests: subscription.client.stats().requests - before };
}
await subscription.close();
console.log(JSON.stringify({ ...result, decodeWorkers, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
