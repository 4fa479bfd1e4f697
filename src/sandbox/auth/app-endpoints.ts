/**
 * The Connected-App endpoints (NOTES §1b): `GET /connect/apps/v1/authorize`, which auto-approves the
 * sandbox's app and sends the browser to the callback with `code` and `state` (or `error`), and
 * `POST /connect/apps/v1/oauth2/token`, form-encoded only, answering standard OAuth bodies.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { httpError } from "../http/akeneo-error.js";
import { contentTypeOf } from "../http/media-types.js";
import { readBody } from "../http/read-body.js";
import { sendEmpty, sendJson } from "../http/respond.js";
import { OAuthError, type AppRegistry } from "./app-registry.js";
import { KNOWN_SCOPES } from "./app-scopes.js";

export const APP_AUTHORIZE_PATH = "/connect/apps/v1/authorize";
export const APP_TOKEN_PATH = "/connect/apps/v1/oauth2/token";

const FORM_TYPE = "application/x-www-form-urlencoded";

/** True for the paths this module serves (exempt from injected faults, like the token endpoint). */
export function isAppPath(path: string): boolean {
  return path === APP_AUTHORIZE_PATH || path === APP_TOKEN_PATH;
}

/** Answer a request for one of the App paths. */
export async function handleAppRequest(apps: AppRegistry, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? "GET";
  const allow = url.pathname === APP_TOKEN_PATH ? "POST" : "GET";
  if (method !== allow) throw httpError(405, `No route found for '${method} ${url.pathname}': Method Not Allowed (Allow: ${allow})`);
  if (url.pathname === APP_AUTHORIZE_PATH) {
    authorize(apps, url.searchParams, res);
    return;
  }
  try {
    if (contentTypeOf(req) !== FORM_TYPE) throw new OAuthError("invalid_request", `The Content-Type must be ${FORM_TYPE}`);
    const fields = Object.fromEntries(new URLSearchParams((await readBody(req, 64 * 1024)).toString("utf8")));
    sendJson(res, 200, apps.exchange(fields), { "cache-control": "no-store", pragma: "no-cache" });
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendJson(res, error.status, { error: error.error, error_description: error.description }, { "cache-control": "no-store" });
  }
}

/** The authorize page: validate, approve, redirect (302) to the callback. */
function authorize(apps: AppRegistry, query: URLSearchParams, res: ServerResponse): void {
  const registered = apps.app.callbackUrl;
  const asked = query.get("redirect_uri") ?? undefined;
  if (registered !== undefined && asked !== undefined && asked !== registered) {
    sendJson(res, 400, { error: "invalid_request", error_description: "The redirect_uri does not match the app's callback URL" });
    return;
  }
  const target = parseUrl(registered ?? asked);
  if (!target) {
    sendJson(res, 400, { error: "invalid_request", error_description: "The app has no callback URL: register one, or pass redirect_uri" });
    return;
  }
  const state = query.get("state");
  const back = (params: Record<string, string>) => {
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    if (state !== null) target.searchParams.set("state", state);
    sendEmpty(res, 302, { location: target.toString(), "cache-control": "no-store" });
  };
  if (query.get("client_id") !== apps.app.clientId) return back({ error: "invalid_client", error_description: "The client_id is not an app known to this PIM" });
  if (query.get("response_type") !== "code") return back({ error: "unsupported_response_type", error_description: "The response_type must be code" });
  const scopes = (query.get("scope") ?? "").split(/\s+/).filter(Boolean);
  const unknown = scopes.filter((scope) => !KNOWN_SCOPES.has(scope));
  if (unknown.length > 0) return back({ error: "invalid_scope", error_description: `Unknown scope: ${unknown.join(", ")}` });
  back({ code: apps.issueCode([...new Set(scopes)]) });
}

function parseUrl(text: string | undefined): URL | undefined {
  if (text === undefined) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
