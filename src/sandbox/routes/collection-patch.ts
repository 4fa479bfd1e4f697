/**
 * Collection PATCH (`application/vnd.akeneo.collection+json`): one JSON resource per line, at most
 * 100 lines (else 413 for the whole request, before anything is written), each line at most
 * 1,000,000 characters (else 413 for that line). The answer is a 200 streamed line by line.
 */
import { httpError, isPlainObject } from "../http/akeneo-error.js";
import { COLLECTION_TYPE, requireContentType } from "../http/media-types.js";
import { readBody } from "../http/read-body.js";
import type { UpsertResult } from "../write/upsert-result.js";
import type { RouteContext } from "./router.js";
import { resultLine } from "./write-response.js";

export const MAX_LINES = 100;
export const MAX_LINE_LENGTH = 1_000_000;

/** Handle a collection PATCH; `apply` writes one decoded line. */
export async function handleCollectionPatch(ctx: RouteContext, keyField: string, apply: (item: unknown) => UpsertResult): Promise<void> {
  requireContentType(ctx.req, COLLECTION_TYPE);
  const text = (await readBody(ctx.req)).toString("utf8");
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l)).filter((l) => l.trim() !== "");
  if (lines.length > MAX_LINES) throw httpError(413, `Too many resources to process, ${MAX_LINES} is the maximum allowed.`);
  ctx.res.writeHead(200, { "content-type": COLLECTION_TYPE });
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const out = processLine(line, raw, keyField, apply);
    ctx.res.write(`${index === 0 ? "" : "\n"}${JSON.stringify(out)}`);
  }
  ctx.res.end();
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
