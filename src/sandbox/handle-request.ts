/**
 * The request pipeline, in order: record → injected fault (reset / 429 / 5xx) → route → Accept →
 * bearer token (a Connection's, or an App token and its scopes) → ACL (forbidden prefixes) → handler.
 * The token endpoints and the Connected-App pages are served before routing. Every request is
 * recorded, whatever its fate; errors thrown anywhere become Akeneo error bodies.
 *
 * Injected latency is a PIM's response time: the request is handled at once, as one of a PIM's many
 * workers would, and its answer is held (see holdResponse) until the latency has passed since it
 * arrived. Concurrent requests therefore overlap their latency, as they do against a real PIM, and
 * the sandbox's own work only shows when it takes longer than the latency.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import { APP_TOKEN_PATH, handleAppRequest, isAppPath } from "./auth/app-endpoints.js";
import { hasScope, requiredScopeFor } from "./auth/app-scopes.js";
import { handleTokenRequest } from "./auth/token-endpoint.js";
import { httpError, SandboxHttpError } from "./http/akeneo-error.js";
import { holdResponse } from "./http/hold-response.js";
import { checkAccept } from "./http/media-types.js";
import { sendError, sendJson } from "./http/respond.js";
import type { RecordedRequest } from "./recorder/request-recorder.js";
import type { Router } from "./routes/router.js";
import type { SandboxContext } from "./sandbox-context.js";

export const TOKEN_PATH = "/api/oauth/v1/token";

/** A `node:http` request listener serving the sandbox. */
export function createRequestHandler(ctx: SandboxContext, router: Router): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const rawUrl = req.url ?? "/";
    const queryAt = rawUrl.indexOf("?");
    const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const entry = ctx.recorder.start({
      method: req.method ?? "GET", path, query: queryAt < 0 ? "" : rawUrl.slice(queryAt + 1), headers: { ...req.headers },
      startedAt: ctx.clock.now(), isTokenRequest: path === TOKEN_PATH || path === APP_TOKEN_PATH,
    });
    res.once("close", () => ctx.recorder.finish(entry, ctx.clock.now(), res.writableFinished ? res.statusCode : 0));
    const held = holdAnswer(ctx, res);
    handle(ctx, router, req, res, entry, held).catch((error: unknown) => sendError(res, error));
  };
}

/** Hold the answer until the injected latency has passed since arrival; resolves then (at once without latency). */
function holdAnswer(ctx: SandboxContext, res: ServerResponse): Promise<void> {
  const latency = ctx.faults.options.latencyMs ?? 0;
  if (latency <= 0) return Promise.resolve();
  const elapsed = ctx.clock.sleep(latency, ctx.closing);
  holdResponse(res, elapsed);
  return elapsed.catch(() => undefined);
}

async function handle(ctx: SandboxContext, router: Router, req: IncomingMessage, res: ServerResponse, entry: RecordedRequest, held: Promise<void>): Promise<void> {
  if (await injectFault(ctx, req, res, entry, held)) return;
  const method = req.method ?? "GET";
  if (/%2f/i.test(entry.path)) throw httpError(404, 'Encoded slashes ("%2F") are not allowed in the path: keep "/" unencoded in codes.');
  if (isAppPath(entry.path)) {
    await handleAppRequest(ctx.apps, req, res, new URL(req.url ?? "/", "http://127.0.0.1"));
    return;
  }
  if (entry.isTokenRequest) {
    if (method !== "POST") throw httpError(405, `No route found for '${method} ${entry.path}': Method Not Allowed (Allow: POST)`);
    await handleTokenRequest(req, res, ctx.credentials, ctx.tokens, { rejectRefreshTokens: ctx.faults.options.rejectRefreshTokens === true });
    return;
  }
  // Structure writes (attributes, families, categories) change how items are served.
  if (method !== "GET" && method !== "HEAD") ctx.store.itemJson.clear();
  const match = router.match(method, entry.path);
  if (!match) throw httpError(404, `No route found for "${method} ${entry.path}"`);
  if ("allowed" in match) {
    const allow = match.allowed.join(", ");
    throw new SandboxHttpError(405, { code: 405, message: `No route found for '${method} ${entry.path}': Method Not Allowed (Allow: ${allow})` }, { allow });
  }
  checkAccept(req, match.route.binary === true);
  if (match.route.auth !== false) authenticate(ctx, req, method, entry.path);
  if (ctx.faults.isForbidden(entry.path)) {
    entry.fault = "forbidden";
    throw httpError(403, forbiddenMessage(method, entry.path));
  }
  const host = req.headers.host ?? "127.0.0.1";
  const url = new URL(req.url ?? "/", `http://${host}`);
  await match.route.handle({ req, res, url, query: url.searchParams, params: match.params, base: `http://${host}`, sandbox: ctx });
}

/** Apply a seeded fault; true when the request has been answered (or its socket destroyed). */
async function injectFault(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, entry: RecordedRequest, held: Promise<void>): Promise<boolean> {
  const fault = ctx.faults.decide(entry.isTokenRequest || isAppPath(entry.path), ctx.clock.now());
  if (fault === null) return false;
  entry.fault = fault;
  if (fault === "reset") {
    await held; // the connection drops after the latency, as it would mid-answer
    req.socket.destroy();
    return true;
  }
  if (fault === "rate-limit") {
    const retryAfter = ctx.faults.retryAfter(ctx.clock.now());
    if (retryAfter.deadline !== undefined) entry.retryAfterUntil = retryAfter.deadline;
    sendJson(res, 429, { code: 429, message: "You have exceeded the limit of API requests per second." }, retryAfter.header ? { "retry-after": retryAfter.header } : {});
    return true;
  }
  const status = ctx.faults.options.errorStatus ?? 503;
  sendJson(res, status, { code: status, message: STATUS_CODES[status] ?? "Server error" });
  return true;
}

/** 401 unless the bearer token is valid; 403 (Akeneo's ACL message) when an App token lacks the endpoint's scope. */
function authenticate(ctx: SandboxContext, req: IncomingMessage, method: string, path: string): void {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  const appScopes = match ? ctx.apps.scopesOf(match[1] as string) : undefined;
  if (appScopes) {
    const scope = requiredScopeFor(method, path);
    if (scope !== undefined && !hasScope(appScopes, scope)) throw httpError(403, forbiddenMessage(method, path));
    return;
  }
  if (!match || !ctx.tokens.authorize(match[1] as string, ctx.faults.options)) throw httpError(401, "Authentication is required");
}

/** Akeneo's ACL message: "Access forbidden. You are not allowed to list categories." */
function forbiddenMessage(method: string, path: string): string {
  const resource = (path.replace(/^\/api\/rest\/v1\/?/, "").split("/")[0] ?? "").replace(/-uuid$/, "").replace(/-/g, " ");
  const verb = method === "GET" ? "list" : method === "DELETE" ? "delete" : "create or update";
  return `Access forbidden. You are not allowed to ${verb} ${resource}.`;
}
