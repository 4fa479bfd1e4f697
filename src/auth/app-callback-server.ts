/**
 * The local web server of `app authorize`, on 127.0.0.1 only: `/activate` (the app's activate URL,
 * which sends the browser on to the PIM's authorize page) and `/callback` (where the PIM sends it
 * back). Pages are tiny HTML with escaped text; nothing secret is ever written to them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ConnectorError } from "../errors.js";

/** What a route answers; `onSent` runs once the answer has been written (or the client went away). */
export type CallbackAnswer = ({ redirect: string } | { status: number; title: string; text: string }) & { onSent?: () => void };

/** Route handlers, given the request's query parameters. */
export interface CallbackRoutes {
  activate(query: URLSearchParams): CallbackAnswer;
  callback(query: URLSearchParams): Promise<CallbackAnswer>;
}

/** A listening server. */
export interface CallbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Listen on `host`:`port` (0 picks a free port); USAGE error when the port is taken. */
export async function startCallbackServer(routes: CallbackRoutes, port: number, host = "127.0.0.1"): Promise<CallbackServer> {
  const server = createServer((req, res) => {
    answer(routes, req).then(
      (result) => send(res, result),
      () => send(res, { status: 500, title: "Error", text: "The authorization failed; see the terminal." }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const taken = error.code === "EADDRINUSE" || error.code === "EACCES";
      reject(taken ? new ConnectorError(`[auth] cannot listen on ${host}:${port} (${error.code}): pass another --port, and register its callback URL with the app`, { code: "USAGE", kind: "config" }) : error);
    });
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return { origin: `http://${host}:${actual}`, close: () => closeServer(server) };
}

async function answer(routes: CallbackRoutes, req: IncomingMessage): Promise<CallbackAnswer> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.method !== "GET") return { status: 405, title: "Method not allowed", text: "Only GET is served here." };
  if (url.pathname === "/activate") return routes.activate(url.searchParams);
  if (url.pathname === "/callback") return routes.callback(url.searchParams);
  return { status: 404, title: "Not found", text: "Open /activate to authorize the app." };
}

function send(res: ServerResponse, result: CallbackAnswer): void {
  if (result.onSent) res.once("close", result.onSent);
  if ("redirect" in result) {
    res.writeHead(302, { location: result.redirect, "cache-control": "no-store", "content-length": 0 });
    res.end();
    return;
  }
  const html = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(result.title)}</title><h1>${escapeHtml(result.title)}</h1><p>${escapeHtml(result.text)}</p>\n`;
  res.writeHead(result.status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(html), ...(result.onSent ? { connection: "close" } : {}) });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
