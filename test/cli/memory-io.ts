import { PassThrough } from "node:stream";
import type { CliIO } from "../../src/cli/io.js";

/** A CliIO whose output is collected in memory: `out()` and `err()` return what was written. */
export function createMemoryIO(options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliIO & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as string[], err: [] as string[] };
  stdout.on("data", (chunk: Buffer) => chunks.out.push(chunk.toString()));
  stderr.on("data", (chunk: Buffer) => chunks.err.push(chunk.toString()));
  return {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    isTTY: false,
    out: () => chunks.out.join(""),
    err: () => chunks.err.join(""),
  };
}
