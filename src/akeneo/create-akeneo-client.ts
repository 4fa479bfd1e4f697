/**
 * The Akeneo client: one per subscription run. Wires the token manager, the throttle, the undici dispatcher
 * and the request pipeline, and exposes the resources generic over the entity definitions of connector/.
 */
import { Agent } from "undici";
import type { Authenticator } from "../auth/authenticator.js";
import { explainAppForbidden } from "../auth/explain-app-forbidden.js";
import { createStaticTokenAuth } from "../auth/static-token-auth.js";
import { TOKEN_PATH } from "../auth/token-error.js";
import { createTokenManager } from "../auth/token-manager.js";
import { createMemoryTokenStore } from "../auth/token-store.js";
import type { Clock } from "../clock.js";
import type { HttpRequest, HttpResponse } from "../http/http-request.js";
import { createPipeline, type Execute } from "../http/pipeline.js";
import { createRequestStats } from "../http/request-stats.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import { createThrottle, type Throttle } from "../throttle/throttle.js";
import type { AkeneoClient } from "./akeneo-client.js";
import { resolveClientOptions, type AkeneoClientOptions, type ClientState } from "./client-options.js";
import { fillPath } from "./fill-path.js";
import { iterateItems, iteratePages, listPage } from "./list-pages.js";
import { downloadMedia, uploadMedia } from "./media-files.js";
import type { ResourceContext } from "./resource-context.js";
import { upsertBatch } from "./upsert-batch.js";

/** Token requests go through the same pipeline (throttled, counted, retried: they are safe to repeat). */
function createAuthenticator(options: AkeneoClientOptions, state: ClientState, execute: Execute): Authenticator {
  if (options.auth.type === "app") return createStaticTokenAuth("accessToken" in options.auth ? options.auth.accessToken : options.auth.loadAccessToken);
  return createTokenManager({
    credentials: options.auth,
    store: options.tokenStore ?? createMemoryTokenStore(),
    clock: state.clock,
    logger: state.logger,
    transport: async (token) => {
      const what = `token request (${token.grant} grant) failed`;
      const body = JSON.stringify(token.body);
      const response = await execute({ method: "POST", path: TOKEN_PATH, body, authorization: token.authorization, retry: "safe", isTokenRequest: true, area: "[auth]", what });
      return response.body;
    },
  });
}

/** One limiter per entity whose batch has its own `rateLimit` (attribute options: 3 requests per second). */
function createLimiterRegistry(clock: Clock): (def: EntityDefinition) => Throttle | undefined {
  const limiters = new Map<string, Throttle>();
  return (def) => {
    const rate = def.batch?.rateLimit;
    if (!rate) return undefined;
    let limiter = limiters.get(def.name);
    if (!limiter) limiters.set(def.name, (limiter = createThrottle({ limit: rate.limit, windowMs: rate.seconds * 1000, clock })));
    return limiter;
  };
}

/** Create a client. Nothing is sent until the first call (the token is fetched on first use). */
export function createAkeneoClient(options: AkeneoClientOptions): AkeneoClient {
  const state = resolveClientOptions(options);
  const { clock, limits } = state;
  const dispatcher = options.dispatcher ?? new Agent({ connections: limits.concurrentConnections, keepAliveTimeout: 30_000 });
  const stats = createRequestStats();
  let authenticator: Authenticator | undefined;
  const pipeline = createPipeline({
    send: { baseUrl: state.baseUrl, dispatcher, timeoutMs: state.timeoutMs, userAgent: "akeneo-connector" },
    throttle: createThrottle({ limit: limits.throttleLimit, windowMs: limits.throttleSeconds * 1000, concurrency: limits.concurrentConnections, clock }),
    authenticator: () => (authenticator ??= createAuthenticator(options, state, pipeline)),
    clock,
    retry: state.retry,
    stats,
    logger: state.logger,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    ...(options.onRateLimit ? { onRateLimit: options.onRateLimit } : {}),
  });
  // With an App token a 403 is a missing scope: the error names the entity and the scope.
  const execute: Execute = options.auth.type === "app" ? (req) => pipeline(req).catch((error: unknown) => Promise.reject(explainAppForbidden(error))) : pipeline;
  const ctx: ResourceContext = { execute, baseUrl: state.baseUrl, limiterFor: createLimiterRegistry(clock) };
  return {
    request: async <T>(req: HttpRequest) => (await execute(req)) as HttpResponse<T>,
    listPage: (def, params) => listPage(ctx, def, params),
    iteratePages: (def, params) => iteratePages(ctx, def, params),
    iterate: (def, params) => iterateItems(ctx, def, params),
    get: async (def, key, pathParams, opts) => {
      const path = fillPath(def.paths.item, { ...pathParams, [def.key]: key });
      const response = await execute({ method: "GET", path, area: "[akeneo]", what: `reading ${def.name} ${key} failed`, ...(opts?.signal ? { signal: opts.signal } : {}) });
      return response.body as Record<string, unknown>;
    },
    upsertBatch: (def, items, pathParams, opts) => upsertBatch(ctx, def, items, pathParams, opts?.signal),
    downloadMedia: ((code: string, opts?: { stream?: boolean; signal?: AbortSignal }) => downloadMedia(ctx, code, opts)) as AkeneoClient["downloadMedia"],
    uploadMedia: (upload) => uploadMedia(ctx, upload),
    stats: () => ({ ...stats }),
    close: async () => {
      if (!options.dispatcher) await dispatcher.close();
    },
  };
}
