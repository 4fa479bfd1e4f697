/**
 * Progress on stderr: a bar when stderr is a terminal (records, rate, ETA when a total is known),
 * a plain line every few seconds when it is not (logs of a platform), nothing with `--quiet`.
 */
import cliProgress from "cli-progress";
import type { CliIO } from "./io.js";

export interface Progress {
  /** Add `count` processed records. */
  add(count: number): void;
  /** Stop drawing (the summary follows). */
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  quiet: boolean;
  total?: number;
  /** Plain mode: ms between lines. Default 5000. */
  intervalMs?: number;
}

export function createProgress(io: CliIO, options: ProgressOptions): Progress {
  if (options.quiet) return { add: () => undefined, stop: () => undefined };
  const started = Date.now();
  let done = 0;
  if (io.isTTY) {
    const format = options.total
      ? `${options.label} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}`
      : `${options.label} {value} records | {rate}/s | {duration_formatted}`;
    const bar = new cliProgress.SingleBar({ format, stream: io.stderr as NodeJS.WritableStream & { isTTY: boolean }, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
    bar.start(options.total ?? 0, 0, { rate: "0" });
    return {
      add(count) {
        done += count;
        bar.update(done, { rate: rate(done, started) });
      },
      stop: () => bar.stop(),
    };
  }
  const intervalMs = options.intervalMs ?? 5000;
  let last = started;
  return {
    add(count) {
      done += count;
      const now = Date.now();
      if (now - last >= intervalMs) {
        last = now;
        io.stderr.write(`${options.label}: ${done} records (${rate(done, started)}/s)\n`);
      }
    },
    stop: () => undefined,
  };
}

function rate(done: number, started: number): string {
  const seconds = Math.max(0.001, (Date.now() - started) / 1000);
  return (done / seconds).toFixed(0);
}
