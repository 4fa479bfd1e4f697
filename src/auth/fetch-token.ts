/**
 * One grant against `POST /api/oauth/v1/token` (NOTES §1a): Basic header with client id and secret, JSON
 * body with the grant. Credentials appear only there; every token received is registered for redaction.
 */
import { z } from "zod";
import { ConnectorError } from "../errors.js";
import { registerSecret } from "../redact.js";
import type { PasswordCredentials } from "./authenticator.js";
import { TOKEN_PATH, toTokenError } from "./token-error.js";
import type { TokenSet } from "./token-store.js";

/** The two grants of a Connection. */
export type GrantType = "password" | "refresh_token";

/** One token request as the HTTP layer sends it. */
export interface TokenRequest {
  grant: GrantType;
  /** The full Authorization header value (`Basic …`). */
  authorization: string;
  body: Record<string, string>;
}

/** Sends a token request; resolves to the parsed JSON body of a 2xx or throws the HTTP layer's typed error. */
export type TokenTransport = (request: TokenRequest) => Promise<unknown>;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
});

/** `Basic base64(clientId:clientSecret)`, with no trailing newline (a stray one is the usual cause of "client_id" errors). */
export function basicAuthorization(credentials: PasswordCredentials): string {
  const value = `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`, "utf8").toString("base64")}`;
  registerSecret(value.slice(6));
  return value;
}

/** Run one grant. `nowMs` is when the request starts; the token's lifetime is counted from then. */
export async function fetchToken(transport: TokenTransport, credentials: PasswordCredentials, grant: { type: "password" } | { type: "refresh_token"; refreshToken: string }, nowMs: number): Promise<TokenSet> {
  const body: Record<string, string> =
    grant.type === "password"
      ? { grant_type: "password", username: credentials.username, password: credentials.password }
      : { grant_type: "refresh_token", refresh_token: grant.refreshToken };
  let raw: unknown;
  try {
    raw = await transport({ grant: grant.type, authorization: basicAuthorization(credentials), body });
  } catch (error) {
    throw toTokenError(error, grant.type);
  }
  const parsed = tokenResponse.safeParse(raw);
  if (!parsed.success) {
    throw new ConnectorError(
      `[auth] the token endpoint answered without an access token: POST ${TOKEN_PATH} → 2xx; this does not look like an Akeneo PIM: check the baseUrl field`,
      { code: "NOT_AKENEO", kind: "config", method: "POST", url: TOKEN_PATH },
    );
  }
  registerSecret(parsed.data.access_token);
  registerSecret(parsed.data.refresh_token);
  return {
    accessToken: parsed.data.access_token,
    ...(parsed.data.refresh_token === undefined ? {} : { refreshToken: parsed.data.refresh_token }),
    expiresAt: nowMs + (parsed.data.expires_in ?? 3600) * 1000,
  };
}
