/**
 * The sandbox's Connected App: authorization codes and App access tokens (NOTES §1b). A code lives
 * `codeTtlSeconds` (30 by default, from the injected clock) and can be exchanged once, with the right
 * challenge; App tokens never expire and carry the scopes granted, until revoked.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../clock.js";

/** The app the sandbox knows. */
export interface SandboxApp {
  clientId: string;
  clientSecret: string;
  /** The callback URL registered with the app; when unset, the authorize page accepts a `redirect_uri`. */
  callbackUrl?: string;
  /** Lifetime of authorization codes, seconds (default 30). */
  codeTtlSeconds: number;
}

/** An OAuth error answer of the App token endpoint: `{error, error_description}`. */
export class OAuthError extends Error {
  constructor(readonly error: string, readonly description: string, readonly status = 400) {
    super(`${error}: ${description}`);
  }
}

interface CodeState {
  clientId: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

/** What a successful exchange answers. */
export interface AppTokenResponse {
  access_token: string;
  token_type: "bearer";
  scope: string;
}

export class AppRegistry {
  private readonly codes = new Map<string, CodeState>();
  private readonly tokens = new Map<string, ReadonlySet<string>>();

  constructor(readonly app: SandboxApp, private readonly clock: Clock) {}

  /** Approve an authorization: a new code for `scopes`. */
  issueCode(scopes: string[]): string {
    const code = randomBytes(24).toString("base64url");
    this.codes.set(code, { clientId: this.app.clientId, scopes, expiresAt: this.clock.now() + this.app.codeTtlSeconds * 1000, used: false });
    return code;
  }

  /** Exchange a code (fields of the form body); throws `OAuthError` for every refusal. */
  exchange(fields: Record<string, string>): AppTokenResponse {
    for (const name of ["client_id", "code", "code_identifier", "code_challenge"]) {
      if (!fields[name]) throw new OAuthError("invalid_request", `Missing parameter: ${name}`);
    }
    if (fields["grant_type"] !== "authorization_code") throw new OAuthError("unsupported_grant_type", "The grant type must be authorization_code");
    if (fields["client_id"] !== this.app.clientId) throw new OAuthError("invalid_client", "Client not found");
    const state = this.codes.get(fields["code"]!);
    if (!state || state.clientId !== fields["client_id"]) throw new OAuthError("invalid_grant", "Code is invalid");
    if (state.used) throw new OAuthError("invalid_grant", "Code has already been used");
    if (this.clock.now() >= state.expiresAt) throw new OAuthError("invalid_grant", "Code has expired");
    const expected = createHash("sha256").update(`${fields["code_identifier"]}${this.app.clientSecret}`).digest("hex");
    if (fields["code_challenge"] !== expected) throw new OAuthError("invalid_grant", "Code challenge is invalid");
    state.used = true;
    const accessToken = randomBytes(40).toString("base64url");
    this.tokens.set(accessToken, new Set(state.scopes));
    return { access_token: accessToken, token_type: "bearer", scope: state.scopes.join(" ") };
  }

  /** The scopes of an App token, or undefined when it is unknown or revoked. */
  scopesOf(token: string): ReadonlySet<string> | undefined {
    return this.tokens.get(token);
  }

  /** Revoke every App token (the app was disconnected in the PIM). */
  revokeAll(): void {
    this.tokens.clear();
  }
}
