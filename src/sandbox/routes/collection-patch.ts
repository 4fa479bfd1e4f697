/**
 * Collection PATCH (`application/vnd.akeneo.collection+json`): one JSON resource per line, at most
 * 100 lines (else 413 for the whole request, before anything is written), each line at most
 * 1,000,000 characters (else 413 for that line). The answer is a 200 with one JSON object per line.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { httpError, isPlainObject } from "../http/akeneo-error.js";
import { COLLECTION_TYPE, requireContentType } from "../http/media-types.js";
import { readBody } from "../http/read-body.js";
import type { UpsertResult } from "../write/upsert-result.js";
import type { RouteContext } from "./router.js";
import { resultLine } from "./write-response.js";

export const MAX_LINES = 100;
export const MAX_LINE_LENGTH = 1_000_000;
const LINES_PER_TURN = 25;

/** Handle a collection PATCH; `apply` writes one decoded line. */
export async function handleCollectionPatch(ctx: RouteContext, keyField: string, apply: (item: unknown) => UpsertResult): Promise<void> {
  requireContentType(ctx.req, COLLECTION_TYPE);
  const lines = nonBlankLines(await readBody(ctx.req));
  if (lines.length > MAX_LINES) throw httpError(413, `Too many resources to process, ${MAX_LINES} is the maximum allowed.`);
  ctx.res.writeHead(200, { "content-type": COLLECTION_TYPE });
  // One write for the whole answer (the same bytes, as one chunk) rather than a write per line.
  const answers: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    // A PIM works on concurrent requests in parallel: let the others (answers due, bodies arriving) in between.
    if (index > 0 && index % LINES_PER_TURN === 0) await nextTurn();
    answers.push(JSON.stringify(processLine(index + 1, lines[index]!, keyField, apply)));
  }
  ctx.res.end(answers.join("\n"));
}

/**
 * The body's non-blank lines, without a trailing "\r". Decoded line by line, which gives the same
 * text as decoding the whole body (a "\n" byte is never part of a multi-byte UTF-8 sequence) but
 * faster: V8 decodes each line's leading ASCII run in bulk and only the rest byte by byte.
 */
function nonBlankLines(body: Buffer): string[] {
  const lines: string[] = [];
  for (let start = 0; start <= body.length; ) {
    const newline = body.indexOf(10, start);
    const end = newline < 0 ? body.length : newline;
    let line = body.toString("utf8", start, end);
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.trim() !== "") lines.push(line);
    start = end + 1;
  }
  return lines;
}

function processLine(line: number, raw: string, keyField: string, apply: (item: unknown) => UpsertResult): Record<string, unknown> {
  if (raw.length > MAX_LINE_LENGTH) return { line, status_code: 413, message: "Line is too long." };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { line, status_code: 400, message: "Invalid json message received" };
  }
  const given = isPlainObject(parsed) && typeof parsed[keyField] === "string" ? (parsed[keyField] as string) : undefined;
  try {
    const result = apply(parsed);
    return resultLine(line, keyField, result.key ?? given, result);
  } catch {
    return resultLine(line, keyField, given, { status: 500, message: "Internal Server Error" });
  }
}
