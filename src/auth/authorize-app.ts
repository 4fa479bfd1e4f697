/**
 * The Connected-App authorization, run by `akeneo-connector app authorize` (or a host): a local server
 * on 127.0.0.1 serves the app's activate URL (→ the PIM's authorize page) and its callback URL; the
 * callback is validated (state first: a mismatch never reaches the exchange), the code is exchanged at
 * once (it lives about 30 s), and the token is stored in the state store (`app-token`), never shown.
 */
import type { Dispatcher } from "undici";
import { systemClock, type Clock } from "../clock.js";
import type { AppCredentials } from "../config/subscription-config.js";
import { ConnectorError, describeError } from "../errors.js";
import type { StateStore } from "../state/state-store.js";
import { startCallbackServer, type CallbackAnswer } from "./app-callback-server.js";
import { buildAuthorizeUrl, createAuthorizationState } from "./build-authorize-url.js";
import { exchangeAppCode } from "./exchange-app-code.js";
import { saveAppToken } from "./load-app-token.js";
import { validateAppCallback } from "./validate-app-callback.js";

/** Default port of the local server: register `http://127.0.0.1:8787/callback` as the app's callback URL. */
export const DEFAULT_APP_PORT = 8787;

/** The local server's URLs. */
export interface AppAuthorizationUrls {
  /** Open this in a browser logged in to the PIM (the app's activate URL). */
  activateUrl: string;
  /** The callback URL the app must be registered with. */
  callbackUrl: string;
}

export interface AuthorizeAppOptions {
  /** A Connected-App config's credentials (`authMode: "app"`). */
  credentials: AppCredentials;
  /** Where the token is stored: the subscription's state store. */
  state: StateStore;
  /** Port on 127.0.0.1; default 8787; 0 picks a free one (then the PIM must accept `redirect_uri`). */
  port?: number;
  /** Called once the server listens, with the URLs to show the user. */
  onListening?(urls: AppAuthorizationUrls): void;
  /** Give up when no callback arrived within this many ms. Default 300 000 (5 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
  clock?: Clock;
}

/** What was authorized (the token itself stays in the state store). */
export interface AppAuthorization {
  baseUrl: string;
  clientId: string;
  requestedScopes: string[];
  /** As the PIM reported them; the requested ones when the response named none. */
  grantedScopes: string[];
  /** ISO 8601 UTC. */
  obtainedAt: string;
}

/**
 * Run the flow to its end: resolves once the token is stored, rejects with a typed `AUTH_*` error
 * (state mismatch, refusal, expired/reused code, wrong challenge), AUTH_APP_FLOW on timeout, ABORTED.
 */
export async function authorizeApp(options: AuthorizeAppOptions): Promise<AppAuthorization> {
  const { credentials } = options;
  const clock = options.clock ?? systemClock;
  const expectedState = createAuthorizationState();
  let settle: { resolve(value: AppAuthorization): void; reject(error: unknown): void } | undefined;
  const outcome = new Promise<AppAuthorization>((resolve, reject) => (settle = { resolve, reject }));
  let handled = false;
  let authorizeUrl = "";

  const callback = async (query: URLSearchParams): Promise<CallbackAnswer> => {
    if (handled) return { status: 409, title: "Already handled", text: "This authorization already received its callback; see the terminal." };
    handled = true;
    try {
      const code = validateAppCallback(query, expectedState);
      const grant = await exchangeAppCode({ ...credentials, code, ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}), ...(options.signal ? { signal: options.signal } : {}) });
      const obtainedAt = new Date(clock.now()).toISOString();
      const grantedScopes = grant.scopes ?? [...credentials.scopes].sort();
      await saveAppToken(options.state, { accessToken: grant.accessToken, scopes: grantedScopes, obtainedAt, baseUrl: credentials.baseUrl, clientId: credentials.clientId });
      const result = { baseUrl: credentials.baseUrl, clientId: credentials.clientId, requestedScopes: [...credentials.scopes], grantedScopes, obtainedAt };
      return { status: 200, title: "App authorized", text: "The connector is authorized. You can close this tab.", onSent: () => settle?.resolve(result) };
    } catch (error) {
      return { status: 400, title: "Authorization failed", text: describeError(error), onSent: () => settle?.reject(error) };
    }
  };
  const server = await startCallbackServer({ activate: (query) => activate(query, credentials.baseUrl, authorizeUrl), callback }, options.port ?? DEFAULT_APP_PORT);
  const urls = { activateUrl: `${server.origin}/activate`, callbackUrl: `${server.origin}/callback` };
  authorizeUrl = buildAuthorizeUrl({ ...credentials, state: expectedState, redirectUri: urls.callbackUrl });
  const stopTimer = new AbortController();
  try {
    options.onListening?.(urls);
    return await Promise.race([outcome, expire(clock, options.timeoutMs ?? 300_000, stopTimer.signal, options.signal)]);
  } finally {
    stopTimer.abort();
    await server.close();
  }
}

/** The activate URL: on to the PIM's authorize page, unless the PIM that opened it is another one. */
function activate(query: URLSearchParams, baseUrl: string, authorizeUrl: string): CallbackAnswer {
  const pimUrl = query.get("pim_url")?.replace(/\/+$/, "");
  if (pimUrl && pimUrl !== baseUrl) {
    return { status: 400, title: "Another PIM", text: `This authorization is configured for ${baseUrl}, but it was opened from ${pimUrl}: check the baseUrl field.` };
  }
  return { redirect: authorizeUrl };
}

/** Rejects after `timeoutMs` (AUTH_APP_FLOW) or when `signal` aborts (ABORTED); never settles once `stop` aborts. */
async function expire(clock: Clock, timeoutMs: number, stop: AbortSignal, signal?: AbortSignal): Promise<never> {
  try {
    await clock.sleep(timeoutMs, signal ? AbortSignal.any([stop, signal]) : stop);
  } catch (error) {
    if (signal?.aborted) throw new ConnectorError("[auth] the authorization was interrupted; nothing was stored", { code: "ABORTED", kind: "transient", cause: error });
    return new Promise<never>(() => undefined);
  }
  throw new ConnectorError(
    `[auth] no callback arrived within ${Math.round(timeoutMs / 1000)} s: open the activate URL in a browser logged in to the PIM, approve the app, and check that its callback URL is this server's /callback`,
    { code: "AUTH_APP_FLOW", kind: "auth" },
  );
}
