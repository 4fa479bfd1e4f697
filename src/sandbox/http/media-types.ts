/**
 * Content negotiation the way Akeneo enforces it: 406 for an `Accept` that excludes JSON, 415 for a
 * body whose `Content-Type` is not the one the endpoint takes (messages copied from the spec).
 */
import type { IncomingMessage } from "node:http";
import { httpError } from "./akeneo-error.js";

export const JSON_TYPE = "application/json";
export const COLLECTION_TYPE = "application/vnd.akeneo.collection+json";
export const MULTIPART_TYPE = "multipart/form-data";

/** The media type of the request body, lowercased, without parameters ("" when absent). */
export function contentTypeOf(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/** 415 unless the body's media type is `expected`. */
export function requireContentType(req: IncomingMessage, expected: string): void {
  const actual = contentTypeOf(req);
  if (actual === expected) return;
  throw httpError(415, `‘${actual}’ in ‘Content-type’ header is not valid.  Only ‘${expected}’ is allowed.`);
}

/** 406 unless `Accept` is absent or admits JSON (or anything, for binary downloads). */
export function checkAccept(req: IncomingMessage, binary: boolean): void {
  const accept = req.headers.accept;
  if (!accept || binary) return;
  const ranges = accept.split(",").map((part) => part.split(";")[0]!.trim().toLowerCase());
  const ok = ranges.some((r) => r === "*/*" || r === "application/*" || r === JSON_TYPE || r === COLLECTION_TYPE || r === "");
  if (!ok) throw httpError(406, `‘${accept}’ in ‘Accept‘ header is not valid. Only ‘application/json‘ is allowed.`);
}
