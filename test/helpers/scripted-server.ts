/**
 * A small real HTTP server for narrow HTTP-layer tests (after Stripe's getTestServerStripe and ky's
 * create-http-test-server): listens on 127.0.0.1 port 0, serves an Akeneo-like token endpoint and scripted
 * routes `(req, n) => response` where `n` counts requests per route (1-based), and records every request.
 * By default every non-token route requires a bearer token this server issued and has not revoked.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const TEST_CREDENTIALS = {
  clientId: "client-id-123",
  clientSecret: "client-secret-456",
  username: "api-user",
  password: "api-password-789",
} as const;

export const TOKEN_ROUTE = "POST /api/oauth/v1/token";

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** Route key (`GET /api/rest/v1/products-uuid`) and count of requests to it, 1-based. */
  route: string;
  n: number;
  /** Set when the client closed the connection before the answer was sent (it called the request off). */
  calledOff?: boolean;
  /** `performance.now()` when the request had arrived, and when its answer's last byte was written. */
  receivedAt: number;
  answeredAt?: number;
}

export interface ScriptedResponse {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. */
  body?: unknown;
  /** Destroy the socket without answering (a connection reset). */
  reset?: boolean;
  /** Send a 200 (or `status`) with this partial body, then destroy the socket. */
  partialBody?: string;
  /** Wait this long (real ms) before answering. */
  delayMs?: number;
  /** Send the body's first `bytes`, then wait `ms` (real) before the rest: a body that arrives slowly. */
  pauseAfter?: { bytes: number; ms: number };
}

export type RouteHandler = (req: RecordedRequest, n: number) => ScriptedResponse | Promise<ScriptedResponse>;

export interface ScriptedServerOptions {
  /** `"METHOD /path"` (exact) or `"METHOD /prefix*"` → handler. A token route here replaces the built-in one. */
  routes?: Record<string, RouteHandler>;
  /** `expires_in` of issued tokens, seconds. Default 3600. */
  expiresIn?: number;
  /** Require a valid bearer token on non-token routes. Default true. */
  requireToken?: boolean;
}

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests whose route key is `key`. */
  requestsTo(key: string): RecordedRequest[];
  readonly tokenRequests: RecordedRequest[];
  /** Add or replace a route. */
  route(key: string, handler: RouteHandler): void;
  /** Access tokens issued so far, in order. */
  issued: string[];
  /** Make every access token issued so far invalid (the next call with one gets a 401). */
  revokeAccessTokens(): void;
  /** Make every refresh token issued so far invalid. */
  revokeRefreshTokens(): void;
  close(): Promise<void>;
}

const BASIC = `Basic ${Buffer.from(`${TEST_CREDENTIALS.clientId}:${TEST_CREDENTIALS.clientSecret}`).toString("base64")}`;

function send(res: ServerResponse, response: ScriptedResponse, recorded: RecordedRequest): void {
  res.once("finish", () => (recorded.answeredAt = performance.now()));
  if (response.reset) {
    res.socket?.destroy();
    return;
  }
  const status = response.status ?? 200;
  const raw = response.body;
  const isRaw = typeof raw === "string" || Buffer.isBuffer(raw);
  const headers: Record<string, string> = { ...(raw !== undefined && !isRaw ? { "content-type": "application/json" } : {}), ...response.headers };
  if (response.partialBody !== undefined) {
    res.writeHead(status, headers);
    res.write(response.partialBody, () => setTimeout(() => res.socket?.destroy(), 5));
    return;
  }
  res.writeHead(status, headers);
  const body = raw === undefined ? undefined : Buffer.from(isRaw ? raw : JSON.stringify(raw));
  if (body && response.pauseAfter) {
    const { bytes, ms } = response.pauseAfter;
    res.write(body.subarray(0, bytes));
    setTimeout(() => res.end(body.subarray(bytes)), ms);
    return;
  }
  res.end(body);
}

/** The built-in token endpoint: Akeneo's 422 messages, a new pair per grant, single-use refresh tokens. */
function createTokenIssuer(expiresIn: number) {
  const issued: string[] = [];
  const validAccess = new Set<string>();
  const validRefresh = new Set<string>();
  const fail = (message: string): ScriptedResponse => ({ status: 422, body: { code: 422, message } });
  const handler: RouteHandler = (req) => {
    if (req.headers.authorization !== BASIC) return fail('Parameter "client_id" is missing or does not match any client, or secret is invalid');
    const body = JSON.parse(req.body || "{}") as Record<string, string>;
    if (body.grant_type === "refresh_token") {
      if (!validRefresh.delete(body.refresh_token ?? "")) return fail("Refresh token is invalid or has expired");
    } else if (body.username !== TEST_CREDENTIALS.username || body.password !== TEST_CREDENTIALS.password) {
      return fail("No user found for the given username and password");
    }
    const n = issued.length + 1;
    issued.push(`access-token-${n}`);
    validAccess.add(`access-token-${n}`);
    validRefresh.add(`refresh-token-${n}`);
    return { body: { access_token: `access-token-${n}`, expires_in: expiresIn, token_type: "bearer", scope: null, refresh_token: `refresh-token-${n}` } };
  };
  return { handler, issued, validAccess, validRefresh };
}

function findHandler(routes: Map<string, RouteHandler>, tokenHandler: RouteHandler, method: string, path: string): { key: string; handler: RouteHandler } | undefined {
  const exact = `${method} ${path}`;
  const direct = routes.get(exact) ?? (exact === TOKEN_ROUTE ? tokenHandler : undefined);
  if (direct) return { key: exact, handler: direct };
  for (const [key, handler] of routes) {
    if (key.endsWith("*") && exact.startsWith(key.slice(0, -1))) return { key, handler };
  }
  return undefined;
}

/** Start a scripted server; call `close()` in afterEach. */
export async function startScriptedServer(options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const routes = new Map(Object.entries(options.routes ?? {}));
  const counts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const tokens = createTokenIssuer(options.expiresIn ?? 3600);

  async function answer(recorded: RecordedRequest, found: { handler: RouteHandler } | undefined): Promise<ScriptedResponse> {
    const bearer = recorded.headers.authorization?.replace(/^Bearer /, "") ?? "";
    if (!found) return { status: 404, body: { code: 404, message: `No route found for "${recorded.method} ${recorded.path}"` } };
    if (recorded.route !== TOKEN_ROUTE && options.requireToken !== false && !tokens.validAccess.has(bearer)) return { status: 401, body: { code: 401, message: "Authentication is required" } };
    return Promise.resolve(found.handler(recorded, recorded.n)).catch((error: unknown) => ({ status: 500, body: { code: 500, message: `scripted route threw: ${String(error)}` } }));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const method = req.method ?? "GET";
      const found = findHandler(routes, tokens.handler, method, url.pathname);
      const route = found?.key ?? `${method} ${url.pathname}`;
      const n = (counts.get(route) ?? 0) + 1;
      counts.set(route, n);
      const recorded: RecordedRequest = { method, url: req.url ?? "/", path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), route, n, receivedAt: performance.now() };
      requests.push(recorded);
      res.on("close", () => {
        if (!res.writableFinished) recorded.calledOff = true;
      });
      const response = await answer(recorded, found);
      if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
      send(res, response, recorded);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (key) => requests.filter((r) => r.route === key),
    get tokenRequests() {
      return requests.filter((r) => r.route === TOKEN_ROUTE);
    },
    route: (key, handler) => void routes.set(key, handler),
    issued: tokens.issued,
    revokeAccessTokens: () => tokens.validAccess.clear(),
    revokeRefreshTokens: () => tokens.validRefresh.clear(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
