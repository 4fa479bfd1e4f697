/**
 * Collection PATCH responses (NOTES §6). NDJSON: one `{line, <key>, status_code, message?, errors?}` per
 * input line, streamed after a 200, so a server failure can cut it short: every input item gets a result,
 * and items without a line are rejected with `BATCH_TRUNCATED`, never silently lost (USERS.md #4).
 * JSON-array endpoints (records, assets) answer an array of `{code, status_code, …}` in input order.
 */
import { z } from "zod";
import { akeneoErrorDetailSchema } from "../http/create-http-error.js";
import type { AkeneoRecord, UpsertResult } from "./akeneo-client.js";

const lineSchema = z.looseObject({
  line: z.number().int().optional(),
  status_code: z.number().int(),
  message: z.string().optional(),
  errors: z.array(akeneoErrorDetailSchema).optional(),
});

type Line = z.infer<typeof lineSchema>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toResult(line: Line, index: number, key: string | undefined): UpsertResult {
  const status = line.status_code;
  const base = { index, ...(key === undefined ? {} : { key }), status };
  if (status === 201) return { ...base, outcome: "created" };
  if (status >= 200 && status < 300) return { ...base, outcome: "updated" };
  return {
    ...base,
    outcome: "rejected",
    code: "BATCH_ITEM_REJECTED",
    ...(line.message === undefined ? {} : { message: line.message }),
    ...(line.errors === undefined ? {} : { errors: line.errors }),
  };
}

function keyOf(line: Line | undefined, item: AkeneoRecord | undefined, keyField: string): string | undefined {
  const value = line?.[keyField] ?? item?.[keyField];
  return typeof value === "string" ? value : undefined;
}

/** The result of an item whose line never came back. */
export function truncatedResult(index: number, key: string | undefined): UpsertResult {
  return {
    index,
    ...(key === undefined ? {} : { key }),
    outcome: "rejected",
    status: 0,
    code: "BATCH_TRUNCATED",
    message: "[akeneo] the batch response ended before this item's line (truncated response): its outcome is unknown, send it again",
  };
}

/** Lines of the response, in input positions (0-based within the chunk). */
function linesByPosition(format: "ndjson" | "json-array", text: string, count: number): Map<number, Line> {
  const raw: unknown[] = format === "ndjson" ? text.split("\n").filter((l) => l.trim() !== "").map(parseJson) : [parseJson(text)].flat();
  const byPosition = new Map<number, Line>();
  raw.forEach((value, order) => {
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) return;
    const position = parsed.data.line !== undefined && format === "ndjson" ? parsed.data.line - 1 : order;
    if (position >= 0 && position < count && !byPosition.has(position)) byPosition.set(position, parsed.data);
  });
  return byPosition;
}

/** One result per item of the chunk, `index` = `offset` + position in the chunk. */
export function parseBatchResponse(format: "ndjson" | "json-array", text: string, items: readonly AkeneoRecord[], offset: number, keyField: string): UpsertResult[] {
  const lines = linesByPosition(format, text, items.length);
  return items.map((item, position) => {
    const line = lines.get(position);
    const key = keyOf(line, item, keyField);
    return line ? toResult(line, offset + position, key) : truncatedResult(offset + position, key);
  });
}
