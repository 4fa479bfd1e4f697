/**
 * Access and refresh tokens issued by the sandbox. Access tokens live `accessTokenTtlSeconds`
 * (3600 by default, the value `expires_in` reports); faults can make them die earlier, after a number
 * of seconds or of requests, without telling the client. A refresh returns a new pair and
 * invalidates the refresh token it consumed; refresh tokens live 14 days.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../../clock.js";

/** Fault settings that shorten access-token lives (read at every check, so `setFaults` applies at once). */
export interface TokenFaults {
  tokenTtlRequests?: number;
  tokenTtlSeconds?: number;
}

export interface TokenPair {
  access_token: string;
  expires_in: number;
  token_type: "bearer";
  scope: null;
  refresh_token: string;
}

interface AccessState {
  issuedAt: number;
  uses: number;
}

const REFRESH_TTL_SECONDS = 1_209_600;

export class TokenRegistry {
  private readonly access = new Map<string, AccessState>();
  private readonly refresh = new Map<string, number>();

  constructor(private readonly clock: Clock, private readonly accessTokenTtlSeconds = 3600) {}

  /** Issue a new pair (password grant, or a successful refresh). */
  issue(): TokenPair {
    const now = this.clock.now();
    const accessToken = randomBytes(40).toString("base64url");
    const refreshToken = randomBytes(40).toString("base64url");
    this.access.set(accessToken, { issuedAt: now, uses: 0 });
    this.refresh.set(refreshToken, now + REFRESH_TTL_SECONDS * 1000);
    return { access_token: accessToken, expires_in: this.accessTokenTtlSeconds, token_type: "bearer", scope: null, refresh_token: refreshToken };
  }

  /** Consume a refresh token: a new pair, or undefined when it is unknown, used or expired. */
  useRefreshToken(token: string): TokenPair | undefined {
    const expiresAt = this.refresh.get(token);
    this.refresh.delete(token);
    if (expiresAt === undefined || this.clock.now() >= expiresAt) return undefined;
    return this.issue();
  }

  /** Check a bearer token for one API request (and count the use). */
  authorize(token: string, faults: TokenFaults): boolean {
    const state = this.access.get(token);
    if (!state) return false;
    const age = this.clock.now() - state.issuedAt;
    const expired =
      age >= this.accessTokenTtlSeconds * 1000 ||
      (faults.tokenTtlSeconds !== undefined && age >= faults.tokenTtlSeconds * 1000) ||
      (faults.tokenTtlRequests !== undefined && state.uses >= faults.tokenTtlRequests);
    if (expired) return false;
    state.uses++;
    return true;
  }

  /** Revoke every token (a test can simulate a revoked connection). */
  revokeAll(): void {
    this.access.clear();
    this.refresh.clear();
  }
}
