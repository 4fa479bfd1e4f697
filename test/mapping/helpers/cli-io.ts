/** A CliIO for command tests: stdin holds `input`; `out()`/`err()` return what was written. */
import { PassThrough, Readable } from "node:stream";
import type { CliIO } from "../../../src/cli/io.js";

export function createTestIO(input = "", cwd = process.cwd()): CliIO & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on("data", (chunk: Buffer) => err.push(chunk.toString()));
  return { stdout, stderr, stdin: Readable.from([input]), env: {}, cwd, isTTY: false, out: () => out.join(""), err: () => err.join("") };
}
