/** Counters of one client, read through `client.stats()`. */

/** Counters returned by `client.stats()`. */
export interface RequestStats {
  /** Attempts sent, token requests and retries included. */
  requests: number;
  /** Attempts sent to the token endpoint. */
  tokenRequests: number;
  /** Attempts repeated after a 429, 408, 5xx, timeout or reset (not the one retry after a 401 refresh). */
  retries: number;
  /** 429 responses received. */
  rateLimited: number;
  /** Total time requests waited in the throttle(s), in ms. */
  throttleWaitMs: number;
}

/** Zeroed counters. */
export function createRequestStats(): RequestStats {
  return { requests: 0, tokenRequests: 0, retries: 0, rateLimited: 0, throttleWaitMs: 0 };
}
