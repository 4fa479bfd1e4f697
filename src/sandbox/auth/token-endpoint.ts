/**
 * `POST /api/oauth/v1/token`: password and refresh grants, JSON or form body, client credentials in
 * a Basic header (or in the body). Failures answer 422 `{code, message}` with the messages of
 * Akeneo's TokenController, not standard OAuth bodies.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { httpError, isPlainObject } from "../http/akeneo-error.js";
import { contentTypeOf, JSON_TYPE } from "../http/media-types.js";
import { readBody } from "../http/read-body.js";
import { sendJson } from "../http/respond.js";
import type { TokenRegistry } from "./token-registry.js";

/** What the sandbox accepts on its token endpoint. */
export interface SandboxCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

const FORM_TYPE = "application/x-www-form-urlencoded";
const MESSAGES = {
  invalidClient: 'Parameter "client_id" is missing or does not match any client, or secret is invalid',
  invalidRequestPassword: 'Parameter "grant_type", "username" or "password" is missing, empty or invalid',
  invalidRequestRefresh: 'Parameter "grant_type" or "refresh_token" is missing or empty',
  invalidGrantPassword: "No user found for the given username and password",
  invalidGrantRefresh: "Refresh token is invalid or has expired",
  unauthorizedClient: "This grant type is not authorized for this client",
};

/** Handle one token request. */
export async function handleTokenRequest(
  req: IncomingMessage, res: ServerResponse, credentials: SandboxCredentials, tokens: TokenRegistry, options: { rejectRefreshTokens: boolean },
): Promise<void> {
  const body = await readTokenBody(req);
  const grantType = body["grant_type"];
  if (typeof grantType !== "string" || grantType === "") throw httpError(422, MESSAGES.invalidRequestPassword);
  const client = clientCredentials(req, body);
  if (client.id !== credentials.clientId || client.secret !== credentials.clientSecret) throw httpError(422, MESSAGES.invalidClient);
  let pair;
  if (grantType === "password") {
    const { username, password } = body;
    if (typeof username !== "string" || username === "" || typeof password !== "string" || password === "") throw httpError(422, MESSAGES.invalidRequestPassword);
    if (username !== credentials.username || password !== credentials.password) throw httpError(422, MESSAGES.invalidGrantPassword);
    pair = tokens.issue();
  } else if (grantType === "refresh_token") {
    const refreshToken = body["refresh_token"];
    if (typeof refreshToken !== "string" || refreshToken === "") throw httpError(422, MESSAGES.invalidRequestRefresh);
    pair = options.rejectRefreshTokens ? undefined : tokens.useRefreshToken(refreshToken);
    if (!pair) throw httpError(422, MESSAGES.invalidGrantRefresh);
  } else {
    throw httpError(422, MESSAGES.unauthorizedClient);
  }
  sendJson(res, 200, pair, { "cache-control": "no-store", pragma: "no-cache" });
}

async function readTokenBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = contentTypeOf(req);
  if (type !== JSON_TYPE && type !== FORM_TYPE) {
    throw httpError(415, `‘${type}’ in ‘Content-type’ header is not valid.  Only ‘application/json’ or ‘application/x-www-form-urlencoded’ is allowed.`);
  }
  const text = (await readBody(req, 1024 * 1024)).toString("utf8");
  if (type === FORM_TYPE) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    if (isPlainObject(parsed)) return parsed;
  } catch {
    // fall through to Akeneo's 400
  }
  throw httpError(400, "Invalid json message received");
}

function clientCredentials(req: IncomingMessage, body: Record<string, unknown>): { id: unknown; secret: unknown } {
  const header = req.headers.authorization ?? "";
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (match) {
    const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon < 0 ? { id: decoded, secret: undefined } : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  return { id: body["client_id"], secret: body["client_secret"] };
}
