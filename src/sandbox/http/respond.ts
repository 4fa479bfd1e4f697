/** Writing responses: JSON bodies, empty bodies, and the error answer of a thrown `SandboxHttpError`. */
import type { ServerResponse } from "node:http";
import { SandboxHttpError } from "./akeneo-error.js";

/** Send a JSON body with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

const ITEMS_SLOT = "\u0000items\u0000";

/** Send a list envelope whose `_embedded.items` are already serialized (see ItemJsonCache). */
export function sendJsonPage(res: ServerResponse, envelope: Record<string, unknown>, itemsJson: readonly string[]): void {
  const embedded = envelope["_embedded"] as Record<string, unknown>;
  const text = JSON.stringify({ ...envelope, _embedded: { ...embedded, items: ITEMS_SLOT } }).replace(JSON.stringify(ITEMS_SLOT), `[${itemsJson.join(",")}]`);
  const body = Buffer.from(text); // encoded now, so that a held answer only has to be written when released
  res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
}

/** Send an empty body (201/204 with `Location`, for instance). */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, "content-length": 0 });
  res.end();
}

/** Answer a thrown error: Akeneo's body for `SandboxHttpError`, a 500 for anything else. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (res.destroyed) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof SandboxHttpError) {
    sendJson(res, error.status, error.body, error.headers);
    return;
  }
  sendJson(res, 500, { code: 500, message: "Internal Server Error" });
}
