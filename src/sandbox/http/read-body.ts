/** Read a request body into memory (with a size limit) and decode JSON bodies like Akeneo does. */
import type { IncomingMessage } from "node:http";
import { httpError, isPlainObject } from "./akeneo-error.js";

/** Largest body accepted: 100 lines of 1,000,000 characters, plus slack. */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;

/** The whole body as a Buffer; 413 past `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw httpError(413, "Request Entity Too Large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Decode a single-resource JSON body: 400 "Invalid json message received" unless it is a JSON object. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req)).toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw httpError(400, "Invalid json message received");
  }
  if (!isPlainObject(parsed)) throw httpError(400, "Invalid json message received");
  return parsed;
}
