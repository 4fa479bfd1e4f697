/**
 * The last step of the Connected-App flow (NOTES §1b): `POST {pim}/connect/apps/v1/oauth2/token`,
 * form-encoded, with `client_id`, `code`, `grant_type=authorization_code`, a fresh `code_identifier`
 * and `code_challenge = sha256hex(code_identifier + client_secret)`. No Basic header, no secret on
 * the wire. The code lives about 30 s and is single-use, so the exchange is sent once, never retried.
 * This endpoint answers standard OAuth errors (`{error, error_description}`), mapped here to codes.
 */
import { request, type Dispatcher } from "undici";
import { z } from "zod";
import { ConnectorError, type ErrorCode } from "../errors.js";
import { registerSecret } from "../redact.js";
import { createCodeChallenge, createCodeIdentifier } from "./code-challenge.js";

/** The App token endpoint, relative to the PIM's base URL. */
export const APP_TOKEN_PATH = "/connect/apps/v1/oauth2/token";

export interface ExchangeAppCodeOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The authorization code from the callback. */
  code: string;
  /** undici dispatcher. Default: undici's global one. */
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  /** Headers and body timeout, ms. Default 15 000 (the code dies after about 30 s anyway). */
  timeoutMs?: number;
}

/** What the exchange obtained. */
export interface AppTokenGrant {
  accessToken: string;
  /** Granted scopes (the response's space-separated `scope`), sorted; undefined when the response has no `scope`. */
  scopes?: string[];
}

const successBody = z.object({ access_token: z.string().min(1), token_type: z.string().optional(), scope: z.string().nullish() });
const errorBody = z.object({ error: z.string(), error_description: z.string().optional() });

/** Exchange `code` for an App access token (registered for redaction); throws a typed `AUTH_*` error. */
export async function exchangeAppCode(options: ExchangeAppCodeOptions): Promise<AppTokenGrant> {
  const codeIdentifier = createCodeIdentifier();
  registerSecret(codeIdentifier);
  registerSecret(options.code);
  const body = new URLSearchParams({
    client_id: options.clientId,
    code: options.code,
    grant_type: "authorization_code",
    code_identifier: codeIdentifier,
    code_challenge: createCodeChallenge(codeIdentifier, options.clientSecret),
  }).toString();
  const timeoutMs = options.timeoutMs ?? 15_000;
  let status: number;
  let text: string;
  try {
    const response = await request(`${options.baseUrl.replace(/\/+$/, "")}${APP_TOKEN_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    if (options.signal?.aborted) throw new ConnectorError("[auth] the code exchange was interrupted", { code: "ABORTED", kind: "transient", cause: error });
    throw new ConnectorError(`[auth] the PIM's App token endpoint could not be reached: POST ${APP_TOKEN_PATH}: ${(error as Error).message}; check the baseUrl field`, {
      code: "NETWORK", kind: "transient", retryable: false, method: "POST", url: APP_TOKEN_PATH, cause: error,
    });
  }
  if (status >= 200 && status < 300) return parseGrant(text);
  throw toExchangeError(status, text);
}

function parseGrant(text: string): AppTokenGrant {
  const parsed = successBody.safeParse(parseJson(text));
  if (!parsed.success) {
    throw new ConnectorError(`[auth] the App token endpoint answered without an access token: POST ${APP_TOKEN_PATH} → 2xx; check the baseUrl field`, {
      code: "NOT_AKENEO", kind: "config", method: "POST", url: APP_TOKEN_PATH,
    });
  }
  registerSecret(parsed.data.access_token);
  const { access_token: accessToken, scope } = parsed.data;
  if (typeof scope !== "string") return { accessToken };
  return { accessToken, scopes: [...new Set(scope.split(/\s+/).filter(Boolean))].sort() };
}

/** A typed error for a refused exchange, naming the cause and what to do. */
export function toExchangeError(status: number, text: string): ConnectorError {
  const parsed = errorBody.safeParse(parseJson(text));
  const where = `POST ${APP_TOKEN_PATH} → ${status}`;
  const base = { kind: "auth" as const, retryable: false, status, method: "POST", url: APP_TOKEN_PATH };
  if (!parsed.success) {
    const code: ErrorCode = status === 404 || status === 405 ? "NOT_AKENEO" : "AUTH_APP_FLOW";
    const fix = code === "NOT_AKENEO" ? "this PIM has no Connected-App endpoints (Apps need Akeneo SaaS): check the baseUrl field" : "try authorizing again";
    return new ConnectorError(`[auth] the code exchange failed: ${where}; ${fix}`, { ...base, code, kind: code === "NOT_AKENEO" ? "config" : "auth" });
  }
  const { error, error_description: description = "" } = parsed.data;
  const said = `${where} ${error}${description ? ` "${description}"` : ""}`;
  const [code, what, fix] = classifyExchangeError(error, description);
  return new ConnectorError(`[auth] ${what}: ${said}; ${fix}`, { ...base, code });
}

function classifyExchangeError(error: string, description: string): [ErrorCode, string, string] {
  if (error === "invalid_grant" && /expired/i.test(description)) {
    return ["AUTH_CODE_EXPIRED", "the authorization code expired before it was exchanged (codes live about 30 s)", "run app authorize again and approve promptly"];
  }
  if (error === "invalid_grant" && /challenge/i.test(description)) {
    return ["AUTH_CODE_CHALLENGE_REJECTED", "the code challenge was rejected", "check the clientSecret field: the challenge is the SHA-256 of the code identifier and the app's client secret"];
  }
  if (error === "invalid_grant") {
    return ["AUTH_CODE_INVALID", "the authorization code was refused (unknown, already used, or issued to another app)", "run app authorize again: each code can be exchanged once"];
  }
  if (error === "invalid_client" || error === "unauthorized_client") {
    return ["AUTH_INVALID_CLIENT", "the app's client was refused", "check the clientId and clientSecret fields against the app's registration"];
  }
  return ["AUTH_APP_FLOW", "the code exchange was refused", "run app authorize again"];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
