/**
 * NDJSON output of the run commands (pull's records, push's results) to a file or stdout. For a file, each batch is handed
 * to the OS before the next batch is asked for, and `position` counts the bytes written; a resumed
 * run first cuts the file back to the position stored with its checkpoint, so an interrupted and
 * resumed pull leaves each record in the file exactly once.
 */
import { createWriteStream, existsSync } from "node:fs";
import { truncate } from "node:fs/promises";
import { closeStream } from "./close-stream.js";

export interface NdjsonSink {
  write(objects: readonly unknown[]): Promise<void>;
  /** Bytes written since the file was opened, plus where it started. */
  position(): number;
  close(): Promise<void>;
}

export async function openNdjsonSink(path: string | undefined, stdout: NodeJS.WritableStream, resumeAt?: unknown): Promise<NdjsonSink> {
  let bytes = 0;
  if (path === undefined) {
    return {
      write: (objects) => writeText(stdout, toLines(objects)),
      position: () => 0,
      close: async () => undefined,
    };
  }
  const resume = typeof resumeAt === "number" && existsSync(path);
  if (resume) {
    await truncate(path, resumeAt);
    bytes = resumeAt;
  }
  const stream = createWriteStream(path, { flags: resume ? "a" : "w" });
  return {
    async write(objects) {
      const text = toLines(objects);
      await writeText(stream, text);
      bytes += Buffer.byteLength(text);
    },
    position: () => bytes,
    close: () => closeStream(stream),
  };
}

function toLines(objects: readonly unknown[]): string {
  return objects.length === 0 ? "" : objects.map((o) => JSON.stringify(o)).join("\n") + "\n";
}

function writeText(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text === "") return Promise.resolve();
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}
