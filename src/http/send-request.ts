/**
 * The send step: one HTTP exchange through the undici dispatcher. Reads the whole body except for
 * `stream` responses, so that a connection reset mid-body is a transport error the pipeline can retry.
 * A transport failure is returned as `{type: "error"}`; only a malformed path throws.
 */
import type { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { buildUrl } from "./build-url.js";
import type { AttemptOutcome, PipelineRequest } from "./http-request.js";

/** Transport settings of the send step. */
export interface SendOptions {
  baseUrl: string;
  dispatcher: Dispatcher;
  /** Headers and idle-body timeout, in ms. */
  timeoutMs: number;
  userAgent: string;
}

async function readText(body: Readable, acceptPartial: boolean): Promise<{ text: string; partial: boolean }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return { text: Buffer.concat(chunks).toString("utf8"), partial: false };
  } catch (error) {
    if (!acceptPartial) throw error;
    return { text: Buffer.concat(chunks).toString("utf8"), partial: true };
  }
}

/** How much of a body's start `peekBody` is shown, at most. */
const PEEK_LIMIT = 16 * 1024;

async function readBytes(body: Readable, peek: ((head: string) => boolean) | undefined): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  let peeking = peek !== undefined;
  for await (const chunk of body) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (peeking) peeking = !peek!(Buffer.concat(chunks, Math.min(size, PEEK_LIMIT)).toString("utf8")) && size < PEEK_LIMIT;
  }
  return Buffer.concat(chunks, size);
}

function buildHeaders(req: PipelineRequest, authorization: string, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {
    ...req.headers,
    authorization,
    accept: (req.responseType ?? "json").startsWith("json") ? "application/json" : "*/*",
    "user-agent": userAgent,
  };
  const contentType = req.contentType ?? (typeof req.body === "string" ? "application/json" : undefined);
  if (contentType !== undefined) headers["content-type"] = contentType;
  return headers;
}

/** Send one attempt of `req` with the given Authorization header value. */
export async function sendRequest(req: PipelineRequest, authorization: string, options: SendOptions): Promise<AttemptOutcome> {
  const url = buildUrl(options.baseUrl, req.path, req.query);
  try {
    const res = await options.dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: req.method,
      headers: buildHeaders(req, authorization, options.userAgent),
      body: (req.body ?? null) as Dispatcher.DispatchOptions["body"],
      signal: req.signal ?? null,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const base = { status: res.statusCode, headers: res.headers, bodyText: "", partial: false };
    const success = res.statusCode >= 200 && res.statusCode < 300;
    const type = req.responseType ?? "json";
    if (success && type === "stream") return { type: "response", response: { ...base, stream: res.body } };
    if (success && type === "jsonBytes") return { type: "response", response: { ...base, bytes: await readBytes(res.body, req.peekBody) } };
    if (success && type === "buffer") return { type: "response", response: { ...base, bytes: new Uint8Array(await res.body.arrayBuffer()) } };
    const { text, partial } = await readText(res.body, success && req.acceptPartialBody === true);
    return { type: "response", response: { ...base, bodyText: text, partial } };
  } catch (error) {
    return { type: "error", error };
  }
}
