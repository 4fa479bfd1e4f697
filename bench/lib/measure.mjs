import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

const client = fileURLToPath(new URL("./client-process.mjs", import.meta.url));

/** Run one client job in a fresh process; returns its JSON result. */
export function runClient(job) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [client, JSON.stringify(job)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (status !== 0) throw new Error(`client process failed (${status}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
  return JSON.parse(stdout.trim().split("\n").pop());
}

/** `runClient`, with how long the sandbox's connections waited for the client during it (`idle`, see connection-idle-hook.mjs). */
export async function runWatched(sandbox, job) {
  await sandbox.connectionIdle(); // what came before is not this run's
  const result = runClient(job);
  return { ...result, idle: await sandbox.connectionIdle() };
}

export const rate = (result) => (result.records / result.ms) * 1000;

/** Of `runs` (each a client result), the one with the median rate, and every rate in run order. */
export function medianRun(runs) {
  const rates = runs.map(rate);
  const median = [...runs].sort((a, b) => rate(a) - rate(b))[runs.length >> 1];
  return { median, rates };
}

/** How many times a throughput figure is measured (the machine is noisy: ±3 % from run to run); its median is the figure. */
export const RUNS = 3;
export const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Where the client's time went in a run: its main thread's busy share and the process's CPU time
 * (all threads) next to the wall time, and the cores the machine has. A client whose main thread is
 * busy most of the run answers each response late, and on 2 cores it shares them with the sandbox.
 */
export function describeClientLoad(result) {
  return `client main thread busy ${fmt(result.busy * 100)}% of the run; process CPU ${fmt(result.cpuMs / 1000, 2)} s (all threads) in ${fmt(result.ms / 1000, 2)} s on ${availableParallelism()} cores`;
}

/**
 * The run's rounds as the PIM saw them, for the requests of `method`: an answer's own time, then the
 * wait for the client's next request of that method on that connection, and what `connections` connections carry at that pace (100 records a
 * request). With no wait at all it would be the bound at the sandbox's answer time.
 */
export function describeConnectionWaits(result, method, connections) {
  const { waitMeanMs, waitMedianMs, answerMeanMs, waits } = result.idle[method];
  const pace = (connections * 100 * 1000) / (answerMeanMs + waitMeanMs);
  return `sandbox side: an answer took ${fmt(answerMeanMs, 1)} ms, then its connection waited ${fmt(waitMeanMs, 1)} ms for the client's next ${method} (median ${fmt(waitMedianMs, 1)}, ${fmt(waits)} waits); at that pace ${connections} connections carry ${fmt(pace)} records/s`;
}

/**
 * The machine while the client ran `method`: the sandbox process's CPU time from its first such request
 * to its last answer, next to the client's (measured over its own run), as a share of every core. On a
 * machine where this nears 100 %, the client and the PIM stand-in wait for each other's CPU.
 */
export function describeMachineLoad(result, method) {
  const { cpuMs, wallMs } = result.idle[method];
  const cores = availableParallelism();
  const busy = ((cpuMs + result.cpuMs) / (Math.max(wallMs, result.ms) * cores)) * 100;
  return `machine: the sandbox process used ${fmt(cpuMs / 1000, 2)} s of CPU in the ${fmt(wallMs / 1000, 2)} s it served the ${method} requests, the client ${fmt(result.cpuMs / 1000, 2)} s: ${fmt(busy)}% of ${cores} cores`;
}
