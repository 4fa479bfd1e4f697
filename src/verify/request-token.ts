import { request, type Dispatcher } from "undici";
import type { PasswordCredentials } from "../auth/authenticator.js";
import { fetchToken, type TokenTransport } from "../auth/fetch-token.js";
import { TOKEN_PATH } from "../auth/token-error.js";
import type { Clock } from "../clock.js";
import { classifyNetworkError, createNetworkError } from "../http/classify-network-error.js";
import { createHttpError, type RequestLabel } from "../http/create-http-error.js";

/** Options of `requestToken`. */
export interface RequestTokenOptions {
  clock: Clock;
  /** Default: undici's global dispatcher. */
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  /** Headers and body timeout, ms. Default 15 000. */
  timeoutMs?: number;
}

const LABEL: RequestLabel = { area: "[auth]", what: "token request (password grant) failed", method: "POST", path: TOKEN_PATH };

/**
 * One password grant with the configured credentials, bypassing every token store: the verification
 * must prove the credentials as they are now, not a token saved earlier (a refresh token lives 14
 * days after a password change). Failures are the auth room's typed errors (`toTokenError`):
 * AUTH_INVALID_CLIENT, AUTH_INVALID_CREDENTIALS …; the token itself is only registered for redaction.
 */
export async function requestToken(baseUrl: string, credentials: PasswordCredentials, options: RequestTokenOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const transport: TokenTransport = async (token) => {
    let response: Dispatcher.ResponseData;
    try {
      response = await request(`${baseUrl}${TOKEN_PATH}`, {
        method: "POST",
        headers: { authorization: token.authorization, "content-type": "application/json", accept: "application/json", "user-agent": "akeneo-connector" },
        body: JSON.stringify(token.body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      throw createNetworkError(error, classifyNetworkError(error), LABEL);
    }
    const bodyText = await response.body.text();
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw createHttpError({ status: response.statusCode, headers: response.headers, bodyText }, LABEL, options.clock.now());
    }
    try {
      return JSON.parse(bodyText) as unknown;
    } catch {
      return undefined; // fetchToken reports a 2xx without an access token as NOT_AKENEO
    }
  };
  await fetchToken(transport, credentials, { type: "password" }, options.clock.now());
}
