/**
 * NDJSON on the platform side: one JSON object per line. Reading keeps line numbers so every
 * result can point at its input line; a malformed line becomes an item with `parseError` and the
 * rest of the input still goes through.
 */
import { createInterface } from "node:readline";
import type { PushItem } from "./prepare-push-item.js";

/** Items of an NDJSON stream, 1-based line numbers; blank lines are skipped but counted. */
export async function* readNdjson(input: NodeJS.ReadableStream): AsyncGenerator<PushItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    try {
      yield { line, record: JSON.parse(text) as unknown };
    } catch (error) {
      yield { line, parseError: (error as Error).message };
    }
  }
}

/** Records from a host's iterable, numbered from 1 like lines. */
export async function* numberRecords(records: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<PushItem> {
  let line = 0;
  for await (const record of records) yield { line: ++line, record };
}
