/**
 * Where the token pair lives between requests. The default keeps it in memory; a host can persist it
 * (a database row, a secrets store) so that a restart reuses the token instead of logging in again.
 */

/** An access/refresh token pair. */
export interface TokenSet {
  accessToken: string;
  /** Absent when the token endpoint returned none. */
  refreshToken?: string;
  /** When the access token expires, epoch ms. */
  expiresAt: number;
}

/** Storage of the current token pair. Methods may be synchronous or return promises. */
export interface TokenStore {
  get(): TokenSet | undefined | Promise<TokenSet | undefined>;
  set(token: TokenSet): void | Promise<void>;
}

/** The default store: one token pair in memory, optionally seeded with `initial`. */
export function createMemoryTokenStore(initial?: TokenSet): TokenStore {
  let current = initial;
  return {
    get: () => current,
    set: (token) => {
      current = token;
    },
  };
}
