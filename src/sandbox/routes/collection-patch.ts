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
import { resultLineText } from "./write-response.js";

export const MAX_LINES = 100;
export const MAX_LINE_LENGTH = 1_000_000;
const LINES_PER_TURN = 25;

/** Handle a collection PATCH; `apply` writes one decoded line. */
export async function handleCollectionPatch(ctx: RouteContext, keyField: string, apply: (item: unknown) => UpsertResult): Promise<void> {
  requireContentType(ctx.req, COLLECTION_TYPE);
  const body = await readBody(ctx.req);
  const lines = nonBlankLines(body);
  if (lines.length > MAX_LINES) throw httpError(413, `Too many resources to process, ${MAX_LINES} is the maximum allowed.`);
  ctx.res.writeHead(200, { "content-type": COLLECTION_TYPE });
  // One write for the whole answer (the same bytes, as one chunk) rather than a write per line.
  const answers: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    // A PIM works on concurrent requests in parallel: let the others (answers due, bodies arriving) in between.
    if (index > 0 && index % LINES_PER_TURN === 0) await nextTurn();
    answers.push(processLine(index + 1, lineText(body, lines[index]!), keyField, apply));
  }
  ctx.res.end(answers.join("\n"));
}

/** A line of the body: where it starts and ends (before its "\n"). */
type LineBounds = readonly [start: number, end: number];

/**
 * The body's non-blank lines, found without decoding them: a line is decoded only when its turn
 * comes (see lineText), so a batch in progress holds one line's text, not all of them, and the GC
 * has less to copy while concurrent batches interleave.
 */
function nonBlankLines(body: Buffer): LineBounds[] {
  const lines: LineBounds[] = [];
  for (let start = 0; start <= body.length; ) {
    const newline = body.indexOf(10, start);
    const end = newline < 0 ? body.length : newline;
    if (!isBlank(body, start, end)) lines.push([start, end]);
    start = end + 1;
  }
  return lines;
}

/** Whether the line's text is blank (`trim()` leaves nothing), deciding on its bytes when they are ASCII. */
function isBlank(body: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = body[i]!;
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue; // ASCII whitespace
    if (byte < 0x80) return false;
    return body.toString("utf8", start, end).trim() === ""; // Unicode spaces are blank too
  }
  return true;
}

/**
 * A line's text, without a trailing "\r". Decoded line by line, which gives the same text as
 * decoding the whole body (a "\n" byte is never part of a multi-byte UTF-8 sequence) but faster: V8
 * decodes each line's leading ASCII run in bulk and only the rest byte by byte.
 */
function lineText(body: Buffer, [start, end]: LineBounds): string {
  const line = body.toString("utf8", start, end);
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/** The answer to one line, as JSON text. */
function processLine(line: number, raw: string, keyField: string, apply: (item: unknown) => UpsertResult): string {
  if (raw.length > MAX_LINE_LENGTH) return JSON.stringify({ line, status_code: 413, message: "Line is too long." });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return JSON.stringify({ line, status_code: 400, message: "Invalid json message received" });
  }
  const given = isPlainObject(parsed) && typeof parsed[keyField] === "string" ? (parsed[keyField] as string) : undefined;
  try {
    const result = apply(parsed);
    return resultLineText(line, keyField, result.key ?? given, result);
  } catch {
    return resultLineText(line, keyField, given, { status: 500, message: "Internal Server Error" });
  }
}
