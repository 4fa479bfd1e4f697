/**
 * The token manager of the password grant (NOTES §1a, USERS.md #1):
 * - a token on first use; a proactive refresh when `now ≥ expiresAt − refreshMarginMs`;
 * - every refresh returns a new pair, which is stored;
 * - a refused refresh token (14-day lifetime) falls back to the password grant instead of failing;
 * - after a 401, one renewal: a newer token another caller already obtained, or a refresh;
 * - concurrent callers share one in-flight token request (single flight, octokit auth-app `pendingPromises`),
 *   and re-read the store inside it (double-checked), so a token saved by another process is reused.
 */
import type { Clock } from "../clock.js";
import { isConnectorError } from "../errors.js";
import type { Logger } from "../logger.js";
import { registerSecret } from "../redact.js";
import type { Authenticator, PasswordCredentials } from "./authenticator.js";
import { fetchToken, type TokenTransport } from "./fetch-token.js";
import type { TokenSet, TokenStore } from "./token-store.js";

/** Inputs of `createTokenManager`. */
export interface TokenManagerOptions {
  credentials: PasswordCredentials;
  /** Sends token requests (through the throttle, retried on transient failures). */
  transport: TokenTransport;
  store: TokenStore;
  clock: Clock;
  logger: Logger;
  /** Refresh this long before the access token expires, in ms. Default 60 000. */
  refreshMarginMs?: number;
}

/** Create the password-grant authenticator. */
export function createTokenManager(options: TokenManagerOptions): Authenticator {
  const { credentials, transport, store, clock, logger } = options;
  const marginMs = options.refreshMarginMs ?? 60_000;
  let pending: Promise<string> | undefined;

  const isFresh = (token: TokenSet): boolean => clock.now() < token.expiresAt - marginMs;

  async function read(): Promise<TokenSet | undefined> {
    const token = await store.get();
    registerSecret(token?.accessToken);
    registerSecret(token?.refreshToken);
    return token;
  }

  async function grant(current: TokenSet | undefined): Promise<TokenSet> {
    if (current?.refreshToken !== undefined) {
      try {
        return await fetchToken(transport, credentials, { type: "refresh_token", refreshToken: current.refreshToken }, clock.now());
      } catch (error) {
        if (!isConnectorError(error) || error.code !== "AUTH_REFRESH_FAILED") throw error;
        logger.info("[auth] the refresh token was refused; logging in again with the password grant");
      }
    }
    return fetchToken(transport, credentials, { type: "password" }, clock.now());
  }

  /** `staleToken`: the token the caller saw expire or refused; never returned again. */
  async function obtain(staleToken: string | undefined): Promise<string> {
    const latest = await read();
    if (latest && isFresh(latest) && latest.accessToken !== staleToken) return latest.accessToken;
    const token = await grant(latest);
    await store.set(token);
    return token.accessToken;
  }

  function singleFlight(staleToken: string | undefined): Promise<string> {
    pending ??= obtain(staleToken).finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    async getAccessToken() {
      const current = await read();
      return current && isFresh(current) ? current.accessToken : singleFlight(current?.accessToken);
    },
    async renewAfterUnauthorized(rejectedToken) {
      const current = await read();
      if (current && isFresh(current) && current.accessToken !== rejectedToken) return current.accessToken;
      return singleFlight(rejectedToken);
    },
  };
}
